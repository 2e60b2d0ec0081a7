import { toStoredRecord } from './customer-template.js';
import type { WindwardSeedRecord } from './seed-record.js';

// In-memory customer table. Listings are by Unique, and Uniques only grow, so an append-only
// ordered id list keeps paging O(page) even with many thousands of customers in benchmarks.

export interface CustomerStore {
  count(): number;
  /** Records in Unique order, from `offset`, at most `limit` (everything when limit is undefined). */
  slice(offset: number, limit: number | undefined): WindwardSeedRecord[];
  get(unique: number): WindwardSeedRecord | undefined;
  findByEmail(email: string): WindwardSeedRecord[];
  add(fields: Record<string, unknown>): WindwardSeedRecord;
  /** Replaces the given fields; undefined when no record has that Unique. */
  update(unique: number, fields: Record<string, unknown>): WindwardSeedRecord | undefined;
}

export function createCustomerStore(seeds: readonly WindwardSeedRecord[]): CustomerStore {
  const records = new Map<number, WindwardSeedRecord>();
  const emailIndex = new Map<string, Set<number>>();
  let ordered: number[] = [];

  // reduce, not Math.max(...spread): seed files may hold more records than a call has arguments.
  let nextUnique =
    seeds.reduce((max, seed) => (typeof seed.Unique === 'number' && seed.Unique > max ? seed.Unique : max), 0) + 1;

  function indexEmail(record: WindwardSeedRecord, add: boolean): void {
    const key = toEmailKey(record.Email);
    if (key === '' || record.Unique === undefined) return;
    const set = emailIndex.get(key) ?? new Set<number>();
    if (add) set.add(record.Unique);
    else set.delete(record.Unique);
    if (set.size === 0) emailIndex.delete(key);
    else emailIndex.set(key, set);
  }

  function insert(record: WindwardSeedRecord, unique: number): void {
    records.set(unique, record);
    indexEmail(record, true);
    ordered.push(unique);
  }

  for (const [line, seed] of seeds.entries()) {
    const given = seed.Unique;
    if (given !== undefined && given !== 0 && (!Number.isInteger(given) || given < 0)) {
      throw new Error(`Windward seed record ${line + 1}: Unique must be a positive integer`);
    }
    const unique = given !== undefined && given > 0 ? given : nextUnique++;
    if (records.has(unique)) throw new Error(`Windward seed record ${line + 1}: duplicate Unique ${unique}`);
    insert(toStoredRecord(seed, unique), unique);
  }
  ordered = ordered.sort((a, b) => a - b);

  return {
    count: () => records.size,
    slice(offset, limit) {
      const ids = limit === undefined ? ordered.slice(offset) : ordered.slice(offset, offset + limit);
      return ids.map((id) => records.get(id)).filter((r): r is WindwardSeedRecord => r !== undefined);
    },
    get: (unique) => records.get(unique),
    findByEmail(email) {
      const ids = emailIndex.get(toEmailKey(email));
      if (ids === undefined) return [];
      return [...ids]
        .sort((a, b) => a - b)
        .map((id) => records.get(id))
        .filter((r): r is WindwardSeedRecord => r !== undefined);
    },
    add(fields) {
      const unique = nextUnique++;
      const record = toStoredRecord(fields, unique);
      insert(record, unique);
      return record;
    },
    update(unique, fields) {
      const current = records.get(unique);
      if (current === undefined) return undefined;
      indexEmail(current, false);
      const next: WindwardSeedRecord = { ...current, ...structuredClone(fields), Unique: unique };
      records.set(unique, next);
      indexEmail(next, true);
      return next;
    },
  };
}

function toEmailKey(email: unknown): string {
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}
