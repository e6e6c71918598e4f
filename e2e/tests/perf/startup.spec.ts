// Start-up, beside a bare Leptos page built the same way (perf/bare): from navigation to the end
// of the frame that paints the first control, in fresh browser contexts (nothing cached),
// interleaved so that a busy moment of the machine falls on both. Playwright leaves each page
// alone until it has painted (`openQuietly`): its own injected script would otherwise run in the
// middle of the start and be counted.
//
// A third start of the app opens an address with no page (its "Page not found"): the same wasm,
// state and shell (header, notices, drop target) without the profile list, so the report splits
// the app's start into what the shell costs and what the list adds.
import { existsSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { test, expect, PageGuard } from '../fixtures/guard';
import { BarePage } from '../fixtures/bare_page';
import { ShellPage } from '../fixtures/shell_page';
import { ProfilesPage, savedWorkspace } from '../fixtures/profiles_page';
import { SIZES as TENANT } from '../fixtures/speed_tenant';
import { installProbe, openQuietly, startupOf, summarize, type Startup } from '../fixtures/speed_probe';
import { BARE_DIST, FULL, SIZE, largeTenant, record } from '../fixtures/speed_report';

type Kind = 'app' | 'app with the large tenant saved' | 'app shell alone (Page not found)' | 'bare Leptos page';

/** An address the app has no page for: it shows its shell and "Page not found". */
const NO_PAGE = '#/no-such-page';

/** One cold start in a context of its own; the page must also answer a click. */
async function startOnce(browser: Browser, baseURL: string, kind: Kind): Promise<Startup> {
  // The large tenant is in the context's storage before the page loads, as a returning admin's.
  const storageState =
    kind === 'app with the large tenant saved' ? savedWorkspace(new URL(baseURL).origin, largeTenant()) : undefined;
  const context = await browser.newContext({ baseURL, storageState });
  const page = await context.newPage();
  const guard = new PageGuard(new URL(baseURL).origin);
  await guard.watch(context, page);
  await installProbe(page);
  let startup: Startup | null;
  if (kind === 'bare Leptos page') {
    const bare = new BarePage(page);
    await openQuietly(page, BarePage.url(baseURL));
    startup = await startupOf(bare.button);
    await bare.expectInteractive();
  } else {
    const shell = new ShellPage(page);
    const alone = kind === 'app shell alone (Page not found)';
    await openQuietly(page, alone ? `${baseURL}${NO_PAGE}` : baseURL);
    startup = await startupOf(shell.link('Profiles'));
    if (alone) {
      await expect(shell.heading.filter({ hasText: 'Page not found' })).toBeVisible();
    } else {
      await expect(new ProfilesPage(page).table).toBeVisible();
    }
    if (kind === 'app with the large tenant saved') {
      // A returning admin's start: the saved tenant, not the sample.
      await expect(page.getByText(new RegExp(`^${TENANT.profiles} of \\d+ custom profiles`))).toBeVisible();
    }
    await shell.goTo('Preview');
  }
  expect(guard.problems, `${kind}: the page logged an error or contacted another origin`).toEqual([]);
  await context.close();
  if (!startup) throw new Error(`${kind}: the first control was never seen painted`);
  return startup;
}

test.describe('start-up beside a bare Leptos page', () => {
  test('navigation to the first control painted, cold, interleaved', async ({ browser, baseURL }) => {
    const bareBuilt = existsSync(`${BARE_DIST}index.html`);
    if (FULL && !bareBuilt) throw new Error('the bare Leptos page is not built: run `make speed`');
    const kinds: Kind[] = ['app', 'app with the large tenant saved', 'app shell alone (Page not found)'];
    if (bareBuilt) kinds.push('bare Leptos page');
    const runs = new Map<Kind, Startup[]>(kinds.map((kind) => [kind, []]));
    for (let run = 0; run < SIZE.startupRuns; run++) {
      for (const kind of kinds) runs.get(kind)?.push(await startOnce(browser, baseURL ?? '', kind));
    }
    const section = Object.fromEntries(
      [...runs].map(([kind, startups]) => [
        kind,
        {
          firstControlPainted: summarize(startups.map((s) => s.painted)),
          // The phases before it: the document, the wasm, the first control in the DOM (the
          // Rust start done); from there to "painted" is the browser's style, layout and paint.
          documentReceived: summarize(startups.map((s) => s.responseEnd)),
          wasmReceived: summarize(startups.map((s) => s.wasmReceived)),
          firstControlInserted: summarize(startups.map((s) => s.inserted)),
        },
      ]),
    );
    for (const startups of runs.values()) {
      expect(startups).toHaveLength(SIZE.startupRuns);
      // The phases come in order (a wasm never seen would be NaN and fail here).
      for (const s of startups) {
        expect(s.wasmReceived).toBeGreaterThan(s.responseEnd);
        expect(s.inserted).toBeGreaterThan(s.wasmReceived);
        expect(s.painted).toBeGreaterThan(s.inserted);
      }
    }
    record('startup', { bareBuilt, ...section });
    console.log(JSON.stringify(section, null, 1));
  });
});
