import { test, expect } from './fixtures/guard';
import { ProfilesPage } from './fixtures/profiles_page';
import { FIXTURE_PROFILES, LABEL, WizardPage, fixtureTenant } from './fixtures/wizard_page';

test.describe('editing a profile with the wizard', () => {
  let wizard: WizardPage;

  test.beforeEach(async ({ page }) => {
    wizard = new WizardPage(page);
    await wizard.seed(fixtureTenant());
  });

  test('opens on Review with an Edit link per step, and saving keeps the priority', async ({ page }) => {
    const list = new ProfilesPage(page);
    await list.open();
    await list.action('Kiosk devices', 'Edit').click();
    await expect(wizard.heading).toHaveText('Edit profile: Kiosk devices');
    await wizard.expectStep('Review + save');
    for (const step of ['Basics', 'Settings', 'Assignments', 'Scope tags']) {
      await expect(page.getByRole('link', { name: `Edit ${step}` })).toBeVisible();
    }
    await expect(wizard.summaryValue('Assignments', 'Included groups')).toHaveText(
      'Kiosk Devices (Devices), filter: Corporate devices (Include)',
    );
    await expect(wizard.summaryValue('Scope tags', 'Scope tags')).toHaveText('Store Operations');

    await page.getByRole('link', { name: 'Edit Settings' }).click();
    await wizard.expectStep('Settings');
    await wizard.timeout.fill('120');
    await wizard.stepLink('Basics').click();
    await wizard.name.fill('Kiosk devices (stores)');
    await wizard.stepLink('Review + save').click();
    await expect(wizard.summaryValue('Settings', LABEL.timeout)).toHaveText('120 minutes');
    await wizard.save.click();

    await expect(page).toHaveURL(new RegExp(`highlight=${FIXTURE_PROFILES.kiosk}`));
    await expect(wizard.messages).toContainText("Profile 'Kiosk devices (stores)' saved; it keeps priority 1.");
    await list.expectOrder(['Kiosk devices (stores)', 'Finance users']);
    await expect(list.row('Kiosk devices (stores)')).toContainText('120 min');
    await expect(list.row('Kiosk devices (stores)')).toContainText('Just saved');
    const profiles = await wizard.savedProfiles();
    expect(profiles.map((p) => [p.priority, p.id, p.displayName, p.installProgressTimeoutInMinutes])).toEqual([
      [1, FIXTURE_PROFILES.kiosk, 'Kiosk devices (stores)', 120],
      [2, FIXTURE_PROFILES.finance, 'Finance users', 60],
    ]);
    // Saved through the workspace: one undoable change.
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
      'title',
      "Undo: Edit profile 'Kiosk devices (stores)' (Ctrl+Z)",
    );
  });

  test('the default profile offers only its settings', async ({ page }) => {
    await wizard.openEdit(FIXTURE_PROFILES.default);
    await expect(wizard.heading).toHaveText('Edit default profile');
    await expect(wizard.stepBar.getByRole('listitem')).toHaveText([/Settings/, /Review \+ save/]);
    await expect(page.getByRole('link', { name: /^Edit / })).toHaveText(['Edit Settings']);
    await expect(wizard.summaryValue('Basics', 'Name')).toHaveText('All users and all devices');
    await expect(wizard.summaryValue('Assignments', 'Included groups')).toHaveText('All devices (Devices)');
    // Other steps cannot be reached, even by URL.
    await wizard.gotoStep('basics', FIXTURE_PROFILES.default);
    await wizard.expectStep('Review + save');

    await page.getByRole('link', { name: 'Edit Settings' }).click();
    await wizard.expectChosen(LABEL.progress, 'No');
    await wizard.choose(LABEL.progress, 'Yes');
    await wizard.choose(LABEL.logCollection, 'Yes');
    await wizard.next.click();
    await wizard.expectStep('Review + save');
    await wizard.save.click();
    await expect(wizard.messages).toContainText('Default profile saved.');
    const saved = await wizard.savedWorkspace();
    const defaultProfile = saved.tenant.deviceEnrollmentConfigurations.find((p) => p.id === FIXTURE_PROFILES.default);
    expect(defaultProfile).toMatchObject({
      showInstallationProgress: true,
      allowLogCollectionOnInstallFailure: true,
      displayName: 'All users and all devices',
    });
  });

  test('Cancel asks before discarding changes, and discarding keeps the profile as it was', async ({ page }) => {
    await wizard.openEdit(FIXTURE_PROFILES.finance);
    // Nothing changed: Cancel just leaves.
    await wizard.cancel.click();
    await expect(wizard.heading).toHaveText('Profiles');

    await wizard.openEdit(FIXTURE_PROFILES.finance);
    await page.getByRole('link', { name: 'Edit Basics' }).click();
    await wizard.description.fill('Changed my mind');
    await wizard.cancel.click();
    await expect(wizard.discardDialog).toBeVisible();
    await wizard.discardDialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(wizard.discardDialog).toBeHidden();
    await expect(wizard.description).toHaveValue('Changed my mind');

    await wizard.cancel.click();
    await wizard.discardDialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect(wizard.heading).toHaveText('Profiles');
    await wizard.openEdit(FIXTURE_PROFILES.finance);
    await expect(wizard.summaryValue('Basics', 'Description')).toHaveText('None');
  });

  test('unsaved edits survive a reload, and a create draft is kept apart from them', async ({ page }) => {
    await wizard.openEdit(FIXTURE_PROFILES.finance);
    await page.getByRole('link', { name: 'Edit Basics' }).click();
    await wizard.name.fill('Finance and accounting');
    await page.reload();
    await expect(wizard.messages).toContainText('Your unsaved changes to this profile were restored.');
    await expect(wizard.name).toHaveValue('Finance and accounting');

    await wizard.openCreate();
    await expect(wizard.name).toHaveValue('');
    await wizard.name.fill('Something new');
    await wizard.openEdit(FIXTURE_PROFILES.finance);
    await expect(wizard.summaryValue('Basics', 'Name')).toHaveText('Finance and accounting');
    await wizard.openCreate();
    await expect(wizard.name).toHaveValue('Something new');
  });

  test('a profile that does not exist says so', async ({ page }) => {
    await page.goto('./#/profiles/no-such-profile');
    await expect(wizard.heading).toHaveText('Profile not found');
    await page.getByRole('link', { name: 'Go to the profiles' }).click();
    await expect(wizard.heading).toHaveText('Profiles');
  });
});
