// Ends a pass of the speed report: the figures of issue #9 beside their targets, written to the
// pass's report and printed; after the last pass, the report of all passes (each figure the
// median of the passes', fixtures/speed_figures.ts). Only numbers are compared here; whether a
// target is met is reported, not asserted.
import { test, expect } from '@playwright/test';
import { loadavg } from 'node:os';
import {
  FRAME_MS,
  FULL,
  PASS,
  PASSES,
  REPORT_PATH,
  passPath,
  readJson,
  readReport,
  writeJson,
  writeReport,
  type CombinedReport,
  type Report,
} from '../fixtures/speed_report';
import { roundTo, type Summary } from '../fixtures/speed_probe';
import { ratioOfMediansInterval } from '../fixtures/resample';
import { cpuShares, readCpuTimes, type CpuTimes } from '../fixtures/cpu_times';
import { combinePasses, figure, formatValue, type Figure } from '../fixtures/speed_figures';

type Timings = { painted: Summary; dom: Summary; longestTask: Summary };

const ms = (value: number) => formatValue(value, 'ms');
const times = (ratio: number) => formatValue(ratio, '×');

function interaction(what: string, timings: Timings | undefined): Figure | null {
  if (!timings) return null;
  const { painted, dom, longestTask } = timings;
  return figure({
    what,
    measured:
      `painted: median ${ms(painted.median)}, worst ${ms(painted.worst)}; ` +
      `DOM changed: median ${ms(dom.median)}, worst ${ms(dom.worst)}; ` +
      `longest task: median ${ms(longestTask.median)} (${painted.runs} runs)`,
    target: `median < ${FRAME_MS} ms`,
    value: painted.median,
    unit: 'ms',
    limit: { max: FRAME_MS, inclusive: false },
  });
}

/** A figures table in Markdown, as README "Speed" shows it. */
function table(figures: readonly Figure[]): string[] {
  return [
    '| what | measured | target | |',
    '|---|---|---|---|',
    ...figures.map((f) => `| ${f.what} | ${f.measured} | ${f.target} | ${f.met === null ? '—' : f.met ? 'met' : 'missed'} |`),
  ];
}

/** The report of all passes, once the last has ended. */
function combine(): CombinedReport {
  const passes = Array.from({ length: PASSES }, (_, i) => readJson<Report>(passPath(i + 1)));
  const { cpu, cores, chromium, node, appWasm, bareWasm } = passes[PASSES - 1].machine;
  return {
    mode: passes[0].mode,
    started: passes[0].date,
    ended: new Date().toISOString(),
    machine: { cpu, cores, chromium, node, appWasm, bareWasm },
    figures: combinePasses(passes.map((pass) => pass.figures ?? [])),
    passes,
  };
}

