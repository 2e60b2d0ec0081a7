// Queue names and job payloads. Payloads carry ids only, never customer data (they sit in Redis
// and show in the dashboard).
import { z } from 'zod';

export const QUEUE_NAMES = { sync: 'sync', poll: 'poll' } as const;

export const JOB_NAMES = {
  syncCustomer: 'sync-customer',
  poll: 'poll-changes',
  refreshMirror: 'refresh-mirror',
  /** Deletes expired routine entries of the sync log (SYNC_LOG_RETENTION). */
  pruneSyncLog: 'prune-sync-log',
  /** Delayed until a future-dated Infosoft move takes effect; then queues a sync of the customer. */
  applyMove: 'apply-move',
} as const;

export const applyMovePayload = z.object({
  customerNumber: z.number().int().positive(),
  titleCode: z.string().min(1).max(20),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ApplyMovePayload = z.infer<typeof applyMovePayload>;

export const syncCustomerPayload = z.object({
  customerNumber: z.number().int().positive(),
  /** Why it was queued (feed, resync, sync-all, notify) — for the dashboard; not personal data. */
  reason: z.string().max(40).optional(),
});
export type SyncCustomerPayload = z.infer<typeof syncCustomerPayload>;

/** Deduplication id: one active and at most one waiting job per customer (keepLastIfActive). */
export function toCustomerJobKey(customerNumber: number): string {
  return `customer-${customerNumber}`;
}
