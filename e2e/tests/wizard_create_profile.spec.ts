import { test, expect } from './fixtures/guard';
import { ProfilesPage } from './fixtures/profiles_page';
import { LABEL, STEPS, WizardPage, fixtureTenant } from './fixtures/wizard_page';

test.describe('creating a profile with the wizard', () => {
  test.beforeEach(async ({ page }) => {
    await new WizardPage(page).seed(fixtureTenant());
  });

  test('walks through all five steps and adds the profile with the next priority', async ({ page }) => {
    const wizard = new WizardPage(page);
    const list = new ProfilesPage(page);
    await list.open();
    await list.expectOrder(['Kiosk devices', 'Finance users']);
    await list.create.click();
    await expect(wizard.heading).toHaveText('Create profile');
    await wizard.expectStep('Basics');
    await expect(wizard.stepBar.getByRole('listitem')).toHaveText(STEPS.map((s) => new RegExp(s.replace('+', '\\+'))));

    await wizard.name.fill('Retail stores');
    await wizard.description.fill('Store PCs in every region');
    await wizard.goNext('Settings');

    await wizard.choose(LABEL.blockingApps, 'Selected');
    await wizard.appSearch.fill('micro');
    await expect(wizard.appOption('7-Zip')).toHaveCount(0);
    await wizard.selectApps('Microsoft Edge');
    await wizard.appSearch.fill('');
    await wizard.selectApps('7-Zip');
    await expect(wizard.appPicker).toContainText('2 apps selected (100 max)');
    await expect(wizard.selectedApps.getByRole('listitem')).toHaveText([/Microsoft Edge/, /7-Zip/]);
    // Only Windows apps the ESP tracks can block: the iOS app is not offered.
    await expect(wizard.appOption('Contoso Mobile')).toHaveCount(0);
    await wizard.goNext('Assignments');

    await wizard.includeGroup('Finance Users');
    await wizard.setFilter('Finance Users', 'Corporate devices', 'Include');
    await expect(wizard.target('Finance Users')).toContainText('Rule: (device.deviceOwnership -eq "Corporate")');
    await wizard.goNext('Scope tags');

    await expect(wizard.scopeTags).toContainText('No scope tag is chosen, so the profile gets Default.');
    await wizard.scopeTag('Store Operations').check();
    await wizard.goNext('Review + create');

    await expect(wizard.reviewErrors).toHaveCount(0);
    await expect(wizard.summaryValue('Basics', 'Name')).toHaveText('Retail stores');
    await expect(wizard.summaryValue('Settings', LABEL.blockingApps)).toHaveText('Selected');
    await expect(wizard.summaryValue('Settings', 'Selected apps')).toHaveText(/Microsoft Edge\s*7-Zip/);
    await expect(wizard.summaryValue('Assignments', 'Included groups')).toHaveText(
      'Finance Users (Users), filter: Corporate devices (Include)',
    );
    await expect(wizard.summaryValue('Scope tags', 'Scope tags')).toHaveText('Store Operations');
    await wizard.create.click();

    // Back on the list, the new profile last before the default, highlighted, with its summary.
    await expect(page).toHaveURL(/#\/profiles\?highlight=/);
    await expect(wizard.heading).toHaveText('Profiles');
    await expect(wizard.messages).toContainText("Profile 'Retail stores' created with priority 3.");
    await list.expectOrder(['Kiosk devices', 'Finance users', 'Retail stores']);
    const row = list.row('Retail stores');
    await expect(row).toContainText('Just saved');
    await expect(await list.cell('Retail stores', 'Priority')).toHaveText('3');
    await expect(await list.cell('Retail stores', 'Name')).toHaveText('Retail stores');
    await expect(await list.cell('Retail stores', 'Blocking apps')).toHaveText('2 selected');
    await expect(await list.cell('Retail stores', 'Timeout')).toHaveText('60 min');
    await expect(await list.cell('Retail stores', 'Assigned to')).toContainText('Finance Users');
    await expect(await list.cell('Retail stores', 'Assigned to')).toContainText('Include: Corporate devices');
    await expect(await list.cell('Retail stores', 'Scope tags')).toHaveText('Store Operations');
    const profiles = await wizard.savedProfiles();
    expect(profiles.map((p) => [p.priority, p.displayName])).toEqual([
      [1, 'Kiosk devices'],
      [2, 'Finance users'],
      [3, 'Retail stores'],
    ]);
    const created = profiles[2];
    expect(created).toMatchObject({
      description: 'Store PCs in every region',
      showInstallationProgress: true,
      selectedMobileAppIds: ['app-edge', 'app-7zip'],
      roleScopeTagIds: ['1'],
    });
    // The group, with its filter by id and in include mode, as Graph names them.
    const tenantFile = fixtureTenant() as Record<string, Array<Record<string, unknown>>>;
    const idOf = (list: string, name: string) => tenantFile[list].find((o) => o.displayName === name)?.id;
    expect(idOf('groups', 'Finance Users')).toBeDefined();
    expect(idOf('assignmentFilters', 'Corporate devices')).toBeDefined();
    expect(created.assignments).toEqual([
      expect.objectContaining({
        target: expect.objectContaining({
          '@odata.type': '#microsoft.graph.groupAssignmentTarget',
          groupId: idOf('groups', 'Finance Users'),
          deviceAndAppManagementAssignmentFilterId: idOf('assignmentFilters', 'Corporate devices'),
          deviceAndAppManagementAssignmentFilterType: 'include',
        }),
      }),
    ]);
    const highlighted = new URL(page.url()).hash.split('highlight=')[1];
    expect(decodeURIComponent(highlighted)).toBe(created.id);

    // Reopened, it shows what was created, and its priority.
    await wizard.openEdit(String(created.id));
    await expect(wizard.heading).toHaveText('Edit profile: Retail stores');
    await expect(page.getByText('Enrollment Status Page profile, priority 3.')).toBeVisible();
    await expect(wizard.summaryValue('Assignments', 'Included groups')).toHaveText(
      'Finance Users (Users), filter: Corporate devices (Include)',
    );
    await expect(wizard.summaryValue('Settings', 'Selected apps')).toHaveText(/Microsoft Edge\s*7-Zip/);
  });

  test('the step bar reaches visited steps only, and Previous goes back', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.openCreate();
    await expect(wizard.stepLink('Settings')).toHaveCount(0);
    await expect(wizard.previous).toHaveCount(0);
    await wizard.goNext('Settings');
    await wizard.goNext('Assignments');
    await expect(wizard.stepLink('Scope tags')).toHaveCount(0);
    await wizard.stepLink('Basics').click();
    await wizard.expectStep('Basics');
    await expect(wizard.stepHeading).toBeFocused();
    await wizard.stepLink('Assignments').click();
    await wizard.expectStep('Assignments');
    await wizard.previous.click();
    await wizard.expectStep('Settings');
    // The step is in the URL, so a reload comes back to it.
    await expect(page).toHaveURL(/step=settings/);
    await page.reload();
    await wizard.expectStep('Settings');
  });

  test('the draft survives a reload and an excursion to another area', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.openCreate();
    await wizard.name.fill('Half done');
    await wizard.goNext('Settings');
    await wizard.choose(LABEL.block, 'No');
    await page.reload();
    await wizard.expectStep('Settings');
    await wizard.expectChosen(LABEL.block, 'No');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tenant' }).click();
    await page.goto('./#/profiles/new');
    await expect(wizard.messages).toContainText('Your unsaved changes to this profile were restored.');
    await wizard.expectStep('Basics');
    await expect(wizard.name).toHaveValue('Half done');
  });

  test('the filter picker offers ESP filters and lists the others as unavailable with the reason', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.openCreate();
    await wizard.goNext('Settings');
    await wizard.goNext('Assignments');
    await page.getByRole('button', { name: 'Add all devices' }).click();
    await expect(page.getByRole('button', { name: 'Add all devices' })).toBeDisabled();
    const filter = wizard.filterOf('All devices');
    await expect(filter.getByRole('option', { name: 'Corporate devices', exact: true })).toBeEnabled();
    await expect(filter.getByRole('option', { name: 'Surface devices', exact: true })).toBeEnabled();
    const unavailable = filter.getByRole('option', { name: /^Named kiosks: / });
    await expect(unavailable).toBeDisabled();
    await expect(unavailable).toHaveText(/device\.deviceName, which ESP assignments cannot use/);

    // A filter reading device.model warns, and its rule shows with explicit parentheses.
    await wizard.setFilter('All devices', 'Surface devices', 'Exclude');
    await expect(wizard.target('All devices')).toContainText(
      'Rule: (device.model -startsWith "Surface") and (device.manufacturer -eq "Microsoft Corporation")',
    );
    await expect(filter).toHaveAccessibleDescription(/ESP honours only on Windows 11 22H2 or 23H2/);
    await expect(filter).not.toHaveAttribute('aria-invalid', 'true');

    // Excluded groups raise the unverified-exclusion warning; both show on Review without blocking.
    await wizard.excludeGroup('Lab Devices');
    await wizard.goNext('Scope tags');
    await wizard.goNext('Review + create');
    await expect(wizard.reviewWarnings.getByRole('listitem')).toHaveText([
      /Assignments: Filter 'Surface devices' uses device\.model/,
      /Assignments: Microsoft does not document excluded groups/,
    ]);
    await expect(wizard.summaryValue('Assignments', 'Excluded groups')).toHaveText('Lab Devices (Devices)');
  });

  test('removing targets and apps keeps the keyboard focus in place', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.openCreate();
    await wizard.goNext('Settings');
    await wizard.choose(LABEL.blockingApps, 'Selected');
    await wizard.selectApps('7-Zip', 'Company Portal');
    await wizard.selectedApps.getByRole('button', { name: 'Remove 7-Zip' }).click();
    await expect(wizard.selectedApps.getByRole('button', { name: 'Remove Company Portal' })).toBeFocused();
    await wizard.selectedApps.getByRole('button', { name: 'Remove Company Portal' }).click();
    await expect(wizard.appSearch).toBeFocused();
    await expect(wizard.appPicker).toContainText('0 apps selected (100 max)');
    await wizard.goNext('Assignments');
    await wizard.includeGroup('Sales Users');
    await expect(page.getByRole('searchbox', { name: 'Search groups to include' })).toBeFocused();
    await wizard.target('Sales Users').getByRole('button', { name: 'Remove Sales Users' }).click();
    await expect(wizard.target('Sales Users')).toHaveCount(0);
    await expect(page.getByRole('searchbox', { name: 'Search groups to include' })).toBeFocused();
  });
});
