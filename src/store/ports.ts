// The store seen through the sync use cases' ports (src/sync/ports.ts): one object per port.
import type { CursorStore, IntentStore, LinkRepository, MirrorIndex, ReviewQueue, SyncLogPort } from '../sync/ports.js';
import { readCursor, writeCursor } from './cursors.js';
import type { Db } from './db.js';
import { closeIntent, findIntent, openIntent } from './intents.js';
import { createLinkRepository } from './links.js';
import {
  countMirror,
  countMirroredUpTo,
  findMirrorByExternalRef,
  findMirrorCandidates,
  readMaxMirroredUnique,
  readMirrorFingerprint,
  readTermFrequency,
  removeStaleMirrorEntries,
  upsertMirrorEntries,
} from './mirror.js';
import { completeReview, findPendingReview, openConflictReview, openReview } from './reviews.js';
import { appendSyncLog } from './sync-log.js';
import { writerFor, type WriteBatch } from './write-batch.js';

export interface StorePorts {
  links: LinkRepository & ReturnType<typeof createLinkRepository>;
  syncLog: SyncLogPort;
  cursors: CursorStore;
  mirror: MirrorIndex;
  intents: IntentStore;
  reviews: ReviewQueue;
}

/**
 * With a write batch (the worker), every write goes into the batch's shared transaction; without
 * one (web, CLI), each write commits on its own.
 */
export function createStorePorts(db: Db, options: { batch?: WriteBatch } = {}): StorePorts {
  const { batch } = options;
  const write = writerFor(batch);
  const repository = createLinkRepository(db);
  const links: StorePorts['links'] = {
    ...repository,
    claim: (input) => write(() => repository.claim(input)),
    deactivate: (customerNumber, role, titleCode) => write(() => repository.deactivate(customerNumber, role, titleCode)),
    saveState: (customerNumber, role, titleCode, state) => write(() => repository.saveState(customerNumber, role, titleCode, state)),
  };
  const syncLog: SyncLogPort = { record: (entry) => write(() => appendSyncLog(db, entry)) };
  const cursors: CursorStore = {
    read: (name: string) => readCursor(db, name),
    write: (name: string, value: string) => write(() => writeCursor(db, name, value)),
  };
  const mirror: MirrorIndex = {
    file: (entries) => write(() => upsertMirrorEntries(db, entries)),
    lookup: (keys, maxPostingSize) => findMirrorCandidates(db, keys, maxPostingSize).candidates,
    termFrequency: (field, value) => readTermFrequency(db, field, value),
    findByExternalRef: (externalRef) => findMirrorByExternalRef(db, externalRef),
    removeNotSeenSince: (since) => write(() => removeStaleMirrorEntries(db, since)),
    count: () => countMirror(db),
    countUpTo: (unique) => countMirroredUpTo(db, unique),
    fingerprintOf: (unique) => readMirrorFingerprint(db, unique),
  };
  const intents: IntentStore = {
    find: (externalRef) => findIntent(db, externalRef),
    // The intent must be on disk before addCustomer is sent: flushed, not left in the batch.
    open: async (externalRef, customerNumber) => {
      write(() => openIntent(db, { externalRef, customerNumber, maxUniqueBefore: readMaxMirroredUnique(db) }));
      await batch?.flush();
    },
    close: (externalRef) => write(() => closeIntent(db, externalRef)),
  };
  const reviews: ReviewQueue = {
    findPending: (customerNumber) => findPendingReview(db, customerNumber),
    open: (input) => write(() => openReview(db, input)),
    openConflict: (input) => write(() => void openConflictReview(db, input)),
    complete: (id) => write(() => completeReview(db, id)),
  };
  return { links, syncLog, cursors, mirror, intents, reviews };
}
