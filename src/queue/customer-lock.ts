// One sync per customer at a time, across every worker process. BullMQ's deduplication already
// keeps one active and one waiting job per customer; this lock also covers the paths around it
// (a dead letter retried while a new job runs, a stalled job re-run while the first still works).
import type { Redis } from 'ioredis';

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

// Sent as EVALSHA (ioredis' defineCommand): the script text crosses the wire once per connection.
interface LockCommands {
  releaseCustomerLock(key: string, token: string): Promise<number>;
  renewCustomerLock(key: string, token: string, ttlMs: string): Promise<number>;
}

function withLockCommands(redis: Redis): Redis & LockCommands {
  const r = redis as Redis & Partial<LockCommands>;
  if (typeof r.releaseCustomerLock !== 'function') {
    redis.defineCommand('releaseCustomerLock', { numberOfKeys: 1, lua: RELEASE });
    redis.defineCommand('renewCustomerLock', { numberOfKeys: 1, lua: RENEW });
  }
  return redis as Redis & LockCommands;
}

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes the lock or returns null when another holder has it. The lock expires after `ttlMs` unless
 * renewed, so a killed worker blocks the customer no longer than that.
 */
export async function acquireCustomerLock(redis: Redis, key: string, token: string, ttlMs: number): Promise<HeldLock | null> {
  const r = withLockCommands(redis);
  const taken = await r.set(key, token, 'PX', ttlMs, 'NX');
  if (taken !== 'OK') return null;
  const renewal = setInterval(() => {
    r.renewCustomerLock(key, token, String(ttlMs)).catch(() => undefined);
  }, Math.max(1000, Math.floor(ttlMs / 3)));
  renewal.unref();
  return {
    async release() {
      clearInterval(renewal);
      await r.releaseCustomerLock(key, token).catch(() => undefined);
    },
  };
}
