// Group commit on a real SQLite file with the real migrations, watched from a second connection
// (as the web process would see it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase, type Db } from '../../../src/store/db.js';
import { createStorePorts } from '../../../src/store/ports.js';
import { appendSyncLog } from '../../../src/store/sync-log.js';
import { createWriteBatch, type WriteBatch } from '../../../src/store/write-batch.js';

let dir: string;
let db: Db;
let other: Database.Database;
let batch: WriteBatch;
let failures: unknown[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-batch-'));
  db = openDatabase({ path: join(dir, 'test.db'), migrationsFolder: MIGRATIONS_FOLDER });
  other = new Database(join(dir, 'test.db'));
  failures = [];
  batch = createWriteBatch(db.$client, { onCommitFailed: (error) => failures.push(error) });
});
afterEach(() => {
  other.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const log = (customerNumber: number) => appendSyncLog(db, { customerNumber, action: 'created', reason: 'test' });
const seenElsewhere = () => (other.prepare('select customer_number as n from sync_log order by id').all() as Array<{ n: number }>).map((r) => r.n);

describe('write batch', () => {
  it('commits the writes of one turn of the event loop together, visible elsewhere once flushed', async () => {
    batch.write(() => log(1));
    batch.write(() => log(2));
    batch.write(() => log(3));
    // Not committed yet: the writing connection sees its writes, another connection does not.
    expect(seenElsewhere()).toEqual([]);
    expect(db.$client.prepare('select count(*) as n from sync_log').get()).toEqual({ n: 3 });
    await batch.flush();
    expect(seenElsewhere()).toEqual([1, 2, 3]);
    expect(batch.stats).toEqual({ commits: 1, writes: 3 });
  });

  it('commits by itself when nobody flushes, and a later write opens a new batch', async () => {
    batch.write(() => log(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seenElsewhere()).toEqual([1]);
    batch.write(() => log(2));
    await batch.flush();
    expect(seenElsewhere()).toEqual([1, 2]);
    expect(batch.stats.commits).toBe(2);
    // Nothing pending: flush resolves at once.
    await batch.flush();
    expect(batch.stats.commits).toBe(2);
  });

  it('undoes only the writes of a work that throws', async () => {
    batch.write(() => log(1));
    expect(() =>
      batch.write(() => {
        log(2);
        throw new Error('half-way');
      }),
    ).toThrow('half-way');
    batch.write(() => log(3));
    await batch.flush();
    expect(seenElsewhere()).toEqual([1, 3]);
  });

  it('rejects the waiters and reports a failed commit, and leaves nothing half-written', async () => {
    db.$client.exec('create table parent (id integer primary key); create table child (parent_id integer references parent(id))');
    batch.write(() => log(1));
    // A foreign key checked at commit: the commit itself fails.
    batch.write(() => {
      db.$client.pragma('defer_foreign_keys = ON');
      db.$client.prepare('insert into child (parent_id) values (42)').run();
    });
    await expect(batch.flush()).rejects.toThrow(/FOREIGN KEY/);
    expect(failures).toHaveLength(1);
    expect(db.$client.inTransaction).toBe(false);
    expect(seenElsewhere()).toEqual([]);
    // The next batch works.
    batch.write(() => log(2));
    await batch.flush();
    expect(seenElsewhere()).toEqual([2]);
  });

  it('has a create intent committed when IntentStore.open resolves (before addCustomer may go out)', async () => {
    const { intents, syncLog } = createStorePorts(db, { batch });
    syncLog.record({ customerNumber: 1, action: 'created', reason: 'another job' });
    await intents.open('IS-1', 1);
    expect(other.prepare('select external_ref as ref from create_intent').all()).toEqual([{ ref: 'IS-1' }]);
    // Other writes of the turn went with it.
    expect(seenElsewhere()).toEqual([1]);
  });

  it('joins a transaction it did not open instead of nesting a BEGIN', () => {
    db.$client.transaction(() => {
      batch.write(() => log(1));
    })();
    expect(seenElsewhere()).toEqual([1]);
    expect(batch.stats.commits).toBe(0);
  });
});
