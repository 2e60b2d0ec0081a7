// Upgrading a database that already holds data: the migration that rebuilds mirror_key WITHOUT
// ROWID keeps every key row, and lookups still find the customers.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase } from '../../../src/store/db.js';
import { findMirrorCandidates } from '../../../src/store/mirror.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before `tag` (journal cut there). */
function migrationsBefore(tag: string): string {
  const folder = join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migrations on a database with data', () => {
  it('0007 rebuilds mirror_key WITHOUT ROWID and keeps its rows', () => {
    const path = join(dir, 'sync.db');
    const old = openDatabase({ path, migrationsFolder: migrationsBefore('0007_mirror_key_without_rowid') });
    const insert = old.$client.prepare('insert into windward_mirror (windward_unique, external_ref, record, fingerprint, refreshed_at) values (?, ?, ?, ?, ?)');
    const key = old.$client.prepare('insert into mirror_key (key, windward_unique) values (?, ?)');
    for (let u = 1; u <= 300; u++) {
      insert.run(u, '', '{}', 'f', '2026-01-01T00:00:00.000Z');
      key.run(`e:p${u}@example.no`, u);
      key.run(`pn:0667|n${u % 7}`, u);
    }
    expect(old.$client.prepare("select sql from sqlite_master where name = 'mirror_key'").pluck().get()).not.toMatch(/WITHOUT ROWID/i);
    closeDatabase(old);

    const db = openDatabase({ path, migrationsFolder: MIGRATIONS_FOLDER });
    try {
      expect(db.$client.prepare("select sql from sqlite_master where name = 'mirror_key'").pluck().get()).toMatch(/WITHOUT ROWID/i);
      expect(db.$client.prepare('select count(*) from mirror_key').pluck().get()).toBe(600);
      expect(db.$client.prepare("select count(*) from sqlite_master where name = 'mirror_key_unique'").pluck().get()).toBe(1);
      expect(findMirrorCandidates(db, ['e:p42@example.no'], 10).candidates.map((c) => c.windwardUnique)).toEqual([42]);
      expect(findMirrorCandidates(db, ['pn:0667|n3'], 100).candidates).toHaveLength(43);
    } finally {
      closeDatabase(db);
    }
  });
});
