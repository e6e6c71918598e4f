// Every control reached with Tab shows where the focus is (WCAG 2.4.7): an outline or a focus
// ring of at least 2 px (style/main.css gives every :focus-visible a 3 px outline; this catches a
// control whose own styles take it away).
import { test, expect } from './fixtures/guard';
import type { Page } from '@playwright/test';

const PAGES: ReadonlyArray<{ name: string; hash: string }> = [
  { name: 'profiles list', hash: '#/profiles' },
  { name: 'wizard: Basics', hash: '#/profiles/new' },
  { name: 'wizard: Settings', hash: '#/profiles/new?step=settings' },
  { name: 'preview', hash: '#/preview' },
  { name: 'tenant: groups', hash: '#/tenant/groups' },
  { name: 'tenant: filters', hash: '#/tenant/filters' },
  { name: 'tenant: import and export', hash: '#/tenant/import-export' },
];

/** Tabs this many times through a page (the first controls of long pages are enough). */
const PRESSES = 40;

interface FocusLook {
  what: string;
  ring: boolean;
}

/** Whether the focused element draws a ring: an outline or a box shadow of 2 px or more. */
async function focusLook(page: Page): Promise<FocusLook | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none' && /(\d+(\.\d+)?)px/.test(style.boxShadow);
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
    const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
    const type = element instanceof HTMLInputElement ? `[${element.type}]` : '';
    return { what: `${role}${type} "${name}"`, ring: outline || shadow };
  });
}

test.describe('visible focus', () => {
  for (const { name, hash } of PAGES) {
    test(`every control of the ${name} shows its focus`, async ({ page }) => {
      await page.goto(`./${hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const seen = new Set<string>();
      const withoutRing: string[] = [];
      for (let i = 0; i < PRESSES; i++) {
        await page.keyboard.press('Tab');
        const look = await focusLook(page);
        if (!look || seen.has(look.what)) continue;
        seen.add(look.what);
        if (!look.ring) withoutRing.push(look.what);
      }
      expect(seen.size, 'Tab reaches controls').toBeGreaterThan(3);
      expect(withoutRing, 'focused without a visible ring').toEqual([]);
    });
  }
});
