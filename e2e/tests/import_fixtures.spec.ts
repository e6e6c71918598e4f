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

type Expected = Partial<Record<SummaryRow, number>>;

/** What each folder's files should import, counted from the objects themselves. */
const FOLDERS: Record<string, (items: Json[]) => Expected> = {
  esp: (items) => {
    const profiles = items.filter(isEspProfile).length;
    return { 'ESP profiles': profiles, Skipped: items.length - profiles };
  },
  'esp/other_types': (items) => ({ 'ESP profiles': 0, Skipped: items.length }),
  apps: (items) => {
    const apps = items.filter((o) => '@odata.type' in o || 'displayName' in o).length;
    return { 'ESP profiles': 0, Apps: apps, Skipped: items.length - apps };
  },
  filters: (items) => {
    const windows = items.filter((o) => o.platform === 'windows10AndLater').length;
    return { 'ESP profiles': 0, 'Assignment filters': windows, 'Scope tags': 0, Skipped: items.length - windows };
  },
  scopetags: (items) => ({ 'Scope tags': items.length, Skipped: 0 }),
  assignments: (items) => ({ 'ESP profiles': 0, Apps: 0, Groups: 0, Skipped: items.length }),
};

test.describe('importing the fixture files', () => {
  for (const [folder, expectFor] of Object.entries(FOLDERS)) {
    test(`every file of fixtures/${folder} imports with the counts it holds`, async ({ page }) => {
      test.setTimeout(90_000);
      const tenant = new TenantPage(page);
      await tenant.open('import-export');
      const before = await tenant.stored();
      const files = readdirSync(path.join(FIXTURES, folder)).filter((name) => name.endsWith('.json')).sort();
      expect(files.length).toBeGreaterThan(0);
      for (const name of files) {
        const buffer = readFileSync(path.join(FIXTURES, folder, name));
        const expected = expectFor(objects(JSON.parse(decode(buffer))));
        await tenant.pickFile({ name, buffer });
        const summary = await tenant.summary();
        const actual = Object.fromEntries(Object.keys(expected).map((row) => [row, summary[row as SummaryRow]]));
        expect(actual, `${folder}/${name}`).toEqual(expected);
        await tenant.closeImport();
      }
      // Looking is not importing: the workspace is as it was.
      expect(await tenant.stored()).toBe(before);
    });
  }
});
