// The speed report's figures over several passes (fixtures/speed_figures.ts): each figure is the
// median of its passes' values, met or not by that median, with every pass's value kept.
import { test, expect } from '@playwright/test';
import { combinePasses, figure, type Figure } from './fixtures/speed_figures';
import { passOf } from './fixtures/speed_report';

const step = (value: number | null): Figure =>
  figure({
    what: 'one arrow step',
    measured: `painted: median ${value} ms`,
    target: 'median < 16 ms',
    value,
    unit: 'ms',
    limit: { max: 16, inclusive: false },
  });

const startup = (value: number): Figure =>
  figure({ what: 'first visit', measured: `${value}×`, target: '≤ 1.5×', value, unit: '×', limit: { max: 1.5, inclusive: true } });

test('a figure is met by its value against its limit, strict or inclusive', () => {
  expect(step(15.9).met).toBe(true);
  expect(step(16).met).toBe(false);
  expect(startup(1.5).met).toBe(true);
  expect(startup(1.51).met).toBe(false);
  expect(step(null).met).toBeNull();
});

test('each figure of the report is the median of its passes, one slow pass does not decide it', () => {
  const [arrow, first] = combinePasses([
    [step(16.5), startup(1.51)],
    [step(9.6), startup(1.21)],
    [step(13.2), startup(1.14)],
  ]);
  expect(arrow).toMatchObject({ what: 'one arrow step', value: 13.2, met: true, passes: [16.5, 9.6, 13.2], medianPass: 3 });
  expect(arrow.measured).toBe('13.2 ms: the median of 3 of 3 passes (16.5 ms, 9.6 ms, 13.2 ms); pass 3: painted: median 13.2 ms');
  expect(first).toMatchObject({ what: 'first visit', value: 1.21, met: true, passes: [1.51, 1.21, 1.14] });

  // Two slow passes of three miss the target.
  const [missed] = combinePasses([[step(16.5)], [step(9.6)], [step(16.1)]]);
  expect(missed).toMatchObject({ value: 16.1, met: false });
});

test('a figure some passes lack is the median of those that measured it, and says so', () => {
  const [arrow, first] = combinePasses([[step(12)], [step(14), startup(1.3)], [step(null)]]);
  // Two values: their mean, which is no pass's own.
  expect(arrow).toMatchObject({ value: 13, passes: [12, 14, null], medianPass: null });
  expect(arrow.measured).toBe('13.0 ms: the median of 2 of 3 passes (12.0 ms, 14.0 ms, not measured)');
  expect(first).toMatchObject({ value: 1.3, passes: [null, 1.3, null], met: true, medianPass: 2 });
  const [none] = combinePasses([[step(null)], [step(null)]]);
  expect(none).toMatchObject({ value: null, met: null, measured: 'not measured in any of 2 passes' });
});

test('passes that measured a figure against different targets are not combined', () => {
  const other = { ...step(12), target: 'median < 20 ms' };
  expect(() => combinePasses([[step(12)], [other]])).toThrow(/disagree on what "one arrow step" measures/);
});

test('the pass number and count come from the environment, and nonsense is refused', () => {
  expect(passOf(undefined, undefined)).toEqual({ pass: 1, passes: 1 });
  expect(passOf('2', '3')).toEqual({ pass: 2, passes: 3 });
  expect(() => passOf('4', '3')).toThrow(/SPEED_PASS must be a whole number from 1 to SPEED_PASSES \(3\)/);
  expect(() => passOf('1', 'three')).toThrow(/SPEED_PASSES must be a whole number/);
  expect(() => passOf('0', '3')).toThrow(/SPEED_PASS must/);
});
