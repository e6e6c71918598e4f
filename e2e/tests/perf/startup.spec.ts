// Start-up, beside a bare Leptos page built the same way (perf/bare): from navigation to the end
// of the frame that paints the first control, in fresh browser contexts (nothing cached),
// interleaved so that a busy moment of the machine falls on both. Playwright leaves each page
// alone until it has painted (`openQuietly`): its own injected script would otherwise run in the
// middle of the start and be counted.
//
// The app paints its shell (header, navigation, Undo and Redo) first and builds the area's page
// (the profile list) in a task after that frame. So the report also gives, for the app, when the
// first page was painted whole, and the longest task between the two: how long a click on the
// first control could have waited for the page to be built.
import { existsSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { test, expect, PageGuard } from '../fixtures/guard';
import { BarePage } from '../fixtures/bare_page';
import { ShellPage } from '../fixtures/shell_page';
import { ProfilesPage, savedWorkspace } from '../fixtures/profiles_page';
import { SIZES as TENANT } from '../fixtures/speed_tenant';
import { installProbe, longestTaskBetween, openQuietly, roundTo, startupOf, summarize, type Startup } from '../fixtures/speed_probe';
import { BARE_DIST, FULL, SIZE, largeTenant, record } from '../fixtures/speed_report';

type Kind = 'app' | 'app with the large tenant saved' | 'bare Leptos page';

/** The app's first page painted whole, after its first control. */
interface Start extends Startup {
  pagePainted: number;
  /** The longest task (≥ 50 ms, else 0) from the first control painted to the page painted. */
  longestTaskAfterFirstControl: number;
}

/**
 * How long the page is left alone after its first frame: the app's first page is painted well
 * within it (about 100 ms after its shell on a first visit, 300 ms with the large tenant).
 */
const SETTLE_MS = 1500;

/** A start with the large tenant saved whose page found no save (see `startOnce`). */
class SaveNotSeen extends Error {
  constructor(shown: string) {
    super(`the page found no save and showed "${shown}"`);
  }
}

/** How many times a start whose page found no save is made again before the spec fails. */
const SAVE_NOT_SEEN_RETRIES = 2;

/** One cold start, made again if the page found no save; counts in `redone` how often it was. */
async function start(browser: Browser, baseURL: string, kind: Kind, redone: { count: number }): Promise<Start> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startOnce(browser, baseURL, kind);
    } catch (error) {
      if (!(error instanceof SaveNotSeen) || attempt === SAVE_NOT_SEEN_RETRIES) throw error;
      redone.count += 1;
      console.log(`${kind}: ${error.message}; starting again`);
    }
  }
}

/** One cold start in a context of its own; the page must also answer a click. */
async function startOnce(browser: Browser, baseURL: string, kind: Kind): Promise<Start> {
  // The large tenant is in the context's storage before the page loads, as a returning admin's.
  const storageState =
    kind === 'app with the large tenant saved' ? savedWorkspace(new URL(baseURL).origin, largeTenant()) : undefined;
  const context = await browser.newContext({ baseURL, storageState });
  const page = await context.newPage();
  const guard = new PageGuard(new URL(baseURL).origin);
  // Requests are watched, not held: a held request waits for this process, several milliseconds
  // a request here, and the app makes one more request than the bare page before it starts.
  await guard.watch(context, page, 'observe');
  await installProbe(page);
  let start: Start;
  if (kind === 'bare Leptos page') {
    const bare = new BarePage(page);
    await openQuietly(page, BarePage.url(baseURL), SETTLE_MS);
    const first = await startupOf(bare.button);
    if (!first) throw new Error(`${kind}: the first control was never seen painted`);
    // The bare page is its first control.
    start = { ...first, pagePainted: first.painted, longestTaskAfterFirstControl: 0 };
    await bare.expectInteractive();
  } else {
    const shell = new ShellPage(page);
    const list = new ProfilesPage(page);
    await openQuietly(page, baseURL, SETTLE_MS);
    const first = await startupOf(shell.link('Profiles'));
    await expect(list.table).toBeVisible();
    const table = await startupOf(list.table);
    if (!first || !table) throw new Error(`${kind}: the first control or the profile list was never seen painted`);
    if (kind === 'app with the large tenant saved') {
      // A returning admin's start: the saved tenant, not the sample. Rarely (once in about
      // 200 such starts in session 11) the page found no save and opened the sample: the
      // storage that Playwright writes before the page loads had not reached the page's
      // process yet. Such a start is not the one to measure; the caller makes it again.
      const count = page.getByText(/ of \d+ custom profiles$/);
      await expect(count).toBeVisible();
      const shown = (await count.textContent()) ?? '';
      if (!shown.startsWith(`${TENANT.profiles} of `)) {
        await context.close();
        throw new SaveNotSeen(shown);
      }
    }
    start = {
      ...first,
      pagePainted: table.painted,
      longestTaskAfterFirstControl: await longestTaskBetween(page, first.painted, table.painted),
    };
    await shell.goTo('Preview');
  }
  expect(guard.problems, `${kind}: the page logged an error or contacted another origin`).toEqual([]);
  await context.close();
  return start;
}

