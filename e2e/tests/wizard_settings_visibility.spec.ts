import { test, expect } from './fixtures/guard';
import { LABEL, WizardPage, fixtureTenant } from './fixtures/wizard_page';

/** Every setting that exists only while the page is shown (besides the timeout). */
const UNDER_PROGRESS = [
  LABEL.customMessage,
  LABEL.logCollection,
  LABEL.oobeOnly,
  LABEL.qualityUpdates,
  LABEL.block,
  LABEL.allowReset,
  LABEL.allowUse,
  LABEL.blockingApps,
  LABEL.technician,
];

test.describe('settings appear and disappear as the admin center shows them', () => {
  let wizard: WizardPage;

  test.beforeEach(async ({ page }) => {
    wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    await wizard.openCreate();
    await wizard.name.fill('Visibility');
    await wizard.goNext('Settings');
  });

  test('a new profile starts with the designer defaults, each setting labelled as in the admin center', async ({ page }) => {
    await wizard.expectChosen(LABEL.progress, 'Yes');
    await expect(wizard.timeout).toHaveValue('60');
    await wizard.expectChosen(LABEL.customMessage, 'No');
    await expect(page.getByText('People see the default message:')).toContainText(
      'Setup could not be completed. Please try again or contact your support person for help.',
    );
    await wizard.expectChosen(LABEL.logCollection, 'No');
    await wizard.expectChosen(LABEL.oobeOnly, 'No');
    await wizard.expectChosen(LABEL.qualityUpdates, 'Yes');
    await wizard.expectChosen(LABEL.block, 'Yes');
    await wizard.expectChosen(LABEL.allowReset, 'No');
    await wizard.expectChosen(LABEL.allowUse, 'No');
    await wizard.expectChosen(LABEL.blockingApps, 'All');
    await expect(wizard.choice(LABEL.technician)).toHaveCount(0);
  });

  test('progress No hides every other setting, and Yes brings them back as they were', async () => {
    await wizard.timeout.fill('90');
    await wizard.choose(LABEL.logCollection, 'Yes');
    await wizard.choose(LABEL.customMessage, 'Yes');
    await wizard.messageText.fill('Call the service desk.');
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await wizard.selectApps('7-Zip');
    await expect(wizard.choice(LABEL.technician)).toBeVisible();

    await wizard.choose(LABEL.progress, 'No');
    await expect(wizard.timeout).toHaveCount(0);
    await expect(wizard.messageText).toHaveCount(0);
    await expect(wizard.appPicker).toHaveCount(0);
    for (const label of UNDER_PROGRESS) await expect(wizard.choice(label)).toHaveCount(0);
    await wizard.gotoStep('review');
    await expect(wizard.summary('Settings').getByRole('term')).toHaveText([LABEL.progress]);
    await wizard.stepLink('Settings').click();

    await wizard.choose(LABEL.progress, 'Yes');
    await expect(wizard.timeout).toHaveValue('90');
    await wizard.expectChosen(LABEL.logCollection, 'Yes');
    await expect(wizard.messageText).toHaveValue('Call the service desk.');
    await wizard.expectChosen(LABEL.blockingApps, 'Selected');
    await expect(wizard.selectedApps.getByRole('listitem')).toHaveText([/7-Zip/]);
  });

  test('Block No hides the four settings that depend on it, and Yes brings them back', async () => {
    await wizard.choose(LABEL.allowReset, 'Yes');
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await wizard.selectApps('Company Portal');
    await wizard.choose(LABEL.technician, 'Yes');

    await wizard.choose(LABEL.block, 'No');
    for (const label of [LABEL.allowReset, LABEL.allowUse, LABEL.blockingApps, LABEL.technician]) {
      await expect(wizard.choice(label)).toHaveCount(0);
    }
    await expect(wizard.appPicker).toHaveCount(0);
    // Settings that do not depend on Block stay.
    await expect(wizard.choice(LABEL.qualityUpdates)).toBeVisible();

    await wizard.choose(LABEL.block, 'Yes');
    await wizard.expectChosen(LABEL.allowReset, 'Yes');
    await wizard.expectChosen(LABEL.blockingApps, 'Selected');
    await wizard.expectChosen(LABEL.technician, 'Yes');
    await expect(wizard.selectedApps.getByRole('listitem')).toHaveText([/Company Portal/]);
  });

  test('the technician-phase setting appears only with Selected and at least one app', async () => {
    await expect(wizard.choice(LABEL.technician)).toHaveCount(0);
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await expect(wizard.appPicker).toBeVisible();
    await expect(wizard.choice(LABEL.technician)).toHaveCount(0);
    await wizard.selectApps('Microsoft Edge');
    await expect(wizard.choice(LABEL.technician)).toBeVisible();
    await wizard.choose(LABEL.technician, 'Yes');
    // Its warning shows beside it, without blocking.
    await expect(wizard.choice(LABEL.technician)).toHaveAccessibleDescription(
      /^Warning: In the technician phase every required app installs/,
    );
    await wizard.appOption('Microsoft Edge').uncheck();
    await expect(wizard.choice(LABEL.technician)).toHaveCount(0);
    await wizard.selectApps('Microsoft Edge');
    await wizard.expectChosen(LABEL.technician, 'Yes');
    // All hides the list and the setting; Selected brings both back.
    await wizard.choose(LABEL.blockingApps, 'All');
    await expect(wizard.appPicker).toHaveCount(0);
    await expect(wizard.choice(LABEL.technician)).toHaveCount(0);
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await expect(wizard.selectedApps.getByRole('listitem')).toHaveText([/Microsoft Edge/]);
    await wizard.expectChosen(LABEL.technician, 'Yes');
  });

  test('the custom message box appears with its toggle and keeps its text while hidden', async () => {
    await expect(wizard.messageText).toHaveCount(0);
    await wizard.choose(LABEL.customMessage, 'Yes');
    await wizard.messageText.fill('Restart and try again.');
    await wizard.choose(LABEL.customMessage, 'No');
    await expect(wizard.messageText).toHaveCount(0);
    await wizard.choose(LABEL.customMessage, 'Yes');
    await expect(wizard.messageText).toHaveValue('Restart and try again.');
  });
});