test('write the figures', async () => {
  const report = readReport();
  const s = report.sections as Record<string, any>;
  const figures: Figure[] = [];
  const startup = s.startup;
  if (startup) {
    const bare = startup['bare Leptos page']?.firstControlPainted as Summary | undefined;
    const bareRuns = startup['bare Leptos page']?.firstControlPaintedRuns as number[] | undefined;
    for (const [kind, what] of [
      ['app', 'start-up, first visit: the app / a bare Leptos page'],
      ['app with the large tenant saved', 'start-up with the large tenant saved / a bare Leptos page'],
    ] as const) {
      const first = startup[kind]?.firstControlPainted as Summary | undefined;
      const page = startup[kind]?.pagePainted as Summary | undefined;
      const wait = startup[kind]?.longestTaskAfterFirstControl as Summary | undefined;
      if (!first || !bare) continue;
      const ratio = first.median / bare.median;
      // How far this run's own scatter leaves the ratio (a bootstrap interval): whether the
      // target is met is still read from the ratio itself.
      const runs = startup[kind]?.firstControlPaintedRuns as number[] | undefined;
      const interval = runs?.length && bareRuns?.length ? ratioOfMediansInterval(runs, bareRuns) : null;
      if (interval) startup[kind].ratioInterval90 = { low: roundTo(interval.low, 2), high: roundTo(interval.high, 2) };
      figures.push(figure({
        what,
        measured:
          `${ms(first.median)} / ${ms(bare.median)} = ${times(ratio)} (medians of ${first.runs}` +
          (interval ? `; 90% bootstrap interval ${interval.low.toFixed(2)}–${interval.high.toFixed(2)}×` : '') +
          ')' +
          (page && wait
            ? `; the profile list painted at ${ms(page.median)} (${times(page.median / bare.median)}), ` +
              `the longest task in between: median ${ms(wait.median)}, worst ${ms(wait.worst)}`
            : ''),
        target: '≤ 1.5×',
        // Compared as written (1.50× is met), as an interaction's median is to 0.1 ms.
        value: roundTo(ratio, 2),
        unit: '×',
        limit: { max: 1.5, inclusive: true },
      }));
    }
  }
  for (const timed of [
    interaction('typing in the wizard Name field, key to validation message', s.wizardTyping?.keystroke),
    interaction('keyboard reorder of 50 profiles: one arrow step', s.keyboardReorder?.step),
    interaction('keyboard reorder of 50 profiles: the drop (saved)', s.keyboardReorder?.drop),
    interaction('preview recompute on a scenario change', s.previewRecompute?.change),
  ]) {
    if (timed) figures.push(timed);
  }
  // The details below the outcome (phases, time, screen, trace) follow once its frame has
  // painted: reported for what they are, not held to the one-frame target of an interaction.
  const details = interaction('preview recompute: the details below it (account setup comes or goes)', s.previewRecompute?.details);
  if (details) figures.push({ ...details, target: 'after the outcome has painted', limit: null, met: null });
  const fleet = s.fleet;
  if (fleet) {
    const ratio = fleet.page.median / fleet.cli.median;
    figures.push(figure({
      what: `fleet of ${fleet.devices.toLocaleString('en-US')} devices: the page / the native CLI`,
      measured:
        `${(fleet.page.median / 1000).toFixed(2)} s / ${(fleet.cli.median / 1000).toFixed(2)} s = ${times(ratio)} ` +
        `(medians; the CLI with one device: ${(fleet.cliWithOneDevice.median / 1000).toFixed(2)} s)`,
      target: '≤ 2×',
      value: roundTo(ratio, 2),
      unit: '×',
      limit: { max: 2, inclusive: true },
    }));
  }
  report.machine.loadAverageAtEnd = loadavg().map((n) => roundTo(n, 2));
  const cpuAtStart = report.machine.cpuTimesAtStart as CpuTimes | null | undefined;
  const cpuAtEnd = readCpuTimes();
  delete report.machine.cpuTimesAtStart;
  const cpu = cpuAtStart && cpuAtEnd ? cpuShares(cpuAtStart, cpuAtEnd) : null;
  // Where there is no /proc/stat, the report says so rather than leave the field out.
  report.machine.cpuDuringRun = cpu ?? 'not available on this system';
  report.figures = figures;
  writeReport(report);

  console.log(
    [
      `\nSpeed report (${report.mode}), pass ${PASS} of ${PASSES} → ${passPath(PASS)}`,
      `${report.machine.cpu}, ${report.machine.cores} cores, load average ${(report.machine.loadAverageAtStart as number[]).join(' ')} at start, ` +
        `${(report.machine.loadAverageAtEnd as number[]).join(' ')} at the end, Chromium ${report.machine.chromium}`,
      cpu
        ? `CPU time during the run: ${cpu.busyPercent}% busy (this run's processes included), ${cpu.idlePercent}% idle, ${cpu.stealPercent}% stolen by the host`
        : 'CPU time during the run: not available on this system',
      '',
      ...table(figures),
    ].join('\n'),
  );
  // Every spec of the speed project left its measurements.
  if (!FULL || Object.keys(s).length > 1) expect(figures.length).toBeGreaterThan(0);

  if (PASS < PASSES) return;
  const all = combine();
  writeJson(REPORT_PATH, all);
  console.log(
    [
      `\nSpeed report (${all.mode}) of ${PASSES} ${PASSES === 1 ? 'pass' : 'passes'}, ${all.started} to ${all.ended} → ${REPORT_PATH}`,
      'Each figure is the median of its values in the passes.',
      '',
      ...table(all.figures),
    ].join('\n'),
  );
});
