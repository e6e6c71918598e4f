// Reordering 50 profiles with the keyboard on a large tenant: each move picks a profile up with
// Space, moves it one place down with the arrow key (timed: the list shows where it would land)
// and drops it with Space (timed: the new order is a change of the workspace, saved).
import { test, expect } from '../fixtures/guard';
import { ProfilesPage } from '../fixtures/profiles_page';
import { installProbe, summarizeTimings, timeInput, type Timing } from '../fixtures/speed_probe';
import { SIZE, largeTenant, record } from '../fixtures/speed_report';

test.describe('keyboard reorder of a 50-profile list', () => {
  test('time per arrow step and per drop', async ({ page }) => {
    const list = new ProfilesPage(page);
    await installProbe(page);
    await list.seed(largeTenant());
    await list.open();
    await expect(list.rows).toHaveCount(51);

    const steps: Timing[] = [];
    const drops: Timing[] = [];
    const names = (await list.names()).slice(0, -1);
    for (let move = 0; move < SIZE.moves; move++) {
      // Profiles two apart, so each move starts from the generated order.
      const name = names[2 * move];
      const priority = 2 * move + 1;
      await list.handle(name).focus();
      await page.keyboard.press('Space');
      await expect(list.announcer).toHaveText(new RegExp(`^Picked up ${name}, priority ${priority} of 50`));
      steps.push(
        await timeInput(list.announcer, { text: `${name} moved to priority ${priority + 1} of 50` }, () =>
          page.keyboard.press('ArrowDown'),
        ),
      );
      drops.push(
        await timeInput(list.announcer, { text: `${name} dropped at priority ${priority + 1} of 50` }, () =>
          page.keyboard.press('Space'),
        ),
      );
    }
    // The list is in the order the moves made.
    const expected = [...names];
    for (let move = 0; move < SIZE.moves; move++) {
      [expected[2 * move], expected[2 * move + 1]] = [expected[2 * move + 1], expected[2 * move]];
    }
    await list.expectOrder(expected);
    const step = summarizeTimings(steps);
    const drop = summarizeTimings(drops);
    record('keyboardReorder', { step, drop });
    console.log('keyboard reorder', JSON.stringify({ step, drop }));
  });
});
