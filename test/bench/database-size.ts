// How much SQLite a backfill leaves behind: the file's size per customer, and which tables hold it
// (each table with its indexes). Read through the bench's own connection, so the WAL's committed
// pages count as well. dbstat reads every page: call it once, after the measured run.
import type Database from 'better-sqlite3';
import { readUsedBytes } from '../../src/store/database-size.js';

export interface DatabaseSize {
  mb: number;
  kbPerCustomer: number;
  /** MB per table, its indexes included, largest first. */
  byTableMb: Record<string, number>;
}

export function measureDatabase(db: Database.Database, customers: number): DatabaseSize {
  const used = readUsedBytes(db);
  const tableOf = new Map(
    (db.prepare("select name, tbl_name as tableName from sqlite_schema where type in ('table', 'index')").all() as Array<{ name: string; tableName: string }>).map(
      (row) => [row.name, row.tableName],
    ),
  );
  const bytes = new Map<string, number>();
  for (const row of db.prepare('select name, sum(pgsize) as bytes from dbstat group by name').all() as Array<{ name: string; bytes: number }>) {
    const table = tableOf.get(row.name) ?? row.name;
    bytes.set(table, (bytes.get(table) ?? 0) + row.bytes);
  }
  const byTableMb = Object.fromEntries([...bytes].sort((a, b) => b[1] - a[1]).map(([table, b]) => [table, Number((b / 1e6).toFixed(1))]));
  return { mb: used / 1e6, kbPerCustomer: used / 1024 / Math.max(1, customers), byTableMb };
}

/** The largest tables as "sync_log 84, customer_link 72, …" (MB). */
export function formatLargestTables(size: DatabaseSize, count = 5): string {
  return Object.entries(size.byTableMb)
    .slice(0, count)
    .map(([table, mb]) => `${table} ${mb < 10 ? mb.toFixed(1) : mb.toFixed(0)}`)
    .join(', ');
}
