// Export: the workspace file brings the same workspace back (profiles, their order, the preview's
// state); each profile's Graph request bodies and PowerShell script can be copied.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/guard';
import { PreviewPage } from './fixtures/preview_page';
import { ProfilesPage } from './fixtures/profiles_page';
import { TenantPage, WORKSPACE_KEY, names } from './fixtures/tenant_page';

const ESP = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';
const GROUP_TARGET = '#microsoft.graph.groupAssignmentTarget';

const profile = (id: string, displayName: string, priority: number, groupId?: string) => ({
  '@odata.type': ESP,
  id,
  displayName,
  priority,
  showInstallationProgress: true,
  installProgressTimeoutInMinutes: 45 + priority,
  assignments: groupId ? [{ target: { '@odata.type': GROUP_TARGET, groupId } }] : [],
});

/** A save whose profiles are not in alphabetical order, with no preview scenario yet. */
const save = {
  schemaVersion: 1,
  tenant: {
    deviceEnrollmentConfigurations: [
      profile('p-c', 'Charlie first', 1, 'g-1'),
      profile('p-a', 'Alpha second', 2, 'g-2'),
      profile('p-b', 'Bravo third', 3, 'g-1'),
    ],
    groups: [
      { id: 'g-1', displayName: 'Kiosks', memberKind: 'device' },
      { id: 'g-2', displayName: 'Sales users', memberKind: 'user' },
    ],
  },
  designer: {
    preview: { scenarios: [], selected: null },
    somethingNew: { kept: ['as', 'is'] },
  },
};

/** The profile names in priority order, the default last, as the save lists them. */
const ORDER = [...save.tenant.deviceEnrollmentConfigurations]
  .sort((a, b) => a.priority - b.priority)
  .map((p) => p.displayName);

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

type PreviewSection = { scenarios: { id: string; name: string }[]; selected: string | null };

/** Two scenarios built in the Preview as a person would; the first is selected at the end. */
const KIOSK = { name: 'Front desk kiosk', mode: 'Self-deploying', join: 'Microsoft Entra join', deviceGroup: 'Kiosks', model: 'OptiPlex 7010' } as const;
const SALES = { name: 'Sales laptop', mode: 'User-driven', join: 'Microsoft Entra hybrid join', userGroup: 'Sales users', manufacturer: 'Contoso' } as const;

