// The Tenant area's pages and dialogs pass axe's WCAG 2.2 AA checks, and work from the keyboard.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/guard';
import { TenantPage } from './fixtures/tenant_page';

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
}

test.describe('tenant accessibility', () => {
  test('every page and dialog of the area passes axe', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open();
    await tenant.goTo('Groups');
    await tenant.addGroup('Kiosks');
    await tenant.goTo('Assignment filters');
    await tenant.addFilter('Corporate', '(device.deviceOwnership -eq "Corporate")');
    await tenant.goTo('Scope tags');
    await tenant.addScopeTag('Stores');
    await tenant.goTo('Apps');
    await tenant.addApp('Agent', 'Win32 app (win32LobApp)');
    for (const [label, heading] of [
      ['Overview', 'Tenant'],
      ['Groups', 'Groups'],
      ['Apps', 'Apps'],
      ['Assignment filters', 'Assignment filters'],
      ['Scope tags', 'Scope tags'],
      ['Import and export', 'Import and export'],
    ]) {
      await tenant.goTo(label, heading);
      await expectNoViolations(page, heading);
    }
    await tenant.goTo('Apps');
    await page.getByRole('button', { name: 'Edit Agent' }).click();
    await tenant.editor('Edit app').getByRole('button', { name: 'Add assignment' }).click();
    await expectNoViolations(page, 'app editor');
    await page.keyboard.press('Escape');

    await tenant.goTo('Import and export');
    await tenant.pickFile({ name: 'bad.json', buffer: Buffer.from('[{"Comment": 1}, {"@odata.type": "#microsoft.graph.roleScopeTag", "displayName": "T"}]') });
    await expectNoViolations(page, 'import dialog');
    await tenant.closeImport();

    await page.goto('./#/tenant/export');
    await expect(tenant.heading).toHaveText('Graph requests');
    await expectNoViolations(page, 'Graph requests');
  });

  test('a group can be added and deleted with the keyboard alone', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open('groups');
    await page.getByRole('button', { name: 'Add group' }).focus();
    await page.keyboard.press('Enter');
    const editor = tenant.editor('Add group');
    await expect(editor.getByLabel('Name')).toBeFocused();
    await page.keyboard.type('Typed group');
    await page.keyboard.press('Enter');
    await expect(editor).toBeHidden();
    await expect(tenant.row('Typed group')).toBeVisible();
    // Focus returns to the button that opened the dialog.
    await expect(page.getByRole('button', { name: 'Add group' })).toBeFocused();
    await tenant.row('Typed group').getByRole('button', { name: 'Delete Typed group' }).focus();
    await page.keyboard.press('Enter');
    await expect(tenant.row('Typed group')).toHaveCount(0);
  });
});
