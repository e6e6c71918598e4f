import { test, expect } from './fixtures/guard';
import { AREAS, ShellPage } from './fixtures/shell_page';

test.describe('app shell', () => {
  test('loads under the sub-path and shows the product and its areas', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open();
    expect(new URL(page.url()).pathname).toBe('/esp-designer/');
    await expect(page.getByText('ESP Designer', { exact: true })).toBeVisible();
    for (const area of AREAS) await expect(shell.link(area)).toBeVisible();
    await shell.expectArea('Profiles');
  });

  test('navigates to every area, and only one is current', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open();
    for (const area of [...AREAS].reverse()) {
      await shell.goTo(area);
      await expect(shell.nav.locator('[aria-current="page"]')).toHaveCount(1);
    }
    await page.goBack();
    await shell.expectArea('Preview');
  });

  test('a deep link survives a reload', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open('#/tenant');
    await shell.expectArea('Tenant');
    await page.reload();
    await shell.expectArea('Tenant');
  });

  test('starts when the server sends its wasm without the application/wasm type', async ({ page }) => {
    // The page compiles its main module while the JS glue downloads (.ci/build-wasm), which a
    // browser refuses for any other type; the start must then fall back to the plain response,
    // without an error on the way (the guard fails the test on one).
    let served = 0;
    await page.route('**/esp-designer_bg.wasm', async (route) => {
      const response = await route.fetch();
      served += 1;
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    const shell = new ShellPage(page);
    await shell.open();
    await shell.expectArea('Profiles');
    await expect(page.getByRole('table', { name: 'ESP profiles' })).toBeVisible();
    expect(served).toBeGreaterThan(0);
  });

  test('an unknown path under the sub-path still boots the app, as 404.html does on Pages', async ({ page, guard }) => {
    const shell = new ShellPage(page);
    const response = await page.goto('./no/such/page#/preview');
    expect(response?.status()).toBe(404);
    await shell.expectArea('Preview');
    // Chromium reports the 404 status of the document itself; nothing else may go wrong.
    expect(guard.take()).toEqual([
      { kind: 'console error', text: expect.stringContaining('404') },
    ]);
  });

  test('an unknown route says so and leads back', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open('#/nowhere');
    await expect(shell.heading).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the profiles' }).click();
    await shell.expectArea('Profiles');
  });

  test('the skip link moves keyboard focus to the content', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open('#/preview');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await shell.expectArea('Preview');
  });

  test('a panic shows a message instead of a blank page', async ({ page, guard }) => {
    const shell = new ShellPage(page);
    await shell.open();
    await page.evaluate(() => {
      const bindings = (window as unknown as { wasmBindings: { selfTestPanic(): void } }).wasmBindings;
      try {
        bindings.selfTestPanic();
      } catch {
        // The wasm instance aborts after the panic hook ran; the message is what matters.
      }
    });
    const alert = page.getByRole('alert', { name: 'ESP Designer stopped because of an internal error' });
    await expect(alert).toContainText('ESP Designer stopped because of an internal error');
    await expect(alert).toContainText('Reload the page to continue');
    await alert.getByText('Technical details', { exact: true }).click();
    await expect(alert).toContainText('self-test panic requested by the test suite');
    // The panic reaches the console too, for developers; that is the one error this test allows.
    await expect
      .poll(() => guard.problems.some((p) => p.kind === 'console error' && p.text.includes('self-test panic')))
      .toBe(true);
    guard.take();
  });
});
