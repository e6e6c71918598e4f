import { test, expect } from './fixtures/guard';
import { FIXTURE_ORDER, ProfilesPage, fixtureTenant } from './fixtures/profiles_page';

function moved(name: string, to: number): string[] {
  const order: string[] = FIXTURE_ORDER.filter((n) => n !== name);
  order.splice(to - 1, 0, name);
  return order;
}

test.describe('undo and redo of list changes', () => {
  // Tall enough for the whole fixture list: drags stay clear of the edges that scroll the page.
  test.use({ viewport: { width: 1280, height: 1100 } });

  test.beforeEach(async ({ page }) => {
    await new ProfilesPage(page).seed(fixtureTenant());
  });

  test('a reorder is undone with Ctrl+Z and redone with Ctrl+Shift+Z', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.dragByMouse('Kiosk ESP', 'Executive ESP');
    await list.expectOrder(moved('Kiosk ESP', 1));
    await expect(list.undo).toHaveAttribute('title', "Undo: Move 'Kiosk ESP' to priority 1 (Ctrl+Z)");
    await page.keyboard.press('Control+z');
    await list.expectOrder(FIXTURE_ORDER);
    await expect(list.shellMessages).toContainText("Undone: Move 'Kiosk ESP' to priority 1");
    await page.keyboard.press('Control+Shift+z');
    await list.expectOrder(moved('Kiosk ESP', 1));
    await expect(list.shellMessages).toContainText("Redone: Move 'Kiosk ESP' to priority 1");
  });

  test('Undo while a profile is lifted puts it back, then undoes the last change', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.moveButton('Pilot ESP', 'up').click();
    await list.expectOrder(moved('Pilot ESP', 6));
    await list.handle('Kiosk ESP').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+z');
    await list.expectOrder(FIXTURE_ORDER);
    await expect(list.handle('Kiosk ESP')).toHaveAttribute('aria-pressed', 'false');
  });

  test('a delete is undone and redone with the shell buttons', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.action('Student ESP', 'Delete').click();
    await list.expectOrder(FIXTURE_ORDER.filter((name) => name !== 'Student ESP'));
    await expect(list.undo).toHaveAttribute('title', "Undo: Delete 'Student ESP' (Ctrl+Z)");
    await list.undo.click();
    await list.expectOrder(FIXTURE_ORDER);
    await expect(list.priorityOf('Student ESP')).toHaveText('4');
    await list.redo.click();
    await list.expectOrder(FIXTURE_ORDER.filter((name) => name !== 'Student ESP'));
    await page.keyboard.press('Control+z');
    await list.expectOrder(FIXTURE_ORDER);
  });

  test('a duplicate is undone and redone', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.action('Executive ESP', 'Duplicate').click();
    await list.expectOrder([...FIXTURE_ORDER, 'Copy of Executive ESP']);
    await expect(list.undo).toHaveAttribute('title', "Undo: Duplicate 'Executive ESP' (Ctrl+Z)");
    await page.keyboard.press('Control+z');
    await list.expectOrder(FIXTURE_ORDER);
    await expect(list.count).toHaveText('7 of 50 custom profiles');
    await list.redo.click();
    await list.expectOrder([...FIXTURE_ORDER, 'Copy of Executive ESP']);
    await expect(list.redo).toBeDisabled();
  });
});
