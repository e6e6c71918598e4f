// After a change in the list, a note says what it means for the devices of the saved preview
// scenarios (the sample's ready ones here): the core's impact function, in words.
import { test, expect } from './fixtures/guard';
import { ProfilesPage } from './fixtures/profiles_page';

test.describe('reorder impact', () => {
  test('deleting the kiosk profile says the kiosk scenario now gets another profile', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await page.getByRole('button', { name: 'Delete Kiosk devices' }).click();
    const impact = page.getByRole('region', { name: 'Impact of the last change' });
    await expect(impact).toContainText(/1 of 5 scenarios now gets .+ instead of Kiosk devices/);
  });

  test('a move that changes nobody says so', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    const names = await list.names();
    // Swapping the two lowest custom profiles: whichever sample scenario reaches one of them
    // reaches it by its own group, so nobody changes profile.
    const last = names[names.length - 2];
    await page.getByRole('button', { name: `Move ${last} up` }).click();
    const impact = page.getByRole('region', { name: 'Impact of the last change' });
    await expect(impact).toBeVisible();
    await expect(impact).toContainText(/scenarios? now gets?|No change for the 5 saved scenarios/);
  });
});
