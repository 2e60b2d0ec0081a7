// Two-way sync: Windward edits flow back to Infosoft without echoes, loops or lost updates.
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../src/queue/jobs.js';
import { countJobs } from '../../src/queue/queues.js';
import type { InfosoftSeedRecord } from '../../src/simulators/infosoft/seed-record.js';
import { findLink } from '../../src/store/links.js';
import { listReviews } from '../../src/store/reviews.js';
import { lastSyncLogId } from '../../src/store/sync-log.js';
import { fetchJson, lastOutcome, simBase, startHarness, waitUntil, type Harness } from '../support/harness.js';

const kari: InfosoftSeedRecord = {
  CustomerNumber: 800001,
  FirstName: 'Kari',
  LastName: 'Nordmann',
  Email: 'kari@example.no',
  Telephone1: '91234567',
  Address: { StreetName: 'Østensjøveien', HouseNumber: '36', ZipCode: '0667', ZipText: 'OSLO', CountryCode: 'NO' },
  Titles: [{ TitleCode: 'IT' }, { TitleCode: 'AP' }],
};

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

type Calls = Record<string, number>;
const stats = async (h: Harness) => ({
  infosoft: (await fetchJson<{ calls: Calls }>(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/stats`)).calls,
  windward: (await fetchJson<{ calls: Calls }>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/stats`)).calls,
});
const writes = async (h: Harness) => {
  const { infosoft, windward } = await stats(h);
  return {
    UpdateCustomerDetails: infosoft.UpdateCustomerDetails ?? 0,
    SavePermanentMove: infosoft.SavePermanentMove ?? 0,
    addCustomer: windward.addCustomer ?? 0,
    update_Retail_Customer: windward.update_Retail_Customer ?? 0,
  };
};
const put = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
};

async function drain(h: Harness) {
  await waitUntil(async () => {
    const c = await countJobs(h.app.queues.sync);
    return c.waiting + c.active + c.delayed === 0;
  }, 'the sync queue to drain');
}

/** One round of both change detectors: Infosoft's feed and the Windward listing. */
async function pollCycle(h: Harness) {
  const job = await h.app.queues.poll.add(JOB_NAMES.poll, {});
  await waitUntil(async () => (await job.getState()) === 'completed', 'the poll job');
  await h.app.refreshMirror();
  await drain(h);
}

async function startLinked(directions: 'both' | 'infosoft-to-windward', now?: () => Date) {
  const h = await startHarness({ sims: { infosoftSeed: [kari], windwardSeed: [] }, config: { sync: { directions } }, ...(now ? { now } : {}) });
  const mark = lastSyncLogId(h.app.db);
  await h.app.enqueueCustomer(800001, 'test');
  expect((await waitUntil(() => lastOutcome(h.app, 800001, mark), 'first sync')).action).toBe('created');
  await pollCycle(h); // the feed re-reports the seeded customer: must be quiet
  return { h, unique: findLink(h.app.db, 800001, 'bill_to', null)!.windwardUnique };
}

describe('Windward → Infosoft', () => {
  it('sends a name, phone and e-mail change in Windward as one UpdateCustomerDetails, then stays quiet', async () => {
    const { h, unique } = await startLinked('both');
    harness = h;
    const before = await writes(h);
    await put(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/customers/${unique}`, { FirstName: 'Karianne', Phone1: '+47 400 00 001', Email: 'karianne@example.no' });
    for (let cycle = 0; cycle < 3; cycle += 1) await pollCycle(h);
    const after = await writes(h);
    expect(after).toEqual({ ...before, UpdateCustomerDetails: before.UpdateCustomerDetails + 1 });
    const infosoft = await fetchJson<InfosoftSeedRecord>(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/customers/800001`);
    expect(infosoft).toMatchObject({ FirstName: 'Karianne', Telephone1: '+47 400 00 001', Email: 'karianne@example.no' });
  });

  it('sends an address change as SavePermanentMove from the next distribution date, for the titles delivered home', async () => {
    // A clock that runs (the change feed needs time to pass), starting on a Saturday.
    const saturday = Date.parse('2026-03-07T12:00:00Z');
    const startedAt = Date.now();
    const { h, unique } = await startLinked('both', () => new Date(saturday + Date.now() - startedAt));
    harness = h;
    await put(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/customers/${unique}`, { Addr1: 'Storgata 12 B', Postal: '0155', City: 'OSLO' });
    for (let cycle = 0; cycle < 3; cycle += 1) await pollCycle(h);
    const { moves } = await fetchJson<{ moves: Array<{ customerNumber: number; titleCode: string; startDate: string }> }>(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/moves`);
    // Saturday → Sunday has no distribution → Monday.
    expect(moves.map((m) => [m.titleCode, m.startDate]).sort()).toEqual([
      ['AP', '2026-03-09'],
      ['IT', '2026-03-09'],
    ]);
    const after = await writes(h);
    expect(after.SavePermanentMove).toBe(2);
    expect(after.update_Retail_Customer).toBe(0); // Windward's new address is not reverted

    // A later Infosoft change (phone) flows to Windward without dragging the old address back,
    // although Infosoft shows the old address until the move's date.
    await put(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/customers/800001`, { Telephone1: '45454545' });
    for (let cycle = 0; cycle < 2; cycle += 1) await pollCycle(h);
    const { Customers } = await fetchJson<{ Customers: Array<{ Unique: number; Addr1: string; Phone1: string }> }>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/customers`);
    expect(Customers.find((c) => c.Unique === unique)).toMatchObject({ Addr1: 'Storgata 12 B', Phone1: '45454545' });
  });

  it('writes nothing to Infosoft while the direction is off', async () => {
    const { h, unique } = await startLinked('infosoft-to-windward');
    harness = h;
    await put(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/customers/${unique}`, { Email: 'shop-typed@example.no', Addr1: 'Storgata 1' });
    for (let cycle = 0; cycle < 2; cycle += 1) await pollCycle(h);
    await h.app.enqueueCustomer(800001, 'test');
    await drain(h);
    const after = await writes(h);
    expect([after.UpdateCustomerDetails, after.SavePermanentMove]).toEqual([0, 0]);
  });
});

describe('loops and conflicts', () => {
  it('turns an Infosoft change into exactly one Windward write, then quiet', async () => {
    const { h } = await startLinked('both');
    harness = h;
    const before = await writes(h);
    await put(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/customers/800001`, { Telephone1: '98765432' });
    for (let cycle = 0; cycle < 4; cycle += 1) await pollCycle(h);
    expect(await writes(h)).toEqual({ ...before, update_Retail_Customer: before.update_Retail_Customer + 1 });
  });

  it('settles an e-mail edited in both systems by policy (Infosoft wins), logs the conflict and offers it for review', async () => {
    const { h, unique } = await startLinked('both');
    harness = h;
    const before = await writes(h);
    await put(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/customers/800001`, { Email: 'from-infosoft@example.no' });
    await put(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/customers/${unique}`, { Email: 'from-shop@example.no' });
    for (let cycle = 0; cycle < 3; cycle += 1) await pollCycle(h);

    const after = await writes(h);
    expect(after.UpdateCustomerDetails).toBe(before.UpdateCustomerDetails);
    expect(after.update_Retail_Customer).toBe(before.update_Retail_Customer + 1);
    const { Customers } = await fetchJson<{ Customers: Array<{ Unique: number; Email: string }> }>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/customers`);
    expect(Customers.find((c) => c.Unique === unique)?.Email).toBe('from-infosoft@example.no');
    const conflicts = listReviews(h.app.db).filter((r) => r.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.reason).toMatch(/email changed in both systems.*infosoft won/);
  });
});
