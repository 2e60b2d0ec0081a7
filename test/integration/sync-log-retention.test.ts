// Sync-log retention through the real worker: the schedule the worker command sets up, and a
// prune job consumed from the poll queue on the real Redis, deleting from the real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../src/queue/jobs.js';
import { upsertSyncLogPruneSchedule } from '../../src/queue/queues.js';
import { appendSyncLog, listSyncLogOfCustomer } from '../../src/store/sync-log.js';
import { startHarness, waitUntil, type Harness } from '../support/harness.js';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const DAY = 86_400_000;
const actionsOf = (harness: Harness, customerNumber: number) => listSyncLogOfCustomer(harness.app.db, customerNumber, 100).map((e) => e.action);

function logHistory(harness: Harness): void {
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
  appendSyncLog(harness.app.db, { customerNumber: 1, action: 'created', reason: 'no candidate' }, daysAgo(400));
  appendSyncLog(harness.app.db, { customerNumber: 1, action: 'unchanged', reason: 'same values' }, daysAgo(300));
  appendSyncLog(harness.app.db, { customerNumber: 1, action: 'updated', reason: 'changed' }, daysAgo(200));
  appendSyncLog(harness.app.db, { customerNumber: 1, action: 'unchanged', reason: 'same values' }, daysAgo(1));
}

describe('sync log retention in the worker', () => {
  it('a prune job on the poll queue deletes the expired routine entries and keeps the decision', async () => {
    h = await startHarness({ config: { sync: { logRetention: `${30 * 24}h` } } });
    logHistory(h);
    const job = await h.app.queues.poll.add(JOB_NAMES.pruneSyncLog, {});
    const harness = h;
    await waitUntil(async () => (await harness.app.queues.poll.getJob(job.id ?? ''))?.finishedOn, 'the prune job to finish');
    expect((await h.app.queues.poll.getJob(job.id ?? ''))?.returnvalue).toEqual({ removed: 2 });
    expect(actionsOf(h, 1)).toEqual(['unchanged', 'created']);
  });

  it('with a retention of 0 nothing is deleted', async () => {
    h = await startHarness({ worker: false, config: { sync: { logRetention: 0 } } });
    logHistory(h);
    expect(await h.app.pruneSyncLog()).toEqual({ removed: 0 });
    expect(actionsOf(h, 1)).toHaveLength(4);
  });

  it('the schedule is set up with a retention and removed without one', async () => {
    h = await startHarness({ worker: false });
    const schedulers = async () => (await h!.app.queues.poll.getJobSchedulers()).map((s) => ({ id: s.key, name: s.name, every: s.every }));
    await upsertSyncLogPruneSchedule(h.app.queues.poll, 180 * DAY, 3_600_000);
    expect(await schedulers()).toEqual([{ id: 'prune-sync-log', name: JOB_NAMES.pruneSyncLog, every: 3_600_000 }]);
    await upsertSyncLogPruneSchedule(h.app.queues.poll, 0, 3_600_000);
    expect(await schedulers()).toEqual([]);
  });
});
