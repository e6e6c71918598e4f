// After reading the report the user chooses: replace the workspace's tenant, or merge the file
// into it. Either is one change that Undo takes back. A file can also be dropped on any page.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/guard';
import { TenantPage, names } from './fixtures/tenant_page';

const ESP = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';

const bundle = {
  deviceEnrollmentConfigurations: [
    {
      '@odata.type': ESP,
      id: 'p-imported',
      displayName: 'Imported profile',
      priority: 1,
      showInstallationProgress: true,
      assignments: [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g-imported' } }],
    },
  ],
  groups: [{ id: 'g-imported', displayName: 'Imported group', memberKind: 'device' }],
  roleScopeTags: [{ id: '7', displayName: 'Imported tag' }],
};
const file = { name: 'tenant.json', buffer: Buffer.from(JSON.stringify(bundle)) };

async function withLocalGroup(page: Page): Promise<TenantPage> {
  const tenant = new TenantPage(page);
  await tenant.open();
  await tenant.startEmpty();
  await tenant.goTo('Groups');
  await tenant.addGroup('Local group');
  await tenant.goTo('Import and export');
  await tenant.pickFile(file);
  expect(await tenant.summary()).toEqual({
    'ESP profiles': 1,
    Groups: 1,
    Apps: 0,
    'Assignment filters': 0,
    'Scope tags': 1,
    Skipped: 0,
  });
  return tenant;
}

test.describe('replacing or merging an import', () => {
  test('replace swaps the tenant for the file, and Undo brings it back', async ({ page }) => {
    const tenant = await withLocalGroup(page);
    await tenant.replaceWorkspace();
    await expect(tenant.messages).toContainText('Imported tenant.json: it replaced the workspace');
    await tenant.expectStored((d) => names(d, 'groups').join() === 'Imported group');
    const stored = await tenant.storedWorkspace();
    expect(names(stored, 'deviceEnrollmentConfigurations')).toContain('Imported profile');

    await tenant.undo.click();
    await tenant.goTo('Groups');
    await expect(tenant.row('Local group')).toBeVisible();
    await expect(tenant.row('Imported group')).toHaveCount(0);
  });

  test('merge adds the file to the workspace', async ({ page }) => {
    const tenant = await withLocalGroup(page);
    await tenant.mergeIntoWorkspace();
    await expect(tenant.messages).toContainText('Merged tenant.json: added 1 profile, 1 group, 1 scope tag');
    await tenant.goTo('Groups');
    await expect(tenant.row('Local group')).toBeVisible();
    await expect(tenant.row('Imported group')).toContainText('1 profile');

    // The same file again updates what it added instead of adding it twice.
    await tenant.goTo('Import and export');
    await tenant.pickFile(file);
    await tenant.mergeIntoWorkspace();
    await expect(tenant.messages).toContainText('Merged tenant.json: updated 1 profile, 1 group, 1 scope tag');
    await tenant.goTo('Groups');
    await expect(tenant.rowNames()).toHaveText(['Local group', 'Imported group']);
  });

  test('a file dropped on any page opens the same report', async ({ page }) => {
    const tenant = new TenantPage(page);
    await page.goto('./#/preview');
    const overlay = page.getByText('Drop the file to import it');
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return data;
    }, JSON.stringify(bundle));
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await expect(overlay).toBeVisible();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await expect(overlay).toBeHidden();
    await expect(tenant.importDialog).toHaveAccessibleName('Import dropped.json');
    expect(await tenant.summaryCount('ESP profiles')).toBe(1);
    await tenant.replaceWorkspace();
    await tenant.open('groups');
    await expect(tenant.rowNames()).toHaveText(['Imported group']);
  });
});
