// The per-customer lock against the real Redis, on an auto-pipelined connection as the worker uses
// it (commands of one turn share a socket write), and the worker's behaviour when a customer's lock
// is held elsewhere: the job waits without spending an attempt, then syncs once.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireCustomerLock } from '../../src/queue/customer-lock.js';
import { toCustomerJobKey } from '../../src/queue/jobs.js';
import { generateCustomers } from '../../src/simulators/generate.js';
import { REDIS_URL, removeRedisKeys, startHarness, waitUntil, type Harness } from '../support/harness.js';

const prefix = `cs-lock-test-${randomUUID().slice(0, 8)}`;
let redis: Redis;
beforeAll(() => {
  redis = new Redis(REDIS_URL, { enableAutoPipelining: true, maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await removeRedisKeys(REDIS_URL, prefix);
  await redis.quit();
});

describe('customer lock', () => {
  it('is held by one holder at a time and freed by its release', async () => {
    const key = `${prefix}:lock:a`;
    const first = await acquireCustomerLock(redis, key, 'job-1', 10_000);
    expect(first).not.toBeNull();
    expect(await acquireCustomerLock(redis, key, 'job-2', 10_000)).toBeNull();
    expect(await redis.get(key)).toBe('job-1');
    await first!.release();
    expect(await redis.exists(key)).toBe(0);
    const second = await acquireCustomerLock(redis, key, 'job-2', 10_000);
    expect(second).not.toBeNull();
    await second!.release();
  });

  it("never releases another holder's lock (an expired holder releasing late)", async () => {
    const key = `${prefix}:lock:b`;
    const late = await acquireCustomerLock(redis, key, 'job-1', 10_000);
    expect(late).not.toBeNull();
    // The first holder's lock expired and someone else took the customer.
    await redis.set(key, 'job-2', 'PX', 10_000);
    await late!.release();
    expect(await redis.get(key)).toBe('job-2');
  });

  it('gives each key to exactly one of many holders asking in the same turn (pipelined)', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `${prefix}:lock:many-${i}`);
    const distinct = await Promise.all(keys.map((key, i) => acquireCustomerLock(redis, key, `job-${i}`, 10_000)));
    expect(distinct.every((lock) => lock !== null)).toBe(true);
    const contended = await Promise.all(Array.from({ length: 40 }, (_, i) => acquireCustomerLock(redis, `${prefix}:lock:one`, `job-${i}`, 10_000)));
    expect(contended.filter((lock) => lock !== null)).toHaveLength(1);
    await Promise.all([...distinct, ...contended].map((lock) => lock?.release()));
    expect(await redis.exists(...keys, `${prefix}:lock:one`)).toBe(0);
  });

  it('is renewed while held and expires when its holder is gone', async () => {
    const key = `${prefix}:lock:c`;
    const lock = await acquireCustomerLock(redis, key, 'job-1', 1_200);
    expect(lock).not.toBeNull();
    // Renewed every second (at least): still held well past its first expiry.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await redis.get(key)).toBe('job-1');
    await lock!.release();
    // A holder that vanished without releasing: gone after the TTL.
    await redis.set(key, 'crashed', 'PX', 200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await redis.exists(key)).toBe(0);
  });
});

describe('worker and a lock held elsewhere', () => {
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  it('delays the job without spending an attempt, then syncs the customer once the lock is free', async () => {
    const data = generateCustomers({ customers: 1, overlap: 0, shipToShare: 0, seed: 11, titleCodes: ['IT', 'AP'] });
    harness = await startHarness({ sims: { infosoftSeed: data.infosoft, windwardSeed: [] }, config: { sync: { attempts: 1 } } });
    const customerNumber = Number(data.infosoft[0]!.CustomerNumber);
    const lockKey = `${harness.config.redis.queuePrefix}:lock:${toCustomerJobKey(customerNumber)}`;
    await redis.set(lockKey, 'another-worker', 'PX', 30_000);

    const jobId = await harness.app.enqueueCustomer(customerNumber, 'manual');
    const job = await waitUntil(() => jobIn(harness!, jobId, 'delayed'), 'the job to be delayed by the held lock');
    expect(job.attemptsMade).toBe(0);
    expect(await harness.app.queues.sync.getFailedCount()).toBe(0);

    await redis.del(lockKey);
    const done = await waitUntil(() => jobIn(harness!, jobId, 'completed'), 'the job to complete after the lock was freed', 15_000);
    expect(done.returnvalue).toMatchObject({ action: 'created' });
    // Attempts 1: had waiting spent one, the job would have failed for good instead.
    expect(await harness.app.queues.sync.getFailedCount()).toBe(0);
    expect(await redis.exists(lockKey)).toBe(0);
  });
});

/**
 * The job once it is in `state`, read after its state: a job read first and found in that state a
 * moment later is a snapshot from before (no return value yet, the attempts of then).
 */
async function jobIn(harness: Harness, jobId: string, state: 'delayed' | 'completed') {
  if ((await harness.app.queues.sync.getJobState(jobId)) !== state) return null;
  return (await harness.app.queues.sync.getJob(jobId)) ?? null;
}
