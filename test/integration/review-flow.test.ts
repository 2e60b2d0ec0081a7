// Doubtful matches go to review: nothing is written to Windward until a person decides.
import { afterEach, describe, expect, it } from 'vitest';
import type { InfosoftSeedRecord } from '../../src/simulators/infosoft/seed-record.js';
import type { WindwardSeedRecord } from '../../src/simulators/windward/seed-record.js';
import { findLink } from '../../src/store/links.js';
import { lastSyncLogId } from '../../src/store/sync-log.js';
import { runCli } from '../support/cli.js';
import { fetchJson, lastOutcome, simBase, startHarness, waitUntil, type Harness } from '../support/harness.js';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const kari: InfosoftSeedRecord = {
  CustomerNumber: 700001,
  FirstName: 'Kari',
  LastName: 'Nordmann',
  Address: { StreetName: 'Østensjøveien', HouseNumber: '36', Entrance: 'B', ZipCode: '0667', ZipText: 'OSLO', CountryCode: 'NO' },
  Titles: [{ TitleCode: 'IT' }],
};
// The shop has her twice (a duplicate in Windward): two equally good candidates.
const twins: WindwardSeedRecord[] = [1, 2].map((unique) => ({
  Unique: unique,
  Name: 'Kari Nordmann',
  FirstName: 'Kari',
  LastName: 'Nordmann',
  Addr1: 'Østensjøveien 36 B',
  City: 'OSLO',
  Postal: '0667',
  Country: 'NO',
  Number: '',
}));

const writes = async (h: Harness) => {
  const { calls } = await fetchJson<{ calls: Record<string, number> }>(`${simBase(h.sims.env.WINDWARD_URL)}/__sim/stats`);
  return (calls.addCustomer ?? 0) + (calls.update_Retail_Customer ?? 0);
};

describe('review queue', () => {
  it('holds an ambiguous match without writing, then applies the decision made from the CLI', async () => {
    harness = await startHarness({ sims: { infosoftSeed: [kari], windwardSeed: twins } });
    const h = harness;
    const mark = lastSyncLogId(h.app.db);
    await h.app.enqueueCustomer(700001, 'test');
    const outcome = await waitUntil(() => lastOutcome(h.app, 700001, mark), 'the decision');
    expect(outcome.action).toBe('review');
    expect(await writes(h)).toBe(0);

    const listed = await runCli(['review', 'list', '--json'], h.env);
    expect(listed.code, listed.stderr).toBe(0);
    const [item] = JSON.parse(listed.stdout) as Array<{ id: number; customerNumber: number; candidates: Array<{ id: string }> }>;
    expect(item?.customerNumber).toBe(700001);
    expect(item?.candidates.map((c) => c.id).sort()).toEqual(['1', '2']);

    const explained = await runCli(['explain', '700001'], h.env);
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toMatch(/review/);
    expect(explained.stdout).toMatch(/lastName\s+\S+\s+[+-]\d/);

    // A second sync while the item is open still writes nothing.
    const mark2 = lastSyncLogId(h.app.db);
    await h.app.enqueueCustomer(700001, 'test');
    expect((await waitUntil(() => lastOutcome(h.app, 700001, mark2), 'the second decision')).action).toBe('review');
    expect(await writes(h)).toBe(0);

    const bad = await runCli(['review', 'decide', String(item!.id), 'link', '999'], h.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no customer 999/);

    const mark3 = lastSyncLogId(h.app.db);
    const decided = await runCli(['review', 'decide', String(item!.id), 'link', '2'], h.env);
    expect(decided.code, decided.stderr).toBe(0);
    const applied = await waitUntil(() => lastOutcome(h.app, 700001, mark3), 'the decision to be applied');
    expect(applied.action).toBe('linked');
    expect(findLink(h.app.db, 700001, 'bill_to', null)?.windwardUnique).toBe(2);
    const again = await runCli(['review', 'list', '--json'], h.env);
    expect(JSON.parse(again.stdout)).toEqual([]);
  });
});
