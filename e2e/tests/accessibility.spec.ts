// Every area passes axe's WCAG A/AA checks (serious and critical), and the shell works at a
// phone's width and at 200% zoom.
import { test, expect } from './fixtures/guard';
import { expectAccessible } from './fixtures/axe';
import { AREAS, ShellPage } from './fixtures/shell_page';

test.describe('accessibility', () => {
  for (const area of AREAS) {
    test(`the ${area} area has no serious accessibility violation`, async ({ page }) => {
      const shell = new ShellPage(page);
      await shell.open();
      await shell.goTo(area);
      await expectAccessible(page, `the ${area} area`);
    });
  }

  test('the navigation fits a 390 px wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const shell = new ShellPage(page);
    await shell.open();
    for (const area of AREAS) await expect(shell.link(area)).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('the shell still works at 200% zoom', async ({ page }) => {
    // 200% zoom of a 1280 px window lays the page out like a 640 px one at twice the size.
    await page.setViewportSize({ width: 640, height: 400 });
    const shell = new ShellPage(page);
    await shell.open();
    await page.evaluate(() => (document.body.style.zoom = '2'));
    await shell.goTo('Tenant');
    await expect(shell.heading).toBeVisible();
  });
});
