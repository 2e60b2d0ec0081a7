// The BullMQ queues and their job defaults.
import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { SYNC_BACKOFF_TYPE } from './backoff.js';
import { applyMovePayload, JOB_NAMES, QUEUE_NAMES, syncCustomerPayload, toCustomerJobKey, type SyncCustomerPayload } from './jobs.js';

export interface QueueSettings {
  prefix: string;
  attempts: number;
  keepCompletedJobs: number;
  keepFailedJobs: number;
  /** Failed jobs older than this are trimmed too (the dead_letter rows stay). */
  keepFailedForMs: number;
  eventsMaxLen: number;
}

export interface SyncQueues {
  sync: Queue<SyncCustomerPayload>;
  poll: Queue;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, settings: QueueSettings): SyncQueues {
  const defaultJobOptions: DefaultJobOptions = {
    attempts: settings.attempts,
    // Exponential with jitter and Retry-After, computed by the worker (queue/backoff.ts).
    backoff: { type: SYNC_BACKOFF_TYPE },
    // Completed jobs are trimmed so Redis memory stays bounded; failed jobs are the dead letters.
    removeOnComplete: { count: settings.keepCompletedJobs },
    removeOnFail: { count: settings.keepFailedJobs, age: Math.ceil(settings.keepFailedForMs / 1000) },
  };
  const common = { connection, prefix: settings.prefix, streams: { events: { maxLen: settings.eventsMaxLen } } };
  const sync = new Queue<SyncCustomerPayload>(QUEUE_NAMES.sync, { ...common, defaultJobOptions });
  const poll = new Queue(QUEUE_NAMES.poll, {
    ...common,
    defaultJobOptions: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  });
  return {
    sync,
    poll,
    async close() {
      await Promise.all([sync.close(), poll.close()]);
    },
  };
}

/** Enqueues a sync of one customer. While one is waiting, a second request adds nothing. */
export async function enqueueCustomerSync(queue: Queue<SyncCustomerPayload>, customerNumber: number, reason: string): Promise<string> {
  const data = syncCustomerPayload.parse({ customerNumber, reason });
  const job = await queue.add(JOB_NAMES.syncCustomer, data, {
    deduplication: { id: toCustomerJobKey(customerNumber), keepLastIfActive: true },
  });
  return job.id ?? '';
}

/**
 * Many at once (sync-all, a poll's changes, a notification): one round trip per batch instead of per
 * customer. The first batch is small so that workers start on the first customers while the rest
 * are still being added: adding 1,000 jobs took the adding process 55-110 ms (the benchmark; a poll
 * that finds 1,000 changes spends ~5 % of its round on it), and no job of a batch can start before
 * its transaction is done.
 */
export async function enqueueCustomerSyncs(queue: Queue<SyncCustomerPayload>, customerNumbers: readonly number[], reason: string): Promise<void> {
  for (const [start, end] of enqueueBatches(customerNumbers.length)) {
    await queue.addBulk(
      customerNumbers.slice(start, end).map((customerNumber) => ({
        name: JOB_NAMES.syncCustomer,
        data: { customerNumber, reason },
        opts: { deduplication: { id: toCustomerJobKey(customerNumber), keepLastIfActive: true } },
      })),
    );
  }
}

const FIRST_ENQUEUE_BATCH = 50;
const ENQUEUE_BATCH = 500;

/** [start, end) of each addBulk: a small first batch, then batches of 500. */
export function enqueueBatches(count: number): Array<[number, number]> {
  const batches: Array<[number, number]> = [];
  for (let start = 0; start < count; ) {
    const end = Math.min(count, start + (start === 0 ? FIRST_ENQUEUE_BATCH : ENQUEUE_BATCH));
    batches.push([start, end]);
    start = end;
  }
  return batches;
}

/** The poll schedule is upserted from one place with a fixed id (duplicate schedulers otherwise). */
export async function upsertPollSchedule(queue: Queue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler('poll-infosoft-feed', { every: everyMs }, { name: JOB_NAMES.poll, data: {} });
}

/** The Windward mirror is re-read from the listing on its own schedule. */
export async function upsertMirrorRefreshSchedule(queue: Queue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler('refresh-windward-mirror', { every: everyMs }, { name: JOB_NAMES.refreshMirror, data: {} });
}

const SYNC_LOG_PRUNE_SCHEDULER = 'prune-sync-log';

/** Expired sync-log entries are deleted on a schedule; with no retention (0) the schedule is removed. */
export async function upsertSyncLogPruneSchedule(queue: Queue, retentionMs: number, everyMs: number): Promise<void> {
  if (retentionMs <= 0) {
    await queue.removeJobScheduler(SYNC_LOG_PRUNE_SCHEDULER);
    return;
  }
  await queue.upsertJobScheduler(SYNC_LOG_PRUNE_SCHEDULER, { every: everyMs }, { name: JOB_NAMES.pruneSyncLog, data: {} });
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export async function countJobs(queue: Queue): Promise<QueueCounts> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children');
  return {
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts['waiting-children'] ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    completed: counts.completed ?? 0,
  };
}

/**
 * When a move dated `startDate` is applied: five minutes past midnight UTC, which is past midnight
 * in Norway too, so Infosoft already reports the new address.
 */
export function toMoveRunAt(startDate: string): number {
  return Date.parse(`${startDate}T00:05:00Z`);
}

/** A delayed job that queues the customer's sync on the day the move takes effect. */
export async function scheduleMoveSync(queue: Queue, customerNumber: number, titleCode: string, startDate: string, now: Date): Promise<string> {
  const data = applyMovePayload.parse({ customerNumber, titleCode, startDate });
  const job = await queue.add(JOB_NAMES.applyMove, data, {
    jobId: `move-${customerNumber}-${titleCode}-${startDate}`,
    delay: Math.max(0, toMoveRunAt(startDate) - now.getTime()),
    attempts: 5,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: true,
  });
  return job.id ?? '';
}

/** Drops a planned job that is no longer wanted (move changed or cancelled). */
export async function cancelScheduledJob(queue: Queue, jobId: string): Promise<void> {
  const job = await queue.getJob(jobId);
  if (job && (await job.isDelayed())) await job.remove();
}
