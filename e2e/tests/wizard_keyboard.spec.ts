import { test, expect } from './fixtures/guard';
import { ProfilesPage } from './fixtures/profiles_page';
import { LABEL, WizardPage, fixtureTenant } from './fixtures/wizard_page';

test.describe('the wizard by keyboard alone', () => {
  test('creates a profile through all five steps without a mouse', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    const keys = page.keyboard;
    // From the Profiles list, as an admin starts: Tab to Create profile and press Enter.
    const list = new ProfilesPage(page);
    await list.open();
    await wizard.tabTo(list.create);
    await keys.press('Enter');
    await expect(wizard.heading).toHaveText('Create profile');
    await wizard.expectStep('Basics');

    await wizard.tabTo(wizard.name);
    await keys.type('Keyboard kiosks');
    await wizard.tabTo(wizard.next);
    await keys.press('Enter');
    await wizard.expectStep('Settings');
    await expect(wizard.stepHeading).toBeFocused();

    // Radio groups: Tab lands on the checked option, arrows choose.
    const all = wizard.choice(LABEL.blockingApps).getByRole('radio', { name: 'All' });
    await wizard.tabTo(all);
    await keys.press('ArrowRight');
    await wizard.expectChosen(LABEL.blockingApps, 'Selected');
    await wizard.tabTo(wizard.appSearch);
    await keys.type('portal');
    await wizard.tabTo(wizard.appOption('Company Portal'));
    await keys.press('Space');
    await expect(wizard.appPicker).toContainText('1 app selected (100 max)');
    await wizard.tabTo(wizard.next);
    await keys.press('Enter');
    await wizard.expectStep('Assignments');

    const search = page.getByRole('searchbox', { name: 'Search groups to include' });
    await wizard.tabTo(search);
    await keys.type('kiosk');
    await wizard.tabTo(page.getByRole('button', { name: 'Include Kiosk Devices' }));
    await keys.press('Enter');
    await expect(search).toBeFocused();
    const filter = wizard.filterOf('Kiosk Devices');
    await wizard.tabTo(filter);
    // Typing an option's first letters chooses it in a closed list box.
    await keys.type('Corporate');
    await expect(filter).toHaveValue('flt-corporate');
    await wizard.expectChosen('Filter mode for Kiosk Devices', 'Include');
    await wizard.tabTo(wizard.choice('Filter mode for Kiosk Devices').getByRole('radio', { name: 'Include' }));
    await keys.press('ArrowRight');
    await wizard.expectChosen('Filter mode for Kiosk Devices', 'Exclude');
    await wizard.tabTo(wizard.next);
    await keys.press('Enter');
    await wizard.expectStep('Scope tags');

    await wizard.tabTo(wizard.scopeTag('Region-EMEA'));
    await keys.press('Space');
    await wizard.tabTo(wizard.next);
    await keys.press('Enter');
    await wizard.expectStep('Review + create');

    // The step bar works by keyboard too.
    await wizard.tabTo(wizard.stepLink('Basics'));
    await keys.press('Enter');
    await wizard.expectStep('Basics');
    await wizard.tabTo(wizard.stepLink('Review + create'));
    await keys.press('Enter');
    await wizard.expectStep('Review + create');

    await wizard.tabTo(wizard.create);
    await keys.press('Enter');
    await expect(wizard.messages).toContainText("Profile 'Keyboard kiosks' created with priority 3.");
    const created = (await wizard.savedProfiles())[2];
    expect(created).toMatchObject({
      displayName: 'Keyboard kiosks',
      selectedMobileAppIds: ['app-portal'],
      roleScopeTagIds: ['2'],
    });
    expect(created.assignments).toEqual([
      expect.objectContaining({
        target: expect.objectContaining({
          groupId: 'grp-kiosk',
          deviceAndAppManagementAssignmentFilterId: 'flt-corporate',
          deviceAndAppManagementAssignmentFilterType: 'exclude',
        }),
      }),
    ]);
  });

  test('Cancel asks before discarding, and Escape keeps editing', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
    await wizard.openCreate();
    await wizard.tabTo(wizard.name);
    await page.keyboard.type('Unsure');
    await wizard.tabTo(wizard.cancel);
    await page.keyboard.press('Enter');
    await expect(wizard.discardDialog).toBeVisible();
    await expect(wizard.discardDialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(wizard.discardDialog).toBeHidden();
    await expect(wizard.name).toHaveValue('Unsure');
  });
});
