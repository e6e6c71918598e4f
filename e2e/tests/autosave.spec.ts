// Every change is saved in the browser at once (a burst of keystrokes once, right after it, and
// at once when the page is left); a save that cannot be opened is kept aside, a full
// storage loses nothing saved before, and two tabs never overwrite each other unseen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/guard';
import { ShellPage, saveSettled } from './fixtures/shell_page';
import { WizardPage } from './fixtures/wizard_page';
import { KEPT_ASIDE_KEY, TenantPage, WORKSPACE_KEY, names } from './fixtures/tenant_page';
import { DEFAULT_NAME, FIXTURE_ORDER, fixtureTenant, saveDocument } from './fixtures/profiles_page';

/** The sample tenant as esp-core ships it. */
const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../core/sample/tenant.json');

/** Puts `text` in the saved workspace before the app's first start in this page. */
async function seedSave(page: Page, text: string): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (!window.sessionStorage.getItem('seeded')) {
        window.localStorage.setItem(key, value);
        window.sessionStorage.setItem('seeded', 'yes');
      }
    },
    [WORKSPACE_KEY, text],
  );
}

/** The overview's counts ("6 ESP profiles", …), which sum up the whole tenant. */
async function counts(tenant: TenantPage): Promise<Locator> {
  await tenant.goTo('Overview', 'Tenant');
  return tenant.page.getByRole('list', { name: 'What the tenant holds' }).getByRole('listitem');
}

interface SampleTenant {
  deviceEnrollmentConfigurations: { displayName: string; priority: number }[];
  groups: { displayName: string }[];
}

/** The sample's group names as the Groups list shows them, and its profile names in priority
 *  order with the default (priority 0) last, as the Profiles list shows them. */
function sampleNames(): { groups: string[]; profiles: string[] } {
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as SampleTenant;
  const byPriority = [...sample.deviceEnrollmentConfigurations].sort(
    (a, b) => (a.priority || Number.MAX_SAFE_INTEGER) - (b.priority || Number.MAX_SAFE_INTEGER),
  );
  return { groups: sample.groups.map((g) => g.displayName), profiles: byPriority.map((p) => p.displayName) };
}

/** Checks the Groups list and the Profiles list show exactly these names, moving with the menus
 *  (no reload, so Undo keeps its history). */
async function expectNames(tenant: TenantPage, groups: string[], profiles: string[]): Promise<void> {
  const shell = new ShellPage(tenant.page);
  await shell.goTo('Tenant');
  await tenant.goTo('Groups');
  if (groups.length === 0) await expect(tenant.rowNames()).toHaveCount(0);
  else await expect(tenant.rowNames()).toHaveText(groups);
  await shell.goTo('Profiles');
  await expect(tenant.page.getByRole('table', { name: 'ESP profiles' }).getByRole('rowheader')).toHaveText(profiles);
  await shell.goTo('Tenant');
}

const EMPTY = ['1 ESP profile', '0 groups', '0 apps', '0 assignment filters', '0 scope tags'];

