// Exactly-once creates: a create whose response is lost is found again by its reference and adopted.
import { afterEach, describe, expect, it } from 'vitest';
import type { InfosoftSeedRecord } from '../../src/simulators/infosoft/seed-record.js';
import { listAllLinks } from '../../src/store/links.js';
import { countOpenIntents } from '../../src/store/intents.js';
import { lastSyncLogId } from '../../src/store/sync-log.js';
import { syncCustomer } from '../../src/sync/sync-customer.js';
import { fetchJson, lastOutcome, simBase, startHarness, waitUntil, type Harness } from '../support/harness.js';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const customer = (n: number, email: string | undefined, titles: InfosoftSeedRecord['Titles'] = [{ TitleCode: 'IT' }]): InfosoftSeedRecord => ({
  CustomerNumber: n,
  FirstName: 'Ola',
  LastName: 'Nordmann',
  ...(email ? { Email: email } : {}),
  Address: { StreetName: 'Kirkegata', HouseNumber: '4', ZipCode: '0153', ZipText: 'OSLO', CountryCode: 'NO' },
  Titles: titles,
});

const windward = async (h: Harness) => {
  const base = simBase(h.sims.env.WINDWARD_URL);
  const { Customers } = await fetchJson<{ Customers: Array<{ Unique: number; Number: string }> }>(`${base}/__sim/customers`);
  const { calls } = await fetchJson<{ calls: Record<string, number> }>(`${base}/__sim/stats`);
  return { records: Customers, calls };
};

async function syncAndWait(h: Harness, n: number) {
  const mark = lastSyncLogId(h.app.db);
  await h.app.enqueueCustomer(n, 'test');
  return waitUntil(() => lastOutcome(h.app, n, mark), `customer ${n}`);
}

describe('a lost addCustomer response', () => {
  it.each([
    ['found again by e-mail', 'ola@example.no'],
    ['found again in the listing when there is no e-mail', undefined],
  ])('is adopted, not created twice (%s)', async (_how, email) => {
    // Plenty of other customers so the listing scan has pages to skip.
    const others = Array.from({ length: 30 }, (_, i) => ({ Unique: i + 1, Name: `Other ${i}`, Number: '' }));
    harness = await startHarness({ sims: { infosoftSeed: [customer(600001, email)], windwardSeed: others }, config: { sync: { mirrorPageSize: 7 } } });
    harness.sims.windward.setFaults({ script: [{ kind: 'lost-response', operation: 'addCustomer', times: 1 }] });
    const outcome = await syncAndWait(harness, 600001);
    expect(outcome.action).toBe('created');
    expect(outcome.reason).toMatch(/adopted/);
    const { records, calls } = await windward(harness);
    expect(records.filter((r) => r.Number === 'IS-600001')).toHaveLength(1);
    expect(calls.addCustomer).toBe(1);
    expect(listAllLinks(harness.app.db)).toHaveLength(1);
    expect(countOpenIntents(harness.app.db)).toBe(0);
  });

  it('is adopted for a ship-to customer too', async () => {
    harness = await startHarness({ sims: { infosoftSeed: [customer(600002, 'x@example.no')], windwardSeed: [] } });
    const h = harness;
    expect((await syncAndWait(h, 600002)).action).toBe('created');
    // The customer now gets a title delivered elsewhere; the ship-to's addCustomer loses its response.
    const cabin = { StreetName: 'Fjellveien', HouseNumber: '2', ZipCode: '2609', ZipText: 'LILLEHAMMER', CountryCode: 'NO' };
    const put = await fetch(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/customers/600002`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Titles: [{ TitleCode: 'AP', Address: cabin }] }),
    });
    expect(put.ok).toBe(true);
    h.sims.windward.setFaults({ script: [{ kind: 'lost-response', operation: 'addCustomer', times: 1 }] });
    expect((await syncAndWait(h, 600002)).action).toBe('updated');
    const { records, calls } = await windward(h);
    expect(records.map((r) => r.Number).sort()).toEqual(['IS-600002', 'IS-600002-S-AP']);
    expect(calls.addCustomer).toBe(2);
    expect(listAllLinks(h.app.db).map((l) => l.role)).toEqual(['bill_to', 'ship_to']);
    expect(countOpenIntents(h.app.db)).toBe(0);
  });
});

describe('running the handler twice', () => {
  it('makes no second write', async () => {
    harness = await startHarness({ sims: { infosoftSeed: [customer(600003, 'twice@example.no')], windwardSeed: [] }, worker: false });
    await harness.app.refreshMirror();
    const first = await syncCustomer(harness.app.syncDeps, 600003);
    const before = (await windward(harness)).calls;
    const second = await syncCustomer(harness.app.syncDeps, 600003);
    expect([first.action, second.action]).toEqual(['created', 'unchanged']);
    const after = (await windward(harness)).calls;
    expect((after.addCustomer ?? 0) + (after.update_Retail_Customer ?? 0)).toBe((before.addCustomer ?? 0) + (before.update_Retail_Customer ?? 0));
  });
});
