import { test, expect } from './fixtures/guard';
import { DEFAULT_NAME, FIXTURE_ORDER, ProfilesPage, fixtureTenant } from './fixtures/profiles_page';

test.describe('delete and duplicate profiles', () => {
  test.beforeEach(async ({ page }) => {
    await new ProfilesPage(page).seed(fixtureTenant());
  });

  test('Delete then Undo in the notice restores the profile at its priority', async ({ page }) => {
    await page.clock.install();
    const list = new ProfilesPage(page);
    await list.open();
    await list.action('Kiosk ESP', 'Delete').click();
    await list.expectOrder(FIXTURE_ORDER.filter((name) => name !== 'Kiosk ESP'));
    await expect(list.count).toHaveText('6 of 50 custom profiles');
    await expect(list.announcer).toHaveText('Deleted Kiosk ESP. Undo puts it back at priority 3.');
    const undoDelete = page.getByRole('button', { name: 'Undo deleting Kiosk ESP' });
    await expect(page.getByText('Deleted Kiosk ESP (priority 3).')).toBeVisible();
    await expect(undoDelete).toBeFocused();
    // The offer stands for well over ten seconds.
    await page.clock.fastForward(15_000);
    await expect(undoDelete).toBeVisible();
    await undoDelete.click();
    await list.expectOrder(FIXTURE_ORDER);
    await expect(list.announcer).toHaveText('Restored Kiosk ESP at priority 3');
    await expect(undoDelete).toBeHidden();
    await expect(list.handle('Kiosk ESP')).toBeFocused();
    await page.reload();
    await list.expectOrder(FIXTURE_ORDER);
  });

  test('the Undo offer goes away once another change is made', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.action('Kiosk ESP', 'Delete').click();
    const undoDelete = page.getByRole('button', { name: 'Undo deleting Kiosk ESP' });
    await expect(undoDelete).toBeVisible();
    await list.moveButton('Pilot ESP', 'up').click();
    await expect(undoDelete).toBeHidden();
  });

  test('Duplicate adds "Copy of …" just above the default and marks it', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.action('Kiosk ESP', 'Duplicate').click();
    await list.expectOrder([...FIXTURE_ORDER, 'Copy of Kiosk ESP']);
    await expect(list.announcer).toHaveText('Duplicated Kiosk ESP as Copy of Kiosk ESP, priority 8 of 8');
    await expect(list.row('Copy of Kiosk ESP')).toContainText('Just saved');
    await expect(list.row('Copy of Kiosk ESP').getByRole('cell').nth(4)).toHaveText('Kiosk');
    await expect(page).toHaveURL(/#\/profiles\?highlight=local-esp-1$/);
    await list.action('Kiosk ESP', 'Duplicate').click();
    await list.expectOrder([...FIXTURE_ORDER, 'Copy of Kiosk ESP', 'Copy of Kiosk ESP (2)']);
  });

  test('the default profile duplicates into a custom profile', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.action(DEFAULT_NAME, 'Duplicate').click();
    await list.expectOrder([...FIXTURE_ORDER, `Copy of ${DEFAULT_NAME}`]);
    await expect(list.handle(`Copy of ${DEFAULT_NAME}`)).toBeVisible();
  });
});
