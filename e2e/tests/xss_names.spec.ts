// Names are text, wherever they appear: markup in a group, app, filter, scope tag or profile name
// never becomes an element, and nothing it says runs.
import { test, expect } from './fixtures/guard';
import { PreviewPage } from './fixtures/preview_page';
import { ProfilesPage } from './fixtures/profiles_page';
import { TenantPage } from './fixtures/tenant_page';
import { WizardPage } from './fixtures/wizard_page';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

const ESP = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';
const MESSAGE = `Call ${SCRIPT} or ${IMG}`;

/** A CSV field as RFC 4180 writes it: quoted, with its quotes doubled. */
const csvField = (text: string) => `"${text.replaceAll('"', '""')}"`;

test.describe('markup in names', () => {
  test('shows as text in every list, dialog, report and notice, and never runs', async ({ page }) => {
    // Any alert() means markup ran: record it, dismiss it, and fail below.
    const ran: string[] = [];
    page.on('dialog', async (dialog) => {
      ran.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    const expectNothingInjected = async () => {
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await expect(page.locator('script', { hasText: 'alert(1)' })).toHaveCount(0);
      expect(ran, 'no script ran').toEqual([]);
    };

    const tenant = new TenantPage(page);
    await tenant.open('import-export');
    // Profiles and a skipped object with markup names, through a file.
    const file = {
      deviceEnrollmentConfigurations: [
        {
          '@odata.type': ESP,
          id: 'p-1',
          displayName: SCRIPT,
          description: IMG,
          priority: 1,
          showInstallationProgress: true,
          customErrorMessage: MESSAGE,
          assignments: [{ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }],
        },
        { '@odata.type': ESP, id: 'p-2', displayName: IMG, priority: 2, showInstallationProgress: false },
        { '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration', id: 'l-1', displayName: IMG },
      ],
    };
    await tenant.pickFile({ name: `${IMG}.json`, buffer: Buffer.from(JSON.stringify(file)) });
    await expect(tenant.importDialog).toHaveAccessibleName(`Import ${IMG}.json`);
    await expect(tenant.importDialog.getByRole('table', { name: 'Skipped' }).getByRole('cell', { name: IMG, exact: true })).toBeVisible();
    await tenant.replaceWorkspace();
    await expect(tenant.messages.getByText(`Imported ${IMG}.json`, { exact: false })).toBeVisible();

    await tenant.goTo('Groups');
    for (const name of [SCRIPT, IMG]) await tenant.addGroup(name);
    await expect(tenant.messages).toContainText(`Added group '${IMG}'.`);
    await tenant.goTo('Scope tags');
    for (const name of [SCRIPT, IMG]) await tenant.addScopeTag(name);
    await tenant.goTo('Assignment filters');
    await tenant.addFilter(SCRIPT, '(device.model -eq "<img src=x onerror=alert(1)>")');
    await tenant.addFilter(IMG, '(device.manufacturer -eq "x")');
    await tenant.goTo('Apps');
    await tenant.addApp(SCRIPT, 'Win32 app (win32LobApp)');
    await tenant.addApp(IMG, 'Microsoft Edge (windowsMicrosoftEdgeApp)');
    await page.getByRole('button', { name: `Edit ${IMG}` }).click();
    const editor = tenant.editor('Edit app');
    await editor.getByRole('button', { name: 'Add assignment' }).click();
    await editor.getByLabel('Assigned to').selectOption({ label: SCRIPT });
    await editor.getByLabel('Filter', { exact: true }).selectOption({ label: IMG });
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(tenant.row(IMG)).toContainText(`Required: ${SCRIPT}, filter '${IMG}' (include)`);

    // Deleting a used group names it in the question.
    await tenant.goTo('Groups');
    await tenant.deleteRow(SCRIPT);
    const question = page.getByRole('dialog', { name: `Delete group '${SCRIPT}'?` });
    await expect(question).toContainText(`The assignments of this app use it too: '${IMG}'.`);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expectNothingInjected();

    await tenant.goTo('Overview', 'Tenant');
    await page.goto('./#/tenant/export?profile=p-2');
    await expect(page.getByLabel('Profile', { exact: true }).getByRole('option', { name: `2. ${IMG}` })).toBeAttached();
    await expect(page.getByRole('region', { name: 'Body: Create the profile' })).toContainText(
      `"displayName": "\\"><img src=x onerror=alert(1)>"`,
    );
    await expect(page.getByRole('region', { name: 'PowerShell script' })).toContainText(
      `# Creates the ESP profile '${IMG}' in Intune`,
    );

    // The profiles list: each name exactly as typed, not escaped twice.
    const profiles = new ProfilesPage(page);
    await profiles.open();
    await expect(profiles.table.getByRole('rowheader', { name: SCRIPT, exact: true })).toHaveText(SCRIPT);
    await expect(profiles.table.getByRole('rowheader', { name: IMG, exact: true })).toHaveText(IMG);
    await expectNothingInjected();

    // The wizard: the Edit heading, Review's Name and the Name box.
    const wizard = new WizardPage(page);
    await wizard.openEdit('p-1');
    await expect(wizard.heading).toHaveText(`Edit profile: ${SCRIPT}`);
    await expect(wizard.summaryValue('Basics', 'Name')).toHaveText(SCRIPT);
    await expect(wizard.summaryValue('Basics', 'Description')).toHaveText(IMG);
    await wizard.gotoStep('basics', 'p-1');
    await expect(wizard.name).toHaveValue(SCRIPT);
    await expect(wizard.description).toHaveValue(IMG);
    await expectNothingInjected();

    // The preview: a scenario named with markup, the applied profile, the trace, the error screen.
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.newScenario(IMG);
    await expect(preview.scenario(IMG)).toHaveText(IMG);
    await expect(preview.scenario(IMG)).toHaveAttribute('aria-current', 'true');
    await expect(preview.scenarioName).toHaveValue(IMG);
    await preview.expectApplied(SCRIPT, 'via device');
    await expect(preview.applied.getByRole('link', { name: SCRIPT, exact: true })).toHaveText(SCRIPT);
    await expect(preview.traceEntry(SCRIPT)).toContainText('Applies');
    await expect(preview.trace.getByText(SCRIPT, { exact: true })).toHaveText(SCRIPT);
    await expect(preview.trace.getByText(IMG, { exact: true })).toHaveText(IMG);
    await preview.showErrorScreen();
    await expect(preview.screen.getByText(MESSAGE, { exact: true })).toBeVisible();
    await expectNothingInjected();

    // The fleet: devices named with markup, each with the profile it gets.
    const csv = [`${csvField(IMG)},,,userDriven`, `${csvField(SCRIPT)},,,selfDeploying`].join('\n');
    await preview.fleet.getByLabel('Or paste the CSV').fill(csv);
    await preview.fleet.getByRole('button', { name: 'Check these devices' }).click();
    await expect(preview.fleetSummary).toContainText('2 devices checked from the pasted list');
    const devices = preview.fleet.getByRole('table', { name: 'Devices and the profile each gets' });
    await expect(devices.getByRole('rowheader')).toHaveText([IMG, SCRIPT]);
    await expect(devices.getByRole('button', { name: `Preview ${IMG}`, exact: true })).toBeVisible();
    await expect(preview.count(SCRIPT)).toHaveText('2');
    await expectNothingInjected();

    // The other areas show the profile names too.
    for (const area of ['#/profiles', '#/preview', '#/tenant/groups', '#/tenant/apps', '#/tenant/filters', '#/tenant/scope-tags']) {
      await page.goto(`./${area}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNothingInjected();
    }
    await expect(tenant.row(SCRIPT)).toBeVisible();
    await expect(tenant.row(IMG)).toBeVisible();
    await tenant.row(IMG).getByRole('button', { name: `Edit ${IMG}` }).click();
    await expect(tenant.editor('Edit scope tag').getByLabel('Name')).toHaveValue(IMG);
    await expectNothingInjected();
  });
});
