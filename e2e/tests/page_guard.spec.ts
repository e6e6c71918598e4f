// The guard of fixtures/guard.ts must be able to fail a test, or it proves nothing.
import { test, expect, PageGuard } from './fixtures/guard';
import { ShellPage } from './fixtures/shell_page';

test.describe('page guard', () => {
  // The page's Content-Security-Policy already stops foreign requests (content_security_policy
  // spec); the guard is the second line, so it is tested with the policy switched off.
  test.use({ bypassCSP: true });

  test('records console errors, uncaught errors and requests to other origins', async ({ page, guard }) => {
    await new ShellPage(page).open();
    await page.evaluate(async () => {
      console.error('deliberate console error');
      setTimeout(() => {
        throw new Error('deliberate uncaught error');
      });
      await fetch('https://telemetry.example.com/collect').catch(() => undefined);
    });
    await expect.poll(() => guard.problems.length).toBeGreaterThanOrEqual(3);
    const problems = guard.take();
    expect(problems).toContainEqual({ kind: 'console error', text: 'deliberate console error' });
    expect(problems).toContainEqual({ kind: 'page error', text: 'deliberate uncaught error' });
    expect(problems).toContainEqual({ kind: 'foreign request', text: 'https://telemetry.example.com/collect' });
  });

  test('watching without holding requests still records one to another origin', async ({ browser, baseURL }) => {
    // The timed start-up watches requests instead of holding them (perf/startup.spec.ts); a
    // foreign request must still be caught there.
    const context = await browser.newContext({ baseURL, bypassCSP: true });
    const page = await context.newPage();
    const guard = new PageGuard(new URL(baseURL ?? '').origin);
    await guard.watch(context, page, 'observe');
    await new ShellPage(page).open();
    await page.evaluate(() => fetch('https://telemetry.invalid/collect').catch(() => undefined));
    await expect.poll(() => guard.problems).toContainEqual({ kind: 'foreign request', text: 'https://telemetry.invalid/collect' });
    await context.close();
  });

  test('fails the test when the page contacts another origin', async ({ page }) => {
    // Expected to fail: the guard's check after the test body must reject the foreign request.
    test.fail();
    await new ShellPage(page).open();
    await page.evaluate(() => fetch('https://cdn.example.com/font.woff2').catch(() => undefined));
  });

  test('fails the test when the page logs an error', async ({ page }) => {
    test.fail();
    await new ShellPage(page).open();
    await page.evaluate(() => console.error('something went wrong'));
  });
});
