// Sync-log retention on a real SQLite file with the real migrations: routine entries expire, the
// decisions behind each customer's link stay, and a run deletes in bounded batches by an index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase, type Db } from '../../../src/store/db.js';
import { appendSyncLog, listSyncLogOfCustomer, PRUNE_ROUTINE_SQL, pruneExpiredSyncLog, pruneSyncLog } from '../../../src/store/sync-log.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-sync-log-'));
  db = openDatabase({ path: join(dir, 'log.db'), migrationsFolder: MIGRATIONS_FOLDER });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const CUTOFF = new Date('2026-06-01T00:00:00.000Z');
const daysFromCutoff = (days: number) => new Date(CUTOFF.getTime() + days * 86_400_000);
const log = (customerNumber: number, action: string, at: Date) => appendSyncLog(db, { customerNumber, action, reason: `${action} at ${at.toISOString()}` }, at);
const actionsOf = (customerNumber: number) => listSyncLogOfCustomer(db, customerNumber, 100).map((e) => `${e.action}@${e.at.slice(0, 10)}`);

describe('sync log retention', () => {
  it.each<{ action: string; daysOld: number; kept: boolean }>([
    { action: 'unchanged', daysOld: 10, kept: false },
    { action: 'updated', daysOld: 10, kept: false },
    { action: 'unchanged', daysOld: 0.001, kept: false },
    { action: 'unchanged', daysOld: -1, kept: true },
    { action: 'updated', daysOld: -0.001, kept: true },
    { action: 'created', daysOld: 400, kept: true },
    { action: 'linked', daysOld: 400, kept: true },
    { action: 'review', daysOld: 400, kept: true },
    { action: 'failed', daysOld: 400, kept: true },
  ])('a $action entry $daysOld days before the cutoff is kept: $kept', ({ action, daysOld, kept }) => {
    log(7, action, daysFromCutoff(-daysOld));
    expect(pruneSyncLog(db, CUTOFF, 100)).toBe(kept ? 0 : 1);
    expect(actionsOf(7)).toHaveLength(kept ? 1 : 0);
  });

  it("keeps a customer's decision and recent entries, and drops the expired routine ones around them", () => {
    log(1, 'created', daysFromCutoff(-300));
    log(1, 'unchanged', daysFromCutoff(-200));
    log(1, 'updated', daysFromCutoff(-100));
    log(1, 'unchanged', daysFromCutoff(5));
    log(2, 'linked', daysFromCutoff(-50));
    log(2, 'updated', daysFromCutoff(-1));
    expect(pruneSyncLog(db, CUTOFF, 100)).toBe(3);
    expect(actionsOf(1)).toEqual(['unchanged@2026-06-06', 'created@2025-08-05']);
    expect(actionsOf(2)).toEqual(['linked@2026-04-12']);
  });

  it('deletes in batches of the given size, yielding between them, until none is left', async () => {
    for (let i = 0; i < 10; i += 1) log(100 + i, 'unchanged', daysFromCutoff(-1 - i));
    log(200, 'unchanged', daysFromCutoff(1));
    let writes = 0;
    let yields = 0;
    const removed = await pruneExpiredSyncLog(db, {
      before: CUTOFF,
      batchSize: 3,
      write: (work) => {
        writes += 1;
        return work();
      },
      yieldTurn: async () => {
        yields += 1;
      },
    });
    expect({ removed, writes, yields }).toEqual({ removed: 10, writes: 4, yields: 3 });
    expect(actionsOf(200)).toHaveLength(1);
  });

  it('finds expired entries through the index on (action, at), not by reading the log', () => {
    const plan = (db.$client.prepare(`explain query plan ${PRUNE_ROUTINE_SQL}`).all(CUTOFF.toISOString(), 10) as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join(' / ');
    expect(plan).toMatch(/SEARCH sync_log USING (COVERING )?INDEX sync_log_action_at \(action=\? AND at<\?\)/);
    expect(plan).not.toMatch(/SCAN sync_log\b/);
  });
});
