// `npm run bench -- --repeat N`: each cell of the grid run N times, and one line per cell with the
// median and the range of each figure. The 2-core VM drifts by up to ±40 % between runs of the same
// code (docs/benchmarks.md), so a target read off one run can land on either side of it by chance:
// the twelfth session's five runs of 20,000 × 20 ms × 64 gave 0.84–0.95 of the latency bound.

/** The figures of one run that the summary compares across repetitions. */
export interface RunFigures {
  customers: number;
  latencyMs: number;
  concurrency: number;
  customersPerSecond: number;
  /** Worker CPU ms per customer, and the same divided by the simulators' (takes out most drift). */
  cpuMsPerCustomer: number;
  cpuPerSimCpu: number;
  peakRssMb: number;
  /** Latency runs only. */
  ratioToLatencyBound?: number;
  steadyRatioToLatencyBound?: number;
  /** The incremental run at the highest concurrency, where the cell has one. */
  incrementalRatioToLatencyBound?: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface CellSummary {
  customers: number;
  latencyMs: number;
  concurrency: number;
  runs: number;
  customersPerSecond: Spread;
  cpuMsPerCustomer: Spread;
  cpuPerSimCpu: Spread;
  peakRssMb: Spread;
  ratioToLatencyBound?: Spread;
  steadyRatioToLatencyBound?: Spread;
  incrementalRatioToLatencyBound?: Spread;
  /** Runs at or above the 0.85 of the latency bound (latency runs only). */
  runsMeetingThroughputTarget?: number;
  /** Runs at or below the 1.5 ms of worker CPU per customer (0 ms runs only). */
  runsMeetingCpuTarget?: number;
  /** Incremental rounds at or above 0.9 of their latency bound, and how many rounds there were. */
  incrementalRunsMeetingTarget?: { met: number; of: number };
}

/** The throughput target at 20 ms: this share of the concurrency / latency bound. */
export const THROUGHPUT_TARGET = 0.85;
/** The CPU target at 0 ms: worker CPU ms per synced customer, at most. */
export const CPU_TARGET_MS = 1.5;
/** The incremental target: this share of the incremental round's latency bound. */
export const INCREMENTAL_TARGET = 0.9;

/** Median (the mean of the middle two for an even count), minimum and maximum; null for no values. */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

const cellKey = (r: RunFigures) => `${r.customers}/${r.latencyMs}/${r.concurrency}`;

/** One summary per cell, in the order the cells first appear. */
export function summarizeRepeats(runs: readonly RunFigures[]): CellSummary[] {
  const cells = new Map<string, RunFigures[]>();
  for (const run of runs) {
    const key = cellKey(run);
    const list = cells.get(key);
    if (list) list.push(run);
    else cells.set(key, [run]);
  }
  return [...cells.values()].map((list) => {
    const first = list[0] as RunFigures;
    const valuesOf = (pick: (r: RunFigures) => number | undefined): number[] =>
      list.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
    const spreadOfField = (pick: (r: RunFigures) => number | undefined): Spread | undefined => spreadOf(valuesOf(pick)) ?? undefined;
    const ratio = spreadOfField((r) => r.ratioToLatencyBound);
    const steady = spreadOfField((r) => r.steadyRatioToLatencyBound);
    const incrementalRatios = valuesOf((r) => r.incrementalRatioToLatencyBound);
    const incremental = spreadOf(incrementalRatios) ?? undefined;
    return {
      customers: first.customers,
      latencyMs: first.latencyMs,
      concurrency: first.concurrency,
      runs: list.length,
      customersPerSecond: spreadOfField((r) => r.customersPerSecond) as Spread,
      cpuMsPerCustomer: spreadOfField((r) => r.cpuMsPerCustomer) as Spread,
      cpuPerSimCpu: spreadOfField((r) => r.cpuPerSimCpu) as Spread,
      peakRssMb: spreadOfField((r) => r.peakRssMb) as Spread,
      ...(ratio ? { ratioToLatencyBound: ratio } : {}),
      ...(steady ? { steadyRatioToLatencyBound: steady } : {}),
      ...(incremental ? { incrementalRatioToLatencyBound: incremental } : {}),
      ...(ratio
        ? { runsMeetingThroughputTarget: list.filter((r) => r.ratioToLatencyBound !== undefined && r.ratioToLatencyBound >= THROUGHPUT_TARGET).length }
        : {}),
      ...(first.latencyMs === 0 ? { runsMeetingCpuTarget: list.filter((r) => r.cpuMsPerCustomer <= CPU_TARGET_MS).length } : {}),
      ...(incrementalRatios.length > 0
        ? { incrementalRunsMeetingTarget: { met: incrementalRatios.filter((v) => v >= INCREMENTAL_TARGET).length, of: incrementalRatios.length } }
        : {}),
    };
  });
}

/** "median (min–max)" with the given decimals; "–" for a figure the cell has not got. */
export function formatSpread(spread: Spread | undefined, digits: number): string {
  if (!spread) return '–';
  const f = (n: number) => n.toFixed(digits);
  return spread.min === spread.max ? f(spread.median) : `${f(spread.median)} (${f(spread.min)}–${f(spread.max)})`;
}
