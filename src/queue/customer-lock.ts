// One sync per customer at a time, across every worker process. BullMQ's deduplication already
// keeps one active and one waiting job per customer; this lock also covers the paths around it
// (a dead letter retried while a new job runs, a stalled job re-run while the first still works).
import type { Redis } from 'ioredis';

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes the lock or returns null when another holder has it. The lock expires after `ttlMs` unless
 * renewed, so a killed worker blocks the customer no longer than that.
 */
export async function acquireCustomerLock(redis: Redis, key: string, token: string, ttlMs: number): Promise<HeldLock | null> {
  const taken = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (taken !== 'OK') return null;
  const renewal = setInterval(() => {
    redis.eval(RENEW, 1, key, token, String(ttlMs)).catch(() => undefined);
  }, Math.max(1000, Math.floor(ttlMs / 3)));
  renewal.unref();
  return {
    async release() {
      clearInterval(renewal);
      await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    },
  };
}
