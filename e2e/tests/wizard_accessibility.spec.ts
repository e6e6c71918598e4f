import { test, expect } from './fixtures/guard';
import { expectAccessible } from './fixtures/axe';
import { FIXTURE_PROFILES, LABEL, WizardPage, fixtureTenant } from './fixtures/wizard_page';

test.describe('wizard accessibility', () => {
  test.beforeEach(async ({ page }) => {
    await new WizardPage(page).seed(fixtureTenant());
  });

  test('every step, with errors and warnings showing, has no serious accessibility violation', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.openCreate();
    await wizard.name.fill('x');
    await wizard.name.fill('');
    await expectAccessible(page, 'Basics with an error');
    await wizard.goNext('Settings');
    await wizard.timeout.fill('abc');
    await wizard.choose(LABEL.customMessage, 'Yes');
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await wizard.selectApps('7-Zip');
    await wizard.choose(LABEL.technician, 'Yes');
    await expectAccessible(page, 'Settings with every setting shown');
    await wizard.goNext('Assignments');
    await wizard.includeGroup('Finance Users');
    await wizard.setFilter('Finance Users', 'Surface devices');
    await wizard.excludeGroup('Lab Devices');
    await expectAccessible(page, 'Assignments with a filter and an exclusion');
    await wizard.goNext('Scope tags');
    await expectAccessible(page, 'Scope tags');
    await wizard.goNext('Review + create');
    await expect(wizard.reviewErrors).toBeVisible();
    await expect(wizard.reviewWarnings).toBeVisible();
    await expectAccessible(page, 'Review with errors and warnings');
    await wizard.cancel.click();
    await expect(wizard.discardDialog).toBeVisible();
    await expectAccessible(page, 'the discard dialog');
  });

  test('the default profile’s wizard has no serious accessibility violation', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.openEdit(FIXTURE_PROFILES.default);
    await expectAccessible(page, 'the default profile on Review');
  });

  test('the wizard fits a 390 px wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const wizard = new WizardPage(page);
    await wizard.openCreate();
    await wizard.goNext('Settings');
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await wizard.selectApps('Microsoft 365 Apps');
    for (const step of ['Settings', 'Assignments', 'Scope tags', 'Review + create'] as const) {
      if (step !== 'Settings') await wizard.goNext(step);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${step}`).toBeLessThanOrEqual(0);
    }
  });
});
