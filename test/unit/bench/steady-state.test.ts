import { describe, expect, it } from 'vitest';
import { SteadyStateTracker } from '../../bench/steady-state.js';

const point = (atMs: number, done: number, cpuMs: number) => ({ atMs, done, cpuMs, extra: undefined });

describe('SteadyStateTracker (bench: the backfill without its start and tail)', () => {
  it.each([
    {
      name: 'from the first point at 25 % to the last not past 90 %',
      points: [point(0, 0, 0), point(1000, 200, 900), point(2000, 300, 1200), point(4000, 700, 2000), point(5000, 900, 2300), point(6000, 1000, 2600)],
      expected: { fromDone: 300, toDone: 900, customers: 600, perSecond: 200, cpuMs: 1100 / 600 },
    },
    {
      name: 'a point exactly at 90 % is kept, the next one is not',
      points: [point(0, 250, 500), point(1000, 500, 1000), point(2000, 900, 1800), point(3000, 950, 1900)],
      expected: { fromDone: 250, toDone: 900, customers: 650, perSecond: 325, cpuMs: 1300 / 650 },
    },
    {
      name: 'a first reading past 90 % opens no window',
      points: [point(0, 0, 0), point(1000, 950, 2000), point(2000, 1000, 2100)],
      expected: null,
    },
    {
      name: 'one point inside the window is not a window',
      points: [point(0, 100, 0), point(1000, 500, 900), point(2000, 1000, 2000)],
      expected: null,
    },
  ])('$name', ({ points, expected }) => {
    const tracker = new SteadyStateTracker(1000);
    for (const p of points) tracker.add(p);
    const window = tracker.window();
    if (expected === null) {
      expect(window).toBeNull();
      return;
    }
    expect(window?.from.done).toBe(expected.fromDone);
    expect(window?.to.done).toBe(expected.toDone);
    expect(window?.customers).toBe(expected.customers);
    expect(window?.customersPerSecond).toBeCloseTo(expected.perSecond, 10);
    expect(window?.cpuMsPerCustomer).toBeCloseTo(expected.cpuMs, 10);
  });

  it('wants a point only while it could still be kept', () => {
    const tracker = new SteadyStateTracker(1000);
    expect(tracker.wants(100)).toBe(false);
    expect(tracker.wants(300)).toBe(true);
    tracker.add(point(0, 300, 0));
    expect(tracker.wants(900)).toBe(true);
    expect(tracker.wants(901)).toBe(false);
  });
});
