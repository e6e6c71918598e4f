// Names are text, wherever they appear: markup in a group, app, filter, scope tag or profile name
// never becomes an element, and nothing it says runs.
import { test, expect } from './fixtures/guard';
import { TenantPage } from './fixtures/tenant_page';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

const ESP = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';

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
        { '@odata.type': ESP, id: 'p-1', displayName: SCRIPT, description: IMG, priority: 1, showInstallationProgress: true },
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
    await expect(page.locator('pre').first()).toContainText(`"displayName": "\\"><img src=x onerror=alert(1)>"`);
    await expect(page.locator('pre').last()).toContainText(`# Creates the ESP profile '${IMG}' in Intune`);

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
