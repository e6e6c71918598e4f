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
});
