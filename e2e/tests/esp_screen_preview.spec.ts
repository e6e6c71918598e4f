// The picture of the page the person at the device sees: its sections, and the error screen
// with exactly the buttons the profile enables and its message; nothing when there is no page.
import { test, expect } from './fixtures/guard';
import { expectAccessible } from './fixtures/axe';
import { PreviewPage, useTenant } from './fixtures/preview_page';

test.describe('ESP screen preview', () => {
  test.beforeEach(async ({ page }) => {
    await useTenant(page, 'preview_tenant.json');
  });

  test('shows the sections while the page runs', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await preview.deviceGroup('Kiosk Devices').check();
    const picture = preview.screen.getByRole('figure');
    await expect(picture).toContainText('Setting up your device for work');
    await expect(picture.getByRole('listitem')).toHaveText([
      /Device preparation\s*Complete/,
      /Device setup\s*In progress\s*Apps \(0 of 1 installed\)/,
      /Account setup\s*Identifying/,
    ]);
    await preview.setMode('Self-deploying');
    await expect(picture.getByRole('listitem')).toHaveCount(2);
  });

  test('the error screen shows Reset device only when the profile allows reset, and the default message', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await preview.deviceGroup('Kiosk Devices').check();
    await preview.showErrorScreen();
    // Kiosks: reset allowed, use not allowed, log collection on.
    await expect(preview.errorButtons.getByRole('button')).toHaveText(['Reset device', 'Try again', 'Collect logs']);
    for (const button of await preview.errorButtons.getByRole('button').all()) await expect(button).toBeDisabled();
    await expect(preview.screen).toContainText(
      'Setup could not be completed. Please try again or contact your support person for help.',
    );
    await expectAccessible(page, 'the error screen preview', 'section[aria-labelledby="screen-heading"]');
  });

  test('a profile without reset shows no Reset device, and its custom message', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await preview.deviceGroup('Finance Devices').check();
    await preview.showErrorScreen();
    // Finance: no reset, use allowed, no log collection.
    await expect(preview.errorButtons.getByRole('button')).toHaveText(['Try again', 'Continue anyway']);
    await expect(preview.screen).toContainText('Setup needs more time. Call the Finance desk on extension 4400.');
    await expect(preview.screen).not.toContainText('Setup could not be completed');
  });

  test('a profile that does not block says the person may leave, and holds no one', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await preview.deviceGroup('Lab Devices').check();
    await expect(preview.screen).toContainText('the person may leave the page at any time');
    await preview.showErrorScreen();
    await expect(preview.errorButtons.getByRole('button')).toHaveCount(0);
  });

  test('shows nothing when the page is not shown, and says why', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    await expect(preview.screen.getByRole('figure')).toHaveCount(0);
    await expect(preview.screen).toContainText(
      'Nothing: “All users and all devices” has “Show app and profile configuration progress” set to No',
    );
  });
});
