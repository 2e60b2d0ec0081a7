// The Windward mirror: candidate lookup by blocking keys without scanning. Keys and term values are
// computed by the caller (the matcher's blocking rules); the store only files and finds them.
import type { WindwardUnique } from '../domain/customer.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { preparedPerDatabase } from './prepared.js';
import { inTransaction } from './transactions.js';

export interface MirrorEntry {
  windwardUnique: WindwardUnique;
  externalRef: string;
  /** The matcher's view of the customer; stored as JSON. */
  record: unknown;
  /** Its normalized form (JSON), or null. */
  prepared: unknown;
  fingerprint: string;
  keys: readonly string[];
  /** Normalized name values for term frequencies, as [field, value]. */
  terms: ReadonlyArray<readonly [string, string]>;
}

export interface MirrorRow {
  windwardUnique: WindwardUnique;
  externalRef: string;
  record: unknown;
  prepared: unknown;
}

const TERM_PREFIX = 't:';
const toTermKey = (field: string, value: string) => `${TERM_PREFIX}${field}:${value}`;

const placeholders = (count: number, each = '?') => Array.from({ length: count }, () => each).join(', ');

/**
 * The lookup queries, exported so a test can check their query plans (they must never scan). A
 * lookup runs two statements whatever the number of keys: each statement run costs more than the
 * index search it makes (the benchmark's profile). The limits are written into the text, not bound:
 * SQLite re-compiles a statement whose LIMIT is a parameter on every run (51 µs against 13 µs for
 * the posting sizes of 8 keys).
 */
export const MIRROR_QUERIES = {
  /** Each key's posting size, counted up to `upTo`: params key1..keyN. */
  postingSizes: (keyCount: number, upTo: number) =>
    `select ${placeholders(keyCount, `(select count(*) from (select 1 from mirror_key where key = ? limit ${sqlLimit(upTo)}))`)}`,
  /** The mirrored rows of at most `limit` customers under any of the keys: params key1..keyN. */
  candidateRows: (keyCount: number, limit: number) =>
    `select windward_unique, external_ref, prepared from windward_mirror where windward_unique in
       (select distinct windward_unique from mirror_key where key in (${placeholders(keyCount)}) limit ${sqlLimit(limit)})`,
  recordOf: 'select record from windward_mirror where windward_unique = ?',
  fingerprintOf: 'select fingerprint from windward_mirror where windward_unique = ?',
  byRef: 'select windward_unique as u from windward_mirror where external_ref = ?',
} as const;

/** A limit written into SQL text: only ever a non-negative integer. */
function sqlLimit(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`invalid SQL limit: ${value}`);
  return value;
}

/** One multi-row insert per filing instead of one run per key. */
const insertKeysSql = (rowCount: number) => `insert or ignore into mirror_key (key, windward_unique) values ${placeholders(rowCount, '(?, ?)')}`;

const statements = preparedPerDatabase((sqlite) => ({
  upsertRow: sqlite.prepare(
    `insert into windward_mirror (windward_unique, external_ref, record, prepared, fingerprint, refreshed_at) values (?, ?, ?, ?, ?, ?)
     on conflict(windward_unique) do update set external_ref = excluded.external_ref, record = excluded.record,
       prepared = excluded.prepared, fingerprint = excluded.fingerprint, refreshed_at = excluded.refreshed_at`,
  ),
  deleteKeys: sqlite.prepare('delete from mirror_key where windward_unique = ?'),
  keysOf: sqlite.prepare('select key from mirror_key where windward_unique = ?').pluck(),
  deleteKey: sqlite.prepare('delete from mirror_key where key = ? and windward_unique = ?'),
  termCount: sqlite.prepare('select count(*) as n from mirror_key where key = ?'),
  total: sqlite.prepare('select count(*) as n from windward_mirror'),
  maxUnique: sqlite.prepare('select coalesce(max(windward_unique), 0) as n from windward_mirror'),
  countUpTo: sqlite.prepare('select count(*) as n from windward_mirror where windward_unique <= ?'),
  byRef: sqlite.prepare(MIRROR_QUERIES.byRef),
  recordOf: sqlite.prepare(MIRROR_QUERIES.recordOf),
  fingerprintOf: sqlite.prepare(MIRROR_QUERIES.fingerprintOf).pluck(),
  exists: sqlite.prepare('select 1 from windward_mirror where windward_unique = ?').pluck(),
  staleUniques: sqlite.prepare('select windward_unique as u from windward_mirror where refreshed_at < ?'),
  deleteRow: sqlite.prepare('delete from windward_mirror where windward_unique = ?'),
}));

