// Export: the workspace file brings the same workspace back (profiles, their order, the preview's
// state); each profile's Graph request bodies and PowerShell script can be copied.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/guard';
import { TenantPage, WORKSPACE_KEY, names } from './fixtures/tenant_page';

const ESP = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';

const profile = (id: string, displayName: string, priority: number, groupId?: string) => ({
  '@odata.type': ESP,
  id,
  displayName,
  priority,
  showInstallationProgress: true,
  installProgressTimeoutInMinutes: 45 + priority,
  assignments: groupId ? [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } }] : [],
});

/** A save whose profiles are not in alphabetical order and whose designer holds a preview. */
const save = {
  schemaVersion: 1,
  tenant: {
    deviceEnrollmentConfigurations: [
      profile('p-c', 'Charlie first', 1, 'g-1'),
      profile('p-a', 'Alpha second', 2),
      profile('p-b', 'Bravo third', 3, 'g-1'),
    ],
    groups: [{ id: 'g-1', displayName: 'Kiosks', memberKind: 'device' }],
  },
  designer: {
    preview: { scenarios: [{ name: 'Kiosk', device: 'KIOSK-01', mode: 'selfDeploying' }], selected: 0 },
    somethingNew: { kept: ['as', 'is'] },
  },
};

async function seed(page: Page): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (!window.sessionStorage.getItem('seeded')) {
        window.localStorage.setItem(key, value);
        window.sessionStorage.setItem('seeded', 'yes');
      }
    },
    [WORKSPACE_KEY, JSON.stringify(save)],
  );
}

test.describe('exporting', () => {
  test('export then import of the workspace gives the same workspace back', async ({ page }) => {
    await seed(page);
    const tenant = new TenantPage(page);
    await tenant.open('import-export');
    // Make the app write its own form of the save, to compare against.
    await tenant.goTo('Groups');
    await tenant.addGroup('Lab');
    const original = await tenant.storedWorkspace();
    expect(names(original, 'deviceEnrollmentConfigurations')).toEqual([
      'Charlie first',
      'Alpha second',
      'Bravo third',
      'All users and all devices',
    ]);
    expect(original.designer).toEqual(save.designer);

    await tenant.goTo('Import and export');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download workspace' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^esp-designer-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    const buffer = readFileSync(await file.path());

    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('dialog', { name: 'Start with an empty tenant?' }).getByRole('button', { name: 'Start empty' }).click();
    await tenant.expectStored((d) => names(d, 'groups').length === 0);

    await tenant.pickFile({ name: file.suggestedFilename(), buffer });
    await expect(tenant.importDialog).toContainText('This is an ESP Designer workspace saved at');
    expect(await tenant.summaryCount('ESP profiles')).toBe(4);
    await tenant.replaceWorkspace();
    await tenant.expectStored((d) => names(d, 'groups').length === 2);
    const restored = await tenant.storedWorkspace();
    expect(restored.tenant).toEqual(original.tenant);
    expect(restored.designer).toEqual(original.designer);
  });

  test('the tenant bundle imports back to the same tenant', async ({ page }) => {
    await seed(page);
    const tenant = new TenantPage(page);
    await tenant.open('groups');
    await tenant.addGroup('Lab');
    const original = await tenant.storedWorkspace();
    await tenant.goTo('Import and export');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download tenant bundle' }).click();
    const buffer = readFileSync(await (await download).path());
    expect(JSON.parse(buffer.toString('utf8'))).toEqual(original.tenant);

    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('dialog', { name: 'Start with an empty tenant?' }).getByRole('button', { name: 'Start empty' }).click();
    await tenant.pickFile({ name: 'bundle.json', buffer });
    await tenant.replaceWorkspace();
    await tenant.expectStored((d) => JSON.stringify(d.tenant) === JSON.stringify(original.tenant));
  });

  test("a profile's Graph requests: three bodies and a PowerShell script, each copied", async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await seed(page);
    const tenant = new TenantPage(page);
    await tenant.open('export?profile=p-a');
    await expect(tenant.heading).toHaveText('Graph requests');
    await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('p-a');

    const section = (title: string) => page.locator('section').filter({ has: page.getByRole('heading', { name: title }) });
    const body = async (title: string) => JSON.parse((await section(title).locator('pre').textContent()) ?? '');
    await expect(section('1. Create the profile')).toContainText(
      'POST https://graph.microsoft.com/beta/deviceManagement/deviceEnrollmentConfigurations',
    );
    const create = await body('1. Create the profile');
    expect(create).toMatchObject({ '@odata.type': ESP, displayName: 'Alpha second', installProgressTimeoutInMinutes: 47 });
    expect(create).not.toHaveProperty('id');
    expect(await body('2. Assign it')).toEqual({ enrollmentConfigurationAssignments: [] });
    expect(await body('3. Set its priority')).toEqual({ priority: 2 });

    await section('1. Create the profile').getByRole('button', { name: 'Copy the body: Create the profile' }).click();
    await expect(section('1. Create the profile').getByText('Copied')).toBeVisible();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(create);

    const script = section('PowerShell');
    await expect(script.locator('pre')).toContainText("Connect-MgGraph -Scopes 'DeviceManagementServiceConfig.ReadWrite.All'");
    await expect(script.locator('pre')).toContainText('$espProfile = Invoke-MgGraphRequest -Method POST -Uri $uri -Body $createBody');
    await expect(script.locator('pre')).toContainText('-Uri "$uri/$($espProfile.id)/setPriority" -Body $priorityBody');
    await script.getByRole('button', { name: 'Copy the PowerShell script' }).click();
    await expect(script.getByText('Copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await script.locator('pre').textContent());

    // Another profile: its own bodies and the URL follows.
    await page.getByLabel('Profile', { exact: true }).selectOption({ label: '3. Bravo third' });
    await expect(page).toHaveURL(/#\/tenant\/export\?profile=p-b$/);
    expect(await body('3. Set its priority')).toEqual({ priority: 3 });
    expect((await body('2. Assign it')).enrollmentConfigurationAssignments).toHaveLength(1);

    // The default profile is only ever updated.
    await page.getByLabel('Profile', { exact: true }).selectOption({ label: 'Default. All users and all devices' });
    await expect(section("1. Update the default profile's settings")).toContainText('PATCH https://graph.microsoft.com');
    await expect(page.getByRole('heading', { name: '2. Assign it' })).toHaveCount(0);
  });

  test('an unknown profile id says so and shows the first profile', async ({ page }) => {
    await seed(page);
    const tenant = new TenantPage(page);
    await tenant.open('export?profile=nope');
    await expect(page.getByRole('alert').filter({ hasText: 'No profile has the id `nope`' })).toBeVisible();
    await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('p-c');
  });
});
