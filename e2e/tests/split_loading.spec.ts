// The wasm is split (src/chunks/, .ci/build-wasm): a first visit downloads the shell and the
// profile list; each other part downloads when first opened, and says so when it cannot.
import { test, expect } from './fixtures/guard';
import { ShellPage } from './fixtures/shell_page';
import { expectAccessible } from './fixtures/axe';

/** The names of the wasm modules the page requested, in order. */
function wasmRequests(page: import('@playwright/test').Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.wasm')) names.push(name);
  });
  return names;
}

test.describe('parts of the app downloaded when first opened', () => {
  test('a first visit downloads the main module only, and the Preview brings its own code', async ({ page }) => {
    const requested = wasmRequests(page);
    const shell = new ShellPage(page);
    await shell.open();
    await shell.expectArea('Profiles');
    await expect(page.getByRole('table', { name: 'ESP profiles' })).toBeVisible();
    expect(requested).toEqual(['esp-designer_bg.wasm']);

    await shell.goTo('Preview');
    await expect(page.getByRole('heading', { level: 1, name: 'Preview' })).toBeVisible();
    expect(requested).toContain('split_preview.wasm');
    expect(requested.filter((name) => name.startsWith('split_'))).toEqual(['split_preview.wasm']);

    // Once downloaded, a part stays: coming back downloads nothing more.
    const before = requested.length;
    await shell.goTo('Profiles');
    await shell.goTo('Preview');
    await expect(page.getByRole('heading', { level: 1, name: 'Preview' })).toBeVisible();
    expect(requested.length).toBe(before);
  });

  test('pointing at a link starts its part downloading before the click', async ({ page }) => {
    const requested = wasmRequests(page);
    const shell = new ShellPage(page);
    await shell.open();
    await expect(page.getByRole('table', { name: 'ESP profiles' })).toBeVisible();

    const previewCode = page.waitForResponse((response) => response.url().endsWith('/split_preview.wasm'));
    await shell.link('Preview').hover();
    await previewCode;
    const wizardCode = page.waitForResponse((response) => response.url().endsWith('/split_wizard.wasm'));
    await page.getByRole('link', { name: 'Create profile' }).focus();
    await wizardCode;
    expect(requested.filter((name) => name.startsWith('split_')).sort()).toEqual(['split_preview.wasm', 'split_wizard.wasm']);
    // Still on the list: pointing is not opening.
    await shell.expectArea('Profiles');
  });

  test('a part that cannot be downloaded says so, keeps the work, and can be tried again', async ({ page, guard }) => {
    const shell = new ShellPage(page);
    await shell.open();
    await shell.expectArea('Profiles');
    let offline = true;
    await page.route('**/split_preview.wasm', (route) => (offline ? route.abort('internetdisconnected') : route.fallback()));

    await shell.link('Preview').click();
    const alert = page.getByRole('alert').filter({ hasText: 'could not download the Preview' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Your work is kept in this browser');
    await expect(alert.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    await expectAccessible(page, 'a part that could not be downloaded');
    // The navigation still works while the part is missing.
    await shell.goTo('Profiles');
    await expect(page.getByRole('table', { name: 'ESP profiles' })).toBeVisible();
    await shell.link('Preview').click();
    await expect(alert).toBeVisible();

    // Reloading (the way to a newer version's parts) reloads the page, still on the Preview.
    const reloaded = page.waitForEvent('load');
    await alert.getByRole('button', { name: 'Reload the page' }).click();
    await reloaded;
    await expect(alert).toBeVisible();

    offline = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Preview' })).toBeVisible();
    await expect(alert).toHaveCount(0);
    // The failed downloads were reported by the browser and by wasm-split's loader, nothing else.
    const problems = guard.take();
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.kind).toBe('console error');
    }
  });
});
