// enqueueCustomerSyncs against the real Redis: every customer once, in the order given, over the
// small first batch and the 500-job batches after it; a customer already waiting is not added twice.
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, type SyncCustomerPayload } from '../../src/queue/jobs.js';
import { enqueueCustomerSyncs } from '../../src/queue/queues.js';
import { REDIS_URL, removeRedisKeys } from '../support/harness.js';

const prefix = `cs-enqueue-test-${randomUUID().slice(0, 8)}`;
let redis: Redis;
let queue: Queue<SyncCustomerPayload>;
beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  queue = new Queue<SyncCustomerPayload>(QUEUE_NAMES.sync, { connection: redis, prefix });
});
afterAll(async () => {
  await queue.close();
  await removeRedisKeys(REDIS_URL, prefix);
  await redis.quit();
});

describe('enqueueCustomerSyncs', () => {
  it('adds every customer once, in order, across batches', async () => {
    const numbers = Array.from({ length: 1_120 }, (_, i) => 500_000 + i);
    await enqueueCustomerSyncs(queue, numbers, 'test');
    // Enqueued again while all are waiting: deduplication adds nothing.
    await enqueueCustomerSyncs(queue, numbers.slice(0, 60), 'test');
    expect(await queue.getWaitingCount()).toBe(1_120);
    const waiting = await queue.getWaiting(0, -1);
    // getWaiting lists the jobs in the order workers take them: the first added first.
    expect(waiting.map((job) => job.data.customerNumber)).toEqual(numbers);
    expect(new Set(waiting.map((job) => job.data.reason))).toEqual(new Set(['test']));
  });
});
