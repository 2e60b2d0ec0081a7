// The link table on a real SQLite file with the real migrations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase, type Db } from '../../../src/store/db.js';
import { claimLink, findLink, listAllLinks, upsertLink } from '../../../src/store/links.js';
import { appendSyncLog, countOutcomesSince } from '../../../src/store/sync-log.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-store-'));
  db = openDatabase({ path: join(dir, 'test.db'), migrationsFolder: MIGRATIONS_FOLDER });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('customer_link', () => {
  it('keeps exactly one link per customer, role and title', () => {
    upsertLink(db, { customerNumber: 1, role: 'bill_to', titleCode: null, windwardUnique: 10, fingerprint: 'a' });
    upsertLink(db, { customerNumber: 1, role: 'bill_to', titleCode: null, windwardUnique: 11, fingerprint: 'b' });
    upsertLink(db, { customerNumber: 1, role: 'ship_to', titleCode: 'IT', windwardUnique: 12, fingerprint: 'c' });
    expect(listAllLinks(db)).toHaveLength(2);
    expect(findLink(db, 1, 'bill_to', null)).toMatchObject({ windwardUnique: 11, fingerprint: 'b', titleCode: null });
    expect(findLink(db, 1, 'ship_to', 'IT')?.windwardUnique).toBe(12);
    expect(findLink(db, 1, 'ship_to', 'AP')).toBeNull();
  });

  it('refuses to link one Windward customer to two Infosoft customers', () => {
    expect(claimLink(db, { customerNumber: 1, role: 'bill_to', titleCode: null, windwardUnique: 10, fingerprint: null })).toBe(true);
    expect(claimLink(db, { customerNumber: 2, role: 'bill_to', titleCode: null, windwardUnique: 10, fingerprint: null })).toBe(false);
    expect(findLink(db, 2, 'bill_to', null)).toBeNull();
    // The same customer may re-claim its own record (a retry).
    expect(claimLink(db, { customerNumber: 1, role: 'bill_to', titleCode: null, windwardUnique: 10, fingerprint: 'x' })).toBe(true);
  });

  it('survives reopening: migrations are idempotent', () => {
    upsertLink(db, { customerNumber: 5, role: 'bill_to', titleCode: null, windwardUnique: 50, fingerprint: null });
    closeDatabase(db);
    db = openDatabase({ path: join(dir, 'test.db'), migrationsFolder: MIGRATIONS_FOLDER });
    expect(findLink(db, 5, 'bill_to', null)?.windwardUnique).toBe(50);
  });
});

describe('sync_log outcomes', () => {
  it('counts each customer once, with its last outcome', () => {
    appendSyncLog(db, { customerNumber: 1, action: 'failed', reason: 'x' });
    appendSyncLog(db, { customerNumber: 1, action: 'created', reason: 'y' });
    appendSyncLog(db, { customerNumber: 2, action: 'linked', reason: 'z' });
    appendSyncLog(db, { customerNumber: 2, action: 'note', reason: 'not an outcome' });
    expect(countOutcomesSince(db, 0, ['created', 'linked', 'failed'])).toEqual({ created: 1, linked: 1 });
  });
});
