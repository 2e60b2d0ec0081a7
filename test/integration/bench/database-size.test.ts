// The bench's SQLite size report on a real file with the real migrations: the size in use, and
// each table counted with its indexes, largest first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase, type Db } from '../../../src/store/db.js';
import { appendSyncLog } from '../../../src/store/sync-log.js';
import { formatLargestTables, measureDatabase, type DatabaseSize } from '../../bench/database-size.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-db-size-'));
  db = openDatabase({ path: join(dir, 'size.db'), migrationsFolder: MIGRATIONS_FOLDER });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('measureDatabase', () => {
  it('counts the sync log with its indexes as the largest table after 1,000 entries of ~1 kB', () => {
    for (let i = 0; i < 1000; i += 1) appendSyncLog(db, { customerNumber: i, action: 'created', reason: 'r', details: { pad: 'x'.repeat(1000) } });
    const size = measureDatabase(db.$client, 500);
    const [largest, mb] = Object.entries(size.byTableMb)[0] ?? [];
    expect(largest).toBe('sync_log');
    // ~1 MB of rows; its three indexes are counted with it, not as tables of their own.
    expect(mb).toBeGreaterThan(1);
    expect(Object.keys(size.byTableMb)).not.toContain('sync_log_action_at');
    expect(size.mb).toBeGreaterThanOrEqual(mb ?? 0);
    expect(size.kbPerCustomer).toBeCloseTo((size.mb * 1e6) / 1024 / 500, 6);
  });
});

describe('formatLargestTables', () => {
  const size = (byTableMb: Record<string, number>): DatabaseSize => ({ mb: 0, kbPerCustomer: 0, byTableMb });
  it.each<{ byTableMb: Record<string, number>; count: number; expected: string }>([
    { byTableMb: { sync_log: 94.4, customer_link: 77.2 }, count: 5, expected: 'sync_log 94, customer_link 77' },
    { byTableMb: { a: 12, b: 9.94, c: 0.04 }, count: 5, expected: 'a 12, b 9.9, c 0.0' },
    { byTableMb: { a: 3, b: 2, c: 1 }, count: 2, expected: 'a 3.0, b 2.0' },
    { byTableMb: {}, count: 5, expected: '' },
  ])('$byTableMb, the first $count → "$expected"', ({ byTableMb, count, expected }) => {
    expect(formatLargestTables(size(byTableMb), count)).toBe(expected);
  });
});
