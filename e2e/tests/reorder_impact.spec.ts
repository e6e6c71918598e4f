// After a change in the list or a profile saved in the wizard, a note says what it means for the
// devices of the saved preview scenarios (the sample's ready ones here): the core's impact
// function, in words.
import { test, expect } from './fixtures/guard';
import { ProfilesPage } from './fixtures/profiles_page';
import { WizardPage } from './fixtures/wizard_page';

test.describe('reorder impact', () => {
  test('deleting the kiosk profile says the kiosk scenario now gets another profile', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await page.getByRole('button', { name: 'Delete Kiosk devices' }).click();
    const impact = page.getByRole('region', { name: 'Impact of the last change' });
    await expect(impact).toContainText(/1 of 5 scenarios now gets .+ instead of Kiosk devices/);
  });

  test('saving a profile in the wizard says what the save means for the scenarios', async ({ page }) => {
    const list = new ProfilesPage(page);
    const wizard = new WizardPage(page);
    await list.open();
    await list.action('Kiosk devices', 'Edit').click();
    await wizard.stepLink('Assignments').click();
    await wizard.expectStep('Assignments');
    await wizard.target('SG-Autopilot-Kiosk').getByRole('button', { name: 'Remove SG-Autopilot-Kiosk' }).click();
    await wizard.stepLink('Review + save').click();
    await wizard.save.click();
    await expect(list.row('Kiosk devices')).toBeVisible();
    const impact = page.getByRole('region', { name: 'Impact of the last change' });
    await expect(impact).toContainText(/1 of 5 scenarios now gets .+ instead of Kiosk devices/);
  });

  test("a save that changes no scenario's profile says so", async ({ page }) => {
    const list = new ProfilesPage(page);
    const wizard = new WizardPage(page);
    await list.open();
    await list.action('Kiosk devices', 'Edit').click();
    await wizard.stepLink('Basics').click();
    await wizard.description.fill('Store kiosks, renamed nothing else');
    await wizard.stepLink('Review + save').click();
    await wizard.save.click();
    await expect(list.row('Kiosk devices')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Impact of the last change' })).toContainText(
      'No change for the 5 saved scenarios: each gets the same profile as before.',
    );
  });
});
