// What the operator sees of the SQLite file's growth (`customer-sync status`): its size in use and
// the sync log's length, the one table that grows with every sync (SYNC_LOG_RETENTION bounds it).
import type Database from 'better-sqlite3';
import type { Db } from './db.js';

export interface DatabaseUsage {
  /** Pages in use × page size (freed pages, reused before the file grows, not counted). */
  usedMb: number;
  syncLogEntries: number;
}

/** Bytes in pages in use, the WAL's committed pages included (as this connection sees the file). */
export function readUsedBytes(sqlite: Database.Database): number {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const pages = (sqlite.pragma('page_count', { simple: true }) as number) - (sqlite.pragma('freelist_count', { simple: true }) as number);
  return pages * pageSize;
}

export function readDatabaseUsage(db: Db): DatabaseUsage {
  const syncLogEntries = (db.$client.prepare('select count(*) as n from sync_log').get() as { n: number }).n;
  return { usedMb: Number((readUsedBytes(db.$client) / 1e6).toFixed(1)), syncLogEntries };
}
