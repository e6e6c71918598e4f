import { test, expect } from '../fixtures/guard';
import { PreviewPage } from '../fixtures/preview_page';
import { ProfilesPage } from '../fixtures/profiles_page';
import { largeTenant } from '../fixtures/speed_report';
import { writeFileSync } from 'node:fs';

test('trace scenario change', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await new ProfilesPage(page).seed(largeTenant());
  const preview = new PreviewPage(page);
  await preview.open();
  await preview.newScenario('Measured');
  await page.getByRole('searchbox', { name: 'Search device groups' }).fill('Group 3');
  await preview.deviceGroup('Group 3').check();
  await page.getByRole('searchbox', { name: 'Search user groups' }).fill('Group 2501');
  await preview.userGroup('Group 2501').check();
  const headline = preview.result.getByText(/ applies, via /);
  await expect(headline).toHaveText(/^Profile 19 applies, via device\. \d+ apps block\./);
  const mode = page.getByRole('group', { name: 'Deployment mode' });
  await mode.getByRole('radio', { name: 'User-driven' }).focus();
  const N = 20;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline.stack'] });
  for (let i = 0; i < N; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowDown' : 'ArrowUp');
    await page.waitForTimeout(300);
  }
  const buf = await browser.stopTracing();
  const ev = JSON.parse(buf.toString()).traceEvents;
  const mainT = ev.find((e: any) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ev.some((x: any) => x.pid === e.pid && x.name === 'UpdateLayoutTree'));
  const evs = ev.filter((e: any) => e.pid === mainT.pid && e.tid === mainT.tid && e.ph === 'X' && e.dur);
  const top = evs.filter((e: any) => e.name === 'RunTask').sort((a: any, b: any) => a.ts - b.ts);
  const kids = (t: any) => evs.filter((e: any) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 300).map((e: any) => `${((e.ts - t.ts) / 1000).toFixed(1)}+${(e.dur / 1000).toFixed(1)} ${e.name}`);
  const lines: string[] = [];
  const t0 = top[0].ts;
  for (const t of top) if (t.dur > 500) lines.push(`@${((t.ts - t0) / 1000).toFixed(1)} ${(t.dur / 1000).toFixed(1)}ms\n    ` + kids(t).slice(0, 60).join('\n    '));
  const stacks = evs.filter((e: any) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.dur > 1000).map((e: any) => `${e.name} ${(e.dur/1000).toFixed(1)} ${JSON.stringify(e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? e.args).slice(0, 600)}`);
  writeFileSync('/tmp/s5/stacks.txt', stacks.join('\n'));
  writeFileSync('/tmp/s5/tasks.txt', lines.join('\n'));
  const m = new Map<string, number>();
  for (const e of evs) m.set(e.name, (m.get(e.name) ?? 0) + e.dur / 1000 / N);
  const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, 40);
  writeFileSync('/tmp/s5/trace.txt', rows.map(([n, v]) => `${v.toFixed(2).padStart(8)} ${n}`).join('\n'));
});
