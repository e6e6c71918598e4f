// The product's promise: tenant data never leaves the browser. One session drives every feature
// that touches tenant data (import, the wizard, the preview and its fleet check, export) and
// records every request the page and its workers make. The app may fetch its own files while it
// starts; after that, only those same files, the ones index.html links (the browser re-reads
// the icon when the title changes), the parts of the app its wasm-split loader names (each
// downloaded when first opened) and the downloads it creates in the page (blob: URLs) may
// appear: no new address, so nothing a request could carry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures/guard';
import { TenantPage } from './fixtures/tenant_page';
import { WizardPage } from './fixtures/wizard_page';
import { ProfilesPage } from './fixtures/profiles_page';
import { PreviewPage } from './fixtures/preview_page';
import { ShellPage } from './fixtures/shell_page';

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/fixtures/esp/HydrationKit__Windows-ESP-Profile.json',
);

test.describe('tenant data stays in the browser', () => {
  test('import, create, preview, fleet check and export make no request beyond the app’s own files', async ({
    page,
    context,
    baseURL,
  }) => {
    const own = new URL(baseURL ?? 'http://127.0.0.1').origin;
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    const shell = new ShellPage(page);
    const tenant = new TenantPage(page);
    await tenant.open('import-export');
    await page.waitForLoadState('networkidle');
    const startUp = requests.splice(0);
    expect(startUp.length, 'the app loads its own files').toBeGreaterThan(0);
    for (const url of startUp) expect(new URL(url).origin, url).toBe(own);
    // The files index.html links (the icon among them) count as the app's own even when the
    // browser first asks for one later: Chromium may fetch the icon after the page is idle.
    const linked = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((link) => link.href),
    );
    for (const url of linked) expect(new URL(url).origin, url).toBe(own);

    // The parts of the app downloaded when first opened: the modules wasm-split's loader names,
    // beside it (src/chunks/).
    const loader = startUp.find((url) => url.endsWith('/__wasm_split.js'));
    expect(loader, 'the wasm-split loader is part of the start-up').toBeDefined();
    const loaderText = await (await page.request.get(loader!)).text();
    const parts = [...loaderText.matchAll(/["']\.\/([\w-]+\.wasm)["']/g)].map((match) => new URL(match[1], loader!).href);
    expect(parts.length, 'the loader names the split parts').toBeGreaterThan(0);

    // Import a real Graph export, merged into the sample.
    await tenant.pickFile({ name: 'Windows-ESP-Profile.json', buffer: readFileSync(FIXTURE) });
    await expect(tenant.importSummary).toBeVisible();
    await tenant.mergeIntoWorkspace();
    await expect(tenant.messages).toContainText('Merged Windows-ESP-Profile.json');

    // Create a profile with the wizard.
    const list = new ProfilesPage(page);
    const wizard = new WizardPage(page);
    await shell.goTo('Profiles');
    await list.create.click();
    await wizard.name.fill('Privacy check');
    for (const step of ['Settings', 'Assignments', 'Scope tags', 'Review + create'] as const) await wizard.goNext(step);
    await wizard.create.click();
    await expect(list.row('Privacy check')).toBeVisible();

    // Preview a scenario, and check a fleet.
    const preview = new PreviewPage(page);
    await shell.goTo('Preview');
    await preview.setMode('Self-deploying');
    await expect(preview.applied).toBeVisible();
    await preview.uploadDevices('devices.csv', 'name,deviceGroupIds,userGroupIds,mode\nlaptop-1,,,userDriven\n');
    await expect(preview.fleetCounts).toBeVisible();

    // Export: the workspace file and a profile's Graph requests.
    await shell.goTo('Tenant');
    await tenant.goTo('Import and export');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download workspace' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);

    await page.waitForLoadState('networkidle');
    const ownFiles = new Set([...startUp, ...linked, ...parts]);
    const leaving = requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && !ownFiles.has(url));
    expect(leaving, 'requests after start-up').toEqual([]);
    expect(sockets, 'web sockets').toEqual([]);
  });
});
