// The fleet: a devices CSV (the CLI's format) checked at once, as counts per profile, a table
// of devices and a CSV download, without freezing the page on 100,000 devices.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures/guard';
import { expectAccessible } from './fixtures/axe';
import { PreviewPage, useTenant } from './fixtures/preview_page';

const KIOSK = '00000000-0000-4000-8000-000000000001';
const FINANCE = '00000000-0000-4000-8000-000000000002';
const LAB = '00000000-0000-4000-8000-000000000003';
const SALES = '00000000-0000-4000-8000-000000000004';
const DEFAULT = 'All users and all devices';

interface Device {
  name: string;
  deviceGroup: string;
  userGroup: string;
  model: string;
}

/** Ten kinds of device in turn, in unequal shares, so that counts swapped between profiles show. */
const PATTERN: readonly Omit<Device, 'name'>[] = [
  { deviceGroup: KIOSK, userGroup: '', model: 'OptiPlex 7010' },
  { deviceGroup: KIOSK, userGroup: '', model: 'OptiPlex 7010' },
  { deviceGroup: KIOSK, userGroup: SALES, model: 'OptiPlex 7010' },
  { deviceGroup: FINANCE, userGroup: '', model: 'OptiPlex 7010' },
  { deviceGroup: FINANCE, userGroup: '', model: 'Surface Laptop 5' },
  { deviceGroup: LAB, userGroup: '', model: 'OptiPlex 7010' },
  { deviceGroup: LAB, userGroup: '', model: 'Surface Laptop 5' },
  { deviceGroup: '', userGroup: SALES, model: 'OptiPlex 7010' },
  { deviceGroup: '', userGroup: '', model: 'OptiPlex 7010' },
  { deviceGroup: '', userGroup: '', model: 'Surface Pro 9' },
];

function deviceList(count: number): Device[] {
  return Array.from({ length: count }, (_, i) => ({ name: `PC-${i}`, ...PATTERN[i % PATTERN.length] }));
}

