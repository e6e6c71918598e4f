// Every area passes axe's WCAG A/AA checks (serious and critical), and the navigation fits a
// phone's width (every page's reflow at 200% zoom and 390 px: reflow_zoom_and_phone.spec.ts).
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
});
