// Review items: matcher decisions a person must make. One open (or decided, not yet applied) item
// per customer at a time.
import { and, eq, inArray } from 'drizzle-orm';
import type { CustomerNumber, WindwardUnique } from '../domain/customer.js';
import type { Db } from './db.js';
import { preparedPerDatabase } from './prepared.js';
import { reviewItem } from './schema.js';
import { inImmediateTransaction } from './transactions.js';

const statements = preparedPerDatabase((sqlite) => ({
  pending: sqlite.prepare<[number], typeof reviewItem.$inferSelect>(
    `select id, customer_number as customerNumber, status, kind, reason, candidates, decision, decided_unique as decidedUnique,
       created_at as createdAt, decided_at as decidedAt
     from review_item where customer_number = ? and kind = 'match' and status in ('open', 'decided') order by id desc limit 1`,
  ),
}));

export type ReviewStatus = 'open' | 'decided' | 'done';

export interface ReviewItem {
  id: number;
  customerNumber: CustomerNumber;
  status: ReviewStatus;
  kind: 'match' | 'conflict';
  reason: string;
  candidates: unknown;
  decision: 'link' | 'create' | null;
  decidedUnique: WindwardUnique | null;
  createdAt: string;
  decidedAt: string | null;
}

function toItem(row: typeof reviewItem.$inferSelect): ReviewItem {
  return { ...row, candidates: JSON.parse(row.candidates) as unknown };
}

/** The pending (open or decided) item of a customer, if any. */
export function findPendingReview(db: Db, customerNumber: CustomerNumber): ReviewItem | null {
  const row = statements(db).pending.get(customerNumber);
  return row ? toItem(row) : null;
}

/** Opens an item unless the customer already has a pending one; returns the pending item. */
export function openReview(db: Db, input: { customerNumber: CustomerNumber; reason: string; candidates: unknown }, now: Date = new Date()): ReviewItem {
  return inImmediateTransaction(db.$client, () => {
    const pending = findPendingReview(db, input.customerNumber);
    if (pending) return pending;
    const row = db
      .insert(reviewItem)
      .values({
        customerNumber: input.customerNumber,
        status: 'open',
        reason: input.reason,
        candidates: JSON.stringify(input.candidates),
        createdAt: now.toISOString(),
      })
      .returning()
      .get();
    return toItem(row);
  }); // read then write: the write lock is taken first (another process may write)
}

/** A field group both systems changed: recorded for a person to see (the configured side already won). */
export function openConflictReview(db: Db, input: { customerNumber: CustomerNumber; reason: string; details: unknown }, now: Date = new Date()): ReviewItem {
  const row = db
    .insert(reviewItem)
    .values({ customerNumber: input.customerNumber, kind: 'conflict', status: 'open', reason: input.reason, candidates: JSON.stringify(input.details), createdAt: now.toISOString() })
    .returning()
    .get();
  return toItem(row);
}

export function listReviews(db: Db, statuses: readonly ReviewStatus[] = ['open']): ReviewItem[] {
  return db.select().from(reviewItem).where(inArray(reviewItem.status, [...statuses])).orderBy(reviewItem.id).all().map(toItem);
}

export function getReview(db: Db, id: number): ReviewItem | null {
  const row = db.select().from(reviewItem).where(eq(reviewItem.id, id)).get();
  return row ? toItem(row) : null;
}

/** Records a person's decision; the next sync of the customer applies it. */
export function decideReview(db: Db, id: number, decision: 'link' | 'create', unique: WindwardUnique | null, now: Date = new Date()): ReviewItem | null {
  const row = db
    .update(reviewItem)
    .set({ status: 'decided', decision, decidedUnique: decision === 'link' ? unique : null, decidedAt: now.toISOString() })
    .where(and(eq(reviewItem.id, id), eq(reviewItem.status, 'open')))
    .returning()
    .get();
  return row ? toItem(row) : null;
}

export function completeReview(db: Db, id: number): void {
  db.update(reviewItem).set({ status: 'done' }).where(eq(reviewItem.id, id)).run();
}
