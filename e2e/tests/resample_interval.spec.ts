// The speed report's interval of a start-up ratio (fixtures/resample.ts): it must contain the
// ratio the samples were drawn around, be narrow when the samples agree and wide when they
// scatter, and not change between two reports of the same samples.
import { test, expect } from '@playwright/test';
import { ratioOfMediansInterval } from './fixtures/resample';

/** 15 samples spread evenly by ±`spread` around `centre`. */
const around = (centre: number, spread: number) => Array.from({ length: 15 }, (_, i) => centre * (1 - spread + (2 * spread * i) / 14));

test('the interval of a ratio of medians holds the true ratio, and widens with the scatter', () => {
  const tight = ratioOfMediansInterval(around(150, 0.02), around(100, 0.02));
  expect(tight.low).toBeLessThanOrEqual(1.5);
  expect(tight.high).toBeGreaterThanOrEqual(1.5);
  expect(tight.high - tight.low).toBeLessThan(0.05);

  const loose = ratioOfMediansInterval(around(150, 0.3), around(100, 0.3));
  expect(loose.low).toBeLessThanOrEqual(1.5);
  expect(loose.high).toBeGreaterThanOrEqual(1.5);
  expect(loose.high - loose.low).toBeGreaterThan(0.3);

  // The same samples, the same interval (a seeded generator).
  expect(ratioOfMediansInterval(around(150, 0.3), around(100, 0.3))).toEqual(loose);
  expect(() => ratioOfMediansInterval([], [1])).toThrow(/empty/);
});
