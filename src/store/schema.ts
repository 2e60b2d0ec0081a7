// SQLite schema (drizzle). migrations/ is generated from this file with `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    /**
     * Two-way sync baselines (JSON): the values each system held after the last sync. A field group
     * changed in a system when its current value differs from that system's baseline.
     */
    infosoftState: text('infosoft_state'),
    windwardState: text('windward_state'),
    /** Fingerprint of the Windward record as last written or seen; a refresh that differs means a clerk edited it. */
    windwardFingerprint: text('windward_fingerprint'),
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
    /** JSON: matcher evidence (normalized name values among it), error codes. Stays in this database: never logged. */
    details: text('details'),
  },
  (table) => [
    index('sync_log_customer').on(table.customerNumber, table.id),
    index('sync_log_at').on(table.at),
    // Pruning finds expired routine entries without reading past the decisions that stay.
    index('sync_log_action_at').on(table.action, table.at),
  ],
);

/**
 * A local copy of Windward's customers for duplicate matching: refreshed from the paged listing,
 * updated at once by our own writes. `record` is the matcher's view of the customer (JSON).
 */
export const windwardMirror = sqliteTable(
  'windward_mirror',
  {
    windwardUnique: integer('windward_unique').primaryKey(),
    externalRef: text('external_ref').notNull().default(''),
    record: text('record').notNull(),
    /** Hash of the Windward-side fields, to notice edits made in Windward. */
    fingerprint: text('fingerprint').notNull(),
    /**
     * The matcher's normalized form of `record` (JSON), filed with it so a lookup does not normalize
     * every candidate again. Rebuilt by every refresh; null or another format version = normalize.
     */
    prepared: text('prepared'),
    refreshedAt: text('refreshed_at').notNull(),
  },
  (table) => [index('windward_mirror_external_ref').on(table.externalRef), index('windward_mirror_refreshed').on(table.refreshedAt)],
);

/**
 * Blocking keys of mirrored customers: a lookup reads the few rows under an incoming record's keys.
 * Term keys ('t:<field>:<value>') live here too: their row count is the value's frequency.
 * A WITHOUT ROWID table (migration 0007, which drizzle's schema cannot express): the primary key
 * is the table, so filing a key writes one B-tree less.
 */
export const mirrorKey = sqliteTable(
  'mirror_key',
  {
    key: text('key').notNull(),
    windwardUnique: integer('windward_unique').notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windwardUnique] }), index('mirror_key_unique').on(table.windwardUnique)],
);

/** Doubtful matcher decisions waiting for a person. Nothing is written to Windward until decided. */
export const reviewItem = sqliteTable(
  'review_item',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerNumber: integer('customer_number').notNull(),
    status: text('status', { enum: ['open', 'decided', 'done'] }).notNull(),
    /** 'match': which Windward customer is this? 'conflict': both systems changed the same fields. */
    kind: text('kind', { enum: ['match', 'conflict'] }).notNull().default('match'),
    reason: text('reason').notNull(),
    /** JSON: scored candidates with evidence. */
    candidates: text('candidates').notNull(),
    decision: text('decision', { enum: ['link', 'create'] }),
    decidedUnique: integer('decided_unique'),
    createdAt: text('created_at').notNull(),
    decidedAt: text('decided_at'),
  },
  (table) => [index('review_item_customer').on(table.customerNumber, table.status), index('review_item_status').on(table.status)],
);

/**
 * One row per customer whose sync gave up (retries exhausted or a permanent error), alongside
 * BullMQ's failed set: it survives failed-set trimming and carries a readable reason.
 */
export const deadLetter = sqliteTable(
  'dead_letter',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerNumber: integer('customer_number'),
    jobId: text('job_id'),
    queue: text('queue').notNull(),
    /** TransientError, PermanentError or the error's class name. */
    errorClass: text('error_class').notNull(),
    errorCode: text('error_code'),
    reason: text('reason').notNull(),
    attempts: integer('attempts').notNull(),
    firstFailedAt: text('first_failed_at').notNull(),
    lastFailedAt: text('last_failed_at').notNull(),
    status: text('status', { enum: ['open', 'retried', 'discarded', 'resolved'] }).notNull(),
    closedAt: text('closed_at'),
  },
  (table) => [index('dead_letter_status').on(table.status, table.id), index('dead_letter_customer').on(table.customerNumber, table.status)],
);

/** Future-dated Infosoft moves for which a delayed job is planned (so re-planning touches Redis only on change). */
export const plannedMove = sqliteTable(
  'planned_move',
  {
    customerNumber: integer('customer_number').notNull(),
    titleCode: text('title_code').notNull(),
    startDate: text('start_date').notNull(),
    jobId: text('job_id').notNull(),
    plannedAt: text('planned_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.customerNumber, table.titleCode] })],
);

/**
 * Written before every addCustomer and closed once the link is stored. An open intent on a retry
 * means an earlier attempt may have created the record (crash, lost response): look it up by its
 * external reference and adopt it instead of creating another (DESIGN §4.2).
 */
export const createIntent = sqliteTable(
  'create_intent',
  {
    externalRef: text('external_ref').primaryKey(),
    customerNumber: integer('customer_number').notNull(),
    /** Highest mirrored Windward Unique when the intent was written: the record, if created, lies above. */
    maxUniqueBefore: integer('max_unique_before').notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('create_intent_customer').on(table.customerNumber)],
);
