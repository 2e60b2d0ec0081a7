// Addresses done right: separate ship-to customers per delivery address, and future-dated moves
// applied on their start date by a delayed job (time driven by a controllable clock, not sleeps).
import { afterEach, describe, expect, it } from 'vitest';
import type { InfosoftSeedAddress, InfosoftSeedRecord } from '../../src/simulators/infosoft/seed-record.js';
import { listAllLinks } from '../../src/store/links.js';
import { lastSyncLogId } from '../../src/store/sync-log.js';
import { fetchJson, lastOutcome, simBase, startHarness, waitUntil, type Harness } from '../support/harness.js';

interface WindwardRecord {
  Unique: number;
  Number: string;
  Name: string;
  Addr1: string;
  Addr2: string;
  City: string;
  Postal: string;
  Country: string;
  Email: string;
}

const HOME: InfosoftSeedAddress = { StreetName: 'Østensjøveien', HouseNumber: '36', Entrance: 'B', ZipCode: '0667', ZipText: 'OSLO', CountryCode: 'NO' };
const CABIN: InfosoftSeedAddress = { StreetName: 'Fjellveien', HouseNumber: '2', ZipCode: '2609', ZipText: 'LILLEHAMMER', CountryCode: 'NO' };
const OFFICE: InfosoftSeedAddress = { StreetName: 'Storgata', HouseNumber: '12', ApartmentIdentity: 'H0102', CoAddress: 'Fjord Bakeri AS', ZipCode: '0155', ZipText: 'OSLO', CountryCode: 'NO' };

function aCustomer(customerNumber: number, titles: InfosoftSeedRecord['Titles'], address: InfosoftSeedAddress = HOME): InfosoftSeedRecord {
  return { CustomerNumber: customerNumber, FirstName: 'Kari', LastName: 'Nordmann', Email: `kari${customerNumber}@example.no`, Telephone1: '91234567', Address: address, Titles: titles };
}

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const windwardRecords = async (h: Harness) => (await fetchJson<{ Customers: WindwardRecord[] }>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/customers`)).Customers;
const windwardWrites = async (h: Harness) => {
  const { calls } = await fetchJson<{ calls: Record<string, number> }>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/stats`);
  return (calls.addCustomer ?? 0) + (calls.update_Retail_Customer ?? 0);
};

async function syncOnce(h: Harness, customerNumber: number) {
  const mark = lastSyncLogId(h.app.db);
  await h.app.enqueueCustomer(customerNumber, 'test');
  return waitUntil(() => lastOutcome(h.app, customerNumber, mark), `customer ${customerNumber} synced`);
}

describe('ship-to customers', () => {
  it('creates one bill-to and one ship-to for a title delivered elsewhere, and nothing the second time', async () => {
    harness = await startHarness({ sims: { infosoftSeed: [aCustomer(500001, [{ TitleCode: 'IT' }, { TitleCode: 'AP', Address: CABIN }])], windwardSeed: [] } });
    const first = await syncOnce(harness, 500001);
    expect(first.action).toBe('created');
    expect(first.details).toMatchObject({ shipToCreated: 1 });

    const records = await windwardRecords(harness);
    expect(records).toHaveLength(2);
    const billTo = records.find((r) => r.Number === 'IS-500001')!;
    const shipTo = records.find((r) => r.Number === 'IS-500001-S-AP')!;
    expect(billTo).toMatchObject({ Name: 'Kari Nordmann', Addr1: 'Østensjøveien 36 B', Postal: '0667', City: 'OSLO' });
    expect(shipTo).toMatchObject({ Name: 'Kari Nordmann', Addr1: 'Fjellveien 2', Postal: '2609', City: 'LILLEHAMMER', Email: '' });

    const links = listAllLinks(harness.app.db);
    expect(links.map((l) => [l.role, l.titleCode, l.windwardUnique, l.active])).toEqual([
      ['bill_to', null, billTo.Unique, true],
      ['ship_to', 'AP', shipTo.Unique, true],
    ]);

    const writes = await windwardWrites(harness);
    expect((await syncOnce(harness, 500001)).action).toBe('unchanged');
    expect(await windwardWrites(harness)).toBe(writes);
  });

  it('shares one ship-to customer between two titles delivered to the same other address', async () => {
    harness = await startHarness({ sims: { infosoftSeed: [aCustomer(500002, [{ TitleCode: 'IT', Address: CABIN }, { TitleCode: 'AP', Address: { ...CABIN, ZipText: 'Lillehammer' } }])], windwardSeed: [] } });
    await syncOnce(harness, 500002);
    const records = await windwardRecords(harness);
    expect(records.map((r) => r.Number).sort()).toEqual(['IS-500002', 'IS-500002-S-AP']);
    const shipToLinks = listAllLinks(harness.app.db).filter((l) => l.role === 'ship_to');
    expect(shipToLinks.map((l) => l.titleCode)).toEqual(['AP', 'IT']);
    expect(new Set(shipToLinks.map((l) => l.windwardUnique)).size).toBe(1);
  });

  it('marks the ship-to link inactive when the delivery address becomes the billing address again, deleting nothing', async () => {
    harness = await startHarness({ sims: { infosoftSeed: [aCustomer(500003, [{ TitleCode: 'AP', Address: CABIN }])], windwardSeed: [] } });
    await syncOnce(harness, 500003);
    const put = await fetch(`${simBase(harness.sims.env.INFOSOFT_URL)}/__sim/customers/500003`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Titles: [{ TitleCode: 'AP' }] }),
    });
    expect(put.ok).toBe(true);
    expect((await syncOnce(harness, 500003)).action).toBe('updated');
    expect(listAllLinks(harness.app.db).find((l) => l.role === 'ship_to')?.active).toBe(false);
    expect(await windwardRecords(harness)).toHaveLength(2);
  });

  it('maps c/o and bolignummer, and a foreign address, as documented', async () => {
    const foreign: InfosoftSeedAddress = {
      StreetName: 'Drottninggatan',
      HouseNumber: '5',
      ZipCode: 'I/A',
      ZipText: '',
      CountryCode: 'SE',
      AddressExtension1: 'Drottninggatan 5',
      AddressExtension2: '111 51 STOCKHOLM',
    };
    harness = await startHarness({
      sims: { infosoftSeed: [aCustomer(500004, [{ TitleCode: 'IT' }], OFFICE), aCustomer(500005, [{ TitleCode: 'IT' }], foreign)], windwardSeed: [] },
    });
    await syncOnce(harness, 500004);
    await syncOnce(harness, 500005);
    const records = await windwardRecords(harness);
    expect(records.find((r) => r.Number === 'IS-500004')).toMatchObject({ Addr1: 'Storgata 12', Addr2: 'c/o Fjord Bakeri AS, H0102', Postal: '0155', City: 'OSLO', Country: 'NO' });
    expect(records.find((r) => r.Number === 'IS-500005')).toMatchObject({ Addr1: 'Drottninggatan 5', Postal: '111 51', City: 'STOCKHOLM', Country: 'SE' });
  });
});

