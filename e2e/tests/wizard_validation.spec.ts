import { test, expect } from './fixtures/guard';
import { LABEL, WizardPage, fixtureTenant, tenantWithBulkApps } from './fixtures/wizard_page';

const TIMEOUT_MESSAGE = 'Timeout must be a whole number from 1 to 1440 minutes';

test.describe('live validation in the wizard', () => {
  test('an empty name is an error at the field, flags Basics, and blocks Create until fixed', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    await wizard.openCreate();
    // Nothing is wrong before the person has done anything.
    await expect(wizard.name).not.toHaveAttribute('aria-invalid', 'true');
    await wizard.name.fill('Kiosk 2');
    await wizard.name.fill('');
    await expect(wizard.name).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.name).toHaveAccessibleDescription('Error: Name is required');
    await expect(wizard.step('Basics')).toContainText('has errors');

    // Next is allowed; Review lists the error and Create stays disabled.
    await wizard.goNext('Settings');
    await wizard.gotoStep('review');
    await wizard.expectStep('Review + create');
    await expect(wizard.reviewErrors).toContainText('1 error to fix before you can create this profile');
    await expect(wizard.create).toBeDisabled();
    // The error links to its field.
    await wizard.reviewErrors.getByRole('link', { name: 'Basics: Name is required' }).click();
    await wizard.expectStep('Basics');
    await expect(wizard.name).toBeFocused();
    await wizard.name.fill('Kiosk 2');
    await expect(wizard.name).not.toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.step('Basics')).not.toContainText('has errors');
    await wizard.stepLink('Review + create').click();
    await expect(wizard.reviewErrors).toHaveCount(0);
    await expect(wizard.create).toBeEnabled();
  });

  test('a duplicate name is an error, compared as Intune does: trimmed and ignoring case', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    await wizard.openCreate();
    await wizard.name.fill('  finance USERS ');
    await expect(wizard.name).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.name).toHaveAccessibleDescription("Error: Another ESP profile is already named 'Finance users'");
    await expect(wizard.step('Basics')).toContainText('has errors');
    await expect(wizard.step('Settings')).not.toContainText('has errors');
    await wizard.gotoStep('review');
    await expect(wizard.reviewErrors.getByRole('link')).toHaveText([
      "Basics: Another ESP profile is already named 'Finance users'",
    ]);
    await expect(wizard.create).toBeDisabled();
    // A name of its own clears the error.
    await wizard.reviewErrors.getByRole('link').click();
    await wizard.name.fill('Finance users 2');
    await expect(wizard.name).not.toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.step('Basics')).not.toContainText('has errors');
    await wizard.stepLink('Review + create').click();
    await expect(wizard.create).toBeEnabled();
  });

  test('a name never typed is an error on Review, linked to Basics, and Create stays disabled', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    await wizard.openCreate();
    await wizard.goNext('Settings');
    await wizard.goNext('Assignments');
    await wizard.goNext('Scope tags');
    await wizard.goNext('Review + create');
    await expect(wizard.reviewErrors).toContainText('1 error to fix before you can create this profile');
    await expect(wizard.reviewErrors.getByRole('link')).toHaveText(['Basics: Name is required']);
    await expect(wizard.create).toBeDisabled();
    await expect(wizard.step('Basics')).toContainText('has errors');
    await wizard.reviewErrors.getByRole('link', { name: 'Basics: Name is required' }).click();
    await wizard.expectStep('Basics');
    await expect(wizard.name).toBeFocused();
    await expect(wizard.name).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.name).toHaveAccessibleDescription('Error: Name is required');
  });

  for (const typed of ['0', '1441', 'abc', '']) {
    test(`a timeout of "${typed}" stays as typed and is an error`, async ({ page }) => {
      const wizard = new WizardPage(page);
      await wizard.seed(fixtureTenant());
      await wizard.openCreate();
      await wizard.name.fill('Timeouts');
      await wizard.goNext('Settings');
      await wizard.timeout.fill(typed);
      await expect(wizard.timeout).toHaveValue(typed);
      await expect(wizard.timeout).toHaveAttribute('aria-invalid', 'true');
      await expect(wizard.timeout).toHaveAccessibleDescription(`minutes Error: ${TIMEOUT_MESSAGE}`);
      await wizard.gotoStep('review');
      await expect(wizard.reviewErrors.getByRole('link')).toHaveText([`Settings: ${TIMEOUT_MESSAGE}`]);
      await expect(wizard.create).toBeDisabled();
      await wizard.reviewErrors.getByRole('link').click();
      await expect(wizard.timeout).toBeFocused();
      await wizard.timeout.fill('1440');
      await expect(wizard.timeout).not.toHaveAttribute('aria-invalid', 'true');
      await wizard.stepLink('Review + create').click();
      await expect(wizard.create).toBeEnabled();
    });
  }

  test('the custom message toggle Yes with no text is an error at the text box', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    await wizard.openCreate();
    await wizard.name.fill('Messages');
    await wizard.goNext('Settings');
    await expect(wizard.messageText).toHaveCount(0);
    await wizard.choose(LABEL.customMessage, 'Yes');
    await expect(wizard.messageText).toBeVisible();
    await wizard.messageText.fill('   ');
    await expect(wizard.messageText).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.messageText).toHaveAccessibleDescription(
      'Error: Enter the custom message, or turn the custom message off',
    );
    await expect(wizard.step('Settings')).toContainText('has errors');
    await wizard.gotoStep('review');
    await expect(wizard.create).toBeDisabled();
    await wizard.reviewErrors.getByRole('link', { name: /^Settings: Enter the custom message/ }).click();
    await expect(wizard.messageText).toBeFocused();
    await wizard.messageText.fill('Call the service desk on 555-0100.');
    await wizard.stepLink('Review + create').click();
    await expect(wizard.summaryValue('Settings', LABEL.messageText)).toHaveText('Call the service desk on 555-0100.');
    await expect(wizard.create).toBeEnabled();
  });

  test('the custom message toggle Yes with the box left untouched is an error at the box', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    await wizard.openCreate();
    await wizard.name.fill('Untouched message');
    await wizard.goNext('Settings');
    await wizard.choose(LABEL.customMessage, 'Yes');
    await expect(wizard.messageText).toBeVisible();
    await expect(wizard.messageText).toHaveValue('');
    // The box is never typed in: once the step is left, the error shows at the box and the
    // step bar flags Settings.
    await wizard.goNext('Assignments');
    await expect(wizard.step('Settings')).toContainText('has errors');
    await expect(wizard.step('Basics')).not.toContainText('has errors');
    await wizard.gotoStep('review');
    await expect(wizard.reviewErrors.getByRole('link')).toHaveText([
      'Settings: Enter the custom message, or turn the custom message off',
    ]);
    await expect(wizard.create).toBeDisabled();
    await wizard.reviewErrors.getByRole('link').click();
    await wizard.expectStep('Settings');
    await expect(wizard.messageText).toBeFocused();
    await expect(wizard.messageText).toHaveValue('');
    await expect(wizard.messageText).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.messageText).toHaveAccessibleDescription(
      'Error: Enter the custom message, or turn the custom message off',
    );
    // Turning the message off again removes the error.
    await wizard.choose(LABEL.customMessage, 'No');
    await expect(wizard.messageText).toHaveCount(0);
    await expect(wizard.step('Settings')).not.toContainText('has errors');
    await wizard.stepLink('Review + create').click();
    await expect(wizard.reviewErrors).toHaveCount(0);
    await expect(wizard.create).toBeEnabled();
  });

  test('Selected with no app is an error at the app picker', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    await wizard.openCreate();
    await wizard.name.fill('No apps');
    await wizard.goNext('Settings');
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await expect(wizard.appPicker).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.appPicker).toHaveAccessibleDescription(
      '0 apps selected (100 max) Error: Choose at least one app, or choose All',
    );
    await wizard.gotoStep('review');
    await expect(wizard.reviewErrors.getByRole('link')).toHaveText(['Settings: Choose at least one app, or choose All']);
    await expect(wizard.create).toBeDisabled();
    await wizard.reviewErrors.getByRole('link').click();
    await expect(wizard.appSearch).toBeFocused();
    await wizard.selectApps('Contoso Ledger');
    await expect(wizard.appPicker).not.toHaveAttribute('aria-invalid', 'true');
    await wizard.stepLink('Review + create').click();
    await expect(wizard.create).toBeEnabled();
  });

  test('101 selected apps are an error; the picker stays usable with a large tenant', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(tenantWithBulkApps(101));
    await wizard.openCreate();
    await wizard.name.fill('Too many apps');
    await wizard.goNext('Settings');
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await wizard.appSearch.fill('bulk app');
    await page.getByRole('button', { name: 'Select all 101 shown' }).click();
    await expect(wizard.appPicker).toContainText('101 apps selected (100 max)');
    await expect(wizard.appPicker).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.appPicker).toHaveAccessibleDescription(
      '101 apps selected (100 max) Error: A profile can block on at most 100 apps; 101 are selected',
    );
    await wizard.gotoStep('review');
    await expect(wizard.reviewErrors.getByRole('link')).toHaveText([
      'Settings: A profile can block on at most 100 apps; 101 are selected',
    ]);
    await expect(wizard.create).toBeDisabled();
    await wizard.reviewErrors.getByRole('link').click();
    await wizard.selectedApps.getByRole('button', { name: 'Remove Bulk app 050' }).click();
    await expect(wizard.appPicker).toContainText('100 apps selected (100 max)');
    await expect(wizard.appPicker).not.toHaveAttribute('aria-invalid', 'true');
    // 100 apps in 60 minutes is tight: a warning on Review, which does not block.
    await wizard.stepLink('Review + create').click();
    await expect(wizard.reviewErrors).toHaveCount(0);
    await expect(wizard.reviewWarnings).toContainText('A timeout of 60 minutes is tight for 100 blocking apps');
    await expect(wizard.create).toBeEnabled();
  });

  test('the 51st custom profile cannot be created', async ({ page }) => {
    const tenant = fixtureTenant();
    const template = tenant.deviceEnrollmentConfigurations[2] as Record<string, unknown>;
    for (let n = 3; n <= 50; n++) {
      tenant.deviceEnrollmentConfigurations.push({ ...template, id: `esp-${n}`, displayName: `Profile ${n}`, priority: n });
    }
    const wizard = new WizardPage(page);
    await wizard.seed(tenant);
    await wizard.openCreate();
    await wizard.name.fill('One too many');
    await wizard.gotoStep('review');
    await expect(wizard.reviewErrors.getByRole('listitem')).toHaveText([
      'Review + create: A tenant can hold at most 50 custom ESP profiles; this would be number 51',
    ]);
    await expect(wizard.create).toBeDisabled();
  });
});
