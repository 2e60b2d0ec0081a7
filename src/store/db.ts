// Opens the SQLite file, sets the pragmas web and worker need to share it, and applies migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

/** migrations/ at the package root: the same from src/store (tests) and dist/store (built). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  path: string;
  migrationsFolder: string;
  /** Apply pending migrations (default true: every process migrates at start, which is idempotent). */
  migrate?: boolean;
}

export function openDatabase(options: OpenDatabaseOptions): Db {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const sqlite = new Database(options.path);
  // WAL lets the web process read while the worker writes; busy_timeout makes a writer wait for
  // the other process's write lock instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint every ~40 MB of WAL instead of every 4 MB: a checkpoint runs inside a committing
  // write, on the worker's only thread (the benchmark: ~7 % less CPU per synced customer).
  sqlite.pragma('wal_autocheckpoint = 10000');
  // 32 MiB of page cache instead of 2 MiB: a sync reads ~40 B-tree pages (links, mirror keys and
  // rows), and a miss is a system call. Bounded, so memory stays flat as the mirror grows.
  sqlite.pragma('cache_size = -32768');
  sqlite.pragma('foreign_keys = ON');
  // Statement journals (the undo log of one statement inside a transaction) stay in memory. Left on
  // disk, one that outgrew 64 KiB (filing a customer's mirror keys) created, wrote and unlinked a
  // temporary file in /var/tmp: about once per synced customer (strace of the benchmark's worker).
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder: options.migrationsFolder });
  return db;
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}
