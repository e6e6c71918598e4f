import { test, expect } from './fixtures/guard';
import { FIXTURE_ORDER, ProfilesPage, fixtureTenant } from './fixtures/profiles_page';

function moved(name: string, to: number): string[] {
  const order: string[] = FIXTURE_ORDER.filter((n) => n !== name);
  order.splice(to - 1, 0, name);
  return order;
}

test.describe('reorder profiles with the keyboard', () => {
  test.beforeEach(async ({ page }) => {
    await new ProfilesPage(page).seed(fixtureTenant());
  });

  test('Space lifts, arrows move, Space drops, and every step is announced', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    const handle = list.handle('Kiosk ESP');
    await expect(handle).toHaveAttribute('aria-roledescription', 'sortable');
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(handle).toHaveAttribute('aria-pressed', 'true');
    await expect(list.announcer).toHaveText(/^Picked up Kiosk ESP, priority 3 of 7\./);
    await page.keyboard.press('ArrowUp');
    await expect(list.announcer).toHaveText('Kiosk ESP moved to priority 2 of 7');
    // The list shows the profile where it would land, numbered as it would be.
    await list.expectOrder(moved('Kiosk ESP', 2));
    await expect(handle).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(list.announcer).toHaveText('Kiosk ESP moved to priority 1 of 7');
    await page.keyboard.press('ArrowUp');
    await expect(list.announcer).toHaveText('Kiosk ESP is already at priority 1');
    await page.keyboard.press('Space');
    await expect(list.announcer).toHaveText('Kiosk ESP dropped at priority 1 of 7');
    await expect(handle).toHaveAttribute('aria-pressed', 'false');
    await expect(handle).toBeFocused();
    await list.expectOrder(moved('Kiosk ESP', 1));
    // The whole move is one change to undo.
    await expect(list.undo).toHaveAttribute('title', "Undo: Move 'Kiosk ESP' to priority 1 (Ctrl+Z)");
    await page.reload();
    await list.expectOrder(moved('Kiosk ESP', 1));
  });

  test('Escape cancels and puts the profile back where it was', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    const handle = list.handle('Kiosk ESP');
    await handle.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(list.announcer).toHaveText('Kiosk ESP moved to priority 5 of 7');
    await list.expectOrder(moved('Kiosk ESP', 5));
    await page.keyboard.press('Escape');
    await expect(list.announcer).toHaveText('Reorder cancelled; Kiosk ESP is back at priority 3');
    await list.expectOrder(FIXTURE_ORDER);
    await expect(handle).toBeFocused();
    await expect(handle).toHaveAttribute('aria-pressed', 'false');
    await expect(list.undo).toBeDisabled();
  });

  test('Home and End jump to the first and last positions; Enter works like Space', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.handle('Student ESP').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await expect(list.announcer).toHaveText('Student ESP moved to priority 7 of 7');
    await page.keyboard.press('Home');
    await expect(list.announcer).toHaveText('Student ESP moved to priority 1 of 7');
    await page.keyboard.press('Enter');
    await list.expectOrder(moved('Student ESP', 1));
  });

  test('Tab away cancels the move instead of leaving the profile lifted', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.handle('Pilot ESP').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await expect(list.announcer).toHaveText('Reorder cancelled; Pilot ESP is back at priority 7');
    await list.expectOrder(FIXTURE_ORDER);
  });
});
