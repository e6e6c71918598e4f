// After a change in the list or a profile saved in the wizard, a note says what it means for the
// devices of the saved preview scenarios (the sample's ready ones here): the core's impact
// function, in words.
import type { Locator, Page } from '@playwright/test';
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

  test('the note comes below the list, so no row moves under the pointer when it appears', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    const tableTop = async () => (await list.table.boundingBox())?.y;
    const before = await tableTop();
    await list.moveButton('Executives', 'up').click();
    await expect(list.priorityOf('Executives')).toHaveText('1');
    await expect(page.getByRole('region', { name: 'Impact of the last change' })).toBeVisible();
    expect(await tableTop()).toBe(before);
  });

  /** Edits the Kiosk devices profile in the wizard at one step, saves it, and returns the
   *  impact note of the list the save goes back to. */
  async function saveKioskEdit(page: Page, step: 'Basics' | 'Assignments', edit: (wizard: WizardPage) => Promise<void>): Promise<Locator> {
    const list = new ProfilesPage(page);
    const wizard = new WizardPage(page);
    await list.open();
    await list.action('Kiosk devices', 'Edit').click();
    await wizard.stepLink(step).click();
    await wizard.expectStep(step);
    await edit(wizard);
    await wizard.stepLink('Review + save').click();
    await wizard.save.click();
    await expect(list.row('Kiosk devices')).toBeVisible();
    return page.getByRole('region', { name: 'Impact of the last change' });
  }

  test('saving a profile in the wizard says what the save means for the scenarios', async ({ page }) => {
    const impact = await saveKioskEdit(page, 'Assignments', (wizard) =>
      wizard.target('SG-Autopilot-Kiosk').getByRole('button', { name: 'Remove SG-Autopilot-Kiosk' }).click(),
    );
    await expect(impact).toContainText(/1 of 5 scenarios now gets .+ instead of Kiosk devices/);
  });

  test("a save that changes no scenario's profile says so", async ({ page }) => {
    const impact = await saveKioskEdit(page, 'Basics', (wizard) => wizard.description.fill('Store kiosks, renamed nothing else'));
    await expect(impact).toContainText('No change for the 5 saved scenarios: each gets the same profile as before.');
  });
});
