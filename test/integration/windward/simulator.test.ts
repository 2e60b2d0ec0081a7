import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWindwardSeedFile } from '../../../src/simulators/windward/seed-file.js';
import { startWindwardSimulator, type WindwardSimulator } from '../../../src/simulators/windward/server.js';
import { SEED_FILE } from '../../fixtures/windward/seed.js';
import { fetchSimCustomers, fetchVendor, startSeededSimulator, toSimOrigin, waitFor } from './harness.js';

const ENVELOPE = (customer: Record<string, unknown>): string =>
  JSON.stringify({ Customers: [customer], ConnectionInfo: { TerminalNumber: 1 } });

describe('Windward simulator over raw HTTP', () => {
  let sim: WindwardSimulator;

  beforeEach(async () => {
    sim = await startSeededSimulator();
  });

  afterEach(async () => {
    await sim.close();
  });

  it('assigns Uniques after the highest seeded one, ignoring the Unique sent', async () => {
    const response = await fetchVendor(sim, 'Customer/addCustomer', { method: 'POST', body: ENVELOPE({ Unique: 5, Name: 'Ny Kunde' }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { Customers: Array<Record<string, unknown>> };
    expect(body.Customers[0]).toMatchObject({ Unique: 105, Name: 'Ny Kunde', Addr1: '', ShipNo: 0 });
  });

  it('stores \\u0025 as % and answers 500 to a raw %', async () => {
    const escaped = '{"Customers":[{"Name":"50\\u0025 Rabatt AS"}],"ConnectionInfo":{"TerminalNumber":1}}';
    expect((await fetchVendor(sim, 'Customer/addCustomer', { method: 'POST', body: escaped })).status).toBe(200);
    const raw = await fetchVendor(sim, 'Customer/update_Retail_Customer', { method: 'POST', body: ENVELOPE({ Unique: 101, Name: '%' }) });
    expect(raw.status).toBe(500);
    const stored = await fetchSimCustomers(sim);
    expect(stored.find((c) => c['Unique'] === 105)?.['Name']).toBe('50% Rabatt AS');
    expect(stored.find((c) => c['Unique'] === 101)?.['Name']).toBe('Kari Nordmann');
  });

  it.each([
    ['invalid JSON', '{"Customers":[{"Name":'],
    ['missing envelope', JSON.stringify({ Name: 'Bare' })],
  ])('answers 400 to %s', async (_label, body) => {
    const response = await fetchVendor(sim, 'Customer/addCustomer', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty('error');
  });

  it('updates only the fields sent', async () => {
    const response = await fetchVendor(sim, 'Customer/update_Retail_Customer', {
      method: 'POST',
      body: ENVELOPE({ Unique: 102, City: 'Tromsdalen' }),
    });
    expect(((await response.json()) as { Customers: unknown[] }).Customers[0]).toMatchObject({
      Unique: 102,
      City: 'Tromsdalen',
      Name: 'Ola Hansen',
    });
  });

  it('answers 404 to an update of an unknown Unique', async () => {
    const response = await fetchVendor(sim, 'Customer/update_Retail_Customer', { method: 'POST', body: ENVELOPE({ Unique: 9 }) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Customer 9 not found' });
  });

  it('pages by Unique and returns everything without PageSize', async () => {
    const all = (await (await fetchVendor(sim, 'Customer/Customers/0')).json()) as { Customers: Array<{ Unique: number }> };
    expect(all.Customers.map((c) => c.Unique)).toEqual([101, 102, 103, 104]);
    const last = (await (await fetchVendor(sim, 'Customer/Customers/0?pagesize=3&pagenumber=2')).json()) as {
      Customers: Array<{ Unique: number }>;
    };
    expect(last.Customers.map((c) => c.Unique)).toEqual([104]);
    const beyond = await (await fetchVendor(sim, 'Customer/Customers/0?PageSize=3&PageNumber=9')).json();
    expect(beyond).toEqual({ Customers: [] });
    expect((await fetchVendor(sim, 'Customer/Customers/0?PageSize=0')).status).toBe(400);
    expect(await (await fetchVendor(sim, 'Customer/Customers/999')).json()).toEqual({ Customers: [] });
  });

  it('wraps Get_Customer_By_Email DataSnap style', async () => {
    const response = await fetchVendor(sim, `TServerMethodsWebAPI/Get_Customer_By_Email/${encodeURIComponent('INFO@example.se')}`);
    const body = (await response.json()) as { result: Array<{ Customers: Array<{ Unique: number }> }> };
    expect(body.result[0]?.Customers.map((c) => c.Unique)).toEqual([104]);
  });

  it('applies a clerk edit through updateCustomer, reindexing the email', async () => {
    sim.updateCustomer(101, { Email: 'new@example.no' });
    const old = await (await fetchVendor(sim, 'TServerMethodsWebAPI/Get_Customer_By_Email/kari.nordmann%40example.no')).json();
    expect(old).toEqual({ result: [{ Customers: [] }] });
    expect(sim.customers().find((c) => c.Unique === 101)?.Email).toBe('new@example.no');
    expect(() => sim.updateCustomer(9, { Name: 'x' })).toThrow();
    expect((await fetch(`${toSimOrigin(sim)}/__sim/customers/9`, { method: 'PUT', body: '{}' })).status).toBe(404);
  });

  it('close() does not hang on a request that is never answered', async () => {
    sim.setFaults({ script: [{ kind: 'timeout' }] });
    const pending = fetchVendor(sim, 'Customer/Customers/101').then(
      () => 'answered',
      () => 'failed',
    );
    await waitFor(() => (sim.stats()['Customers'] ?? 0) === 1);
    await sim.close();
    expect(await pending).toBe('failed');
    // afterEach closes again: close must be safe to repeat.
  });
});

describe('Windward seed files', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'windward-seed-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads JSON Lines, skipping blank lines', async () => {
    const records = await readWindwardSeedFile(SEED_FILE);
    expect(records.map((r) => r.Name)).toEqual(['Kari Nordmann', 'Ola Hansen', 'Åse Ærø', 'Svensk Kund AB']);
  });

  it.each([
    ['invalid JSON', '{"Name":"ok"}\n{"Name":\n', ':2: invalid JSON'],
    ['not an object', '{"Name":"ok"}\n\n[1,2]\n', ':3: expected a JSON object'],
    ['bad Unique', '{"Unique":"x"}\n', ':1: Unique'],
  ])('names the line of %s', async (_label, text, expected) => {
    const path = join(dir, 'seed.jsonl');
    await writeFile(path, text);
    await expect(readWindwardSeedFile(path)).rejects.toThrow(expected);
  });

  it('refuses duplicate Uniques', async () => {
    await expect(
      startWindwardSimulator({ customers: [{ Unique: 1 }, { Unique: 1 }], username: 'u', password: 'p' }),
    ).rejects.toThrow(/duplicate Unique 1/u);
  });
});

describe('Windward simulator load figures (/__sim/stats)', () => {
  it('integrates the requests in flight over time and keeps the most at once', async () => {
    const sim = await startWindwardSimulator({
      customers: await readWindwardSeedFile(SEED_FILE),
      username: 'u',
      password: 'p',
      faults: { latencyMs: 200 },
    });
    try {
      const stats = async () => ((await (await fetch(`${toSimOrigin(sim)}/__sim/stats`)).json()) as { load: { inFlightMs: number; maxInFlight: number } }).load;
      expect(await stats()).toEqual({ inFlightMs: 0, maxInFlight: 0 });
      const auth = { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` };
      const answers = await Promise.all(Array.from({ length: 4 }, () => fetch(`${sim.url}/Customer/Customers/0?PageSize=1&PageNumber=1`, { headers: auth })));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      await Promise.all(answers.map((a) => a.text()));
      const load = await stats();
      expect(load.maxInFlight).toBe(4);
      // Each of the four was held at least the injected 200 ms (timers never fire early; 1 ms of slack for rounding).
      expect(load.inFlightMs).toBeGreaterThanOrEqual(4 * 199);
      // Nothing is in flight any more: the integral stops growing.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await stats()).inFlightMs).toBeCloseTo(load.inFlightMs, 6);
    } finally {
      await sim.close();
    }
  });
});
