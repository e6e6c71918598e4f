// The catalog lists: search, add, edit and delete groups, apps, filters and scope tags; a filter's
// rule is read as it is typed; deleting something a profile uses asks first and names the profile.
import { test, expect } from './fixtures/guard';
import { TenantPage, names } from './fixtures/tenant_page';

const ESP = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';

/** A tenant whose one profile uses a group, a filter, a scope tag and a blocking app. */
const usedTenant = {
  deviceEnrollmentConfigurations: [
    {
      '@odata.type': ESP,
      id: 'p-1',
      displayName: 'Kiosk profile',
      priority: 1,
      showInstallationProgress: true,
      blockDeviceSetupRetryByUser: false,
      selectedMobileAppIds: ['a-1'],
      roleScopeTagIds: ['t-1'],
      assignments: [
        {
          target: {
            '@odata.type': '#microsoft.graph.groupAssignmentTarget',
            groupId: 'g-1',
            deviceAndAppManagementAssignmentFilterId: 'f-1',
            deviceAndAppManagementAssignmentFilterType: 'include',
          },
        },
      ],
    },
  ],
  groups: [
    { id: 'g-1', displayName: 'Kiosk devices', memberKind: 'device' },
    { id: 'g-2', displayName: 'Unused group', memberKind: 'user' },
  ],
  mobileApps: [{ '@odata.type': '#microsoft.graph.win32LobApp', id: 'a-1', displayName: 'Kiosk browser' }],
  assignmentFilters: [
    { id: 'f-1', displayName: 'Surface devices', platform: 'windows10AndLater', rule: '(device.model -startsWith "Surface")' },
  ],
  roleScopeTags: [{ id: 't-1', displayName: 'Stores' }],
};

async function openWithUsedTenant(tenant: TenantPage): Promise<void> {
  await tenant.open('import-export');
  await tenant.pickFile({ name: 'used.json', buffer: Buffer.from(JSON.stringify(usedTenant)) });
  await tenant.replaceWorkspace();
}

