import { test, expect } from './fixtures/guard';
import { DEFAULT_NAME, FIXTURE_ORDER, ProfilesPage, fixtureTenant } from './fixtures/profiles_page';

// In the fixture, Kiosk ESP (3) carries Kiosk; Lab Devices ESP (5) carries Education and Kiosk.
test.describe('view the list as a scoped admin', () => {
  // Tall enough for the whole fixture list: drags stay clear of the edges that scroll the page.
  test.use({ viewport: { width: 1280, height: 1100 } });

  test.beforeEach(async ({ page }) => {
    await new ProfilesPage(page).seed(fixtureTenant());
  });

  test('shows only profiles in scope, at their true priorities', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.viewAsTags(['Kiosk']);
    await expect.poll(() => list.names()).toEqual(['Kiosk ESP', 'Lab Devices ESP', DEFAULT_NAME]);
    await expect.poll(() => list.priorities()).toEqual(['3', '5', 'Default']);
    await expect(list.count).toHaveText('7 of 50 custom profiles · 5 profiles are outside this scope and hidden');
    await list.viewAsTags(['Finance']);
    await expect.poll(() => list.names()).toEqual([
      'Executive ESP',
      'Finance Users ESP',
      'Kiosk ESP',
      'Lab Devices ESP',
      DEFAULT_NAME,
    ]);
    await list.viewAsTags([]);
    await list.expectOrder(FIXTURE_ORDER);
  });

  test('refuses a move into a hidden profile’s position with the core’s reason', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.viewAsTags(['Kiosk']);
    await list.moveButton('Kiosk ESP', 'up').click();
    await expect(list.announcer).toHaveText(
      "Kiosk ESP stays at priority 3: you can only move 'Kiosk ESP' among profiles in your scope (tags: Kiosk)",
    );
    await expect.poll(() => list.priorities()).toEqual(['3', '5', 'Default']);
    // The keyboard hears the same refusal.
    await list.handle('Kiosk ESP').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await expect(list.announcer).toHaveText(
      "Kiosk ESP stays at priority 3: you can only move 'Kiosk ESP' among profiles in your scope (tags: Kiosk)",
    );
    await page.keyboard.press('Escape');
    await expect(list.undo).toBeDisabled();
    await list.viewAsTags([]);
    await list.expectOrder(FIXTURE_ORDER);
  });

  test('moves among in-scope positions, leaving the hidden profiles where they are', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.viewAsTags(['Kiosk']);
    await list.dragByMouse('Lab Devices ESP', 'Kiosk ESP');
    await expect.poll(() => list.names()).toEqual(['Lab Devices ESP', 'Kiosk ESP', DEFAULT_NAME]);
    await expect.poll(() => list.priorities()).toEqual(['3', '5', 'Default']);
    await expect(list.announcer).toHaveText('Lab Devices ESP moved to priority 3 of 7');
    await list.moveButton('Kiosk ESP', 'up').click();
    await expect.poll(() => list.names()).toEqual(['Kiosk ESP', 'Lab Devices ESP', DEFAULT_NAME]);
    await list.moveButton('Kiosk ESP', 'down').click();
    await list.viewAsTags([]);
    await list.expectOrder([
      'Executive ESP',
      'Finance Users ESP',
      'Lab Devices ESP',
      'Student ESP',
      'Kiosk ESP',
      'Autopilot All Devices',
      'Pilot ESP',
    ]);
  });

  test('the chosen view survives a reload', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.viewAsTags(['Education']);
    await expect.poll(() => list.names()).toEqual(['Student ESP', 'Lab Devices ESP', DEFAULT_NAME]);
    await page.reload();
    await expect(list.viewAs.getByRole('checkbox', { name: 'Education' })).toBeChecked();
    await expect.poll(() => list.names()).toEqual(['Student ESP', 'Lab Devices ESP', DEFAULT_NAME]);
  });
});
