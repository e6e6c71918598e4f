// The fleet: a devices CSV (the CLI's format) checked at once, as counts per profile, a table
// of devices and a CSV download, without freezing the page on 100,000 devices.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures/guard';
import { expectAccessible } from './fixtures/axe';
import { PreviewPage, useTenant } from './fixtures/preview_page';

const KIOSK = '00000000-0000-4000-8000-000000000001';
const FINANCE = '00000000-0000-4000-8000-000000000002';
const LAB = '00000000-0000-4000-8000-000000000003';

/** `count` devices, a quarter each in the kiosk, finance and lab groups and in none. */
function devices(count: number): string {
  const groups = [KIOSK, FINANCE, LAB, ''];
  const lines = ['name,deviceGroupIds,userGroupIds,mode,joinType,model'];
  for (let i = 0; i < count; i++) lines.push(`PC-${i},${groups[i % 4]},,userDriven,entra,OptiPlex 7010`);
  return `${lines.join('\n')}\n`;
}

test.describe('fleet check', () => {
  test.beforeEach(async ({ page }) => {
    await useTenant(page, 'preview_tenant.json');
  });

  test('a 10,000-device CSV gives the devices per profile, a device table and a CSV download', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.uploadDevices('devices.csv', devices(10_000));
    await expect(preview.fleetSummary).toContainText('10,000 devices checked from devices.csv');
    await expect(preview.count('Kiosks')).toHaveText('2,500');
    await expect(preview.count('Finance')).toHaveText('2,500');
    await expect(preview.count('Lab without Surface')).toHaveText('2,500');
    await expect(preview.count('All users and all devices')).toHaveText('2,500');
    await expect(preview.count('Sales users')).toHaveText('0');
    await expect(preview.fleet).toContainText('Reached via the device: 7,500; via the user: 0; the default profile: 2,500.');

    // The device table, a page at a time, filtered by profile.
    const table = preview.fleet.getByRole('table', { name: 'Devices and the profile each gets' });
    await expect(table.getByRole('row')).toHaveCount(51);
    await expect(preview.fleet.getByText('Devices 1–50 of 10,000')).toBeVisible();
    await preview.fleet.getByLabel('Show devices of').selectOption({ label: 'Finance' });
    await expect(preview.fleet.getByText('Devices 1–50 of 2,500')).toBeVisible();
    await expect(table.getByRole('rowheader').first()).toHaveText('PC-1');
    await preview.fleet.getByRole('button', { name: 'Next page' }).click();
    await expect(preview.fleet.getByText('Devices 51–100 of 2,500')).toBeVisible();
    await expect(table.getByRole('rowheader').first()).toHaveText('PC-201');

    // A device opens in the preview as a scenario of its own.
    await table.getByRole('button', { name: 'Preview PC-201' }).click();
    await expect(preview.scenario('PC-201')).toHaveAttribute('aria-current', 'true');
    await preview.expectApplied('Finance', 'via device');

    const download = page.waitForEvent('download');
    await preview.fleet.getByRole('button', { name: 'Download results (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('fleet-results.csv');
    const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(10_001);
    expect(lines[0]).toBe('name,profileId,profileName,priority,via,blockingApps,effectiveTimeoutMinutes');
    expect(lines[1]).toMatch(/^PC-0,.*,Kiosks,2,device,1,30$/);
    expect(lines[4]).toMatch(/^PC-3,.*,All users and all devices,default,default,0,$/);
    await expectAccessible(page, 'the fleet results', 'section[aria-labelledby="fleet-heading"]');
  });

  test('100,000 devices: the page answers a click while the check runs, and it can be cancelled', async ({ page }) => {
    test.setTimeout(120_000);
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario();
    // A slower processor, so the check certainly outlasts the clicks below.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await preview.uploadDevices('large.csv', devices(100_000));
    await expect(preview.fleetProgress).toBeVisible();
    // A click on another control is answered while the check still runs.
    await preview.setMode('Self-deploying');
    await expect(page.getByRole('radio', { name: 'Self-deploying' })).toBeChecked();
    await expect(preview.fleetProgress).toBeVisible();
    await expect(preview.fleetSummary).toContainText('100,000 devices checked from large.csv', { timeout: 90_000 });
    await expect(preview.count('Kiosks')).toHaveText('25,000');
    await expect(preview.fleet).toContainText('not kept with your workspace');

    // Once more, and cancel it: the click is answered before the check would end.
    await preview.uploadDevices('again.csv', devices(100_000));
    await expect(preview.fleetProgress).toBeVisible();
    await preview.fleet.getByRole('button', { name: 'Cancel' }).click();
    await expect(preview.fleet.getByRole('status').filter({ hasText: 'Cancelled after' })).toBeVisible();
    await expect(preview.fleetProgress).toHaveCount(0);
    await expect(preview.fleetSummary).toContainText('from large.csv');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  });

  test('a pasted list names the lines it cannot read, and is checked again after a reload', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    const csv = [
      `Kiosk-1,${KIOSK},,selfDeploying`,
      'Odd-1,,,kiosk',
      `"Lab, Surface",${LAB},,userDriven,hybrid,Surface Laptop 5`,
    ].join('\n');
    await preview.fleet.getByLabel('Or paste the CSV').fill(csv);
    await preview.fleet.getByRole('button', { name: 'Check these devices' }).click();
    await expect(preview.fleetSummary).toContainText('2 devices checked from the pasted list');
    await expect(preview.fleetSummary).toContainText('1 line could not be read.');
    await expect(preview.fleet.getByRole('list', { name: 'Lines that could not be read' })).toContainText(
      'line 2: device `Odd-1` has mode `kiosk`; write userDriven, selfDeploying or preProvisioning',
    );
    await expect(preview.count('Kiosks')).toHaveText('1');
    await expect(preview.count('All users and all devices')).toHaveText('1');

    await page.reload();
    await expect(preview.fleet.getByLabel('Or paste the CSV')).toHaveValue(csv);
    await expect(preview.fleetSummary).toContainText('2 devices checked from the pasted list');
  });

  test('a list too large to keep stays while the page is open, and the page says so', async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.open();
    // 2,000 devices make about 150 KB of CSV: over the 100 KB kept with the workspace.
    await preview.uploadDevices('medium.csv', devices(2_000));
    await expect(preview.fleetSummary).toContainText('2,000 devices checked from medium.csv');
    await expect(preview.fleet).toContainText('This list is larger than 100 KB');

    // Leaving the preview and coming back keeps the results.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }).click();
    await expect(preview.heading).toHaveText('Profiles');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Preview' }).click();
    await expect(preview.fleetSummary).toContainText('2,000 devices checked from medium.csv');

    // A reload does not: the page says to upload the list again.
    await page.reload();
    await expect(preview.heading).toHaveText('Preview');
    await expect(preview.fleet).toContainText('upload it again after a reload');
    await expect(preview.fleetCounts).toHaveCount(0);
  });
});
