// Dead letters: customers whose sync gave up, with a reason a person can act on.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CustomerNumber } from '../domain/customer.js';
import type { Db } from './db.js';
import { preparedPerDatabase } from './prepared.js';
import { deadLetter } from './schema.js';
import { inImmediateTransaction } from './transactions.js';

const statements = preparedPerDatabase((sqlite) => ({
  unresolved: sqlite.prepare<[number], { one: number }>(
    "select 1 as one from dead_letter where customer_number = ? and status in ('open', 'retried') limit 1",
  ),
  resolve: sqlite.prepare<[string, number]>(
    "update dead_letter set status = 'resolved', closed_at = ? where customer_number = ? and status in ('open', 'retried')",
  ),
}));

export type DeadLetterStatus = 'open' | 'retried' | 'discarded' | 'resolved';

export interface DeadLetter {
  id: string;
  customerNumber: CustomerNumber | null;
  jobId: string | null;
  queue: string;
  errorClass: string;
  errorCode: string | null;
  reason: string;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  status: DeadLetterStatus;
  closedAt: string | null;
}

function toDeadLetter(row: typeof deadLetter.$inferSelect): DeadLetter {
  return { ...row, id: String(row.id) };
}

export interface RecordDeadLetterInput {
  customerNumber: CustomerNumber | null;
  jobId: string | null;
  queue: string;
  errorClass: string;
  errorCode: string | null;
  reason: string;
  attempts: number;
}

/** One open dead letter per customer: a repeated failure updates it instead of adding another. */
export function recordDeadLetter(db: Db, input: RecordDeadLetterInput, now: Date = new Date()): DeadLetter {
  const at = now.toISOString();
  return inImmediateTransaction(db.$client, () => {
    const open =
      input.customerNumber === null
        ? undefined
        : db
            .select()
            .from(deadLetter)
            .where(and(eq(deadLetter.customerNumber, input.customerNumber), eq(deadLetter.status, 'open')))
            .get();
    if (open) {
      const row = db
        .update(deadLetter)
        .set({
          jobId: input.jobId,
          errorClass: input.errorClass,
          errorCode: input.errorCode,
          reason: input.reason,
          attempts: open.attempts + input.attempts,
          lastFailedAt: at,
        })
        .where(eq(deadLetter.id, open.id))
        .returning()
        .get();
      return toDeadLetter(row);
    }
    const row = db
      .insert(deadLetter)
      .values({ ...input, firstFailedAt: at, lastFailedAt: at, status: 'open' })
      .returning()
      .get();
    return toDeadLetter(row);
  }); // read then write: the write lock is taken first (another process may write)
}

export function listDeadLetters(db: Db, statuses: readonly DeadLetterStatus[] = ['open'], limit = 1000): DeadLetter[] {
  return db.select().from(deadLetter).where(inArray(deadLetter.status, [...statuses])).orderBy(desc(deadLetter.id)).limit(limit).all().map(toDeadLetter);
}

export function getDeadLetter(db: Db, id: string): DeadLetter | null {
  if (!/^\d+$/.test(id)) return null;
  const row = db.select().from(deadLetter).where(eq(deadLetter.id, Number(id))).get();
  return row ? toDeadLetter(row) : null;
}

export function closeDeadLetter(db: Db, id: string, status: Exclude<DeadLetterStatus, 'open'>, now: Date = new Date()): boolean {
  const result = db
    .update(deadLetter)
    .set({ status, closedAt: now.toISOString() })
    .where(and(eq(deadLetter.id, Number(id)), eq(deadLetter.status, 'open')))
    .run();
  return result.changes > 0;
}

/** A later successful sync of the customer settles its open dead letter. */
export function resolveDeadLettersOf(db: Db, customerNumber: CustomerNumber, now: Date = new Date()): void {
  // Called after every successful sync: a read first, because a write would commit every time.
  const s = statements(db);
  if (s.unresolved.get(customerNumber)) s.resolve.run(now.toISOString(), customerNumber);
}

export function countOpenDeadLetters(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(deadLetter).where(eq(deadLetter.status, 'open')).get()?.n ?? 0;
}
