// The speed report's account of the machine's CPUs during a run (fixtures/cpu_times.ts): read
// from /proc/stat's aggregate line, the shares of busy, idle and stolen time between two readings.
import { test, expect } from '@playwright/test';
import { cpuShares, parseCpuTimes } from './fixtures/cpu_times';

const stat = (fields: string) => `cpu  ${fields}\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 12345\n`;

test('the aggregate line is read by kind: busy, idle with I/O wait, and steal', () => {
  // user nice system idle iowait irq softirq steal guest guest_nice
  expect(parseCpuTimes(stat('100 10 50 800 20 5 15 30 0 0'))).toEqual({ busy: 180, idle: 820, steal: 30 });
  // Old kernels stop before steal: none is counted.
  expect(parseCpuTimes(stat('100 10 50 800'))).toEqual({ busy: 160, idle: 800, steal: 0 });
  // Only the aggregate line counts, not a core's.
  expect(parseCpuTimes('cpu0 1 2 3 4\n')).toBeNull();
  expect(parseCpuTimes('cpu  1 2 three 4\n')).toBeNull();
  expect(parseCpuTimes('')).toBeNull();
});

test('the shares of a stretch of time add up to the whole, steal apart', () => {
  const from = { busy: 1_000, idle: 5_000, steal: 100 };
  const to = { busy: 1_600, idle: 5_300, steal: 200 };
  // 600 busy, 300 idle, 100 stolen of 1,000 ticks.
  expect(cpuShares(from, to)).toEqual({ busyPercent: 60, idlePercent: 30, stealPercent: 10 });
  expect(cpuShares(to, to)).toBeNull();
});
