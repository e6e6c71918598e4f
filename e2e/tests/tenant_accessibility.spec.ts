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
  // The sample tenant fills every list, so each page is scanned with real content.
  for (const [sub, heading] of [
    ['', 'Tenant'],
    ['groups', 'Groups'],
    ['apps', 'Apps'],
    ['filters', 'Assignment filters'],
    ['scope-tags', 'Scope tags'],
    ['import-export', 'Import and export'],
    ['export', 'Graph requests'],
  ]) {
    test(`${heading} passes axe`, async ({ page }) => {
      const tenant = new TenantPage(page);
      await tenant.open(sub);
      await expect(tenant.heading).toHaveText(heading);
      await expectNoViolations(page, heading);
    });
  }

  test('the editors and the import report pass axe', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open('apps');
    await page.getByRole('button', { name: 'Edit Company Portal' }).click();
    await tenant.editor('Edit app').getByRole('button', { name: 'Add assignment' }).click();
    await expectNoViolations(page, 'app editor');
    await page.keyboard.press('Escape');
    await tenant.goTo('Assignment filters');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await tenant.editor('Add filter').getByLabel('Rule').fill('(device.model -match "x")');
    await expectNoViolations(page, 'filter editor with a rule error');
    await page.keyboard.press('Escape');

    await tenant.goTo('Import and export');
    await tenant.pickFile({
      name: 'mixed.json',
      buffer: Buffer.from('[{"Comment": 1}, {"@odata.type": "#microsoft.graph.roleScopeTag", "displayName": "T"}]'),
    });
    await expectNoViolations(page, 'import dialog');
    await tenant.closeImport();
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
