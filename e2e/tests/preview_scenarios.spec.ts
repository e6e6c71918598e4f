// Scenarios are named, saved with the workspace, duplicated and deleted; the address opens one,
// and a link carries one whole to another browser. The sample tenant ships five ready ones.
import { test, expect, PageGuard } from './fixtures/guard';
import { PreviewPage, useTenant } from './fixtures/preview_page';

test.describe('preview: scenarios', () => {
  test('the sample tenant opens on its five ready scenarios, each telling its story', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await expect(preview.scenarios.getByRole('listitem')).toHaveText([
      'Store kiosk (App 1–4)',
      'Finance workstation (LOB MSI + Win32)',
      "Engineer's laptop (Microsoft 365 Apps)",
      'Hybrid PC, pre-provisioned',
      'Finance user on a personal device',
    ]);
    await expect(preview.scenario('Store kiosk (App 1–4)')).toHaveAttribute('aria-current', 'true');
    await expect(preview.deviceGroup('SG-Autopilot-Kiosk')).toBeChecked();
    await preview.expectApplied('Kiosk devices', 'via device');
    await expect(preview.appRow('device setup', 'Northwind Kiosk Browser')).toContainText('Blocks');
    await expect(preview.appRow('device setup', 'Store Signage Player')).toContainText('Installs, not waited for');

    await preview.scenario('Finance workstation (LOB MSI + Win32)').click();
    await expect(preview.warnings).toContainText('LOB_WIN32_MIX');
    await preview.scenario("Engineer's laptop (Microsoft 365 Apps)").click();
    await expect(preview.warnings).toContainText('M365_APPS_TYPE');
    await preview.scenario('Hybrid PC, pre-provisioned').click();
    await expect(preview.time).toContainText('(120 + 40 for hybrid join)');
    await expect(preview.phases.getByRole('heading', { name: 'Technician flow (pre-provisioning)' })).toBeVisible();
    await preview.scenario('Finance user on a personal device').click();
    await preview.expectApplied('Finance users', 'via user');
  });

  test.describe('on a tenant of our own', () => {
    test.beforeEach(async ({ page }) => {
      await useTenant(page, 'preview_tenant.json', { preview: { scenarios: [], selected: null } });
    });

    test('are named, duplicated and deleted, and survive a reload', async ({ page }) => {
      const preview = new PreviewPage(page);
      await preview.open();
      await expect(preview.scenarios).toContainText('No scenario yet');
      await preview.newScenario();
      await expect(preview.scenarioName).toBeFocused();
      await expect(preview.scenarioName).toHaveValue('Scenario 1');
      await preview.scenarioName.fill('Front desk kiosk');
      await preview.setMode('Self-deploying');
      await preview.deviceGroup('Kiosk Devices').check();
      await expect(preview.scenario('Front desk kiosk')).toHaveAttribute('aria-current', 'true');

      await preview.scenarios.getByRole('button', { name: 'Duplicate' }).click();
      await expect(preview.scenarioName).toHaveValue('Copy of Front desk kiosk');
      await preview.scenarioName.fill('Back office kiosk');
      await preview.property('Model').fill('OptiPlex 3000');
      await expect(preview.scenarios.getByRole('listitem')).toHaveText(['Front desk kiosk', 'Back office kiosk']);

      await page.reload();
      await expect(preview.scenarios.getByRole('listitem')).toHaveText(['Front desk kiosk', 'Back office kiosk']);
      await expect(preview.scenario('Back office kiosk')).toHaveAttribute('aria-current', 'true');
      await expect(preview.property('Model')).toHaveValue('OptiPlex 3000');
      await expect(page.getByRole('radio', { name: 'Self-deploying' })).toBeChecked();
      await expect(preview.deviceGroup('Kiosk Devices')).toBeChecked();
      await preview.expectApplied('Kiosks', 'via device');

      // Deleting asks first, and keeps the scenario when told to.
      await preview.scenarios.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(preview.scenarios.getByText('Delete the scenario “Back office kiosk”?')).toBeVisible();
      await preview.scenarios.getByRole('button', { name: 'Keep it' }).click();
      await expect(preview.scenarios.getByRole('listitem')).toHaveCount(2);
      await preview.scenarios.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(preview.scenarios.getByRole('button', { name: 'Delete scenario' })).toBeFocused();
      await preview.scenarios.getByRole('button', { name: 'Delete scenario' }).click();
      await expect(preview.scenarios.getByRole('listitem')).toHaveText(['Front desk kiosk']);
      await expect(preview.scenario('Front desk kiosk')).toHaveAttribute('aria-current', 'true');
      await page.reload();
      await expect(preview.scenarios.getByRole('listitem')).toHaveText(['Front desk kiosk']);
    });

    test('scenario edits are not tenant changes: Undo stays off', async ({ page }) => {
      const preview = new PreviewPage(page);
      await preview.open();
      await preview.newScenario('Anything');
      await preview.deviceGroup('Kiosk Devices').check();
      await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
    });

    test('the address opens a saved scenario', async ({ page }) => {
      const preview = new PreviewPage(page);
      await preview.open();
      await preview.newScenario('First');
      await preview.newScenario('Second');
      await expect(page).toHaveURL(/#\/preview\?scenario=scenario-2$/);
      await preview.open('?scenario=scenario-1');
      await expect(preview.scenario('First')).toHaveAttribute('aria-current', 'true');
      await expect(preview.scenarioName).toHaveValue('First');
      await page.reload();
      await expect(preview.scenarioName).toHaveValue('First');
    });

    test('an address naming no saved scenario says so', async ({ page }) => {
      const preview = new PreviewPage(page);
      await preview.open();
      await preview.newScenario('Only one');
      await preview.open('?scenario=gone');
      await expect(page.getByRole('status', { name: 'Messages' })).toContainText(
        'There is no saved scenario “gone” in this browser',
      );
      await expect(preview.scenarioName).toHaveValue('Only one');
    });

    test('a link carries the whole scenario to another browser', async ({ page, browser }) => {
      const preview = new PreviewPage(page);
      await preview.open();
      await preview.newScenario('Lab Surface');
      await preview.setJoin('Microsoft Entra hybrid join');
      await preview.deviceGroup('Lab Devices').check();
      await preview.property('Model').fill('Surface Laptop 5');
      await preview.expectApplied('All users and all devices', 'default');
      const link = await preview.shareLink.inputValue();
      expect(link).toContain('#/preview?shared=');

      // Another browser with the same tenant and no scenario at all.
      const other = await browser.newContext();
      const otherPage = await other.newPage();
      const otherGuard = new PageGuard(new URL(link).origin);
      await otherGuard.watch(other, otherPage);
      await useTenant(otherPage, 'preview_tenant.json', { preview: { scenarios: [], selected: null } });
      await otherPage.goto(link);
      const there = new PreviewPage(otherPage);
      await expect(there.scenario('Lab Surface')).toHaveAttribute('aria-current', 'true');
      await expect(there.property('Model')).toHaveValue('Surface Laptop 5');
      await expect(otherPage.getByRole('radio', { name: 'Microsoft Entra hybrid join' })).toBeChecked();
      await there.expectApplied('All users and all devices', 'default');
      await expect(there.traceEntry('Lab without Surface')).toContainText('Filtered out');
      // Opened once, it is saved there: a reload does not add it again.
      await expect(otherPage).toHaveURL(/#\/preview\?scenario=scenario-1$/);
      await otherPage.reload();
      await expect(there.scenarios.getByRole('listitem')).toHaveText(['Lab Surface']);
      await other.close();
      expect(otherGuard.problems).toEqual([]);
    });
  });
});
