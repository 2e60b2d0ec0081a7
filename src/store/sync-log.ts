import { desc, eq, gte, sql } from 'drizzle-orm';
import type { CustomerNumber, WindwardUnique } from '../domain/customer.js';
import type { Db } from './db.js';
import { preparedPerDatabase } from './prepared.js';
import { syncLog } from './schema.js';

/**
 * Outcomes that repeat for as long as a customer exists: a sync that found nothing to write, or
 * wrote Infosoft's changes to the customer it is linked to. They expire (SYNC_LOG_RETENTION); the
 * decisions (created, linked, review, failed) stay, one or a few per customer, so `explain` can
 * always say why a customer is linked to the record it is.
 */
export const ROUTINE_ACTIONS = ['unchanged', 'updated'] as const;

/**
 * A bounded batch of expired routine entries: params `before` (ISO time), `limit`. Exported so a
 * test can check its plan: it reads the index on (action, at), never the decisions that stay.
 */
export const PRUNE_ROUTINE_SQL = `delete from sync_log where id in
  (select id from sync_log where action in (${ROUTINE_ACTIONS.map((a) => `'${a}'`).join(', ')}) and at < ? limit ?)`;

const statements = preparedPerDatabase((sqlite) => ({
  append: sqlite.prepare<[string, number | null, string | null, string, number | null, string, string | null]>(
    'insert into sync_log (at, customer_number, job_id, action, windward_unique, reason, details) values (?, ?, ?, ?, ?, ?, ?)',
  ),
  pruneRoutine: sqlite.prepare<[string, number]>(PRUNE_ROUTINE_SQL),
}));

export interface SyncLogEntry {
  id: number;
  at: string;
  customerNumber: CustomerNumber | null;
  jobId: string | null;
  action: string;
  windwardUnique: WindwardUnique | null;
  reason: string;
  details: unknown;
}

export interface AppendSyncLogInput {
  customerNumber: CustomerNumber | null;
  jobId?: string | null;
  action: string;
  windwardUnique?: WindwardUnique | null;
  reason: string;
  details?: unknown;
}

export function appendSyncLog(db: Db, input: AppendSyncLogInput, now: Date = new Date()): void {
  statements(db).append.run(
    now.toISOString(),
    input.customerNumber,
    input.jobId ?? null,
    input.action,
    input.windwardUnique ?? null,
    input.reason,
    input.details === undefined ? null : JSON.stringify(input.details),
  );
}

/**
 * Deletes at most `limit` routine entries logged before `before` (in the index's order: by action,
 * then oldest first); returns how many.
 * The caller repeats it until fewer come back, yielding in between: one batch is one short write.
 */
export function pruneSyncLog(db: Db, before: Date, limit: number): number {
  return statements(db).pruneRoutine.run(before.toISOString(), limit).changes;
}

export interface PruneSyncLogOptions {
  /** Routine entries logged before this are deleted. */
  before: Date;
  /** How a batch is written: the worker's group commit, or a commit of its own. */
  write: <T>(work: () => T) => T;
  /** Resolves once other work had its turn (and, in the worker, the batch is committed). */
  yieldTurn: () => Promise<void>;
  batchSize?: number;
}

/** Deletes every expired routine entry, one bounded batch per write; returns how many. */
export async function pruneExpiredSyncLog(db: Db, options: PruneSyncLogOptions): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  let removed = 0;
  for (;;) {
    const n = options.write(() => pruneSyncLog(db, options.before, batchSize));
    removed += n;
    if (n < batchSize) return removed;
    await options.yieldTurn();
  }
}

function toEntry(row: typeof syncLog.$inferSelect): SyncLogEntry {
  return { ...row, details: row.details === null ? null : (JSON.parse(row.details) as unknown) };
}

export function listSyncLogOfCustomer(db: Db, customerNumber: CustomerNumber, limit = 20): SyncLogEntry[] {
  return db
    .select()
    .from(syncLog)
    .where(eq(syncLog.customerNumber, customerNumber))
    .orderBy(desc(syncLog.id))
    .limit(limit)
    .all()
    .map(toEntry);
}

/**
 * The last outcome of each customer logged after `sinceId`, counted by action. A customer retried
 * within the window counts once, with its final outcome. Only the given outcome actions count.
 */
export function countOutcomesSince(db: Db, sinceId: number, outcomes: readonly string[]): Record<string, number> {
  if (outcomes.length === 0) return {};
  const rows = db
    .select({ action: syncLog.action, n: sql<number>`count(*)` })
    .from(syncLog)
    .where(
      sql`${syncLog.id} in (select max(id) from sync_log where id > ${sinceId} and customer_number is not null and action in (${sql.join(
        outcomes.map((o) => sql`${o}`),
        sql`, `,
      )}) group by customer_number)`,
    )
    .groupBy(syncLog.action)
    .all();
  return Object.fromEntries(rows.map((row) => [row.action, row.n]));
}

/** Sum of a numeric details field over the outcome rows after `sinceId` (e.g. ship-to customers created). */
export function sumDetailSince(db: Db, sinceId: number, field: string): number {
  const row = db
    .select({ n: sql<number>`coalesce(sum(json_extract(${syncLog.details}, ${'$.' + field})), 0)` })
    .from(syncLog)
    .where(gte(syncLog.id, sinceId + 1))
    .get();
  return row?.n ?? 0;
}

export function lastSyncLogId(db: Db): number {
  return db.select({ id: sql<number>`coalesce(max(id), 0)` }).from(syncLog).get()?.id ?? 0;
}
