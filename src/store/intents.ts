import { sql } from 'drizzle-orm';
import type { CustomerNumber } from '../domain/customer.js';
import type { Db } from './db.js';
import { preparedPerDatabase } from './prepared.js';
import { createIntent } from './schema.js';

export interface CreateIntent {
  externalRef: string;
  customerNumber: CustomerNumber;
  maxUniqueBefore: number;
  attempts: number;
  createdAt: string;
}

const statements = preparedPerDatabase((sqlite) => ({
  find: sqlite.prepare<[string], CreateIntent>(
    `select external_ref as externalRef, customer_number as customerNumber, max_unique_before as maxUniqueBefore, attempts, created_at as createdAt
     from create_intent where external_ref = ?`,
  ),
  open: sqlite.prepare<[string, number, number, string]>(
    `insert into create_intent (external_ref, customer_number, max_unique_before, attempts, created_at) values (?, ?, ?, 1, ?)
     on conflict (external_ref) do update set attempts = create_intent.attempts + 1`,
  ),
  close: sqlite.prepare<[string]>('delete from create_intent where external_ref = ?'),
}));

export function findIntent(db: Db, externalRef: string): CreateIntent | null {
  return statements(db).find.get(externalRef) ?? null;
}

/** Opens the intent, or counts one more attempt on an open one. */
export function openIntent(db: Db, input: { externalRef: string; customerNumber: CustomerNumber; maxUniqueBefore: number }, now: Date = new Date()): void {
  statements(db).open.run(input.externalRef, input.customerNumber, input.maxUniqueBefore, now.toISOString());
}

export function closeIntent(db: Db, externalRef: string): void {
  statements(db).close.run(externalRef);
}

export function countOpenIntents(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(createIntent).get()?.n ?? 0;
}