test.describe('the tenant catalog', () => {
  test('groups: add, search, edit, refuse a duplicate name, delete and undo', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open();
    await tenant.startEmpty();
    await tenant.goTo('Groups');
    await tenant.addGroup('Kiosks', 'Devices');
    await tenant.addGroup('Finance users', 'Users');
    await expect(tenant.row('Kiosks')).toContainText('Devices');
    await expect(tenant.row('Finance users')).toContainText('Users');

    await tenant.search('Search groups', 'finance');
    await expect(tenant.rowNames()).toHaveText(['Finance users']);
    await expect(page.getByText('1 of 2 groups')).toBeVisible();
    await tenant.search('Search groups', 'nothing like it');
    await expect(page.getByText('No groups match the search.')).toBeVisible();
    await tenant.search('Search groups', '');

    await tenant.row('Kiosks').getByRole('button', { name: 'Edit Kiosks' }).click();
    const editor = tenant.editor('Edit group');
    await editor.getByLabel('Name').fill('  finance USERS ');
    await editor.getByRole('button', { name: 'Save' }).click();
    const name = editor.getByLabel('Name');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription("Another group is already named 'finance USERS'");
    await name.fill('Kiosk devices');
    await editor.getByLabel('Members').selectOption({ label: 'Not known' });
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
    await expect(tenant.row('Kiosk devices')).toContainText('Not known');

    // Nothing uses it, so it goes at once; Undo brings it back.
    await tenant.deleteRow('Kiosk devices');
    await expect(tenant.messages).toContainText("Deleted group 'Kiosk devices'.");
    await expect(tenant.row('Kiosk devices')).toHaveCount(0);
    await tenant.undo.click();
    await expect(tenant.row('Kiosk devices')).toBeVisible();
    await tenant.expectStored((d) => names(d, 'groups').join() === 'Kiosk devices,Finance users');
  });

  test('deleting what a profile uses asks first and names the profile', async ({ page }) => {
    const tenant = new TenantPage(page);
    await openWithUsedTenant(tenant);

    const cases = [
      // The filter first: deleting the group removes the assignment row that uses the filter.
      { page: 'Assignment filters', name: 'Surface devices', what: 'filter', consequence: 'without this filter' },
      { page: 'Groups', name: 'Kiosk devices', what: 'group', consequence: 'Their assignments to this group are removed.' },
      { page: 'Apps', name: 'Kiosk browser', what: 'app', consequence: 'removed from their lists of blocking apps' },
      { page: 'Scope tags', name: 'Stores', what: 'scope tag', consequence: 'The tag is removed from them.' },
    ];
    for (const { page: list, name, what, consequence } of cases) {
      await tenant.goTo(list);
      await expect(tenant.row(name)).toContainText('1 profile');
      await tenant.deleteRow(name);
      const question = page.getByRole('dialog', { name: `Delete ${what} '${name}'?` });
      await expect(question).toContainText("It is used by this profile: 'Kiosk profile'.");
      await expect(question).toContainText(consequence);
      await question.getByRole('button', { name: 'Cancel' }).click();
      await expect(question).toBeHidden();
      await expect(tenant.row(name)).toBeVisible();

      await tenant.deleteRow(name);
      await question.getByRole('button', { name: 'Delete' }).click();
      await expect(tenant.row(name)).toHaveCount(0);
    }
    await tenant.expectStored((d) => {
      const profile = d.tenant.deviceEnrollmentConfigurations.find(
        (p) => (p as { displayName: string }).displayName === 'Kiosk profile',
      ) as { assignments: unknown[]; selectedMobileAppIds: string[]; roleScopeTagIds: string[] };
      return profile.assignments.length === 0 && profile.selectedMobileAppIds.length === 0 && profile.roleScopeTagIds.join() === '0';
    });
    // An unused group still goes without a question.
    await tenant.goTo('Groups');
    await tenant.deleteRow('Unused group');
    await expect(tenant.row('Unused group')).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('a filter rule is read as it is typed: errors name the column, ESP use says why', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open();
    await tenant.startEmpty();
    await tenant.goTo('Assignment filters');
    await page.getByRole('button', { name: 'Add filter' }).click();
    const editor = tenant.editor('Add filter');
    const rule = editor.getByLabel('Rule');
    await editor.getByLabel('Name').fill('Surface');

    await rule.fill('(device.model -match "Surface")');
    await expect(rule).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByText(/This rule cannot be read: .* at column 15/)).toBeVisible();
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeVisible();

    await rule.fill('device.deviceName -eq "KIOSK-01"');
    await expect(rule).not.toHaveAttribute('aria-invalid', 'true');
    await expect(editor).toContainText('Read as: (device.deviceName -eq "KIOSK-01")');
    await expect(editor).toContainText('Use in ESP: Not usable. This filter uses device.deviceName, which ESP assignments cannot use');

    await rule.fill('device.model -startsWith "Surface" and device.deviceOwnership -eq "Corporate"');
    await expect(editor).toContainText('Use in ESP: Usable. It reads the model or manufacturer');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
    await expect(tenant.row('Surface')).toContainText('Usable');

    await tenant.addFilter('By name', '(device.deviceName -startsWith "LAB")');
    await expect(tenant.row('By name')).toContainText('Not usable. This filter uses device.deviceName');
    await tenant.search('Search filters', 'devicename');
    await expect(tenant.rowNames()).toHaveText(['By name']);
  });

  test('apps: type, install context and assignments', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open();
    await tenant.startEmpty();
    await tenant.goTo('Groups');
    await tenant.addGroup('Lab devices', 'Devices');
    await tenant.goTo('Apps');

    await page.getByRole('button', { name: 'Add app' }).click();
    const editor = tenant.editor('Add app');
    await editor.getByLabel('Name').fill('Company Portal');
    await editor.getByLabel('App type').selectOption({ label: 'line-of-business AppX app (windowsAppX)' });
    await expect(editor).toContainText('Install context: Set on each assignment.');
    await editor.getByRole('button', { name: 'Add assignment' }).click();
    const first = editor.getByRole('group', { name: 'Assignment 1' });
    await first.getByLabel('Assigned to').selectOption({ label: 'Lab devices' });
    await first.getByLabel('Install in device context').check();
    await editor.getByRole('button', { name: 'Add assignment' }).click();
    const second = editor.getByRole('group', { name: 'Assignment 2' });
    await second.getByLabel('Assignment type').selectOption({ label: 'Available' });
    await second.getByLabel('Assigned to').selectOption({ label: 'All users' });
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
    const row = tenant.row('Company Portal');
    await expect(row).toContainText('windowsAppX');
    await expect(row).toContainText('Required: Lab devices, device context');
    await expect(row).toContainText('Available: All users, user context');

    await tenant.addApp('Agent', 'Win32 app (win32LobApp)');
    await tenant.row('Agent').getByRole('button', { name: 'Edit Agent' }).click();
    const edit = tenant.editor('Edit app');
    await edit.getByLabel('Install behavior').selectOption({ label: 'User (user context)' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(tenant.row('Agent')).toContainText('User (installs as the user)');

    await tenant.goTo('Groups');
    await expect(tenant.row('Lab devices')).toContainText('1 app');
  });

  test('scope tags: the built-in Default stays, others come and go', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open();
    await tenant.startEmpty();
    await tenant.goTo('Scope tags');
    await expect(tenant.row('Default')).toContainText('Built-in');
    await expect(tenant.row('Default').getByRole('button')).toHaveCount(0);
    await tenant.addScopeTag('Stores');
    await page.getByRole('button', { name: 'Add scope tag' }).click();
    const editor = tenant.editor('Add scope tag');
    await editor.getByLabel('Name').fill('default');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor.getByLabel('Name')).toHaveAccessibleDescription("Another scope tag is already named 'default'");
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await tenant.deleteRow('Stores');
    await expect(tenant.rowNames()).toHaveText(['Default']);
  });
});
