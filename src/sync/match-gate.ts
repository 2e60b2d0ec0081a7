// Customers who could be each other's candidates are decided one at a time. A lookup sees the
// customers already filed in the mirror; one being created by another job at the same moment is not
// there yet. Two Infosoft records of one person synced in the same second would then both find
// nothing and both be created, where one after the other the second finds the first (and goes to
// review). So a job holds its record's blocking keys from its lookup until what it decided is filed,
// and a job sharing any of those keys waits for it. Jobs of unrelated customers never wait.
//
// Per worker process: workers in several processes are not serialized against each other.
import type { InfosoftCustomer } from '../domain/customer.js';
import { blockingKeys, EMAIL_LOCAL_PART_KEY_PREFIX, type MatchParams } from '../match/index.js';
import { toMatchRecordFromInfosoft } from './match-records.js';

export interface MatchGate {
  /** Waits until no other job holds any of the customer's keys, then holds them until released. */
  enter(customer: InfosoftCustomer): Promise<() => void>;
  /** Entries, and entries that had to wait for another job (metrics, tests). */
  readonly stats: { entered: number; waited: number };
}

// Not the e-mail's local part alone: shared by every post@ and info@ of unrelated customers, waiting
// on it would queue those jobs behind each other for nothing.
const isGated = (key: string) => !key.startsWith(EMAIL_LOCAL_PART_KEY_PREFIX);

export function createMatchGate(params: MatchParams): MatchGate {
  const held = new Map<string, Promise<void>>();
  const stats = { entered: 0, waited: 0 };
  return {
    stats,
    async enter(customer) {
      const keys = blockingKeys(toMatchRecordFromInfosoft(customer), params).filter(isGated);
      let waited = false;
      for (;;) {
        const busy = keys.flatMap((key) => held.get(key) ?? []);
        if (busy.length === 0) break;
        waited = true;
        // Then look again: a third job may have taken a key meanwhile.
        await Promise.all(busy);
      }
      stats.entered += 1;
      if (waited) stats.waited += 1;
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      for (const key of keys) held.set(key, done);
      return () => {
        for (const key of keys) if (held.get(key) === done) held.delete(key);
        release();
      };
    },
  };
}