/** Statements whose text depends on counts (keys, rows, limits), prepared once per combination. */
const byCount = new WeakMap<Db, Map<string, Statement<unknown[]>>>();
function statementFor(db: Db, kind: string, count: number, sql: (count: number, limit: number) => string, limit = 0): Statement<unknown[]> {
  let cache = byCount.get(db);
  if (!cache) byCount.set(db, (cache = new Map()));
  const id = `${kind}:${count}:${limit}`;
  let statement = cache.get(id);
  if (!statement) cache.set(id, (statement = db.$client.prepare(sql(count, limit))));
  return statement;
}

/**
 * Term frequencies are statistics: a count up to a minute old weighs a name the same. Counting a
 * common name ("Hansen" at a million customers is tens of thousands of key rows) or the whole
 * mirror reads every row, and every lookup asks for the same few thousand names again, so counts
 * and the mirror's size are cached for a minute. The cache is bounded (cleared when full).
 * This process's own filings are added to the cached counts as they are made: during a backfill the
 * mirror grows by tens of thousands of customers a minute, and a count that lagged by a minute's
 * growth made the matcher's prior depend on how fast the run went (more reviews in a faster run).
 * Other processes' filings are seen at the next recount.
 */
const COUNT_CACHE_MS = 60_000;
const TERM_CACHE_SIZE = 20_000;
interface CountCache {
  total: { n: number; at: number } | null;
  terms: Map<string, { n: number; at: number }>;
}
const countCaches = new WeakMap<Db, CountCache>();
function countCache(db: Db): CountCache {
  let c = countCaches.get(db);
  if (!c) countCaches.set(db, (c = { total: null, terms: new Map() }));
  return c;
}

/**
 * Files customers (new or changed) with their keys, replacing what was filed for them before. Only
 * keys that changed are written: each key row sits on its own page of the key index, and every page
 * a commit touches is written out again (a re-filed customer whose name and address stayed keeps
 * all its rows untouched).
 */
export function upsertMirrorEntries(db: Db, entries: readonly MirrorEntry[], now: Date = new Date()): void {
  if (entries.length === 0) return;
  const s = statements(db);
  const at = now.toISOString();
  let added = 0;
  const termChanges = new Map<string, number>();
  const countTerm = (key: string, by: number) => {
    if (key.startsWith(TERM_PREFIX)) termChanges.set(key, (termChanges.get(key) ?? 0) + by);
  };
  inTransaction(db.$client, () => {
    for (const entry of entries) {
      if (s.exists.get(entry.windwardUnique) === undefined) added += 1;
      const prepared = entry.prepared === null || entry.prepared === undefined ? null : JSON.stringify(entry.prepared);
      s.upsertRow.run(entry.windwardUnique, entry.externalRef, JSON.stringify(entry.record), prepared, entry.fingerprint, at);
      const wanted = new Set(entry.keys);
      for (const [field, value] of entry.terms) wanted.add(toTermKey(field, value));
      for (const key of s.keysOf.all(entry.windwardUnique) as string[]) {
        if (wanted.delete(key)) continue;
        s.deleteKey.run(key, entry.windwardUnique);
        countTerm(key, -1);
      }
      const params: Array<string | number> = [];
      for (const key of wanted) {
        params.push(key, entry.windwardUnique);
        countTerm(key, 1);
      }
      if (params.length > 0) statementFor(db, 'insertKeys', params.length / 2, insertKeysSql).run(...params);
    }
  });
  // After the filing: one that threw changes no count. (Inside an outer transaction that rolls back
  // later, the counts are off by that filing until the next recount, a minute at most.)
  const c = countCache(db);
  if (c.total) c.total.n += added;
  for (const [key, by] of termChanges) {
    const cached = c.terms.get(key);
    if (cached) cached.n += by;
  }
}

/** Forgets customers not seen since `before` (deleted in Windward). Returns how many. */
export function removeStaleMirrorEntries(db: Db, before: Date): number {
  const s = statements(db);
  const stale = s.staleUniques.all(before.toISOString()) as Array<{ u: number }>;
  inTransaction(db.$client, () => {
    for (const { u } of stale) {
      s.deleteKeys.run(u);
      s.deleteRow.run(u);
    }
  });
  // Rare (a sweep): the counts are read afresh rather than adjusted.
  if (stale.length > 0) countCaches.delete(db);
  return stale.length;
}

export interface CandidateLookup {
  candidates: MirrorRow[];
  /** Keys skipped because too many customers share them (not selective). */
  skippedKeys: number;
  /** Key rows read. */
  rowsRead: number;
}

/**
 * Customers sharing at least one selective key with the incoming record. A key shared by more than
 * `maxPostingSize` customers is skipped: it would read thousands of rows and decide nothing.
 */
