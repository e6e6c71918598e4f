// The fleet check in the page beside the native CLI, on the same tenant bundle and devices CSV:
// the page from the file picker's change event to the summary painted, the CLI
// (`esp-preview fleet`) as a whole process, timed from Node. Both must count the same devices
// per profile: a correctness check worth having at any size.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { test, expect } from '../fixtures/guard';
import { PreviewPage } from '../fixtures/preview_page';
import { ProfilesPage } from '../fixtures/profiles_page';
import { installProbe, summarize, timeInput } from '../fixtures/speed_probe';
import { FULL, REPO_DIR, SIZE, largeTenant, record, writeFleetFiles } from '../fixtures/speed_report';

const run = promisify(execFile);

/** The CLI: the release build at full size (`make speed` builds it), otherwise whichever is built. */
function cli(): string {
  const target = process.env.CARGO_TARGET_DIR ?? `${REPO_DIR}target`;
  const builds = FULL ? ['release'] : ['debug', 'release'];
  const found = builds.map((build) => `${target}/${build}/esp-preview`).find((path) => existsSync(path));
  if (!found) throw new Error(`no esp-preview in ${target}: build it with \`cargo build ${FULL ? '--release ' : ''}-p esp-preview\``);
  return found;
}

/** Devices per profile name from the CLI's per-device CSV (profileName is the third column). */
function tally(csv: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of csv.trimEnd().split('\n').slice(1)) {
    // Generated names hold no comma or quote, so a plain split is exact here.
    const profile = line.split(',')[2];
    counts[profile] = (counts[profile] ?? 0) + 1;
  }
  return counts;
}

test.describe('fleet check in the page beside the native CLI', () => {
  test('the same counts; page time over CLI time', async ({ page }, testInfo) => {
    const files = writeFleetFiles(testInfo.outputPath('fleet'), SIZE.devices);
    const binary = cli();

    await installProbe(page);
    await new ProfilesPage(page).seed(largeTenant());
    const preview = new PreviewPage(page);
    await preview.open();
    const picker = preview.fleet.getByLabel('Upload a devices CSV');
    const count = SIZE.devices.toLocaleString('en-US');

    const cliTimes: number[] = [];
    let cliCounts: Record<string, number> = {};
    const timeCli = async () => {
      const start = performance.now();
      const { stdout } = await run(binary, ['fleet', '--tenant', files.tenant, '--devices', files.devices], {
        maxBuffer: 256 * 1024 * 1024,
      });
      cliTimes.push(performance.now() - start);
      cliCounts = tally(stdout);
    };
    const pageTimes: number[] = [];
    const jobTimes: number[] = [];
    const timePage = async (n: number) => {
      // A new name each run, so each run waits for its own summary.
      const upload = testInfo.outputPath(`fleet/devices-${n}.csv`);
      copyFileSync(files.devices, upload);
      const timing = await timeInput(
        preview.fleet,
        { text: `${count} devices checked from devices-${n}.csv` },
        () => picker.setInputFiles(upload),
        'change',
      );
      pageTimes.push(timing.painted);
      // The page's own account of the job (read, check, tally), as its summary says it.
      const said = (await preview.fleetSummary.innerText()).match(/ in (\d+\.\d) s\./);
      expect(said, 'the summary says how long the check took').not.toBeNull();
      jobTimes.push(Number(said?.[1]) * 1000);
      // The page goes on after its summary (the device table, freeing the last run's results):
      // the CLI must not run beside it, nor the next run start in it.
      await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 3000 })));
      await page.waitForTimeout(500);
    };
    // The two sides take turns, and which goes first turns each round: this machine's speed
    // drifts over seconds, and runs of one side all together would put the drift in the ratio.
    for (let n = 1; n <= Math.max(SIZE.cliRuns, SIZE.fleetRuns); n++) {
      const cliFirst = n % 2 === 1;
      if (cliFirst && n <= SIZE.cliRuns) await timeCli();
      if (n <= SIZE.fleetRuns) await timePage(n);
      if (!cliFirst && n <= SIZE.cliRuns) await timeCli();
    }

    // What the CLI spends before any device: starting, reading and indexing the tenant.
    const oneDevice = testInfo.outputPath('fleet/one-device.csv');
    writeFileSync(oneDevice, readFileSync(files.devices, 'utf8').split('\n').slice(0, 2).join('\n'));
    const fixedTimes: number[] = [];
    for (let n = 0; n < SIZE.cliRuns; n++) {
      const start = performance.now();
      await run(binary, ['fleet', '--tenant', files.tenant, '--devices', oneDevice]);
      fixedTimes.push(performance.now() - start);
    }

    const pageCounts: Record<string, number> = {};
    for (const row of await preview.fleetCounts.getByRole('row').all()) {
      const name = await row.getByRole('rowheader').allInnerTexts();
      if (name.length === 0) continue;
      const devices = Number((await row.getByRole('cell').nth(1).innerText()).replace(/,/g, ''));
      if (devices > 0) pageCounts[name[0]] = devices;
    }
    expect(pageCounts).toEqual(cliCounts);
    expect(Object.values(pageCounts).reduce((a, b) => a + b, 0)).toBe(SIZE.devices);

    const section = {
      devices: SIZE.devices,
      cliBuild: binary.includes('/release/') ? 'release' : 'debug',
      page: summarize(pageTimes),
      pageJobAsTheSummarySays: summarize(jobTimes),
      cli: summarize(cliTimes),
      cliWithOneDevice: summarize(fixedTimes),
      counts: cliCounts,
    };
    record('fleet', section);
    console.log('fleet', JSON.stringify({ page: section.page, job: section.pageJobAsTheSummarySays, cli: section.cli }));
  });
});
