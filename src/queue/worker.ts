// BullMQ workers: validate the payload, run the use case, and turn errors into retry decisions.
// This is the only place that knows about UnrecoverableError.
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError, isPermanent, SyncError } from '../errors.js';
import type { Logger } from '../log.js';
import { computeBackoffMs, SYNC_BACKOFF_TYPE, type BackoffSettings } from './backoff.js';
import { acquireCustomerLock } from './customer-lock.js';
import { applyMovePayload, JOB_NAMES, QUEUE_NAMES, syncCustomerPayload, toCustomerJobKey, type SyncCustomerPayload } from './jobs.js';

export interface WorkerHandlers {
  syncCustomer(customerNumber: number, jobId: string): Promise<{ action: string }>;
  poll(): Promise<{ enqueued: number }>;
  refreshMirror(): Promise<{ customers: number; removed: number }>;
  pruneSyncLog(): Promise<{ removed: number }>;
  applyMove(customerNumber: number): Promise<{ jobId: string }>;
  /** Called once when a customer's job has failed for good (retries exhausted or permanent). */
  onGaveUp(customerNumber: number, jobId: string, failure: JobFailure, attempts: number): void;
}

/** What a dead letter records about the last error. */
export interface JobFailure {
  errorClass: string;
  errorCode: string | null;
  reason: string;
}

/** Classifies the original error (kept as `cause` on what BullMQ sees). */
export function toJobFailure(error: Error): JobFailure {
  const original = error.cause instanceof Error ? error.cause : error;
  return {
    errorClass: original instanceof SyncError ? original.constructor.name : original.name || 'Error',
    errorCode: original instanceof SyncError ? original.code : null,
    reason: error.message,
  };
}

export interface StartWorkersOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  backoff: BackoffSettings;
  /** Per-customer lock lifetime; renewed while the job runs. */
  lockTtlMs: number;
  handlers: WorkerHandlers;
  logger: Logger;
}

export interface SyncWorkers {
  sync: Worker<SyncCustomerPayload>;
  poll: Worker;
  /** Finishes in-flight jobs, then disconnects. */
  close(): Promise<void>;
}

export function startWorkers(options: StartWorkersOptions): SyncWorkers {
  const { handlers, logger } = options;
  const common = { connection: options.connection, prefix: options.prefix };
  // The customer locks get a connection of their own with auto-pipelining: the lock commands of
  // jobs that start or finish in the same turn (a group commit settles dozens at once) go out in
  // one socket write instead of one each (a loopback send was ~4 % of the worker's main thread).
  // Not on BullMQ's connection: its blocking and script commands are not made for pipelining.
  const lockConnection = options.connection.duplicate({ enableAutoPipelining: true });
  lockConnection.on('error', (error) => logger.warn({ err: error.message }, 'lock connection error'));

  const sync = new Worker<SyncCustomerPayload>(
    QUEUE_NAMES.sync,
    async (job: Job<SyncCustomerPayload>, token?: string) => {
      const parsed = syncCustomerPayload.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid job payload: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      const { customerNumber } = parsed.data;
      const lockKey = `${options.prefix}:lock:${toCustomerJobKey(customerNumber)}`;
      const lock = await acquireCustomerLock(lockConnection, lockKey, job.id ?? 'job', options.lockTtlMs);
      if (!lock) {
        // Someone else is syncing this customer: come back shortly, without spending an attempt.
        await job.moveToDelayed(Date.now() + 500 + Math.floor(Math.random() * 1000), token);
        throw new DelayedError();
      }
      try {
        return await handlers.syncCustomer(customerNumber, job.id ?? '');
      } catch (error) {
        const reason = describeError(error);
        if (isPermanent(error)) throw Object.assign(new UnrecoverableError(reason), { cause: error });
        // Keep the message readable in the failed set; the class and cause stay in the logs.
        throw Object.assign(new Error(reason, { cause: error }), { name: error instanceof Error ? error.name : 'Error' });
      } finally {
        // Not awaited: the job's outcome is settled, and waiting a round trip here delays every job.
        // A next job of this customer arriving first finds the lock taken and comes back shortly.
        void lock.release();
      }
    },
    {
      ...common,
      concurrency: options.concurrency,
      maxStalledCount: 3,
      settings: {
        backoffStrategy: (attemptsMade, type, error) =>
          type === SYNC_BACKOFF_TYPE ? computeBackoffMs(attemptsMade, error, options.backoff) : options.backoff.baseMs,
      },
    },
  );

  sync.on('failed', (job, error) => {
    if (!job) return;
    const attempts = job.attemptsMade;
    const exhausted = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || attempts >= (job.opts.attempts ?? 1);
    logger.warn({ jobId: job.id, customerNumber: job.data.customerNumber, attempts, exhausted, err: error.message }, 'sync job failed');
    if (exhausted) handlers.onGaveUp(job.data.customerNumber, job.id ?? '', toJobFailure(error), attempts);
  });
  sync.on('error', (error) => logger.error({ err: error.message }, 'sync worker error'));

  const poll = new Worker(
    QUEUE_NAMES.poll,
    async (job) => {
      try {
        if (job.name === JOB_NAMES.poll) return await handlers.poll();
        if (job.name === JOB_NAMES.refreshMirror) return await handlers.refreshMirror();
        if (job.name === JOB_NAMES.pruneSyncLog) return await handlers.pruneSyncLog();
        if (job.name === JOB_NAMES.applyMove) {
          const payload = applyMovePayload.safeParse(job.data);
          if (!payload.success) throw new UnrecoverableError('invalid apply-move payload');
          return await handlers.applyMove(payload.data.customerNumber);
        }
      } catch (error) {
        if (error instanceof UnrecoverableError) throw error;
        throw new Error(describeError(error), { cause: error });
      }
      throw new UnrecoverableError(`unknown job ${job.name}`);
    },
    { ...common, concurrency: 1 },
  );
  poll.on('error', (error) => logger.error({ err: error.message }, 'poll worker error'));

  return {
    sync,
    poll,
    async close() {
      await Promise.all([sync.close(), poll.close()]);
      // After the workers: a job finishing during close still releases its lock.
      await lockConnection.quit().catch(() => lockConnection.disconnect());
    },
  };
}
