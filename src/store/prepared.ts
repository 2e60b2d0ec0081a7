// Prepared statements for the worker's hot paths, prepared once per database handle.
// drizzle builds the SQL of a query on every call; for the one-row reads and writes a sync makes
// (about twenty per customer) building cost more than running (the benchmark's profile: ~20 % of
// the worker's CPU). drizzle keeps the schema, the migrations and the operator queries.
import type { Database } from 'better-sqlite3';
import type { Db } from './db.js';

export function preparedPerDatabase<T>(prepare: (sqlite: Database) => T): (db: Db) => T {
  const byDatabase = new WeakMap<Db, T>();
  return (db) => {
    let statements = byDatabase.get(db);
    if (statements === undefined) {
      statements = prepare(db.$client);
      byDatabase.set(db, statements);
    }
    return statements;
  };
}
