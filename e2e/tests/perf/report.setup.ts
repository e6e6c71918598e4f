// Starts a pass of the speed report: the machine it runs on, before any measurement loads it.
// The first pass of a `make speed` clears the passes of an earlier one, so that the report
// never mixes two runs; a later pass needs the pass before it.
import { test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { BARE_DIST, MODE, PASS, PASSES, REPO_DIR, SIZE, passPath, writeReport } from '../fixtures/speed_report';
import { readCpuTimes } from '../fixtures/cpu_times';
import { roundTo } from '../fixtures/speed_probe';

/**
 * The bytes and gzip -9 bytes of a build's wasm, or null when it is not built. For the app, the
 * main module (in `app-<hash>/`, .ci/build-wasm): the one a first visit downloads.
 */
function wasmSize(root: string): { bytes: number; gzip: number } | null {
  try {
    const app = readdirSync(root).find((name) => name.startsWith('app-'));
    const dir = app ? `${root}/${app}` : root;
    const file = app ? 'esp-designer_bg.wasm' : readdirSync(dir).find((name) => name.endsWith('.wasm'));
    if (!file) return null;
    const body = readFileSync(`${dir}/${file}`);
    return { bytes: statSync(`${dir}/${file}`).size, gzip: gzipSync(body, { level: 9 }).length };
  } catch {
    return null;
  }
}

/** Removes every pass report of this mode (an earlier run's). */
function clearPasses(): void {
  const dir = dirname(passPath(1));
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (new RegExp(`^pass-\\d+\\.${MODE}\\.json$`).test(name)) rmSync(`${dir}/${name}`);
  }
}

test('start the speed report', async ({ browser }) => {
  if (PASS === 1) clearPasses();
  else if (!existsSync(passPath(PASS - 1))) {
    throw new Error(`pass ${PASS} of ${PASSES} found no pass ${PASS - 1} (${passPath(PASS - 1)}): run \`make speed\`, which makes every pass in turn`);
  }
  const [one, five, fifteen] = loadavg();
  writeReport({
    mode: MODE,
    pass: PASS,
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      loadAverageAtStart: [one, five, fifteen].map((n) => roundTo(n, 2)),
      // The teardown turns this into the run's shares of busy, idle and stolen CPU time.
      cpuTimesAtStart: readCpuTimes(),
      chromium: browser.version(),
      node: process.version,
      appWasm: wasmSize(`${REPO_DIR}dist`),
      bareWasm: wasmSize(BARE_DIST),
    },
    sections: { sizes: SIZE },
  });
});
