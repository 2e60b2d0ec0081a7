import { eq, sql } from 'drizzle-orm';
import type { CustomerNumber } from '../domain/customer.js';
import type { Db } from './db.js';
import { createIntent } from './schema.js';

export interface CreateIntent {
  externalRef: string;
  customerNumber: CustomerNumber;
  maxUniqueBefore: number;
  attempts: number;
  createdAt: string;
}

export function findIntent(db: Db, externalRef: string): CreateIntent | null {
  return db.select().from(createIntent).where(eq(createIntent.externalRef, externalRef)).get() ?? null;
}

/** Opens the intent, or counts one more attempt on an open one. */
export function openIntent(db: Db, input: { externalRef: string; customerNumber: CustomerNumber; maxUniqueBefore: number }, now: Date = new Date()): void {
  db.insert(createIntent)
    .values({ ...input, attempts: 1, createdAt: now.toISOString() })
    .onConflictDoUpdate({ target: createIntent.externalRef, set: { attempts: sql`${createIntent.attempts} + 1` } })
    .run();
}

export function closeIntent(db: Db, externalRef: string): void {
  db.delete(createIntent).where(eq(createIntent.externalRef, externalRef)).run();
}

export function countOpenIntents(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(createIntent).get()?.n ?? 0;
}