describe('future-dated moves', () => {
  async function registerMove(h: Harness, customerNumber: number, startDate: string, address: InfosoftSeedAddress) {
    const client = await import('../../src/infosoft/client.js').then((m) => m.createInfosoftClient({ url: h.sims.env.INFOSOFT_URL, timeoutMs: 2000 }));
    await client.savePermanentMove(
      customerNumber,
      'AP',
      { street: address.StreetName, houseNumber: address.HouseNumber, entrance: address.Entrance ?? '', unit: '', coAddress: '', postalCode: address.ZipCode, city: address.ZipText, countryCode: 'NO' },
      startDate,
      'TEST',
    );
  }

  async function plannedMoveJobs(h: Harness) {
    return (await h.app.queues.poll.getDelayed()).filter((job) => job.name === 'apply-move');
  }

  it('keeps Windward unchanged until the start date, then a delayed job applies the move; changed moves are re-planned', async () => {
    let clock = Date.parse('2026-03-02T10:00:00Z');
    const now = () => new Date(clock);
    harness = await startHarness({ now, sims: { infosoftSeed: [aCustomer(500010, [{ TitleCode: 'AP', Address: CABIN }])], windwardSeed: [] } });
    const h = harness;
    await syncOnce(h, 500010);

    await registerMove(h, 500010, '2026-03-05', OFFICE);
    await syncOnce(h, 500010);
    const shipTo = () => windwardRecords(h).then((all) => all.find((r) => r.Number === 'IS-500010-S-AP'));
    expect((await shipTo())?.Addr1).toBe('Fjellveien 2'); // not moved yet

    const [planned] = await plannedMoveJobs(h);
    expect(planned?.data).toEqual({ customerNumber: 500010, titleCode: 'AP', startDate: '2026-03-05' });
    // Planned for five past midnight UTC on the start date, measured on the (simulated) clock.
    expect(planned!.opts.delay).toBe(Date.parse('2026-03-05T00:05:00Z') - clock);

    // The move is changed to a later date before it runs: re-planned, the old job is gone.
    await registerMove(h, 500010, '2026-03-06', OFFICE);
    await syncOnce(h, 500010);
    const replanned = await plannedMoveJobs(h);
    expect(replanned.map((j) => j.data.startDate)).toEqual(['2026-03-06']);

    // The day comes: Infosoft now reports the new address and the job fires.
    clock = Date.parse('2026-03-06T00:10:00Z');
    const mark = lastSyncLogId(h.app.db);
    await replanned[0]!.promote();
    await waitUntil(() => lastOutcome(h.app, 500010, mark), 'the move to be applied');
    expect((await shipTo())?.Addr1).toBe('Storgata 12');
    expect(await plannedMoveJobs(h)).toHaveLength(0);
  });

  it('never applies a cancelled move', async () => {
    const clock = Date.parse('2026-03-02T10:00:00Z');
    harness = await startHarness({ now: () => new Date(clock), sims: { infosoftSeed: [aCustomer(500011, [{ TitleCode: 'AP', Address: CABIN }])], windwardSeed: [] } });
    const h = harness;
    await syncOnce(h, 500011);
    await registerMove(h, 500011, '2026-03-05', OFFICE);
    await syncOnce(h, 500011);
    expect(await plannedMoveJobs(h)).toHaveLength(1);

    const cancelled = await fetch(`${simBase(h.sims.env.INFOSOFT_URL)}/__sim/moves/500011/AP`, { method: 'DELETE' });
    expect(cancelled.ok).toBe(true);
    await syncOnce(h, 500011);
    expect(await plannedMoveJobs(h)).toHaveLength(0);
    const shipTo = (await windwardRecords(h)).find((r) => r.Number === 'IS-500011-S-AP');
    expect(shipTo?.Addr1).toBe('Fjellveien 2');
  });
});
