// Which profile applies, and why: device before user whatever the priorities, user-less modes,
// the default profile, and filters in exclude mode, all recomputed as the form changes.
import { test, expect } from './fixtures/guard';
import { PreviewPage, useTenant } from './fixtures/preview_page';

test.describe('preview: which profile applies', () => {
  test.beforeEach(async ({ page }) => {
    await useTenant(page, 'preview_tenant.json');
  });

  test('a device-targeted profile beats a user-targeted one, whatever their priorities', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario('Kiosk with a sales user');
    await preview.deviceGroup('Kiosk Devices').check();
    await preview.userGroup('Sales Users').check();
    // "Sales users" has priority 1, "Kiosks" priority 2: the device wins anyway.
    await preview.expectApplied('Kiosks', 'via device');
    await expect(preview.traceEntry('Sales users')).toContainText('Matches, but another profile applies');
    await expect(preview.traceEntry('Sales users')).toContainText(
      'a profile targeted at the device wins over profiles targeted at the user',
    );

    // Without the device group, the user's profile applies.
    await preview.deviceGroup('Kiosk Devices').uncheck();
    await preview.expectApplied('Sales users', 'via user');
  });

  test('self-deploying drops the user-targeted profile and the user section', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await preview.userGroup('Sales Users').check();
    await preview.expectApplied('Sales users', 'via user');

    await preview.setMode('Self-deploying');
    await expect(preview.userPart.getByRole('checkbox')).toHaveCount(0);
    await expect(preview.userPart).toContainText('Self-deploying has no user');
    await preview.expectApplied('All users and all devices', 'default');
    await expect(preview.traceEntry('Sales users')).toContainText('Does not match');
    await expect(preview.traceEntry('Sales users')).toContainText('self-deploying has no user');

    // The user's groups were kept: user-driven brings them back.
    await preview.setMode('User-driven');
    await expect(preview.userGroup('Sales Users')).toBeChecked();
    await preview.expectApplied('Sales users', 'via user');
  });

  test('no match falls to the default profile, and the page is not shown', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario('Nobody');
    await preview.expectApplied('All users and all devices', 'default');
    await expect(preview.applied).toContainText('No custom profile targets the device or the user');
    await expect(preview.applied).toContainText('The page is not shown');
    for (const profile of ['Sales users', 'Kiosks', 'Lab without Surface', 'Finance']) {
      await expect(preview.traceEntry(profile)).toContainText('Does not match');
    }
    await expect(preview.traceEntry('All users and all devices')).toContainText('Applies');
  });

  test('an exclude-mode filter that matches the device removes the profile, and the trace names the clause', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario('Lab machine');
    await preview.deviceGroup('Lab Devices').check();
    await preview.property('Model').fill('OptiPlex 7010');
    await preview.expectApplied('Lab without Surface', 'via device');

    await preview.property('Model').fill('Surface Laptop 5');
    await preview.expectApplied('All users and all devices', 'default');
    const lab = preview.traceEntry('Lab without Surface');
    await expect(lab).toContainText('Does not match');
    await expect(lab).toContainText('Filtered out');
    await expect(lab).toContainText("Filter 'Surface devices', exclude mode.");
    await expect(lab.getByRole('code')).toHaveText('device.model -startsWith "Surface"');
    await expect(lab).toContainText("the device's model: `Surface Laptop 5`");
    await expect(lab).toContainText('The rule matched, so the device is kept out.');
  });

  test('a profile named in the address is marked in the trace', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open('?profile=00000000-0000-4000-a000-000000000003_Windows10EnrollmentCompletionPageConfiguration');
    await preview.newScenario();
    const marked = preview.trace.locator('[aria-current="true"]');
    await expect(marked).toHaveCount(1);
    await expect(marked).toContainText('Lab without Surface');
    await expect(marked).toContainText('Highlighted');
    await expect(preview.result).toContainText(
      '“Lab without Surface”, highlighted, does not apply here: the trace below says why.',
    );
    await preview.result.getByRole('button', { name: 'Show it in the trace' }).click();
    await expect(marked).toBeInViewport();

    await preview.deviceGroup('Lab Devices').check();
    await expect(preview.result).toContainText('“Lab without Surface”, highlighted, is the profile that applies here.');
  });
});
