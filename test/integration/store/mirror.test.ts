// The Windward mirror on a real SQLite file: candidate lookup by blocking keys, without scans.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase, type Db } from '../../../src/store/db.js';
import {
  countMirror,
  findMirrorByExternalRef,
  findMirrorCandidates,
  MIRROR_QUERIES,
  readMirrorFingerprint,
  readTermFrequency,
  removeStaleMirrorEntries,
  upsertMirrorEntries,
  type MirrorEntry,
} from '../../../src/store/mirror.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-mirror-'));
  db = openDatabase({ path: join(dir, 'm.db'), migrationsFolder: MIGRATIONS_FOLDER });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const entry = (unique: number, keys: string[], surname = 'hansen'): MirrorEntry => ({
  windwardUnique: unique,
  externalRef: unique % 2 === 0 ? `IS-${unique}` : '',
  record: { id: String(unique) },
  prepared: { normalized: String(unique) },
  fingerprint: `f${unique}`,
  keys,
  terms: [['lastName', surname]],
});

describe('windward mirror', () => {
  it('finds customers sharing a selective key and skips keys shared by too many', () => {
    const common = Array.from({ length: 50 }, (_, i) => entry(i + 1, ['pn:0667|hansen', `e:person${i}@example.no`]));
    upsertMirrorEntries(db, [...common, entry(100, ['e:kari@example.no', 'pn:0667|nordmann'], 'nordmann')]);
    const lookup = findMirrorCandidates(db, ['e:kari@example.no', 'pn:0667|hansen'], 10);
    expect(lookup.candidates.map((c) => c.windwardUnique)).toEqual([100]);
    // The record and its normalized form come back as filed.
    expect(lookup.candidates[0]).toMatchObject({ record: { id: '100' }, prepared: { normalized: '100' } });
    expect(lookup.skippedKeys).toBe(1);
    expect(lookup.rowsRead).toBeLessThanOrEqual(12); // 1 + at most maxPostingSize + 1
  });

  it('reads a customer’s fingerprint alone, and null for one not mirrored', () => {
    upsertMirrorEntries(db, [entry(7, ['e:seven@example.no'])]);
    expect(readMirrorFingerprint(db, 7)).toBe('f7');
    upsertMirrorEntries(db, [{ ...entry(7, ['e:seven@example.no']), fingerprint: 'changed' }]);
    expect(readMirrorFingerprint(db, 7)).toBe('changed');
    expect(readMirrorFingerprint(db, 8)).toBeNull();
  });

  it('replaces a customer’s keys when it is filed again, and forgets the ones not seen', () => {
    upsertMirrorEntries(db, [entry(1, ['e:old@example.no']), entry(2, ['e:two@example.no'])], new Date('2026-01-01T00:00:00Z'));
    upsertMirrorEntries(db, [entry(1, ['e:new@example.no'])], new Date('2026-01-02T00:00:00Z'));
    expect(findMirrorCandidates(db, ['e:old@example.no'], 10).candidates).toEqual([]);
    expect(findMirrorCandidates(db, ['e:new@example.no'], 10).candidates.map((c) => c.windwardUnique)).toEqual([1]);
    expect(removeStaleMirrorEntries(db, new Date('2026-01-02T00:00:00Z'))).toBe(1);
    expect(countMirror(db)).toBe(1);
    expect(findMirrorByExternalRef(db, 'IS-2')).toEqual([]);
  });

  it('re-files a customer by writing only the keys that changed', () => {
    const keysOf = (unique: number) =>
      (db.$client.prepare('select key from mirror_key where windward_unique = ? order by key').pluck().all(unique) as string[]);
    const changes = () => (db.$client.prepare('select total_changes()').pluck().get() as number);
    upsertMirrorEntries(db, [entry(1, ['e:a@example.no', 'p:+4791234567', 'pn:0667|hansen']), entry(2, ['e:a@example.no'])]);
    let before = changes();
    upsertMirrorEntries(db, [entry(1, ['e:a@example.no', 'p:+4791234567', 'pn:0667|hansen'])]);
    // The row itself only: no key row deleted or inserted again.
    expect(changes() - before).toBe(1);
    before = changes();
    upsertMirrorEntries(db, [entry(1, ['e:b@example.no', 'p:+4791234567', 'pn:0667|hansen'], 'olsen')]);
    // The row, one key and the surname's term key out, their two replacements in.
    expect(changes() - before).toBe(5);
    expect(keysOf(1)).toEqual(['e:b@example.no', 'p:+4791234567', 'pn:0667|hansen', 't:lastName:olsen']);
    expect(keysOf(2)).toEqual(['e:a@example.no', 't:lastName:hansen']);
  });

  it('counts term frequencies', () => {
    upsertMirrorEntries(db, [entry(1, [], 'hansen'), entry(2, [], 'hansen'), entry(3, [], 'fjærli'), entry(4, [], 'hansen')]);
    expect(readTermFrequency(db, 'lastName', 'hansen')).toBe(0.75);
    expect(readTermFrequency(db, 'lastName', 'fjærli')).toBe(0.25);
    expect(readTermFrequency(db, 'lastName', 'olsen')).toBeUndefined();
  });

  it('adds its own filings to the cached counts at once, without waiting for the minute’s recount', () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    upsertMirrorEntries(db, [entry(1, [], 'hansen'), entry(2, [], 'olsen')]);
    // Both counts are read (and cached) at t0.
    expect(readTermFrequency(db, 'lastName', 'hansen', t0)).toBe(0.5);
    expect(readTermFrequency(db, 'lastName', 'olsen', t0)).toBe(0.5);
    expect(countMirror(db, t0)).toBe(2);
    // Two new customers, one re-filing of a known one (no new row) that changes its surname.
    upsertMirrorEntries(db, [entry(3, [], 'hansen'), entry(4, [], 'hansen'), entry(2, [], 'hansen')]);
    const soon = t0 + 1_000;
    expect(countMirror(db, soon)).toBe(4);
    expect(readTermFrequency(db, 'lastName', 'hansen', soon)).toBe(1);
    expect(readTermFrequency(db, 'lastName', 'olsen', soon)).toBeUndefined();
    // The same as a recount from the table says.
    const recount = t0 + 120_000;
    expect(countMirror(db, recount)).toBe(4);
    expect(readTermFrequency(db, 'lastName', 'hansen', recount)).toBe(1);
    // A stale sweep drops the cached counts: read afresh at once.
    expect(removeStaleMirrorEntries(db, new Date(Date.now() + 60_000))).toBe(4);
    expect(countMirror(db, soon)).toBe(0);
  });

  it('writes only integer limits into the lookup queries', () => {
    expect(MIRROR_QUERIES.postingSizes(1, 501)).toContain('limit 501');
    expect(() => MIRROR_QUERIES.postingSizes(1, 1.5)).toThrow(RangeError);
    expect(() => MIRROR_QUERIES.candidateRows(1, -1)).toThrow(RangeError);
    expect(() => MIRROR_QUERIES.candidateRows(1, Number.NaN)).toThrow(RangeError);
  });

  it('never scans a table to find candidates (query plans use the indexes)', () => {
    const statements: Array<[string, unknown[]]> = [
      [MIRROR_QUERIES.postingSizes(2, 10), ['a', 'b']],
      [MIRROR_QUERIES.candidateRows(2, 200), ['a', 'b']],
      [MIRROR_QUERIES.fingerprintOf, [1]],
      [MIRROR_QUERIES.recordOf, [1]],
      [MIRROR_QUERIES.byRef, ['IS-1']],
    ];
    const plans = statements.map(([sql, params]) =>
      (db.$client.prepare(`explain query plan ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' / '),
    );
    for (const plan of plans) {
      expect(plan).toMatch(/SEARCH/);
      expect(plan).not.toMatch(/\bSCAN (mirror_key|windward_mirror)\b(?! USING)/);
    }
  });
});
