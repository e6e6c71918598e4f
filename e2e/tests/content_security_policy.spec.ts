// The release build carries a strict Content-Security-Policy (.ci/csp.mjs): the app runs under it
// without a single violation (every other spec would fail on the console error), and it refuses
// what the app must never do: talk to another origin, or run injected inline script.
import { test, expect, type Problem } from './fixtures/guard';
import { ShellPage } from './fixtures/shell_page';

/** Every problem the page reported is the policy refusing something; nothing else went wrong. */
function expectOnlyPolicyRefusals(problems: Problem[]) {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem).toEqual({ kind: 'console error', text: expect.stringContaining('Content Security Policy') });
  }
}

test.describe('content security policy', () => {
  test('is present and strict', async ({ page }) => {
    await new ShellPage(page).open();
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  test('refuses a request to another origin before it leaves the page', async ({ page, guard }) => {
    await new ShellPage(page).open();
    const outcome = await page.evaluate(() =>
      fetch('https://telemetry.example.com/collect').then(
        () => 'sent',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    await expect.poll(() => guard.problems.length).toBeGreaterThan(0);
    // The refusal is reported by the browser as a console error; no request reached the network.
    expectOnlyPolicyRefusals(guard.take());
  });

  test('refuses injected inline script', async ({ page, guard }) => {
    await new ShellPage(page).open();
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => guard.problems.length).toBeGreaterThan(0);
    expectOnlyPolicyRefusals(guard.take());
  });
});
