import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// The app is tested as GitHub Pages serves it: the release build under a sub-path.
export const BASE_PATH = '/esp-designer/';
const PORT = Number(process.env.E2E_PORT ?? 4173);

// A system Chromium when there is one (Debian's, as .ci/bootstrap installs); otherwise
// Playwright's own browser, e.g. on a developer laptop or GitHub's runners.
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path),
);

// The speed report (README, Speed) measures in specs of its own, tests/perf/: at full size under
// `make speed` (SPEED=full), and in a quick smoke mode with the rest of the suite otherwise.
const SPEED_FULL = process.env.SPEED === 'full';

export default defineConfig({
  testDir: './tests',
  projects: [
    { name: 'e2e', testIgnore: 'perf/**' },
    { name: 'speed-setup', testMatch: 'perf/report.setup.ts', teardown: 'speed-report' },
    // No trace while measuring: its snapshots would compete with the page for the CPU.
    { name: 'speed', testMatch: 'perf/*.spec.ts', dependencies: ['speed-setup'], use: { trace: 'off' } },
    { name: 'speed-report', testMatch: 'perf/report.teardown.ts' },
  ],
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/report.json' }]] : 'list',
  timeout: SPEED_FULL ? 600_000 : 30_000,
  expect: { timeout: 10_000 },
  webServer: {
    // The bare Leptos page of the speed report, when built, on the same origin under /bare/.
    command: `node serve.mjs ${PORT} ${BASE_PATH} /bare/=../perf/bare/dist`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
