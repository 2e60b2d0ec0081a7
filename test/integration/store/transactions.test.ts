// The cached transaction wrappers on a real SQLite file: commit, rollback, savepoints inside an open
// transaction, and the write lock an immediate transaction takes before its first read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inImmediateTransaction, inTransaction } from '../../../src/store/transactions.js';

let dir: string;
let sqlite: Database.Database;
const count = () => (sqlite.prepare('select count(*) as n from t').get() as { n: number }).n;
const insert = (v: number) => sqlite.prepare('insert into t (v) values (?)').run(v);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-tx-'));
  sqlite = new Database(join(dir, 't.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table t (v integer)');
});
afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('inTransaction / inImmediateTransaction', () => {
  it.each([
    ['inTransaction', inTransaction],
    ['inImmediateTransaction', inImmediateTransaction],
  ] as const)('%s commits what the work wrote and returns its value', (_name, run) => {
    expect(run(sqlite, () => (insert(1), insert(2), 'done'))).toBe('done');
    expect(sqlite.inTransaction).toBe(false);
    expect(count()).toBe(2);
  });

  it.each([
    ['inTransaction', inTransaction],
    ['inImmediateTransaction', inImmediateTransaction],
  ] as const)('%s rolls everything back and rethrows when the work throws', (_name, run) => {
    expect(() =>
      run(sqlite, () => {
        insert(1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(sqlite.inTransaction).toBe(false);
    expect(count()).toBe(0);
  });

  it('runs inside an open transaction as a savepoint: a failed inner work undoes only its own writes', () => {
    inTransaction(sqlite, () => {
      insert(1);
      expect(() =>
        inImmediateTransaction(sqlite, () => {
          insert(2);
          throw new Error('inner');
        }),
      ).toThrow('inner');
      inTransaction(sqlite, () => insert(3));
    });
    expect(sqlite.prepare('select v from t order by v').pluck().all()).toEqual([1, 3]);
  });

  it('the immediate kind holds the write lock from its start; the deferred kind only once it writes', () => {
    const other = new Database(join(dir, 't.db'), { timeout: 0 });
    try {
      inImmediateTransaction(sqlite, () => {
        sqlite.prepare('select count(*) from t').get();
        expect(() => other.prepare('insert into t (v) values (9)').run()).toThrow(/locked|busy/iu);
      });
      inTransaction(sqlite, () => {
        sqlite.prepare('select count(*) from t').get();
        other.prepare('insert into t (v) values (9)').run();
      });
      expect(count()).toBe(1);
    } finally {
      other.close();
    }
  });

  it('works on several databases at once, each with its own wrapper', () => {
    const second = new Database(join(dir, 'second.db'));
    try {
      second.exec('create table t (v integer)');
      inTransaction(sqlite, () => {
        insert(1);
        inTransaction(second, () => second.prepare('insert into t (v) values (2)').run());
      });
      expect(count()).toBe(1);
      expect(second.prepare('select v from t').pluck().all()).toEqual([2]);
    } finally {
      second.close();
    }
  });
});
