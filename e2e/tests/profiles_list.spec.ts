import { test, expect } from './fixtures/guard';
import { expectAccessible } from './fixtures/axe';
import { DEFAULT_NAME, FIXTURE_ORDER, ProfilesPage, fixtureTenant } from './fixtures/profiles_page';

test.describe('profiles list', () => {
  test.beforeEach(async ({ page }) => {
    await new ProfilesPage(page).seed(fixtureTenant());
  });

  test('shows every profile in priority order with the default last', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.expectOrder(FIXTURE_ORDER);
    await expect(list.count).toHaveText('7 of 50 custom profiles');
    await expect(list.handle(DEFAULT_NAME)).toHaveCount(0);
    await expect(list.priorityOf(DEFAULT_NAME)).toHaveText('Default');
  });

  test('has the columns an admin scans', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    const headers = await list.table.getByRole('columnheader').allInnerTexts();
    expect(headers).toEqual([
      'Priority',
      'Name',
      'Blocking apps',
      'Timeout',
      'Assigned to',
      'Scope tags',
      'Status',
      'Actions',
    ]);
    const cells = (name: string) => list.row(name).getByRole('cell');
    // Priority, Blocking apps, Timeout, Assigned to, Scope tags, Status, Actions (the name is the row header).
    await expect(cells('Kiosk ESP').nth(1)).toHaveText('1 selected');
    await expect(cells('Kiosk ESP').nth(2)).toHaveText('30 min');
    await expect(cells('Kiosk ESP').nth(3)).toHaveText('Kiosk DevicesInclude: Surface devices');
    await expect(cells('Kiosk ESP').nth(4)).toHaveText('Kiosk');
    await expect(cells('Kiosk ESP').nth(5)).toHaveText('1 warning');
    await expect(cells('Executive ESP').nth(1)).toHaveText('2 selected');
    await expect(cells('Finance Users ESP').nth(1)).toHaveText('All');
    await expect(cells('Finance Users ESP').nth(5)).toHaveText('OK');
    await expect(cells('Student ESP').nth(1)).toHaveText('None');
    await expect(cells('Lab Devices ESP').nth(3)).toContainText('Excluded: Kiosk Devices');
    await expect(cells('Lab Devices ESP').nth(4)).toHaveText('Education, Kiosk');
    await expect(cells('Autopilot All Devices').nth(3)).toHaveText('All devicesExclude: Virtual machines');
    await expect(cells('Autopilot All Devices').nth(4)).toHaveText('Default');
    await expect(cells('Pilot ESP').nth(5)).toHaveText('1 error');
    await expect(cells(DEFAULT_NAME).nth(2)).toHaveText('No page');
    await expect(cells(DEFAULT_NAME).nth(3)).toHaveText('All devices');
  });

  test('links each row to its edit, preview and export pages, and the error to its review', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await expect(list.action('Kiosk ESP', 'Edit')).toHaveAttribute('href', '#/profiles/esp-kiosk?step=review');
    await expect(list.action('Kiosk ESP', 'Preview')).toHaveAttribute('href', '#/preview?profile=esp-kiosk');
    await expect(list.action('Kiosk ESP', 'Export')).toHaveAttribute('href', '#/tenant/export?profile=esp-kiosk');
    await expect(list.row('Pilot ESP').getByRole('link', { name: '1 error' })).toHaveAttribute(
      'href',
      '#/profiles/esp-pilot?step=review',
    );
    await expect(list.create).toHaveAttribute('href', '#/profiles/new?step=basics');
    await list.action('Kiosk ESP', 'Edit').click();
    await expect(page).toHaveURL(/#\/profiles\/esp-kiosk\?step=review$/);
  });

  test('the default profile can be edited and duplicated but not deleted or moved', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await expect(list.action(DEFAULT_NAME, 'Edit')).toBeVisible();
    await expect(list.action(DEFAULT_NAME, 'Duplicate')).toBeVisible();
    await expect(list.action(DEFAULT_NAME, 'Delete')).toHaveCount(0);
    await expect(list.moveButton(DEFAULT_NAME, 'up')).toHaveCount(0);
    await expect(list.moveButton(DEFAULT_NAME, 'down')).toHaveCount(0);
  });

  test('marks the profile named by ?highlight as just saved', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open('#/profiles?highlight=esp-student');
    await expect(list.row('Student ESP')).toContainText('Just saved');
    await expect(list.table.getByText('Just saved')).toHaveCount(1);
  });

  test('has no serious accessibility violation, also while a profile is lifted', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await expectAccessible(page, 'the profiles list');
    await list.handle('Kiosk ESP').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await expectAccessible(page, 'the profiles list with a lifted profile');
  });
});
