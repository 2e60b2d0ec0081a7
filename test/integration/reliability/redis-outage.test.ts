// Redis unreachable for 10 s in the middle of a run: the worker reconnects and finishes; nothing is
// lost or created twice.
//
// How the outage is modelled: a private redis-server is killed (SIGKILL) and started again on the
// same port 10 s later, from its append-only file written with appendfsync always. For the worker
// that is "Redis is gone": in-flight commands fail, connects are refused, ioredis must reconnect.
// Pausing the server with SIGSTOP would leave the TCP connections open, so nothing would ever
// reconnect; restarting a server without persistence would lose the queue, which is data loss
// rather than an outage (and no worker can recover jobs that no longer exist).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEffects, countSettled } from '../../../scripts/chaos.js';
import { countJobs } from '../../../src/queue/queues.js';
import { countOutcomesSince } from '../../../src/store/sync-log.js';
import { OUTCOME_ACTIONS } from '../../../src/sync/sync-customer.js';
import { startPrivateRedis, startWorkerStack, waitUntil, type PrivateRedis, type WorkerStack } from '../../support/processes.js';

let redis: PrivateRedis | null = null;
let stack: WorkerStack | null = null;
let dir: string | null = null;
afterEach(async () => {
  // The stack's cleanup talks to Redis: make sure it is up even when the test failed mid-outage.
  if (redis && redis.process()?.exitStatus()) await redis.start().catch(() => undefined);
  await stack?.close();
  await redis?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  stack = null;
  redis = null;
  dir = null;
});

const outcomes = (s: WorkerStack) => Object.values(countOutcomesSince(s.harness.app.db, 0, OUTCOME_ACTIONS)).reduce((a, b) => a + b, 0);

describe('a Redis outage during a run', () => {
  it('is ridden out: the worker reconnects and every customer ends linked or dead-lettered, none twice', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    dir = mkdtempSync(join(tmpdir(), 'customer-sync-redis-'));
    redis = await startPrivateRedis({ dir });
    const r = redis;
    stack = await startWorkerStack({ sims: { customers: 200, overlap: 0.3, shipToShare: 0.1, seed }, redisUrl: r.url });
    const s = stack;
    const { app, sims } = s.harness;
    // This process's own queue handles see the outage too; the worker's reaction is what is tested.
    app.queues.sync.on('error', () => undefined);
    app.queues.poll.on('error', () => undefined);
    // Slow enough that the run is still going when Redis goes away.
    sims.windward.setFaults({ latencyMs: 100 });
    sims.infosoft.setFaults({ latencyMs: 50 });
    await s.enqueue(s.customerNumbers);
    const worker = s.spawnWorker();

    await waitUntil(() => outcomes(s) >= 30, 'the run to be under way', 120_000);
    await r.crash();
    const atOutage = outcomes(s);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(worker.exitStatus(), `the worker died during the outage:\n${worker.tail()}`).toBeNull();
    await r.start();

    await waitUntil(
      async () => {
        if (worker.exitStatus()) throw new Error(`the worker exited:\n${worker.tail()}`);
        const c = await countJobs(app.queues.sync);
        return c.waiting + c.active + c.delayed === 0 && countSettled(app.db, s.customerNumbers) === s.customerNumbers.length;
      },
      'the worker to reconnect and finish',
      240_000,
    );
    expect(atOutage).toBeLessThan(s.customerNumbers.length); // the outage really hit mid-run
    expect((await worker.stop('SIGTERM')).code, worker.tail()).toBe(0);

    const effects = checkEffects(app.db, s.customerNumbers, sims.windward.customers());
    const message = `seed ${seed}: ${JSON.stringify({ ...effects, deadLetters: effects.deadLetters.slice(0, 5) })}\n${worker.tail()}`;
    expect(effects.duplicates, message).toEqual([]);
    expect(effects.unlinked, message).toEqual([]);
    expect(effects.lost, message).toEqual([]);
    expect(effects.orphanRecords, message).toEqual([]);
  }, 400_000);
});
