import { describe, expect, it } from 'vitest';
import { formatSpread, spreadOf, summarizeRepeats, type RunFigures } from '../../bench/repeat-summary.js';

const run = (over: Partial<RunFigures>): RunFigures => ({
  customers: 20_000,
  latencyMs: 20,
  concurrency: 64,
  customersPerSecond: 450,
  cpuMsPerCustomer: 2.2,
  cpuPerSimCpu: 3.4,
  peakRssMb: 265,
  ...over,
});

describe('spreadOf (bench --repeat: median and range of a figure)', () => {
  it.each([
    { values: [], expected: null },
    { values: [3], expected: { median: 3, min: 3, max: 3 } },
    { values: [5, 1, 3], expected: { median: 3, min: 1, max: 5 } },
    { values: [4, 1, 3, 2], expected: { median: 2.5, min: 1, max: 4 } },
    { values: [0.9, 0.84, 0.95, 0.87, 0.94], expected: { median: 0.9, min: 0.84, max: 0.95 } },
  ])('$values → $expected', ({ values, expected }) => {
    expect(spreadOf(values)).toEqual(expected);
  });

  it('does not reorder the caller\'s array', () => {
    const values = [3, 1, 2];
    spreadOf(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summarizeRepeats', () => {
  it('groups runs by cell in first-seen order and counts the runs meeting 0.85 of the latency bound', () => {
    const summaries = summarizeRepeats([
      run({ customersPerSecond: 441, ratioToLatencyBound: 0.84, steadyRatioToLatencyBound: 0.88 }),
      run({ latencyMs: 0, concurrency: 16, customersPerSecond: 481 }),
      run({ customersPerSecond: 493, ratioToLatencyBound: 0.94, steadyRatioToLatencyBound: 0.99 }),
      run({ customersPerSecond: 457, ratioToLatencyBound: 0.85, steadyRatioToLatencyBound: 0.91 }),
      run({ latencyMs: 0, concurrency: 16, customersPerSecond: 425 }),
    ]);
    expect(summaries.map((s) => [s.latencyMs, s.concurrency, s.runs])).toEqual([
      [20, 64, 3],
      [0, 16, 2],
    ]);
    const [latency, zero] = summaries;
    expect(latency?.customersPerSecond).toEqual({ median: 457, min: 441, max: 493 });
    expect(latency?.ratioToLatencyBound).toEqual({ median: 0.85, min: 0.84, max: 0.94 });
    expect(latency?.steadyRatioToLatencyBound).toEqual({ median: 0.91, min: 0.88, max: 0.99 });
    expect(latency?.runsMeetingThroughputTarget).toBe(2);
    // A 0 ms cell has no latency bound: no ratio, no target count.
    expect(zero?.customersPerSecond).toEqual({ median: 453, min: 425, max: 481 });
    expect(zero?.ratioToLatencyBound).toBeUndefined();
    expect(zero?.runsMeetingThroughputTarget).toBeUndefined();
  });

  it.each([
    { cpu: [1.42, 1.53, 1.41], met: 2 },
    { cpu: [1.5, 1.5001], met: 1 },
    { cpu: [1.55, 1.59, 1.57], met: 0 },
  ])('counts the 0 ms runs at or below 1.5 ms of worker CPU per customer: $cpu → $met', ({ cpu, met }) => {
    const [cell] = summarizeRepeats(cpu.map((cpuMsPerCustomer) => run({ latencyMs: 0, cpuMsPerCustomer })));
    expect(cell?.runsMeetingCpuTarget).toBe(met);
    expect(cell?.runs).toBe(cpu.length);
  });

  it('has no CPU target count for a latency cell, whatever its CPU', () => {
    const [cell] = summarizeRepeats([run({ cpuMsPerCustomer: 1.2, ratioToLatencyBound: 0.9 })]);
    expect(cell?.runsMeetingCpuTarget).toBeUndefined();
  });

  it('summarizes the incremental ratio only over the runs that had one', () => {
    const [cell] = summarizeRepeats([
      run({ ratioToLatencyBound: 0.82, incrementalRatioToLatencyBound: 0.81 }),
      run({ ratioToLatencyBound: 0.82 }),
      run({ ratioToLatencyBound: 0.82, incrementalRatioToLatencyBound: 0.79 }),
    ]);
    expect(cell?.incrementalRatioToLatencyBound).toEqual({ median: 0.8, min: 0.79, max: 0.81 });
    expect(cell?.runsMeetingThroughputTarget).toBe(0);
    // Counted over the rounds that had an incremental run: 2, not the cell's 3 runs.
    expect(cell?.incrementalRunsMeetingTarget).toEqual({ met: 0, of: 2 });
  });

  it.each([
    { ratios: [0.94, 1.12, 1.03], expected: { met: 3, of: 3 } },
    { ratios: [0.9, 0.89], expected: { met: 1, of: 2 } },
    { ratios: [0.87, 0.82], expected: { met: 0, of: 2 } },
  ])('counts the incremental rounds at or above 0.9 of their bound: $ratios', ({ ratios, expected }) => {
    const [cell] = summarizeRepeats(ratios.map((r) => run({ ratioToLatencyBound: 1, incrementalRatioToLatencyBound: r })));
    expect(cell?.incrementalRunsMeetingTarget).toEqual(expected);
  });

  it('has no incremental count for a cell without incremental rounds', () => {
    const [cell] = summarizeRepeats([run({ ratioToLatencyBound: 0.9 })]);
    expect(cell?.incrementalRunsMeetingTarget).toBeUndefined();
  });
});

describe('formatSpread', () => {
  it.each([
    { spread: undefined, digits: 2, expected: '–' },
    { spread: { median: 0.9, min: 0.9, max: 0.9 }, digits: 2, expected: '0.90' },
    { spread: { median: 0.9, min: 0.84, max: 0.95 }, digits: 2, expected: '0.90 (0.84–0.95)' },
    { spread: { median: 457.4, min: 441, max: 493.2 }, digits: 0, expected: '457 (441–493)' },
  ])('$expected', ({ spread, digits, expected }) => {
    expect(formatSpread(spread, digits)).toBe(expected);
  });
});
