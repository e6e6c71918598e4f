// A file that cannot be imported says why (with the JSON path when there is one) and leaves the
// workspace exactly as it was.
import { test, expect } from './fixtures/guard';
import { TenantPage } from './fixtures/tenant_page';

test.describe('importing a broken file', () => {
  test('invalid JSON, JSON of the wrong shape and a 21 MB file are refused and change nothing', async ({ page }) => {
    // Building and handing over a 21 MB file takes seconds on a loaded 2-core machine.
    test.slow();
    const tenant = new TenantPage(page);
    await tenant.open('groups');
    await tenant.addGroup('Kept group');
    await tenant.expectStored((document) => JSON.stringify(document).includes('Kept group'));
    const before = await tenant.stored();
    await tenant.goTo('Import and export');

    const cases = [
      {
        name: 'truncated.json',
        buffer: Buffer.from('{ "value": [ { "displayName": "half'),
        message: /This file cannot be imported: the file is not valid JSON: .*\(line 1, column \d+\)/,
      },
      {
        name: 'wrong-shape.json',
        buffer: Buffer.from(
          JSON.stringify({
            value: [
              {
                '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
                displayName: 'Sixty',
                installProgressTimeoutInMinutes: 'sixty',
              },
            ],
          }),
        ),
        message: 'at `$.value[0].installProgressTimeoutInMinutes`: expected',
      },
      {
        name: 'a-number.json',
        buffer: Buffer.from('42'),
        message: 'at `$`: expected an ESP profile, a list of enrollment configurations or a tenant bundle',
      },
      {
        name: 'huge.json',
        buffer: Buffer.alloc(21 * 1024 * 1024, 0x20),
        message: 'the file is 21.0 MB; ESP Designer opens files of up to 20.0 MB',
      },
    ];
    for (const { name, buffer, message } of cases) {
      await tenant.pickFile({ name, buffer });
      await expect(tenant.importDialog).toHaveAccessibleName(`Import ${name}`);
      await expect(tenant.importDialog.getByRole('alert')).toContainText(message);
      await expect(tenant.importDialog).toContainText('Nothing was changed.');
      await expect(tenant.importDialog.getByRole('button', { name: /^Replace|^Merge/ })).toHaveCount(0);
      await tenant.closeImport('Close');
      expect(await tenant.stored(), name).toBe(before);
    }

    await tenant.goTo('Groups');
    await expect(tenant.row('Kept group')).toBeVisible();
    await expect(tenant.undo).toHaveAttribute('title', "Undo: Add group 'Kept group' (Ctrl+Z)");
  });

  test('Escape closes the report without importing', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open('import-export');
    await tenant.pickFile({ name: 'groups.json', buffer: Buffer.from(JSON.stringify({ groups: [{ id: 'g', displayName: 'Escaped' }] })) });
    await page.keyboard.press('Escape');
    await expect(tenant.importDialog).toBeHidden();
    await tenant.goTo('Groups');
    await expect(tenant.row('Escaped')).toHaveCount(0);
    expect(await tenant.stored()).toBeNull();
  });
});