test.describe('exporting', () => {
  test('export then import of the workspace gives the same workspace back', async ({ page }) => {
    await seed(page);
    const preview = new PreviewPage(page);
    await preview.open();
    await expect(preview.scenarios).toContainText('No scenario yet');
    await preview.newScenario(KIOSK.name);
    await preview.setMode(KIOSK.mode);
    await preview.setJoin(KIOSK.join);
    await preview.deviceGroup(KIOSK.deviceGroup).check();
    await preview.property('Model').fill(KIOSK.model);
    await preview.expectApplied('Charlie first', 'via device');
    await preview.newScenario(SALES.name);
    await preview.setMode(SALES.mode);
    await preview.setJoin(SALES.join);
    await preview.userGroup(SALES.userGroup).check();
    await preview.property('Manufacturer').fill(SALES.manufacturer);
    await preview.expectApplied('Alpha second', 'via user');
    // The first one is selected when the workspace is exported.
    await preview.scenario(KIOSK.name).click();
    await expect(preview.scenario(KIOSK.name)).toHaveAttribute('aria-current', 'true');

    const tenant = new TenantPage(page);
    await tenant.expectStored((d) => {
      const section = d.designer.preview as PreviewSection | undefined;
      const kiosk = section?.scenarios.find((s) => s.name === KIOSK.name);
      return section?.scenarios.length === 2 && kiosk !== undefined && section.selected === kiosk.id;
    });
    const original = await tenant.storedWorkspace();
    expect(names(original, 'deviceEnrollmentConfigurations')).toEqual([...ORDER, 'All users and all devices']);
    expect(original.designer.somethingNew).toEqual(save.designer.somethingNew);

    await tenant.open('import-export');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download workspace' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^esp-designer-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    const buffer = readFileSync(await file.path());

    // Empty the tenant and throw the scenarios away, so the import has everything to bring back.
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('dialog', { name: 'Start with an empty tenant?' }).getByRole('button', { name: 'Start empty' }).click();
    await tenant.expectStored((d) => names(d, 'groups').length === 0);
    await preview.open();
    for (let left = 2; left > 0; left--) {
      await preview.scenarios.getByRole('button', { name: 'Delete', exact: true }).click();
      await preview.scenarios.getByRole('button', { name: 'Delete scenario' }).click();
      await expect(preview.scenarios.getByRole('listitem')).toHaveCount(left - 1);
    }
    await expect(preview.scenarios).toContainText('No scenario yet');

    await tenant.open('import-export');
    await tenant.pickFile({ name: file.suggestedFilename(), buffer });
    await expect(tenant.importDialog).toContainText('This is an ESP Designer workspace saved at');
    expect(await tenant.summaryCount('ESP profiles')).toBe(ORDER.length + 1);
    expect(await tenant.summaryCount('Groups')).toBe(save.tenant.groups.length);
    await tenant.replaceWorkspace();
    await tenant.expectStored((d) => names(d, 'groups').length === save.tenant.groups.length);
    const restored = await tenant.storedWorkspace();
    expect(restored.tenant).toEqual(original.tenant);
    expect(restored.designer).toEqual(original.designer);

    // On screen: the same profiles in the same order.
    const profiles = new ProfilesPage(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles', exact: true }).click();
    await expect(profiles.heading).toHaveText('Profiles');
    await profiles.expectOrder(ORDER);

    // The same preview: both scenarios, the same one selected, its form and its result.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Preview', exact: true }).click();
    await expect(preview.heading).toHaveText('Preview');
    await expect(preview.scenarios.getByRole('listitem')).toHaveText([KIOSK.name, SALES.name]);
    await expect(preview.scenario(KIOSK.name)).toHaveAttribute('aria-current', 'true');
    await expect(preview.scenario(SALES.name)).not.toHaveAttribute('aria-current', 'true');
    await expect(preview.scenarioName).toHaveValue(KIOSK.name);
    await expect(page.getByRole('radio', { name: KIOSK.mode })).toBeChecked();
    await expect(page.getByRole('radio', { name: KIOSK.join, exact: true })).toBeChecked();
    await expect(preview.deviceGroup(KIOSK.deviceGroup)).toBeChecked();
    await expect(preview.property('Model')).toHaveValue(KIOSK.model);
    await expect(preview.property('Manufacturer')).toHaveValue('');
    await expect(preview.userPart).toContainText('no user');
    await preview.expectApplied('Charlie first', 'via device');

    await preview.scenario(SALES.name).click();
    await expect(preview.scenarioName).toHaveValue(SALES.name);
    await expect(page.getByRole('radio', { name: SALES.mode })).toBeChecked();
    await expect(page.getByRole('radio', { name: SALES.join, exact: true })).toBeChecked();
    await expect(preview.userGroup(SALES.userGroup)).toBeChecked();
    await expect(preview.deviceGroup(KIOSK.deviceGroup)).not.toBeChecked();
    await expect(preview.property('Manufacturer')).toHaveValue(SALES.manufacturer);
    await expect(preview.property('Model')).toHaveValue('');
    await preview.expectApplied('Alpha second', 'via user');
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

    const body = async (what: string) =>
      JSON.parse((await page.getByRole('region', { name: `Body: ${what}`, exact: true }).textContent()) ?? '');
    const requestLine = (line: string) => page.getByText(line, { exact: true });
    const CONFIGURATIONS = 'https://graph.microsoft.com/beta/deviceManagement/deviceEnrollmentConfigurations';
    await expect(page.getByRole('heading', { name: '1. Create the profile', level: 2 })).toBeVisible();
    await expect(requestLine(`POST ${CONFIGURATIONS}`)).toBeVisible();
    await expect(requestLine(`POST ${CONFIGURATIONS}/{id}/assign`)).toBeVisible();
    await expect(requestLine(`POST ${CONFIGURATIONS}/{id}/setPriority`)).toBeVisible();
    const create = await body('Create the profile');
    expect(create).toMatchObject({ '@odata.type': ESP, displayName: 'Alpha second', installProgressTimeoutInMinutes: 47 });
    expect(create).not.toHaveProperty('id');
    const assign = await body('Assign it');
    expect(assign.enrollmentConfigurationAssignments).toEqual([
      expect.objectContaining({ target: expect.objectContaining({ '@odata.type': GROUP_TARGET, groupId: 'g-2' }) }),
    ]);
    expect(await body('Set its priority')).toEqual({ priority: 2 });

    await page.getByRole('button', { name: 'Copy the body: Create the profile' }).click();
    await expect(page.getByText('Copied', { exact: true })).toBeVisible();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(create);
    // The feedback goes away, so the next one seen belongs to the next copy.
    await expect(page.getByText('Copied', { exact: true })).toHaveCount(0);

    const script = page.getByRole('region', { name: 'PowerShell script', exact: true });
    await expect(script).toContainText("Connect-MgGraph -Scopes 'DeviceManagementServiceConfig.ReadWrite.All'");
    await expect(script).toContainText(
      "$espProfile = Invoke-MgGraphRequest -Method POST -Uri $uri -Body $createBody -ContentType 'application/json'",
    );
    await expect(script).toContainText(
      `Invoke-MgGraphRequest -Method POST -Uri "$uri/$($espProfile.id)/assign" -Body $assignBody -ContentType 'application/json'`,
    );
    await expect(script).toContainText(
      `Invoke-MgGraphRequest -Method POST -Uri "$uri/$($espProfile.id)/setPriority" -Body $priorityBody -ContentType 'application/json'`,
    );
    // Each body sits in its here-string, exactly as the request shows it.
    const text = (await script.textContent()) ?? '';
    const hereString = (variable: string) => {
      const match = text.match(new RegExp(`\\${variable} = @'\n([\\s\\S]*?)\n'@`));
      return match ? JSON.parse(match[1]) : undefined;
    };
    expect(hereString('$createBody')).toEqual(create);
    expect(hereString('$assignBody')).toEqual(assign);
    expect(hereString('$priorityBody')).toEqual({ priority: 2 });
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Copy the PowerShell script' }).click();
    await expect(page.getByText('Copied', { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // Another profile: its own bodies and the URL follows.
    await page.getByLabel('Profile', { exact: true }).selectOption({ label: '3. Bravo third' });
    await expect(page).toHaveURL(/#\/tenant\/export\?profile=p-b$/);
    await expect.poll(() => body('Set its priority')).toEqual({ priority: 3 });
    expect((await body('Assign it')).enrollmentConfigurationAssignments).toEqual([
      expect.objectContaining({ target: expect.objectContaining({ groupId: 'g-1' }) }),
    ]);

    // The default profile is only ever updated.
    await page.getByLabel('Profile', { exact: true }).selectOption({ label: 'Default. All users and all devices' });
    await expect(page.getByRole('heading', { name: "1. Update the default profile's settings", level: 2 })).toBeVisible();
    await expect(page.getByText(/^PATCH https:\/\/graph\.microsoft\.com\//)).toBeVisible();
    await expect(page.getByRole('heading', { name: '2. Assign it' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Body: Assign it' })).toHaveCount(0);
    await expect(script).not.toContainText('$assignBody');
  });

  test('an unknown profile id says so and shows the first profile', async ({ page }) => {
    await seed(page);
    const tenant = new TenantPage(page);
    await tenant.open('export?profile=nope');
    await expect(page.getByRole('alert').filter({ hasText: 'No profile has the id `nope`' })).toBeVisible();
    await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('p-c');
  });
});
