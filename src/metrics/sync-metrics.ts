// The worker's metric families (one registry per app, so several apps in one test process never
// share counters). The web process adds scrape-time gauges of its own (see operator-gauges.ts).
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const JOB_OUTCOMES = ['created', 'linked', 'updated', 'unchanged', 'review', 'failed'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

export interface SyncMetrics {
  registry: Registry;
  jobs: Counter<'outcome'>;
  remoteCallSeconds: Histogram<'system' | 'operation' | 'result'>;
  matcherDecisions: Counter<'decision'>;
  /** Counts one finished sync-customer job; unknown actions are ignored rather than invent labels. */
  countOutcome(action: string): void;
}

export function createSyncMetrics(): SyncMetrics {
  const registry = new Registry();
  const jobs = new Counter({
    name: 'customer_sync_jobs_total',
    help: 'Finished sync-customer jobs by outcome (failed = gave up: retries exhausted or permanent error)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  // Zero-initialised so every outcome is visible (and rate()-able) before it first happens.
  for (const outcome of JOB_OUTCOMES) jobs.inc({ outcome }, 0);
  const remoteCallSeconds = new Histogram({
    name: 'customer_sync_remote_call_seconds',
    help: 'Latency of calls to Infosoft and Windward, by operation and result (ok, transient, permanent, error)',
    labelNames: ['system', 'operation', 'result'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const matcherDecisions = new Counter({
    name: 'customer_sync_matcher_decisions_total',
    help: "The duplicate matcher's decisions for unlinked customers (link, review, create)",
    labelNames: ['decision'],
    registers: [registry],
  });
  for (const decision of ['link', 'review', 'create']) matcherDecisions.inc({ decision }, 0);
  const known = new Set<string>(JOB_OUTCOMES);
  return {
    registry,
    jobs,
    remoteCallSeconds,
    matcherDecisions,
    countOutcome(action) {
      if (known.has(action)) jobs.inc({ outcome: action });
    },
  };
}

/** A counter read from a running total kept elsewhere (the write batch's and match gate's stats). */
function registerTotal(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

/**
 * The worker's group commit (store/write-batch.ts): commits made and writes run. Writes per commit
 * tell how many jobs shared one; read from the batch's own counters at scrape time.
 */
export function registerWriteBatchMetrics(registry: Registry, stats: { readonly commits: number; readonly writes: number }): void {
  registerTotal(
    registry,
    'customer_sync_sqlite_commits_total',
    "The worker's SQLite commits (group commit: the writes of all jobs in one turn of the event loop share one)",
    () => stats.commits,
  );
  registerTotal(registry, 'customer_sync_sqlite_writes_total', "The worker's local writes (each a savepoint in the current commit)", () => stats.writes);
}

/** How often a job waited for a similar customer's decision (src/sync/match-gate.ts). */
export function registerMatchGateMetrics(registry: Registry, stats: { readonly waited: number }): void {
  registerTotal(
    registry,
    'customer_sync_match_gate_waits_total',
    'Matcher lookups that waited for another job deciding a customer with a shared blocking key',
    () => stats.waited,
  );
}

/**
 * Node's own figures (event-loop lag, GC pauses, heap, CPU) for a process that serves /metrics.
 * Only then: each call starts its own monitors, which a test creating many apps would pile up.
 */
export function collectProcessMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
}