export function findMirrorCandidates(db: Db, keys: readonly string[], maxPostingSize: number, limit = 200): CandidateLookup {
  if (keys.length === 0) return { candidates: [], skippedKeys: 0, rowsRead: 0 };
  const sizes = statementFor(db, 'postingSizes', keys.length, MIRROR_QUERIES.postingSizes, maxPostingSize + 1)
    .raw(true)
    .get(...keys) as number[];
  const selective: string[] = [];
  let skippedKeys = 0;
  let rowsRead = 0;
  keys.forEach((key, index) => {
    const n = sizes[index] ?? 0;
    rowsRead += n;
    if (n > maxPostingSize) skippedKeys += 1;
    else if (n > 0) selective.push(key);
  });
  if (selective.length === 0) return { candidates: [], skippedKeys, rowsRead };
  const rows = statementFor(db, 'candidateRows', selective.length, MIRROR_QUERIES.candidateRows, limit).all(...selective) as StoredRow[];
  return { candidates: rows.map((row) => new StoredMirrorRow(db, row)), skippedKeys, rowsRead };
}

interface StoredRow {
  windward_unique: number;
  external_ref: string;
  prepared: string | null;
}

/**
 * A mirrored customer as read. A class rather than an object literal with a getter: a lookup makes
 * dozens per call, and a literal with an accessor cost ~650 ns each to create (a closure and an
 * accessor defined per object) against ~12 ns for an instance whose getter is on the prototype.
 */
class StoredMirrorRow implements MirrorRow {
  readonly windwardUnique: WindwardUnique;
  readonly externalRef: string;
  private parsedRecord: unknown = undefined;
  private parsedPrepared: unknown = undefined;

  constructor(
    private readonly db: Db,
    private readonly row: StoredRow,
  ) {
    this.windwardUnique = row.windward_unique;
    this.externalRef = row.external_ref;
  }

  /** Parsed when first asked for: a lookup skips our own ship-to rows without reading theirs. */
  get prepared(): unknown {
    if (this.parsedPrepared === undefined) this.parsedPrepared = this.row.prepared === null ? null : (JSON.parse(this.row.prepared) as unknown);
    return this.parsedPrepared;
  }

  /** Read and parsed when first asked for: a lookup comparing prepared forms never is. */
  get record(): unknown {
    if (this.parsedRecord === undefined) {
      const text = (statements(this.db).recordOf.get(this.row.windward_unique) as { record: string } | undefined)?.record;
      this.parsedRecord = text === undefined ? null : (JSON.parse(text) as unknown);
    }
    return this.parsedRecord;
  }
}

/** The fingerprint of what the mirror holds for a customer, without reading or parsing the rest. */
export function readMirrorFingerprint(db: Db, windwardUnique: WindwardUnique): string | null {
  return (statements(db).fingerprintOf.get(windwardUnique) as string | undefined) ?? null;
}

export function findMirrorByExternalRef(db: Db, externalRef: string): WindwardUnique[] {
  return (statements(db).byRef.all(externalRef) as Array<{ u: number }>).map((row) => row.u);
}

/** Customers in the mirror, possibly up to a minute old (a statistic for the matcher). */
export function countMirror(db: Db, nowMs: number = Date.now()): number {
  const c = countCache(db);
  if (c.total && nowMs - c.total.at < COUNT_CACHE_MS) return c.total.n;
  const { n } = statements(db).total.get() as { n: number };
  // An empty mirror is not cached: the first refresh must be seen at once.
  c.total = n > 0 ? { n, at: nowMs } : null;
  return n;
}

/** Share of mirrored customers holding this normalized value, or undefined when none does. */
export function readTermFrequency(db: Db, field: string, value: string, nowMs: number = Date.now()): number | undefined {
  const key = toTermKey(field, value);
  const c = countCache(db);
  let n: number;
  const cached = c.terms.get(key);
  if (cached && nowMs - cached.at < COUNT_CACHE_MS) n = cached.n;
  else {
    n = (statements(db).termCount.get(key) as { n: number }).n;
    if (c.terms.size >= TERM_CACHE_SIZE) c.terms.clear();
    c.terms.set(key, { n, at: nowMs });
  }
  if (n === 0) return undefined;
  const total = countMirror(db, nowMs);
  return total === 0 ? undefined : n / total;
}

export function readMaxMirroredUnique(db: Db): number {
  return (statements(db).maxUnique.get() as { n: number }).n;
}

/** How many mirrored customers have a Unique at or below this one (their position in the listing). */
export function countMirroredUpTo(db: Db, windwardUnique: number): number {
  return (statements(db).countUpTo.get(windwardUnique) as { n: number }).n;
}
