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
  readMirrorRow,
  readTermFrequency,
  removeStaleMirrorEntries,
  upsertMirrorEntries,
} from './mirror.js';
import { completeReview, findPendingReview, openConflictReview, openReview } from './reviews.js';
import { appendSyncLog } from './sync-log.js';

export interface StorePorts {
  links: LinkRepository & ReturnType<typeof createLinkRepository>;
  syncLog: SyncLogPort;
  cursors: CursorStore;
  mirror: MirrorIndex;
  intents: IntentStore;
  reviews: ReviewQueue;
}

export function createStorePorts(db: Db): StorePorts {
  const links = createLinkRepository(db);
  const syncLog: SyncLogPort = { record: (entry) => appendSyncLog(db, entry) };
  const cursors: CursorStore = { read: (name: string) => readCursor(db, name), write: (name: string, value: string) => writeCursor(db, name, value) };
  const mirror: MirrorIndex = {
    file: (entries) => upsertMirrorEntries(db, entries),
    lookup: (keys, maxPostingSize) => findMirrorCandidates(db, keys, maxPostingSize).candidates,
    termFrequency: (field, value) => readTermFrequency(db, field, value),
    findByExternalRef: (externalRef) => findMirrorByExternalRef(db, externalRef),
    removeNotSeenSince: (since) => removeStaleMirrorEntries(db, since),
    count: () => countMirror(db),
    countUpTo: (unique) => countMirroredUpTo(db, unique),
    fingerprintOf: (unique) => readMirrorRow(db, unique)?.fingerprint ?? null,
  };
  const intents: IntentStore = {
    find: (externalRef) => findIntent(db, externalRef),
    open: (externalRef, customerNumber) => openIntent(db, { externalRef, customerNumber, maxUniqueBefore: readMaxMirroredUnique(db) }),
    close: (externalRef) => closeIntent(db, externalRef),
  };
  const reviews: ReviewQueue = {
    findPending: (customerNumber) => findPendingReview(db, customerNumber),
    open: (input) => openReview(db, input),
    openConflict: (input) => void openConflictReview(db, input),
    complete: (id) => completeReview(db, id),
  };
  return { links, syncLog, cursors, mirror, intents, reviews };
}