/** The devices as the CLI's CSV. */
function devices(count: number): string {
  const lines = ['name,deviceGroupIds,userGroupIds,mode,joinType,model'];
  for (const d of deviceList(count)) lines.push(`${d.name},${d.deviceGroup},${d.userGroup},userDriven,entra,${d.model}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The profile a device of preview_tenant.json gets, by its rules: device-targeted profiles first,
 * in priority order (Kiosks 2, Lab without Surface 3 unless the model starts with "Surface",
 * Finance 4); then user-targeted (Sales users 1); else the default.
 */
function expectedProfile(d: Device): { profile: string; via: 'device' | 'user' | 'default' } {
  if (d.deviceGroup === KIOSK) return { profile: 'Kiosks', via: 'device' };
  if (d.deviceGroup === LAB && !d.model.startsWith('Surface')) return { profile: 'Lab without Surface', via: 'device' };
  if (d.deviceGroup === FINANCE) return { profile: 'Finance', via: 'device' };
  if (d.userGroup === SALES) return { profile: 'Sales users', via: 'user' };
  return { profile: DEFAULT, via: 'default' };
}

/** What the fleet should say for `count` devices, computed from the list. */
function expected(count: number) {
  const list = deviceList(count).map((d) => ({ ...d, ...expectedProfile(d) }));
  const perProfile = new Map<string, number>();
  const perVia = { device: 0, user: 0, default: 0 };
  for (const d of list) {
    perProfile.set(d.profile, (perProfile.get(d.profile) ?? 0) + 1);
    perVia[d.via]++;
  }
  return { list, perProfile, perVia };
}

const PROFILES = ['Sales users', 'Kiosks', 'Lab without Surface', 'Finance', DEFAULT] as const;
const thousands = (n: number) => n.toLocaleString('en-US');

test.describe('fleet check', () => {
  test.beforeEach(async ({ page }) => {
    await useTenant(page, 'preview_tenant.json');
  });

  test('a 10,000-device CSV gives the devices per profile, a device table and a CSV download; the page answers a click while it runs', async ({ page }) => {
    test.setTimeout(90_000);
    const n = 10_000;
    const want = expected(n);
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario('Meanwhile');
    await expect(preview.userPart.getByRole('group', { name: 'User groups' })).toBeVisible();
    // Where the Self-deploying choice is, found before the check starts: during the check the
    // click goes straight to the page as a person's would, with no script of the test in the way.
    const selfDeploying = page.getByRole('group', { name: 'Deployment mode' }).getByRole('radio', { name: 'Self-deploying' });
    await selfDeploying.scrollIntoViewIfNeeded();
    const box = await selfDeploying.boundingBox();
    if (!box) throw new Error('the Self-deploying choice is not on screen');
    // A slower processor, so the check certainly outlasts the click below.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
    await preview.uploadDevices('devices.csv', devices(n));
    await expect(preview.fleetProgress).toBeVisible();
    // A click is answered while the check runs: the form follows the mode while the progress bar
    // is still there. Both are looked for in one look at the page, so the check ending between
    // two looks cannot pass for an answer; a page that held the event loop until the end would
    // only answer once the progress bar is gone.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const answeredWhileRunning = page
      .getByRole('main')
      .filter({ has: preview.fleetProgress })
      .filter({ has: preview.userPart.getByText('Self-deploying has no user') });
    await expect(answeredWhileRunning).toBeVisible();
    await expect(selfDeploying).toBeChecked();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    await expect(preview.fleetSummary).toContainText(`${thousands(n)} devices checked from devices.csv`, { timeout: 60_000 });
    for (const profile of PROFILES) await expect(preview.count(profile)).toHaveText(thousands(want.perProfile.get(profile) ?? 0));
    await expect(preview.fleet).toContainText(
      `Reached via the device: ${thousands(want.perVia.device)}; via the user: ${thousands(want.perVia.user)}; the default profile: ${thousands(want.perVia.default)}.`,
    );

    // The device table, a page at a time, filtered by profile.
    const finance = want.list.filter((d) => d.profile === 'Finance');
    const table = preview.fleet.getByRole('table', { name: 'Devices and the profile each gets' });
    await expect(table.getByRole('row')).toHaveCount(51);
    await expect(preview.fleet.getByText(`Devices 1–50 of ${thousands(n)}`)).toBeVisible();
    await expect(table.getByRole('rowheader')).toHaveText(want.list.slice(0, 50).map((d) => d.name));
    await preview.fleet.getByLabel('Show devices of').selectOption({ label: 'Finance' });
    await expect(preview.fleet.getByText(`Devices 1–50 of ${thousands(finance.length)}`)).toBeVisible();
    await expect(table.getByRole('rowheader')).toHaveText(finance.slice(0, 50).map((d) => d.name));
    await preview.fleet.getByRole('button', { name: 'Next page' }).click();
    await expect(preview.fleet.getByText(`Devices 51–100 of ${thousands(finance.length)}`)).toBeVisible();
    await expect(table.getByRole('rowheader')).toHaveText(finance.slice(50, 100).map((d) => d.name));

    // A device opens in the preview as a scenario of its own.
    const opened = finance[50].name;
    await table.getByRole('button', { name: `Preview ${opened}` }).click();
    await expect(preview.scenario(opened)).toHaveAttribute('aria-current', 'true');
    await preview.expectApplied('Finance', 'via device');

    const download = page.waitForEvent('download');
    await preview.fleet.getByRole('button', { name: 'Download results (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('fleet-results.csv');
    const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(n + 1);
    expect(lines[0]).toBe('name,profileId,profileName,priority,via,blockingApps,effectiveTimeoutMinutes');
    // Every device with the profile it gets, in the list's order.
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual(want.list.map((d) => [d.name, d.profile, d.via]));
    expect(lines[1]).toMatch(/^PC-0,.*,Kiosks,2,device,1,30$/);
    const firstDefault = want.list.findIndex((d) => d.via === 'default');
    expect(lines[firstDefault + 1]).toMatch(new RegExp(`^PC-${firstDefault},.*,${DEFAULT},default,default,0,$`));
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
    await expect(preview.count('Kiosks')).toHaveText(thousands(expected(100_000).perProfile.get('Kiosks') ?? 0));
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
