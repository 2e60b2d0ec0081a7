// Waiting for a batch of sync jobs and summarising it (DESIGN §5.5). Outcomes come from the sync log
// that the worker writes, so this works whether the worker runs in this process or another one.
import { SingleBar } from 'cli-progress';
import type { Queue } from 'bullmq';
import type { Db } from '../store/db.js';
import { countOutcomesSince, sumDetailSince } from '../store/sync-log.js';
import { OUTCOME_ACTIONS } from '../sync/sync-customer.js';
import { countJobs } from '../queue/queues.js';

export interface RunSummary {
  customers: number;
  created: number;
  linked: number;
  updated: number;
  unchanged: number;
  review: number;
  failed: number;
  shipTo: number;
  seconds: number;
}

export function summarizeRun(db: Db, sinceLogId: number, startedAt: number): RunSummary {
  const counts = countOutcomesSince(db, sinceLogId, OUTCOME_ACTIONS);
  const get = (action: string) => counts[action] ?? 0;
  return {
    customers: Object.values(counts).reduce((sum, n) => sum + n, 0),
    created: get('created'),
    linked: get('linked'),
    updated: get('updated'),
    unchanged: get('unchanged'),
    review: get('review'),
    failed: get('failed'),
    shipTo: sumDetailSince(db, sinceLogId, 'shipToCreated'),
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
  };
}

export interface WaitOptions {
  db: Db;
  queue: Queue;
  sinceLogId: number;
  expected: number;
  startedAt: number;
  /** Show a progress bar on stderr (off for --json and non-TTY output). */
  progress: boolean;
  /** Warn once when no worker is consuming the queue. */
  onNoWorker?: () => void;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when every expected customer has an outcome and nothing is left queued. */
export async function waitForRun(options: WaitOptions): Promise<RunSummary> {
  const bar = options.progress
    ? new SingleBar({ format: 'sync [{bar}] {value}/{total} customers | {eta_formatted} left | failed {failed}', stream: process.stderr, hideCursor: true })
    : null;
  bar?.start(options.expected, 0, { failed: 0 });
  let warned = false;
  const started = Date.now();
  try {
    for (;;) {
      const summary = summarizeRun(options.db, options.sinceLogId, options.startedAt);
      bar?.update(Math.min(summary.customers, options.expected), { failed: summary.failed });
      const counts = await countJobs(options.queue);
      const idle = counts.waiting + counts.active + counts.delayed === 0;
      if (summary.customers >= options.expected && idle) return summary;
      if (!warned && options.onNoWorker && Date.now() - started > 3000 && (await options.queue.getWorkersCount()) === 0) {
        warned = true;
        options.onNoWorker();
      }
      await sleep(options.pollMs ?? 200);
    }
  } finally {
    bar?.stop();
  }
}

export function formatSummary(summary: RunSummary): string {
  return [
    `customers ${summary.customers}`,
    `created ${summary.created}`,
    `linked ${summary.linked}`,
    `updated ${summary.updated}`,
    `unchanged ${summary.unchanged}`,
    `review ${summary.review}`,
    `failed ${summary.failed}`,
    `ship-to ${summary.shipTo}`,
    `${summary.seconds}s`,
  ].join(' | ');
}
