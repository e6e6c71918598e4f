// The preview is usable by everyone: axe finds no serious violation in any of its states, it
// fits a phone's width, and the keyboard alone drives the scenario form.
import { test, expect } from './fixtures/guard';
import { expectAccessible } from './fixtures/axe';
import { PreviewPage, useTenant } from './fixtures/preview_page';

test.describe('preview accessibility', () => {
  test.beforeEach(async ({ page }) => {
    await useTenant(page, 'preview_tenant.json', { preview: { scenarios: [], selected: null } });
  });

  test('every part of the result passes axe, the error screen and the fleet included', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await expectAccessible(page, 'the empty preview');
    await preview.newScenario('Finance desktop');
    await preview.deviceGroup('Finance Devices').check();
    await preview.userGroup('Sales Users').check();
    await expect(preview.warnings).toContainText('LOB_WIN32_MIX');
    await preview.showErrorScreen();
    await preview.uploadDevices('few.csv', `PC-1,00000000-0000-4000-8000-000000000002,,userDriven\n`);
    await expect(preview.fleetSummary).toContainText('1 device checked');
    await expectAccessible(page, 'the preview with a result, the error screen and fleet results');
  });

  test('fits a 390 px wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await preview.deviceGroup('Kiosk Devices').check();
    await preview.setJoin('Microsoft Entra hybrid join');
    await preview.showErrorScreen();
    await expect(preview.errorButtons.getByRole('button')).toHaveCount(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('the keyboard alone creates a scenario and changes its mode', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.scenarios.getByRole('button', { name: 'New scenario' }).focus();
    await page.keyboard.press('Enter');
    await expect(preview.scenarioName).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Typed by keyboard');
    await expect(preview.scenario('Typed by keyboard')).toBeVisible();
    const userDriven = page.getByRole('radio', { name: 'User-driven' });
    await userDriven.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Self-deploying' })).toBeChecked();
    await expect(preview.userPart).toContainText('Self-deploying has no user');
    await preview.deviceGroup('Kiosk Devices').focus();
    await page.keyboard.press('Space');
    await preview.expectApplied('Kiosks', 'via device');
  });
});