test.describe('start-up beside a bare Leptos page', () => {
  test('navigation to the first control painted, cold, interleaved', async ({ browser, baseURL }) => {
    const bareBuilt = existsSync(`${BARE_DIST}index.html`);
    if (FULL && !bareBuilt) throw new Error('the bare Leptos page is not built: run `make speed`');
    const kinds: Kind[] = ['app', 'app with the large tenant saved'];
    if (bareBuilt) kinds.push('bare Leptos page');
    const runs = new Map<Kind, Start[]>(kinds.map((kind) => [kind, []]));
    // At full size, a round that is not counted first: the browser's first navigation also
    // starts its renderer and network processes, hundreds of milliseconds that would fall on the
    // first kind only.
    const redone = { count: 0 };
    if (FULL) for (const kind of kinds) await start(browser, baseURL ?? '', kind, redone);
    for (let run = 0; run < SIZE.startupRuns; run++) {
      // The order turns each round, so that no kind always follows the same one (a context just
      // closed, with the large tenant's 3 MB storage say, may still cost the next start).
      const order = [...kinds.slice(run % kinds.length), ...kinds.slice(0, run % kinds.length)];
      for (const kind of order) runs.get(kind)?.push(await start(browser, baseURL ?? '', kind, redone));
    }
    const section = Object.fromEntries(
      [...runs].map(([kind, startups]) => [
        kind,
        {
          firstControlPainted: summarize(startups.map((s) => s.painted)),
          // Each start's, in the order measured: the report's interval of the ratio comes
          // from these (fixtures/resample.ts).
          firstControlPaintedRuns: startups.map((s) => roundTo(s.painted, 1)),
          // The phases before it: the document, the wasm, the first control in the DOM (the
          // Rust start done); from there to "painted" is the browser's style, layout and paint.
          documentReceived: summarize(startups.map((s) => s.responseEnd)),
          wasmReceived: summarize(startups.map((s) => s.wasmReceived)),
          firstControlInserted: summarize(startups.map((s) => s.inserted)),
          // After it: the first page painted whole, and how long a click could have waited.
          pagePainted: summarize(startups.map((s) => s.pagePainted)),
          longestTaskAfterFirstControl: summarize(startups.map((s) => s.longestTaskAfterFirstControl)),
        },
      ]),
    );
    for (const [kind, startups] of runs) {
      expect(startups).toHaveLength(SIZE.startupRuns);
      // The phases come in order (a wasm never seen would be NaN and fail here).
      for (const s of startups) {
        expect(s.wasmReceived).toBeGreaterThan(s.responseEnd);
        expect(s.inserted).toBeGreaterThan(s.wasmReceived);
        expect(s.painted).toBeGreaterThan(s.inserted);
        // The app's shell is painted in a frame of its own, before its page (src/app.rs); the
        // bare page is its first control.
        if (kind === 'bare Leptos page') expect(s.pagePainted).toBe(s.painted);
        else expect(s.pagePainted, `${kind}: the shell painted before the page`).toBeGreaterThan(s.painted);
      }
    }
    record('startup', { bareBuilt, startsRedoneForNoSave: redone.count, ...section });
    console.log(JSON.stringify(section, null, 1));
  });
});
