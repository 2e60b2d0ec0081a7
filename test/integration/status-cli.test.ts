// `customer-sync status` as an operator runs it: a real process against the real Redis and SQLite
// file of a stack, reporting queue counts, open dead letters and the database's growth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeadLetter } from '../../src/store/dead-letters.js';
import { appendSyncLog } from '../../src/store/sync-log.js';
import { enqueueCustomerSyncs } from '../../src/queue/queues.js';
import { runCli } from '../support/cli.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  // No worker: the enqueued jobs stay waiting, so the counts are known.
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  await h.close();
});

describe('customer-sync status', () => {
  it('reports waiting jobs, open dead letters, the database in use and the sync log length', async () => {
    await enqueueCustomerSyncs(h.app.queues.sync, [101, 102, 103], 'test');
    for (let i = 0; i < 250; i += 1) appendSyncLog(h.app.db, { customerNumber: 1000 + i, action: 'created', reason: 'no candidate', details: { pad: 'x'.repeat(2000) } });
    recordDeadLetter(h.app.db, { customerNumber: 101, jobId: 'j1', queue: 'sync', errorClass: 'PermanentError', errorCode: 'invalid', reason: 'bad data', attempts: 1 });

    const result = await runCli(['status', '--json'], h.env);
    expect(result.code, result.stderr).toBe(0);
    const status = JSON.parse(result.stdout) as Record<string, number>;
    expect(status).toMatchObject({ waiting: 3, active: 0, failed: 0, deadLetters: 1, syncLogEntries: 250 });
    // 250 entries of ~2 kB: at least 0.5 MB in use, and far from a runaway file.
    expect(status.databaseMb).toBeGreaterThan(0.5);
    expect(status.databaseMb).toBeLessThan(5);

    const text = await runCli(['status'], h.env);
    expect(text.stdout).toMatch(/^syncLogEntries\s+250$/m);
  });
});
