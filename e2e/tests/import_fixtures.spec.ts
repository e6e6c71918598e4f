// Every file of ../shared/fixtures imported through the file picker, one page per folder and no
// reload between files: the report's counts must match what the test itself counts in the file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures/guard';
import { TenantPage, type SummaryRow } from './fixtures/tenant_page';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');

type Json = Record<string, unknown>;

/** Text of a file as Intune tools write it: UTF-8 with or without BOM, or UTF-16 with BOM. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}

/** The objects a file holds: a list's items, a Graph list response's `value`, a one-list wrapper's
 *  items (`{"filters": [...]}`), or the file itself. */
function objects(value: unknown): Json[] {
  if (Array.isArray(value)) return value as Json[];
  const object = value as Json;
  const inner = object.value;
  if (Array.isArray(inner)) return inner as Json[];
  if (inner && typeof inner === 'object') return [inner as Json];
  const keys = Object.keys(object);
  const only = keys.length === 1 ? object[keys[0]] : undefined;
  const marked = ['@odata.type', 'id', 'displayName'].some((key) => key in object);
  if (!marked && Array.isArray(only) && only.length > 0 && only.every((item) => item && typeof item === 'object')) {
    return only as Json[];
  }
  return [object];
}

const isEspProfile = (o: Json) =>
  String(o['@odata.type'] ?? '').toLowerCase().endsWith('windows10enrollmentcompletionpageconfiguration') ||
  'showInstallationProgress' in o;

type Expected = Record<SummaryRow, number>;

/** Every row of the report, zero unless the folder's rule says otherwise. */
const counts = (some: Partial<Expected>): Expected => ({
  'ESP profiles': 0,
  Groups: 0,
  Apps: 0,
  'Assignment filters': 0,
  'Scope tags': 0,
  Skipped: 0,
  ...some,
});

interface Folder {
  /** The whole report a file should give, counted from its objects. */
  expect: (items: Json[]) => Expected;
  /** The objects of a file that the workspace holds after Replace, or none when nothing imports. */
  imported?: { key: string; row: SummaryRow; pick: (items: Json[]) => Json[] };
}

/**
 * IntuneCD backups name what they reference instead of giving ids; the import creates one object
 * per distinct name: blocking apps (`selectedMobileAppNames`, by name and type), groups
 * (`groupName` of a target without `groupId`) and scope tags (names in `roleScopeTagIds`; ids are
 * digits, and `Default` is the built-in tag).
 */
function createdFromNames(profiles: Json[]): Partial<Expected> {
  const apps = new Set<string>();
  const groups = new Set<string>();
  const tags = new Set<string>();
  for (const profile of profiles) {
    for (const app of (profile.selectedMobileAppNames ?? []) as Array<string | Json>) {
      apps.add(typeof app === 'string' ? app : `${app.name}|${app.type}`);
    }
    for (const assignment of (profile.assignments ?? []) as Json[]) {
      const target = (assignment.target ?? {}) as Json;
      if (typeof target.groupName === 'string' && !target.groupId) groups.add(target.groupName);
    }
    for (const tag of (profile.roleScopeTagIds ?? []) as string[]) {
      if (!/^\d+$/.test(tag) && tag !== 'Default') tags.add(tag);
    }
  }
  return { Apps: apps.size, Groups: groups.size, 'Scope tags': tags.size };
}

const isWindowsFilter = (o: Json) => o.platform === 'windows10AndLater';
const isApp = (o: Json) => '@odata.type' in o || 'displayName' in o;

