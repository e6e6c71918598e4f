// Every page reflows at 200% zoom and on a 390 px wide phone (WCAG 1.4.10): no page-wide
// horizontal scrolling, and no control pushed off the side of the screen. A data table may scroll
// inside its own box (1.4.10 exempts two-dimensional tables), so controls inside a horizontally
// scrolling box are reached by scrolling that box and are not counted.
import { test, expect } from './fixtures/guard';
import type { Page } from '@playwright/test';
import { PreviewPage } from './fixtures/preview_page';

/** The sample's "Kiosk devices" profile, opened in the wizard at each step. */
const KIOSK = 'aeed3534-1927-5746-8ff3-767b3d8dc010_Windows10EnrollmentCompletionPageConfiguration';

const PAGES: ReadonlyArray<{ name: string; hash: string }> = [
  { name: 'profiles list', hash: '#/profiles' },
  { name: 'wizard: Basics of a new profile', hash: '#/profiles/new' },
  ...['basics', 'settings', 'assignments', 'scopeTags', 'review'].map((step) => ({
    name: `wizard: ${step} of a profile`,
    hash: `#/profiles/${KIOSK}?step=${step}`,
  })),
  { name: 'preview', hash: '#/preview' },
  { name: 'tenant overview', hash: '#/tenant' },
  ...['groups', 'apps', 'filters', 'scope-tags', 'import-export', 'export'].map((sub) => ({
    name: `tenant: ${sub}`,
    hash: `#/tenant/${sub}`,
  })),
];

interface Overflow {
  pageOverflow: number;
  cutOff: string[];
}

/** How far the page scrolls sideways, and the controls that stick out of the viewport. */
async function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollsSideways = (element: Element): boolean => {
      for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth) return true;
      }
      return false;
    };
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    const cutOff: string[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || scrollsSideways(control)) continue;
      if (box.left < -1 || box.right > width + 1) {
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';
        cutOff.push(`${control.tagName.toLowerCase()} "${name.slice(0, 40)}" spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`);
      }
    }
    return { pageOverflow: document.documentElement.scrollWidth - width, cutOff };
  });
}

const SCREENS = [
  // 200% zoom of a 1280 × 720 window: half the CSS pixels, each drawn twice as large.
  { name: '200% zoom', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
  { name: 'a 390 px phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
];

for (const screen of SCREENS) {
  test.describe(`reflow at ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });

    for (const { name, hash } of PAGES) {
      test(`the ${name} fits the width`, async ({ page }) => {
        await page.goto(`./${hash}`);
        const heading = page.getByRole('heading', { level: 1 });
        await expect(heading).toBeVisible();
        await expect(heading).not.toHaveText(/not found/i);
        const { pageOverflow, cutOff } = await overflow(page);
        expect(cutOff, 'controls outside the viewport').toEqual([]);
        expect(pageOverflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
      });
    }

    test('the preview with its error screen and a fleet check fits the width', async ({ page }) => {
      const preview = new PreviewPage(page);
      await preview.open();
      await preview.showErrorScreen();
      await expect(preview.errorButtons).toBeVisible();
      await preview.uploadDevices('devices.csv', 'name,deviceGroupIds,userGroupIds,mode\nlaptop-1,,,userDriven\nkiosk-2,,,selfDeploying\n');
      await expect(preview.fleetCounts).toBeVisible();
      await expect(preview.fleet.getByRole('table', { name: 'Devices and the profile each gets' })).toBeVisible();
      const { pageOverflow, cutOff } = await overflow(page);
      expect(cutOff, 'controls outside the viewport').toEqual([]);
      expect(pageOverflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
    });
  });
}
