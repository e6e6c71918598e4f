// Typing in the wizard's Name field on a large tenant: every key toggles the duplicate-name
// error (Backspace makes the name a taken one, a letter makes it free again), so each keystroke
// runs the validation and changes the message a person reads.
import { test, expect } from '../fixtures/guard';
import { WizardPage } from '../fixtures/wizard_page';
import { installProbe, summarizeTimings, timeInput, type Timing } from '../fixtures/speed_probe';
import { SIZE, largeTenant, record } from '../fixtures/speed_report';

const TAKEN = 'Profile 7';
const ERROR = `Another ESP profile is already named '${TAKEN}'`;

test.describe('typing in the wizard Name field with 50 profiles, 5,000 groups, 2,000 apps', () => {
  test('key to validation message painted', async ({ page }) => {
    const wizard = new WizardPage(page);
    await installProbe(page);
    await wizard.seed(largeTenant() as Record<string, unknown[]>);
    await wizard.openCreate();
    await wizard.name.fill(TAKEN);
    await expect(wizard.name).toHaveAccessibleDescription(`Error: ${ERROR}`);

    const timings: Timing[] = [];
    for (let key = 0; key < SIZE.keystrokes; key++) {
      const freeing = key % 2 === 0;
      timings.push(
        await timeInput(wizard.name, { description: ERROR, absent: freeing }, () =>
          page.keyboard.press(freeing ? 'x' : 'Backspace'),
        ),
      );
    }
    // The field says what its value says.
    const last = SIZE.keystrokes % 2 === 1;
    await expect(wizard.name).toHaveValue(last ? `${TAKEN}x` : TAKEN);
    await expect(wizard.name).toHaveAttribute('aria-invalid', last ? 'false' : 'true');
    expect(timings).toHaveLength(SIZE.keystrokes);
    for (const t of timings) expect(t.painted).toBeGreaterThanOrEqual(t.dom);
    const keystroke = summarizeTimings(timings);
    record('wizardTyping', { keystroke });
    console.log('wizard typing', JSON.stringify(keystroke));
  });
});