/** What each folder's files should import, counted from the objects themselves. */
const FOLDERS: Record<string, Folder> = {
  esp: {
    expect: (items) => {
      const profiles = items.filter(isEspProfile);
      return counts({
        'ESP profiles': profiles.length,
        ...createdFromNames(profiles),
        Skipped: items.length - profiles.length,
      });
    },
    imported: { key: 'deviceEnrollmentConfigurations', row: 'ESP profiles', pick: (items) => items.filter(isEspProfile) },
  },
  'esp/other_types': { expect: (items) => counts({ Skipped: items.length }) },
  apps: {
    expect: (items) => {
      const apps = items.filter(isApp).length;
      return counts({ Apps: apps, Skipped: items.length - apps });
    },
    imported: { key: 'mobileApps', row: 'Apps', pick: (items) => items.filter(isApp) },
  },
  filters: {
    expect: (items) => {
      const windows = items.filter(isWindowsFilter).length;
      return counts({ 'Assignment filters': windows, Skipped: items.length - windows });
    },
    imported: { key: 'assignmentFilters', row: 'Assignment filters', pick: (items) => items.filter(isWindowsFilter) },
  },
  scopetags: {
    expect: (items) => counts({ 'Scope tags': items.length }),
    imported: { key: 'roleScopeTags', row: 'Scope tags', pick: (items) => items },
  },
  assignments: { expect: (items) => counts({ Skipped: items.length }) },
};

const isDefault = (o: Json) => Number(o.priority) === 0 || String(o.id ?? '').endsWith('DefaultWindows10EnrollmentCompletionPageConfiguration');

test.describe('importing the fixture files', () => {
  for (const [folder, rules] of Object.entries(FOLDERS)) {
    test(`every file of fixtures/${folder} imports with the counts it holds`, async ({ page }) => {
      test.setTimeout(90_000);
      const tenant = new TenantPage(page);
      await tenant.open('import-export');
      const before = await tenant.stored();
      const files = readdirSync(path.join(FIXTURES, folder)).filter((name) => name.endsWith('.json')).sort();
      expect(files.length).toBeGreaterThan(0);
      for (const name of files) {
        const buffer = readFileSync(path.join(FIXTURES, folder, name));
        const expected = rules.expect(objects(JSON.parse(decode(buffer))));
        await tenant.pickFile({ name, buffer });
        expect(await tenant.summary(), `${folder}/${name}`).toEqual(expected);
        await tenant.closeImport();
      }
      // Looking is not importing: the workspace is as it was.
      expect(await tenant.stored()).toBe(before);

      // The file with the most to import, replacing the workspace: it holds what the report counted.
      const imported = rules.imported;
      if (!imported) return;
      const chosen = files
        .map((name) => {
          const buffer = readFileSync(path.join(FIXTURES, folder, name));
          return { name, buffer, items: imported.pick(objects(JSON.parse(decode(buffer)))) };
        })
        .sort((a, b) => b.items.length - a.items.length)[0];
      expect(chosen.items.length, 'a file with something to import').toBeGreaterThan(0);
      await tenant.pickFile({ name: chosen.name, buffer: chosen.buffer });
      const report = await tenant.summary();
      expect(report[imported.row]).toBe(chosen.items.length);
      await tenant.replaceWorkspace();
      await expect(tenant.messages).toContainText(`Imported ${chosen.name}`);
      const saved = await tenant.storedWorkspace();
      const held = (saved.tenant[imported.key] ?? []) as Json[];
      const wanted = chosen.items.map((o) => String(o.displayName ?? o.name ?? '')).sort();
      if (imported.key === 'deviceEnrollmentConfigurations') {
        // Replace keeps a default profile when the file has none.
        const added = chosen.items.some(isDefault) ? 0 : 1;
        expect(held).toHaveLength(report['ESP profiles'] + added);
        const custom = held.filter((o) => !isDefault(o)).map((o) => String(o.displayName)).sort();
        expect(custom).toEqual(chosen.items.filter((o) => !isDefault(o)).map((o) => String(o.displayName)).sort());
      } else {
        expect(held).toHaveLength(report[imported.row]);
        expect(held.map((o) => String(o.displayName ?? '')).sort()).toEqual(wanted);
      }
      // Nothing else came with it: the other lists hold what the report says (none).
      for (const [key, row] of [
        ['groups', 'Groups'],
        ['mobileApps', 'Apps'],
        ['assignmentFilters', 'Assignment filters'],
        ['roleScopeTags', 'Scope tags'],
      ] as const) {
        if (key !== imported.key) expect((saved.tenant[key] ?? []).length, key).toBe(report[row]);
      }
    });
  }
});
