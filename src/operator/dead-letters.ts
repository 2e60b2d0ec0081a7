// Operator actions on dead letters, shared by the CLI and the web API: retry re-runs the customer's
// sync (the failed BullMQ job when it is still kept, else a fresh one); discard drops both.
import type { Queue } from 'bullmq';
import { enqueueCustomerSync } from '../queue/queues.js';
import type { SyncCustomerPayload } from '../queue/jobs.js';
import type { Db } from '../store/db.js';
import { closeDeadLetter, getDeadLetter, listDeadLetters, type DeadLetter } from '../store/dead-letters.js';

export interface DeadLetterContext {
  db: Db;
  syncQueue: Queue<SyncCustomerPayload>;
}

export type DeadLetterActionResult =
  | { ok: true; deadLetter: DeadLetter; jobId: string | null }
  | { ok: false; reason: 'not_found' | 'not_open'; deadLetter: DeadLetter | null };

export async function retryDeadLetter(ctx: DeadLetterContext, id: string): Promise<DeadLetterActionResult> {
  const deadLetter = getDeadLetter(ctx.db, id);
  if (!deadLetter) return { ok: false, reason: 'not_found', deadLetter: null };
  if (deadLetter.status !== 'open') return { ok: false, reason: 'not_open', deadLetter };
  let jobId: string | null = null;
  const job = deadLetter.jobId ? await ctx.syncQueue.getJob(deadLetter.jobId) : undefined;
  if (job && (await job.isFailed())) {
    await job.retry('failed', { resetAttemptsMade: true });
    jobId = job.id ?? null;
  } else if (deadLetter.customerNumber !== null) {
    jobId = await enqueueCustomerSync(ctx.syncQueue, deadLetter.customerNumber, 'dead-letter-retry');
  }
  closeDeadLetter(ctx.db, id, 'retried');
  return { ok: true, deadLetter: { ...deadLetter, status: 'retried' }, jobId };
}

export async function discardDeadLetter(ctx: DeadLetterContext, id: string): Promise<DeadLetterActionResult> {
  const deadLetter = getDeadLetter(ctx.db, id);
  if (!deadLetter) return { ok: false, reason: 'not_found', deadLetter: null };
  if (deadLetter.status !== 'open') return { ok: false, reason: 'not_open', deadLetter };
  const job = deadLetter.jobId ? await ctx.syncQueue.getJob(deadLetter.jobId) : undefined;
  if (job && (await job.isFailed())) await job.remove();
  closeDeadLetter(ctx.db, id, 'discarded');
  return { ok: true, deadLetter: { ...deadLetter, status: 'discarded' }, jobId: null };
}

export async function retryAllDeadLetters(ctx: DeadLetterContext): Promise<number> {
  let retried = 0;
  for (const deadLetter of listDeadLetters(ctx.db, ['open'], 100_000)) {
    if ((await retryDeadLetter(ctx, deadLetter.id)).ok) retried += 1;
  }
  return retried;
}
