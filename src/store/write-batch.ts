// Group commit for the worker: the local writes of all jobs running at once share one SQLite
// transaction, committed when the current burst of callbacks is over (setImmediate). A sync makes
// 3–5 small commits, and each commit writes every page it touched to the WAL: the same tail pages
// of the sync log, links and intents again and again (about 75 write system calls and 150 kB per
// created customer in the benchmark). Committed together, those pages are written once per batch.
//
// Durability is kept where it matters: a job awaits `flush()` before it reports success, and a
// create intent is flushed before addCustomer is sent (IntentStore.open), so what a remote write
// depends on is on disk first. Everything else may wait one turn of the event loop.
import type { Database } from 'better-sqlite3';
import { inTransaction } from './transactions.js';

export interface WriteBatch {
  /**
   * Runs `work` in the open batch, opening one (BEGIN IMMEDIATE) if none is. The work runs in a
   * savepoint: if it throws, only its own writes are undone, and the error is rethrown.
   */
  write<T>(work: () => T): T;
  /** Resolves once everything written so far is committed (at once if nothing is pending). */
  flush(): Promise<void>;
  /** Commits now, synchronously (shutdown, or writes nothing would retry). */
  commitNow(): void;
  /** Batches committed and writes run (the worker's metrics, tests). */
  readonly stats: { commits: number; writes: number };
}

export interface WriteBatchOptions {
  /**
   * Called when a commit failed (disk full, I/O error) after its writes were rolled back. The
   * writes of every job in the batch are gone, and a job may already have moved on believing
   * them pending: the worker must stop (its in-flight jobs are retried elsewhere, as after a crash).
   */
  onCommitFailed(error: unknown): void;
}

export function createWriteBatch(sqlite: Database, options: WriteBatchOptions): WriteBatch {
  const begin = sqlite.prepare('BEGIN IMMEDIATE');
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  let open = false;
  let waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  const stats = { commits: 0, writes: 0 };

  function settle(): void {
    const settled = waiters;
    waiters = [];
    if (!open) {
      for (const waiter of settled) waiter.resolve();
      return;
    }
    open = false;
    try {
      commit.run();
      stats.commits += 1;
    } catch (error) {
      if (sqlite.inTransaction) rollback.run();
      for (const waiter of settled) waiter.reject(error);
      options.onCommitFailed(error);
      return;
    }
    for (const waiter of settled) waiter.resolve();
  }

  return {
    stats,
    write<T>(work: () => T): T {
      stats.writes += 1;
      // A transaction this batch did not open (a migration, a caller's own) is joined as it is.
      if (!open && !sqlite.inTransaction) {
        begin.run();
        open = true;
        setImmediate(settle);
      }
      // Inside the open transaction this runs as SAVEPOINT … RELEASE.
      return inTransaction(sqlite, work);
    },
    flush(): Promise<void> {
      if (!open) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    commitNow(): void {
      settle();
    },
  };
}

/** How a store adapter runs a write: in the batch when there is one, else committed on its own. */
export function writerFor(batch: WriteBatch | null | undefined): <T>(work: () => T) => T {
  return batch ? (work) => batch.write(work) : (work) => work();
}
