// SQLite schema (drizzle). migrations/ is generated from this file with `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/**
 * The mapping Infosoft customer (+ role + title) ⇄ Windward Unique.
 * title_code is '' for a bill-to link: SQLite treats NULLs as distinct in unique indexes, and the
 * rule "one customer + role + title maps to exactly one Unique" must hold without exceptions.
 */
export const customerLink = sqliteTable(
  'customer_link',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerNumber: integer('customer_number').notNull(),
    customerId: integer('customer_id'),
    role: text('role', { enum: ['bill_to', 'ship_to'] }).notNull(),
    titleCode: text('title_code').notNull().default(''),
    windwardUnique: integer('windward_unique').notNull(),
    /** Hash of the fields we last wrote to (or adopted from) Windward; unchanged hash = no write. */
    fingerprint: text('fingerprint'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('customer_link_customer_role_title').on(table.customerNumber, table.role, table.titleCode),
    index('customer_link_windward_unique').on(table.windwardUnique),
  ],
);

/** Where a change source stopped reading, e.g. the feed's last window end. */
export const syncCursor = sqliteTable('sync_cursor', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Every decision the worker made, with why. */
export const syncLog = sqliteTable(
  'sync_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    customerNumber: integer('customer_number'),
    jobId: text('job_id'),
    action: text('action').notNull(),
    windwardUnique: integer('windward_unique'),
    reason: text('reason').notNull(),
    /** JSON: matcher evidence, truncated field names, error codes. Never personal data. */
    details: text('details'),
  },
  (table) => [index('sync_log_customer').on(table.customerNumber, table.id), index('sync_log_at').on(table.at)],
);
