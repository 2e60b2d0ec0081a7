// Graceful shutdown (DESIGN §7): SIGTERM lets the worker finish the jobs it has in flight, write
// their links and exit 0; nothing is half-written, and the next worker finishes the rest.
import { afterEach, describe, expect, it } from 'vitest';
import { checkEffects, countSettled } from '../../../scripts/chaos.js';
import { countJobs } from '../../../src/queue/queues.js';
import { listLinksOfCustomer } from '../../../src/store/links.js';
import { listSyncLogOfCustomer } from '../../../src/store/sync-log.js';
import { OUTCOME_ACTIONS } from '../../../src/sync/sync-customer.js';
import { startWorkerStack, waitUntil, type WorkerStack } from '../../support/processes.js';

let stack: WorkerStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

describe('SIGTERM to a busy worker', () => {
  it('completes the in-flight jobs, exits 0, and leaves the rest to the next worker without duplicates', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    stack = await startWorkerStack({ sims: { customers: 80, overlap: 0.3, shipToShare: 0.1, seed }, concurrency: 8 });
    const s = stack;
    const { app, sims } = s.harness;
    // Every Windward call takes 300 ms: a job holds several, so SIGTERM finds jobs mid-way.
    sims.windward.setFaults({ latencyMs: 300 });
    await s.enqueue(s.customerNumbers);
    const worker = s.spawnWorker();

    const inFlight = await waitUntil(async () => {
      const active = await app.queues.sync.getActive();
      return active.length >= 4 ? active : null;
    }, 'the worker to be busy with several jobs', 60_000);
    const exit = await Promise.race([worker.stop('SIGTERM'), new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
    expect(exit, `the worker did not exit after SIGTERM:\n${worker.tail()}`).not.toBeNull();
    expect(exit?.code, worker.tail()).toBe(0);

    // Its in-flight jobs ran to the end: completed in BullMQ, outcome logged, link written.
    for (const job of inFlight) {
      const customerNumber = job.data.customerNumber;
      expect(await job.getState(), `job ${job.id} of customer ${customerNumber}`).toBe('completed');
      const logged = listSyncLogOfCustomer(app.db, customerNumber, 5).filter((e) => e.jobId === job.id && (OUTCOME_ACTIONS as readonly string[]).includes(e.action));
      expect(logged, `outcome of customer ${customerNumber}`).toHaveLength(1);
      const action = logged[0]?.action;
      if (action !== 'review') expect(listLinksOfCustomer(app.db, customerNumber).some((l) => l.role === 'bill_to' && l.active), `link of ${customerNumber}`).toBe(true);
    }
    const after = await countJobs(app.queues.sync);
    expect(after.active).toBe(0); // nothing left for stall recovery to redo
    expect(after.waiting + after.delayed).toBeGreaterThan(0); // it really stopped mid-run
    // Nothing half-written: every record carrying one of our references has its link.
    const midway = checkEffects(app.db, s.customerNumbers, sims.windward.customers());
    expect(midway.orphanRecords).toEqual([]);
    expect(midway.duplicates).toEqual([]);

    const next = s.spawnWorker();
    await waitUntil(
      async () => {
        const c = await countJobs(app.queues.sync);
        return c.waiting + c.active + c.delayed === 0 && countSettled(app.db, s.customerNumbers) === s.customerNumbers.length;
      },
      'the next worker to finish the rest',
      180_000,
    );
    expect((await next.stop('SIGTERM')).code, next.tail()).toBe(0);
    const final = checkEffects(app.db, s.customerNumbers, sims.windward.customers());
    const message = `seed ${seed}: ${JSON.stringify({ ...final, deadLetters: final.deadLetters.slice(0, 5) })}`;
    expect(final.duplicates, message).toEqual([]);
    expect(final.unlinked, message).toEqual([]);
    expect(final.lost, message).toEqual([]);
    expect(final.orphanRecords, message).toEqual([]);
    expect(final.deadLetters, message).toEqual([]); // no faults here: nobody may give up
  }, 300_000);
});
