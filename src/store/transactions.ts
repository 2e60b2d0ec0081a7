// Transactions through one better-sqlite3 wrapper per database handle. `db.transaction(fn)` builds
// four wrapped functions and defines their properties on every call; made per sync (mirror filing,
// link claims) that was a visible share of the worker's garbage. The cached wrapper runs any work
// with the same semantics: BEGIN (or BEGIN IMMEDIATE) outside a transaction, a savepoint inside one,
// rolled back and rethrown if the work throws.
import type { Database, Transaction } from 'better-sqlite3';

type Run = Transaction<(work: () => unknown) => unknown>;
const runners = new WeakMap<Database, Run>();

function runnerOf(sqlite: Database): Run {
  let run = runners.get(sqlite);
  if (!run) runners.set(sqlite, (run = sqlite.transaction((work: () => unknown) => work())));
  return run;
}

/** Runs `work` in a (deferred) transaction, or in a savepoint of the one already open. */
export function inTransaction<T>(sqlite: Database, work: () => T): T {
  return runnerOf(sqlite)(work) as T;
}

/** As inTransaction, but takes the write lock first: for a read followed by a write. */
export function inImmediateTransaction<T>(sqlite: Database, work: () => T): T {
  return runnerOf(sqlite).immediate(work) as T;
}
