import { test, expect } from './fixtures/guard';
import { DEFAULT_NAME, FIXTURE_ORDER, ProfilesPage, fixtureTenant } from './fixtures/profiles_page';

/** The fixture order after moving `name` to 1-based priority `to`. */
function moved(name: string, to: number): string[] {
  const order: string[] = FIXTURE_ORDER.filter((n) => n !== name);
  order.splice(to - 1, 0, name);
  return order;
}

test.describe('reorder profiles by pointer and buttons', () => {
  // Tall enough for the whole fixture list: drags stay clear of the edges that scroll the page.
  test.use({ viewport: { width: 1280, height: 1100 } });

  test.beforeEach(async ({ page }) => {
    await new ProfilesPage(page).seed(fixtureTenant());
  });

  test('dragging with the mouse moves a profile from priority 3 to 1, and the order survives a reload', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.expectOrder(FIXTURE_ORDER);
    await list.dragByMouse('Kiosk ESP', 'Executive ESP');
    await list.expectOrder(moved('Kiosk ESP', 1));
    await expect(list.announcer).toHaveText('Kiosk ESP moved to priority 1 of 7');
    await expect(list.handle('Kiosk ESP')).toBeFocused();
    await page.reload();
    await expect(list.heading).toHaveText('Profiles');
    await list.expectOrder(moved('Kiosk ESP', 1));
  });

  test('dragging down moves a profile below the row it is dropped on', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.dragByMouse('Finance Users ESP', 'Lab Devices ESP');
    await list.expectOrder(moved('Finance Users ESP', 5));
  });

  test('while dragging, the list shows and says where the row will land; Escape cancels', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    const from = await list.handle('Kiosk ESP').boundingBox();
    const onto = await list.row('Executive ESP').boundingBox();
    if (!from || !onto) throw new Error('rows not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, onto.y + 5, { steps: 10 });
    await expect(list.announcer).toHaveText('Kiosk ESP would move to priority 1 of 7');
    // The landing row draws a line on the side the dragged row comes in; nothing else does.
    const lines = () =>
      list.rows.evaluateAll((rows) =>
        rows.map((row) => getComputedStyle(row.querySelector('th, td') as Element).boxShadow !== 'none'),
      );
    await expect.poll(lines).toEqual([true, false, false, false, false, false, false, false]);
    await page.keyboard.press('Escape');
    await expect(list.announcer).toHaveText('Reorder cancelled; Kiosk ESP is back at priority 3');
    await expect.poll(lines).toEqual(Array(8).fill(false));
    await page.mouse.up();
    await list.expectOrder(FIXTURE_ORDER);
    await expect(list.undo).toBeDisabled();
  });

  test('dragging with a finger moves a profile', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    const from = await list.handle('Student ESP').boundingBox();
    const onto = await list.row('Finance Users ESP').boundingBox();
    if (!from || !onto) throw new Error('rows not on screen');
    // Playwright's touchscreen only taps, so the finger is driven through the DevTools protocol,
    // which makes Chromium fire real touch pointer events.
    await page.evaluate(() => {
      const w = window as unknown as { pointerTypes: string[] };
      w.pointerTypes = [];
      window.addEventListener('pointerdown', (e) => w.pointerTypes.push(e.pointerType), { capture: true });
    });
    const cdp = await page.context().newCDPSession(page);
    const x = from.x + from.width / 2;
    const startY = from.y + from.height / 2;
    const endY = onto.y + onto.height * 0.25;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: startY }] });
    for (let step = 1; step <= 10; step++) {
      const y = startY + ((endY - startY) * step) / 10;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await list.expectOrder(moved('Student ESP', 2));
    await expect(list.announcer).toHaveText('Student ESP moved to priority 2 of 7');
    // It really was a touch pointer, not a mouse emulated from it.
    expect(await page.evaluate(() => (window as unknown as { pointerTypes: string[] }).pointerTypes)).toEqual(['touch']);
  });

  test('Move up and Move down move one place and keep focus on the button', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.moveButton('Kiosk ESP', 'up').click();
    await list.expectOrder(moved('Kiosk ESP', 2));
    await expect(list.announcer).toHaveText('Kiosk ESP moved to priority 2 of 7');
    await expect(list.moveButton('Kiosk ESP', 'up')).toBeFocused();
    await page.keyboard.press('Enter');
    await list.expectOrder(moved('Kiosk ESP', 1));
    // At priority 1 the button is disabled, so focus goes to the row's handle.
    await expect(list.moveButton('Kiosk ESP', 'up')).toBeDisabled();
    await expect(list.handle('Kiosk ESP')).toBeFocused();
    await list.moveButton('Kiosk ESP', 'down').click();
    await list.expectOrder(moved('Kiosk ESP', 2));
  });

  test('the default profile cannot be moved by any means', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    // No handle and no move buttons on the default row.
    await expect(list.handle(DEFAULT_NAME)).toHaveCount(0);
    await expect(list.moveButton(DEFAULT_NAME, 'up')).toHaveCount(0);
    // Nothing goes below it: the last custom profile cannot move down…
    await expect(list.moveButton('Pilot ESP', 'down')).toBeDisabled();
    // …by the keyboard either, and the core's reason is announced…
    await list.handle('Pilot ESP').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(list.announcer).toHaveText(
      'Pilot ESP stays at priority 7: the default profile always comes last and cannot be moved',
    );
    await page.keyboard.press('Space');
    await list.expectOrder(FIXTURE_ORDER);
    // …and a row dragged onto or past the default lands just above it.
    await list.dragByMouse('Executive ESP', DEFAULT_NAME);
    await list.expectOrder(moved('Executive ESP', 7));
    await expect(list.priorityOf(DEFAULT_NAME)).toHaveText('Default');
  });
});