test.describe('autosave', () => {
  test('a burst of typing is saved once, after it, and the header then says it is saved', async ({ page }) => {
    await page.addInitScript((key) => {
      const write = Storage.prototype.setItem;
      (window as unknown as { workspaceWrites: number }).workspaceWrites = 0;
      Storage.prototype.setItem = function (k: string, v: string) {
        if (k === key) (window as unknown as { workspaceWrites: number }).workspaceWrites += 1;
        write.call(this, k, v);
      };
    }, WORKSPACE_KEY);
    const wizard = new WizardPage(page);
    await wizard.openCreate();
    // A fast typist's 29 keystrokes, 20 ms apart, timed in the page: key presses sent one by one
    // from the test can arrive further apart on a busy machine than the app's wait for the next.
    await wizard.name.evaluate(async (input: HTMLInputElement, text: string) => {
      input.focus();
      for (const key of text) {
        input.value += key;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: key, inputType: 'insertText' }));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }, 'Retail stores in every region');
    await expect(wizard.name).toHaveValue('Retail stores in every region');
    await saveSettled(page);
    await expect(page.getByText('Saved in this browser', { exact: true })).toBeVisible();
    const writes = await page.evaluate(() => (window as unknown as { workspaceWrites: number }).workspaceWrites);
    expect(writes, 'one save for 29 keystrokes (a busy machine may split the burst)').toBeLessThanOrEqual(3);
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify((await wizard.savedWorkspace()).designer)).toContain('Retail stores in every region');
  });

  test('a change still waiting for its save is written when the page is left', async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.openCreate();
    await wizard.name.fill('Saved on the way out');
    await page.reload();
    await expect(wizard.name).toHaveValue('Saved on the way out');
  });

  test('a first visit opens the sample tenant', async ({ page }) => {
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, { displayName: string }[]>;
    const profiles = sample.deviceEnrollmentConfigurations;
    const expected = [
      `${profiles.length} ESP profiles`,
      `${sample.groups.length} groups`,
      `${sample.mobileApps.length} apps`,
      `${sample.assignmentFilters.length} assignment filters`,
      `${sample.roleScopeTags.length} scope tags`,
    ];
    const tenant = new TenantPage(page);
    await tenant.open();
    await expect(page.getByText('You are looking at a sample tenant')).toBeVisible();
    await expect(page.getByRole('list', { name: 'What the tenant holds' }).getByRole('listitem')).toHaveText(expected);
    await tenant.goTo('Groups');
    await expect(tenant.rowNames()).toHaveText(sample.groups.map((g) => g.displayName));
    // Looking saves nothing in the Tenant area.
    expect(await tenant.stored()).toBeNull();
    await page.goto('./#/profiles');
    for (const profile of profiles) await expect(page.getByText(profile.displayName, { exact: true }).first()).toBeVisible();
  });

  test('a change survives a reload', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open('groups');
    expect(await tenant.stored()).toBeNull();
    await tenant.addGroup('Saved group');
    await tenant.expectStored((d) => names(d, 'groups').includes('Saved group'));
    await page.reload();
    await expect(tenant.row('Saved group')).toBeVisible();
  });

  test('opening a saved workspace writes nothing over it, whichever area the page opens on', async ({ page }) => {
    // The shell is drawn around an empty workspace that is opened after its first frame
    // (ARCHITECTURE.md, Performance): were that empty one ever saved, the list below would be
    // empty and the storage would hold it.
    const save = saveDocument(fixtureTenant());
    await seedSave(page, save);
    const tenant = new TenantPage(page);
    await tenant.open('groups');
    await new ShellPage(page).goTo('Profiles');
    await expect(page.getByRole('table', { name: 'ESP profiles' }).getByRole('rowheader')).toHaveText([
      ...FIXTURE_ORDER,
      DEFAULT_NAME,
    ]);
    await page.goto('./#/preview');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await tenant.stored()).toBe(save);
  });

  test('a save after a change of a section alone keeps the latest tenant, also after an undo', async ({ page }) => {
    // Such a save reuses the tenant's text written by the save before: each step below checks
    // the tenant's text was written again whenever the tenant changed in between.
    const tenant = new TenantPage(page);
    const wizard = new WizardPage(page);
    const draft = (text: string) => (d: { designer: Record<string, unknown> }) => JSON.stringify(d.designer).includes(text);
    await wizard.openCreate();
    await wizard.name.fill('First draft');
    await tenant.expectStored(draft('First draft'));

    await tenant.open('groups');
    await tenant.addGroup('Kept group');
    await tenant.expectStored((d) => names(d, 'groups').includes('Kept group'));
    await tenant.addGroup('Undone group');
    await tenant.expectStored((d) => names(d, 'groups').includes('Undone group'));
    await tenant.undo.click();
    await expect(tenant.row('Undone group')).toHaveCount(0);
    await tenant.expectStored((d) => !names(d, 'groups').includes('Undone group'));

    await wizard.openCreate();
    await wizard.name.fill('Second draft');
    await tenant.expectStored(draft('Second draft'));
    await page.reload();
    await expect(wizard.name).toHaveValue('Second draft');
    await tenant.open('groups');
    await expect(tenant.row('Kept group')).toBeVisible();
    await expect(tenant.row('Undone group')).toHaveCount(0);
  });

  test('Reset to sample and Start empty ask first, then act; Undo takes either back', async ({ page }) => {
    const sample = sampleNames();
    const defaultName = sample.profiles[sample.profiles.length - 1];
    const tenant = new TenantPage(page);
    await tenant.open();
    const sampleCounts = await (await counts(tenant)).allTextContents();
    await expectNames(tenant, sample.groups, sample.profiles);
    await tenant.goTo('Groups');
    await tenant.addGroup('Mine');
    const mine = await (await counts(tenant)).allTextContents();
    expect(mine).not.toEqual(sampleCounts);
    const mineGroups = await (async () => {
      await tenant.goTo('Groups');
      return tenant.rowNames().allTextContents();
    })();
    expect([...mineGroups].sort()).toEqual([...sample.groups, 'Mine'].sort());

    await tenant.goTo('Import and export');
    await page.getByRole('button', { name: 'Reset to sample' }).click();
    const question = page.getByRole('dialog', { name: 'Reset to the sample tenant?' });
    await expect(question).toContainText('replaced by the sample tenant');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(await counts(tenant)).toHaveText(mine);
    await expectNames(tenant, mineGroups, sample.profiles);

    await tenant.goTo('Import and export');
    await page.getByRole('button', { name: 'Reset to sample' }).click();
    await question.getByRole('button', { name: 'Reset to sample' }).click();
    await expect(tenant.messages).toContainText('The workspace holds the sample tenant again.');
    await expect(await counts(tenant)).toHaveText(sampleCounts);
    await expectNames(tenant, sample.groups, sample.profiles);
    await tenant.undo.click();
    await expect(await counts(tenant)).toHaveText(mine);
    await expectNames(tenant, mineGroups, sample.profiles);

    await tenant.goTo('Import and export');
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('dialog', { name: 'Start with an empty tenant?' }).getByRole('button', { name: 'Start empty' }).click();
    await expect(await counts(tenant)).toHaveText(EMPTY);
    await expectNames(tenant, [], [defaultName]);
    await page.reload();
    await expect(await counts(tenant)).toHaveText(EMPTY);
    await expectNames(tenant, [], [defaultName]);
  });

  test('a damaged save is kept aside with a message, can be downloaded, and the app still opens', async ({ page }) => {
    const damaged = '{"schemaVersion": 1, "tenant": {"groups": [';
    await seedSave(page, damaged);
    const tenant = new TenantPage(page);
    await tenant.open();
    await expect(tenant.heading).toHaveText('Tenant');
    const warning = tenant.messages.getByText(/Your saved workspace could not be opened: it is damaged/);
    await expect(warning).toContainText('It has been kept aside in this browser');
    expect(await tenant.stored(KEPT_ASIDE_KEY)).toBe(damaged);

    await tenant.messages.getByRole('link', { name: 'Download it' }).click();
    await expect(tenant.heading).toHaveText('Import and export');
    const saves = page.getByRole('region', { name: 'Saves kept aside' });
    const download = page.waitForEvent('download');
    await saves.getByRole('button', { name: 'Download kept-aside save 1' }).click();
    expect(readFileSync(await (await download).path(), 'utf8')).toBe(damaged);

    // A change saves the new workspace; the kept-aside save stays until deleted.
    await tenant.goTo('Groups');
    await tenant.addGroup('After the damage');
    await tenant.expectStored((d) => names(d, 'groups').includes('After the damage'));
    expect(await tenant.stored(KEPT_ASIDE_KEY)).toBe(damaged);
    await tenant.goTo('Import and export');
    await saves.getByRole('button', { name: 'Delete kept-aside save 1' }).click();
    await page.getByRole('dialog', { name: 'Delete kept-aside save 1?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(saves).toHaveCount(0);
    expect(await tenant.stored(KEPT_ASIDE_KEY)).toBeNull();
  });

  test('a save from a newer version is kept aside, not overwritten', async ({ page }) => {
    const newer = JSON.stringify({ schemaVersion: 99, tenant: {}, designer: { future: true } });
    await seedSave(page, newer);
    const tenant = new TenantPage(page);
    await tenant.open('groups');
    await expect(tenant.messages).toContainText('it was written by a newer version of ESP Designer');
    expect(await tenant.stored(KEPT_ASIDE_KEY)).toBe(newer);
    await tenant.addGroup('Now');
    await tenant.expectStored((d) => names(d, 'groups').includes('Now'));
    expect(await tenant.stored(KEPT_ASIDE_KEY)).toBe(newer);
  });

  test('a save the browser will not hand over is left as it is: the app says so and saves nothing over it', async ({ page }) => {
    const saved = saveDocument(fixtureTenant());
    await seedSave(page, saved);
    // The app's read of the workspace throws, as a browser's broken storage can; the test's own
    // reads afterwards work.
    await page.addInitScript((key) => {
      const read = Storage.prototype.getItem;
      let refused = false;
      Storage.prototype.getItem = function (this: Storage, name: string) {
        if (!refused && this === window.localStorage && name === key) {
          refused = true;
          throw new DOMException('The storage could not be read', 'UnknownError');
        }
        return read.call(this, name);
      };
    }, WORKSPACE_KEY);
    const tenant = new TenantPage(page);
    await tenant.open('groups');
    await expect(tenant.errors).toContainText('would not let ESP Designer read the workspace it saved');
    await tenant.addGroup('Not over the save');
    await expect(page.getByRole('banner').getByText('Not saved', { exact: true })).toBeVisible();
    expect(await tenant.stored()).toBe(saved);
  });

  test('a full storage is reported and what was saved before stays', async ({ page }) => {
    const tenant = new TenantPage(page);
    await tenant.open('groups');
    await tenant.addGroup('Before full');
    await tenant.expectStored((d) => names(d, 'groups').includes('Before full'));
    const saved = await tenant.stored();

    // Fill the origin's storage to the last character.
    await page.evaluate(() => {
      let size = 1 << 20;
      let n = 0;
      while (size >= 1) {
        try {
          window.localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        } catch {
          size = Math.floor(size / 2);
        }
      }
    });
    await tenant.addGroup('While full');
    await expect(tenant.errors).toContainText('storage for ESP Designer is full, so your latest change is not saved');
    expect(await tenant.stored()).toBe(saved);

    // Room again: the next change saves everything.
    await page.evaluate(() => {
      for (const key of Object.keys(window.localStorage)) if (key.startsWith('filler-')) window.localStorage.removeItem(key);
    });
    await tenant.addGroup('After full');
    await tenant.expectStored((d) => ['Before full', 'While full', 'After full'].every((g) => names(d, 'groups').includes(g)));
  });

  test('two tabs: a change in one shows in the other, which says so', async ({ page, context }) => {
    const first = new TenantPage(page);
    await first.open('groups');
    const second = new TenantPage(await context.newPage());
    await second.open('groups');

    await first.addGroup('From the first tab');
    await expect(second.messages).toContainText('This workspace was changed in another tab');
    await expect(second.row('From the first tab')).toBeVisible();

    await second.addGroup('From the second tab');
    await expect(first.row('From the second tab')).toBeVisible();
    await first.expectStored((d) => ['From the first tab', 'From the second tab'].every((g) => names(d, 'groups').includes(g)));
    // Neither tab wrote over the other: both show both groups.
    for (const tab of [first, second]) {
      await expect(tab.row('From the first tab')).toBeVisible();
      await expect(tab.row('From the second tab')).toBeVisible();
    }
  });
});
