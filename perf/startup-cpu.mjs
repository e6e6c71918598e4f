// Where a cold start's main-thread time goes, from Chromium's own trace: for each page given, the
// renderer main thread's CPU time from navigation to the frame that painted the first control,
// split by kind of work, and how many wasm functions V8 compiled on their first call before it.
//
// Wall-clock start-ups on a shared machine move by ±30% from run to run (README, Speed); CPU time
// of the main thread moves far less, so an A/B of two builds shows a change of a few milliseconds
// here that the speed report's medians cannot. A diagnostic, not part of `make speed`: tracing
// slows the page, so its wall times are not the report's.
//
// Usage, with each build served (e2e/serve.mjs; several servers on their own ports for an A/B):
//   node perf/startup-cpu.mjs [--runs N] URL…
// The first control is the app's "Profiles" link, or the bare page's button ("Clicked …").
import { createRequire } from 'node:module';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 8;
const urls = args;
if (!urls.length || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node perf/startup-cpu.mjs [--runs N] URL…');
  process.exit(2);
}

/** Self CPU time of these trace events, by kind (an event's time less its children's). */
const KINDS = {
  'wasm compiled on first call': /^wasm\.CompileLazy$/,
  'wasm received and decoded': /^(wasm\.OnBytesReceived|wasm\.FinishStreaming|wasm\.ValidateFunctionsStreaming)$/,
  'wasm instantiated': /^wasm\.SyncInstantiate$/,
  'script run (wasm and JS)': /^(AsyncTask Run|BlinkScheduler_PerformMicrotaskCheckpoint|FunctionCall|v8\.run|v8\.callFunction|v8\.evaluateModule|EvaluateScript)$/,
  'HTML and CSS parsed': /^(ParseHTML|CSSParserImpl::parseStyleSheet\.parse)$/,
  'style, layout, paint': /^(Document::recalcStyle|UpdateLayoutTree|LocalFrameView::performLayout|Layout|PrePaint|Paint|Layerize|Commit|InlineNode::ShapeTextIncludingFirstLine)$/,
};

const browser = await chromium.launch({
  executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => require('node:fs').existsSync(path)),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** One cold start in a fresh context, traced; the self CPU time by kind, in milliseconds. */
async function start(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const controls = document.querySelectorAll('a, button');
      if (![...controls].some((c) => /^(Profiles|Clicked)/.test(c.textContent ?? ''))) return;
      observer.disconnect();
      // The end of the frame that paints it, ahead of the page's own tasks posted from it.
      requestAnimationFrame(() =>
        scheduler.postTask(() => performance.mark('first-control-painted'), { priority: 'user-blocking' }),
      );
    }).observe(document, { childList: true, subtree: true });
  });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink', 'blink.user_timing', 'loading', 'toplevel'],
  });
  await page.goto(url);
  await page.waitForTimeout(1500);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const navigation = events.find((e) => e.name === 'navigationStart');
  const mark = events.find((e) => e.name === 'first-control-painted');
  if (!navigation || !mark) throw new Error(`${url}: the first control was never seen painted`);
  const thread = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === mark.pid);
  const slices = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.tdur !== undefined)
    .filter((e) => e.ts >= navigation.ts && e.ts < mark.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const open = [];
  for (const slice of slices) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= slice.ts) open.pop();
    const parent = open.at(-1);
    if (parent) self.set(parent, (self.get(parent) ?? 0) - slice.tdur);
    self.set(slice, (self.get(slice) ?? 0) + slice.tdur);
    open.push(slice);
  }
  const result = { 'main thread CPU': 0, 'wasm functions compiled': 0 };
  for (const kind of Object.keys(KINDS)) result[kind] = 0;
  for (const [slice, time] of self) {
    result['main thread CPU'] += time / 1000;
    if (slice.name === 'wasm.CompileLazy') result['wasm functions compiled'] += 1;
    for (const [kind, pattern] of Object.entries(KINDS)) if (pattern.test(slice.name)) result[kind] += time / 1000;
  }
  return result;
}

// An uncounted start of each first: the browser's first navigation also starts its processes.
for (const url of urls) await start(url);
const results = new Map(urls.map((url) => [url, []]));
for (let run = 0; run < runs; run++) {
  // The order turns each round, so that no page always follows the same one.
  const order = [...urls.slice(run % urls.length), ...urls.slice(0, run % urls.length)];
  for (const url of order) results.get(url).push(await start(url));
}
await browser.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
console.log(`medians of ${runs} cold starts, ms of main-thread CPU from navigation to the first control painted`);
const rows = Object.keys(results.get(urls[0])[0]);
const width = Math.max(...rows.map((row) => row.length));
console.log(''.padEnd(width), urls.map((_, i) => `page ${i + 1}`.padStart(9)).join(''));
for (const row of rows) {
  const cells = urls.map((url) => median(results.get(url).map((r) => r[row])));
  console.log(row.padEnd(width), cells.map((v) => (row.includes('functions') ? String(v) : v.toFixed(1)).padStart(9)).join(''));
}
urls.forEach((url, i) => console.log(`page ${i + 1}: ${url}`));
