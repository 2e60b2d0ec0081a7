// Walking-skeleton acceptance: one customer flows Infosoft → Windward through the real parts.
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../src/queue/jobs.js';
import { generateCustomers } from '../../src/simulators/generate.js';
import { listAllLinks } from '../../src/store/links.js';
import { lastSyncLogId } from '../../src/store/sync-log.js';
import { runCli } from '../support/cli.js';
import { fetchJson, lastOutcome, simBase, startHarness, waitUntil, type Harness } from '../support/harness.js';

interface SimCustomers {
  Customers: Array<{ Unique: number; Number?: string; Name?: string; Phone1?: string; Email?: string }>;
}
interface SimStats {
  calls: Record<string, number>;
}

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const windwardCustomers = (h: Harness) => fetchJson<SimCustomers>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/customers`);
const windwardStats = (h: Harness) => fetchJson<SimStats>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/stats`);

describe('sync-all over real HTTP, Redis and SQLite', () => {
  it('creates the new customers, links the existing ones, and writes nothing the second time', async () => {
    const data = generateCustomers({ customers: 200, overlap: 0.3, shipToShare: 0, seed: 7, titleCodes: ['IT', 'AP'] });
    expect(data.preExisting).toHaveLength(60);
    harness = await startHarness({ sims: { infosoftSeed: data.infosoft, windwardSeed: data.windward } });
    const before = (await windwardCustomers(harness)).Customers.length;

    const first = await runCli(['sync-all', '--wait', '--json'], harness.env);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout) as Record<string, number>;
    expect(summary).toMatchObject({ customers: 200, created: 140, linked: 60, updated: 0, review: 0, failed: 0 });

    const after = (await windwardCustomers(harness)).Customers;
    expect(after.length).toBe(before + 140);
    const references = after.map((c) => c.Number).filter((n): n is string => Boolean(n));
    expect(new Set(references).size).toBe(references.length); // no customer created twice
    expect(references.length).toBe(200);

    const links = listAllLinks(harness.app.db);
    expect(links).toHaveLength(200);
    expect(new Set(links.map((l) => l.windwardUnique)).size).toBe(200);
    const byUnique = new Map(after.map((c) => [c.Unique, c]));
    for (const link of links) expect(byUnique.get(link.windwardUnique)?.Number).toBe(`IS-${link.customerNumber}`);
    // The pre-existing twins (generated first) were linked, not re-created; shop-only customers were left alone.
    const linkedUniques = new Set(links.map((l) => l.windwardUnique));
    const twins = data.windward.slice(0, data.preExisting.length);
    const shopOnly = data.windward.slice(data.preExisting.length);
    expect(twins.every((twin) => linkedUniques.has(twin.Unique as number))).toBe(true);
    expect(shopOnly.some((other) => linkedUniques.has(other.Unique as number))).toBe(false);

    // Every customer with an e-mail was looked up by it once: the lookup started beside the title
    // reads is the one the matcher used, not a second call.
    const statsAfterFirst = await windwardStats(harness);
    const withEmail = data.infosoft.filter((c) => String(c.Email ?? '').trim() !== '').length;
    expect(withEmail).toBeGreaterThan(100);
    expect(statsAfterFirst.calls.Get_Customer_By_Email ?? 0).toBe(withEmail);

    const second = await runCli(['sync-all', '--wait', '--json'], harness.env);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ customers: 200, unchanged: 200, created: 0, linked: 0, updated: 0 });
    // Unchanged customers cost no Windward call at all, reads included.
    const callsOf = (stats: SimStats) => Object.values(stats.calls).reduce((sum, n) => sum + n, 0);
    expect(callsOf(await windwardStats(harness))).toBe(callsOf(statsAfterFirst));

    const exported = await runCli(['links', 'export', '--json'], harness.env);
    expect(JSON.parse(exported.stdout)).toHaveLength(200);
  });

  it('picks up an Infosoft change through the poll job and updates the linked customer exactly once', async () => {
    const data = generateCustomers({ customers: 5, overlap: 0, shipToShare: 0, seed: 3, titleCodes: ['IT', 'AP'], windwardOnlyShare: 0 });
    harness = await startHarness({ sims: { infosoftSeed: data.infosoft, windwardSeed: [] } });
    const h = harness;
    await h.app.queues.poll.add(JOB_NAMES.poll, {});
    await waitUntil(() => listAllLinks(h.app.db).length === 5, 'the first poll to sync all customers');
    const changed = data.infosoft[2]!;
    const link = listAllLinks(h.app.db).find((l) => l.customerNumber === changed.CustomerNumber)!;
    const updatesBefore = (await windwardStats(h)).calls.update_Retail_Customer ?? 0;

    const mark = lastSyncLogId(h.app.db);
    const put = await fetch(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/customers/${changed.CustomerNumber}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Telephone1: '99887766' }),
    });
    expect(put.ok).toBe(true);
    await h.app.queues.poll.add(JOB_NAMES.poll, {});
    const outcome = await waitUntil(() => lastOutcome(h.app, changed.CustomerNumber, mark), 'the change to be synced');
    expect(outcome.action).toBe('updated');
    expect(outcome.windwardUnique).toBe(link.windwardUnique);

    // A further poll re-reads the overlap window: the customer is checked again, but nothing is written.
    const mark2 = lastSyncLogId(h.app.db);
    await h.app.queues.poll.add(JOB_NAMES.poll, {});
    const again = await waitUntil(() => lastOutcome(h.app, changed.CustomerNumber, mark2), 'the overlap re-read');
    expect(again.action).toBe('unchanged');
    expect((await windwardStats(h)).calls.update_Retail_Customer ?? 0).toBe(updatesBefore + 1);
    const record = (await windwardCustomers(h)).Customers.find((c) => c.Unique === link.windwardUnique);
    expect(record?.Phone1).toBe('99887766');
  });

  it('fails a resync of an unknown customer permanently, with a clear reason and no retries', async () => {
    harness = await startHarness();
    const result = await runCli(['resync', '424242', '--wait', '--json'], harness.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/customer 424242 failed: .*customer_not_found/);
    const [job] = await harness.app.queues.sync.getFailed();
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/customer_not_found/);
    const stats = await fetchJson<SimStats>(`${simBase(harness.sims.env.INFOSOFT_URL)}/__sim/stats`);
    expect(stats.calls.GetCustomerInformation).toBe(1);
  });

  it("syncs a customer whose name contains '%'", async () => {
    const data = generateCustomers({ customers: 1, overlap: 0, shipToShare: 0, seed: 5, titleCodes: ['IT', 'AP'], windwardOnlyShare: 0 });
    const customer = { ...data.infosoft[0]!, FirstName: '100% Ærlig', LastName: "O'Brien-Sæther" };
    harness = await startHarness({ sims: { infosoftSeed: [customer], windwardSeed: [] } });
    const result = await runCli(['resync', String(customer.CustomerNumber), '--wait', '--json'], harness.env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ customers: 1, created: 1, failed: 0 });
    const [created] = (await windwardCustomers(harness)).Customers;
    expect(created?.Name).toBe("100% Ærlig O'Brien-Sæther");
  });
});
