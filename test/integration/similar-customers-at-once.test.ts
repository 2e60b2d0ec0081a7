// Two Infosoft records of one person, synced by jobs running at the same time: one Windward
// customer is created and the other record goes to review, as it would one after the other.
import { afterEach, describe, expect, it } from 'vitest';
import type { InfosoftSeedRecord } from '../../src/simulators/infosoft/seed-record.js';
import { fetchJson, lastOutcome, simBase, startHarness, waitUntil, type Harness } from '../support/harness.js';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const kari = (customerNumber: number): InfosoftSeedRecord => ({
  CustomerNumber: customerNumber,
  FirstName: 'Kari',
  LastName: 'Nordmann',
  Address: { StreetName: 'Østensjøveien', HouseNumber: '36', Entrance: 'B', ZipCode: '0667', ZipText: 'OSLO', CountryCode: 'NO' },
  Telephone1: '91234567',
  Email: 'kari.nordmann@example.no',
  Titles: [{ TitleCode: 'IT' }],
});

describe('similar customers synced at the same time', () => {
  it('creates one Windward customer and sends the other record to review', async () => {
    // Every remote call takes 40 ms, so both jobs have read Infosoft before either create returns.
    harness = await startHarness({ sims: { infosoftSeed: [kari(710001), kari(710002)], faults: { latencyMs: 40 } } });
    const h = harness;
    await Promise.all([h.app.enqueueCustomer(710001, 'test'), h.app.enqueueCustomer(710002, 'test')]);
    const outcomes = await Promise.all([710001, 710002].map((n) => waitUntil(() => lastOutcome(h.app, n), `the decision for ${n}`)));

    expect(outcomes.map((o) => o.action).sort()).toEqual(['created', 'review']);
    expect(outcomes.find((o) => o.action === 'review')?.reason).toMatch(/linked to another/);
    const { calls } = await fetchJson<{ calls: Record<string, number> }>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/stats`);
    expect(calls.addCustomer).toBe(1);
    // The second job did wait for the first (the two were in flight together).
    expect(h.app.syncDeps.matchGate.stats).toEqual({ entered: 2, waited: 1 });
  });
});
