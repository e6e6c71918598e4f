// What the page tracks and waits for: the docs' App 1–4 example, phases by mode, the technician
// flow, time with hybrid join, and the warnings that say what to do.
import { test, expect } from './fixtures/guard';
import { PreviewPage, useTenant } from './fixtures/preview_page';

test.describe('preview: blocking apps, time and warnings', () => {
  test.beforeEach(async ({ page }) => {
    await useTenant(page, 'preview_tenant.json');
  });

  test('App 1–4: the page blocks on App 3 only, and App 4 installs without being waited for', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario('App 1–4');
    await preview.setMode('Self-deploying');
    await preview.deviceGroup('Kiosk Devices').check();
    await preview.expectApplied('Kiosks', 'via device');

    // Selected {App 1, App 2, App 3}; required for the device: {App 3, App 4}.
    await expect(preview.appRow('device setup', 'App 3')).toContainText('Blocks: the page waits for it');
    await expect(preview.appRow('device setup', 'App 4')).toContainText('Installs, not waited for');
    await expect(preview.appRow('device setup', 'App 4')).toContainText('not in the Selected list');
    await expect(preview.phases.getByRole('table', { name: 'Apps tracked in device setup' }).getByRole('row')).toHaveCount(3);
    const notAssigned = preview.phases.getByRole('listitem').filter({ hasText: 'Selected as a blocking app' });
    await expect(notAssigned).toHaveCount(2);
    await expect(preview.phases.getByRole('heading', { name: 'Selected but not assigned' })).toBeVisible();
    await expect(notAssigned.filter({ hasText: 'App 1' })).toHaveCount(1);
    await expect(notAssigned.filter({ hasText: 'App 2' })).toHaveCount(1);
    await expect(preview.applied).toContainText('The page blocks the device until 1 app is installed.');
    await expect(preview.phases).toContainText('There is no account setup: self-deploying has no user.');
    await expect(preview.warnings).toContainText('A selected blocking app is not assigned here');
  });

  test('hybrid join shows the timeout plus 40 minutes, in the picture and in words', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await preview.deviceGroup('Kiosk Devices').check();
    await expect(preview.time).toContainText(/Effective timeout\s*30 minutes \(no extra time without hybrid join\)/);

    await preview.setJoin('Microsoft Entra hybrid join');
    await expect(preview.time).toContainText(/Effective timeout\s*70 minutes \(30 \+ 40 for hybrid join\)/);
    await expect(preview.time.getByRole('img')).toHaveAccessibleName(
      "The page shows an error after 70 minutes: the profile's 30 minutes plus 40 minutes for hybrid join.",
    );
    await expect(preview.warnings).toContainText('Hybrid join adds 40 minutes');
    await expect(preview.warnings).toContainText('plan for 70 minutes');
  });

  test('a LOB MSI beside Win32 apps raises the mixing warning with what to do', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario('Finance desktop');
    await preview.deviceGroup('Finance Devices').check();
    await preview.expectApplied('Finance', 'via device');
    await expect(preview.appRow('device setup', 'Ledger Client (MSI)')).toContainText('line-of-business MSI app');
    const warning = preview.warnings.getByRole('listitem').filter({ hasText: 'LOB_WIN32_MIX' });
    await expect(warning).toContainText('LOB MSI and Win32 apps on the same page');
    await expect(warning).toContainText("'Ledger Client (MSI)'");
    await expect(warning).toContainText("'SAP GUI'");

    // Without the finance group, the warning goes away.
    await preview.deviceGroup('Finance Devices').uncheck();
    await expect(preview.warnings.getByText('LOB_WIN32_MIX')).toHaveCount(0);
  });

  test('user-targeted apps are tracked in account setup only when there is a user', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await preview.deviceGroup('Kiosk Devices').check();
    await preview.userGroup('Sales Users').check();
    await expect(preview.appRow('account setup', 'Sales Assistant')).toContainText('Installs, not waited for');

    await preview.setMode('Pre-provisioning');
    await expect(preview.phases).toContainText('There is no account setup in the technician flow');
    const technician = preview.phases.getByRole('heading', { name: 'Technician flow (pre-provisioning)' });
    await expect(technician).toBeVisible();
    await expect(preview.phases).toContainText('App 3: Attempted; its failure fails the deployment');
  });
});
