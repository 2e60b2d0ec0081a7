// The worker's group commit (store/write-batch.ts) end to end: a create intent is on disk while
// addCustomer is in flight, a completed job's writes are visible to another process, and jobs share
// commits. Checked from a second SQLite connection, as the web process would see it. (That
// IntentStore.open resolves only once the intent is committed is checked in store/write-batch.test.ts.)
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { InfosoftSeedRecord } from '../../src/simulators/infosoft/seed-record.js';
import { lastSyncLogId } from '../../src/store/sync-log.js';
import { lastOutcome, startHarness, waitUntil, type Harness } from '../support/harness.js';

let harness: Harness | null = null;
let other: Database.Database | null = null;
afterEach(async () => {
  other?.close();
  other = null;
  await harness?.close();
  harness = null;
});

// Distinct people (names spelled from the digits, so the matcher sees no namesakes).
const SYLLABLES = ['ba', 'de', 'fi', 'go', 'ku', 'la', 'me', 'ni', 'po', 'ru'];
const spell = (n: number) => [...String(n)].map((d) => SYLLABLES[Number(d)]).join('');
const person = (n: number): InfosoftSeedRecord => ({
  CustomerNumber: n,
  FirstName: 'Kari',
  LastName: `A${spell(n)}sen`,
  Email: `kari.${n}@example.no`,
  Address: { StreetName: `${spell(n)}veien`, HouseNumber: '1', ZipCode: '0155', ZipText: 'OSLO', CountryCode: 'NO' },
  Titles: [{ TitleCode: 'IT' }],
});

describe('group commit in the worker', () => {
  it('has the create intent on disk while addCustomer is in flight', async () => {
    harness = await startHarness({ sims: { infosoftSeed: [person(700001)], windwardSeed: [] } });
    const h = harness;
    expect(h.app.writeBatch).not.toBeNull();
    other = new Database(join(h.dir, 'sync.db'), { readonly: true });
    // The first addCustomer is accepted and never answered: the worker waits for its timeout.
    h.sims.windward.setFaults({ script: [{ kind: 'timeout', operation: 'addCustomer', times: 1 }] });
    const mark = lastSyncLogId(h.app.db);
    await h.app.enqueueCustomer(700001, 'test');
    await waitUntil(() => (h.sims.windward.stats().addCustomer ?? 0) >= 1, 'addCustomer sent');
    const intents = other.prepare('select external_ref as ref from create_intent').all() as Array<{ ref: string }>;
    expect(intents.map((i) => i.ref)).toEqual(['IS-700001']);
    // The retry finds no record carrying the reference and creates it once.
    const outcome = await waitUntil(() => lastOutcome(h.app, 700001, mark), 'customer 700001');
    expect(outcome.action).toBe('created');
    expect(h.sims.windward.stats().addCustomer).toBe(2);
    expect(other.prepare('select count(*) as n from create_intent').get()).toEqual({ n: 0 });
  });

  it('has a dead letter committed by the time the job is reported failed for good', async () => {
    harness = await startHarness({ sims: { infosoftSeed: [], windwardSeed: [] } });
    const h = harness;
    other = new Database(join(h.dir, 'sync.db'), { readonly: true });
    const deadLetterOf = other.prepare('select error_code as code from dead_letter where customer_number = ?');
    const seen: Array<unknown> = [];
    const workers = await h.app.startWorkers();
    // Registered after the worker's own 'failed' handler, which records the dead letter.
    workers.sync.on('failed', (job) => {
      if (job) seen.push(deadLetterOf.get((job.data as { customerNumber: number }).customerNumber) ?? null);
    });
    // Infosoft does not know this customer: a permanent failure, no retry.
    await h.app.enqueueCustomer(424242, 'test');
    await waitUntil(() => seen.length > 0 || null, 'the job to fail');
    expect(seen).toEqual([{ code: expect.any(String) }]);
  });

  it('reports a job completed only once its link and sync log entry are committed, in shared commits', async () => {
    const numbers = Array.from({ length: 40 }, (_, i) => 710001 + i);
    harness = await startHarness({ sims: { infosoftSeed: numbers.map(person), windwardSeed: [] }, config: { sync: { concurrency: 16 } } });
    const h = harness;
    other = new Database(join(h.dir, 'sync.db'), { readonly: true });
    const linkOf = other.prepare("select windward_unique as u from customer_link where customer_number = ? and role = 'bill_to'");
    const logOf = other.prepare('select action from sync_log where customer_number = ?');
    const seenAtCompletion: Array<{ n: number; linked: boolean; logged: boolean }> = [];
    const workers = await h.app.startWorkers();
    workers.sync.on('completed', (job) => {
      const n = (job.data as { customerNumber: number }).customerNumber;
      seenAtCompletion.push({ n, linked: linkOf.get(n) !== undefined, logged: logOf.get(n) !== undefined });
    });
    const commitsBefore = h.app.writeBatch?.stats.commits ?? 0;
    for (const n of numbers) await h.app.enqueueCustomer(n, 'test');
    await waitUntil(() => seenAtCompletion.length >= numbers.length || null, 'all jobs completed');
    expect(seenAtCompletion.filter((s) => !s.linked || !s.logged)).toEqual([]);
    expect(new Set(seenAtCompletion.map((s) => s.n)).size).toBe(numbers.length);
    // Each created customer writes 4 times (intent, link and mirror, sync log, dead letters): far
    // fewer commits than that means jobs shared them.
    const commits = (h.app.writeBatch?.stats.commits ?? 0) - commitsBefore;
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(numbers.length * 4);
  });
});
