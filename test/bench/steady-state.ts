// The backfill's steady state: throughput and worker CPU between two points of the run, leaving out
// its start and its tail. A freshly started worker spends its first seconds compiling its hot code:
// in a 10,000-customer run V8 made ~800 optimized compilations, 4.7–5.3 s of CPU on its helper
// threads, 70 % of it in the first 6 s (`--trace-opt` with `--trace-gc` timestamps). A whole-run
// figure therefore depends on the run's length; a long-running worker pays that once.

/** One reading of the run's progress: the bench's polling loop takes one every 500 ms. */
export interface ProgressPoint<T = undefined> {
  atMs: number;
  done: number;
  cpuMs: number;
  /** Anything else read at the same moment (the worker's per-thread CPU). */
  extra: T;
}

export interface SteadyStateWindow<T = undefined> {
  from: ProgressPoint<T>;
  to: ProgressPoint<T>;
  customers: number;
  customersPerSecond: number;
  cpuMsPerCustomer: number;
}

/** The window's bounds as shares of the run's customers. */
export const STEADY_FROM = 0.25;
export const STEADY_TO = 0.9;

/**
 * Keeps the first point at or past `from` of the customers and the last one not past `to`; the
 * polling loop feeds every point it reads, in order.
 */
export class SteadyStateTracker<T = undefined> {
  private first: ProgressPoint<T> | null = null;
  private last: ProgressPoint<T> | null = null;

  constructor(
    private readonly total: number,
    private readonly from = STEADY_FROM,
    private readonly to = STEADY_TO,
  ) {}

  /** Whether the point is one the tracker would keep (so the caller reads `extra` only then). */
  wants(done: number): boolean {
    if (this.first === null) return done >= this.from * this.total && done <= this.to * this.total;
    return done <= this.to * this.total;
  }

  add(point: ProgressPoint<T>): void {
    if (!this.wants(point.done)) return;
    if (this.first === null) this.first = point;
    else this.last = point;
  }

  /** The window, or null when the run gave fewer than two points inside it (too short a run). */
  window(): SteadyStateWindow<T> | null {
    const { first, last } = this;
    if (first === null || last === null) return null;
    const customers = last.done - first.done;
    const seconds = (last.atMs - first.atMs) / 1000;
    if (customers <= 0 || seconds <= 0) return null;
    return { from: first, to: last, customers, customersPerSecond: customers / seconds, cpuMsPerCustomer: (last.cpuMs - first.cpuMs) / customers };
  }
}
