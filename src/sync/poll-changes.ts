// The `feed` change source (DESIGN §4.1): read the window since the stored cursor, minus an overlap so
// that ties and clock skew lose nothing; duplicates are harmless because sync jobs are idempotent
// and deduplicated per customer.
import type { CursorStore, InfosoftPort, SyncScheduler } from './ports.js';

export const FEED_CURSOR = 'infosoft-feed';

export interface PollChangesDeps {
  infosoft: Pick<InfosoftPort, 'getChangedCustomers'>;
  cursors: CursorStore;
  scheduler: SyncScheduler;
  overlapMs: number;
  now: () => Date;
}

export async function pollChanges(deps: PollChangesDeps): Promise<{ enqueued: number; from: Date; to: Date }> {
  const to = deps.now();
  const stored = deps.cursors.read(FEED_CURSOR);
  const from = stored ? new Date(Date.parse(stored) - deps.overlapMs) : new Date(0);
  const changed = await deps.infosoft.getChangedCustomers(from, to);
  const unique = [...new Set(changed)];
  await deps.scheduler.enqueueCustomers(unique, 'infosoft-feed');
  // Only advance after every change is on the queue: a crash before this line re-reads the window.
  deps.cursors.write(FEED_CURSOR, to.toISOString());
  return { enqueued: unique.length, from, to };
}

/** Every customer the feed has ever reported, for a full sync. */
export async function listDiscoverableCustomers(
  deps: Pick<PollChangesDeps, 'infosoft' | 'now'>,
  linked: readonly number[],
): Promise<number[]> {
  const changed = await deps.infosoft.getChangedCustomers(new Date(0), deps.now());
  return [...new Set([...changed, ...linked])].sort((a, b) => a - b);
}
