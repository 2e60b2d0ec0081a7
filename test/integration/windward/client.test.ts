import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/errors.js';
import type { WindwardSimulator } from '../../../src/simulators/windward/server.js';
import type { WindwardClient, WindwardTruncation } from '../../../src/windward/client.js';
import { aDraft } from '../../fixtures/windward/seed.js';
import { createTestClient, fetchSimCustomers, fetchVendor, startSeededSimulator, toSimOrigin } from './harness.js';

describe('Windward client against the simulator', () => {
  let sim: WindwardSimulator;
  let client: WindwardClient;

  beforeEach(async () => {
    sim = await startSeededSimulator();
    client = createTestClient(sim);
  });

  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  it('adds, reads, updates and lists customers', async () => {
    const draft = aDraft();
    const created = await client.addCustomer(draft);
    expect(created).toEqual({ ...draft, unique: 105 });
    expect(await client.getCustomer(105)).toEqual(created);

    const moved = aDraft({ email: null, address: { ...draft.address, street: 'Bygdøy allé', houseNumber: '2', entrance: '', unit: '' } });
    expect(await client.updateCustomer(105, moved)).toEqual({ ...moved, unique: 105 });
    expect(await client.getCustomer(105)).toEqual({ ...moved, unique: 105 });

    const pages = [await client.listCustomers(1, 2), await client.listCustomers(2, 2), await client.listCustomers(3, 2)];
    expect(pages.map((page) => page.customers.map((c) => c.unique))).toEqual([[101, 102], [103, 104], [105]]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, true, false]);
    expect(pages[1]?.customers[0]).toMatchObject({
      name: 'Åse Ærø',
      address: { street: 'Bryggen', houseNumber: '3', coAddress: 'Per Ærø', postalCode: '5003', countryCode: 'NO' },
    });
  });

  it('keeps every field of the vendor JSON on a created record, with defaults', async () => {
    await client.addCustomer(aDraft());
    const stored = (await fetchSimCustomers(sim)).find((c) => c['Unique'] === 105);
    expect(stored).toMatchObject({ Number: 'IS-200001', Addr1: 'Kongens gate 7 A', CreditLimit: 0, ShipAddr1: '', Contacts: [] });
    expect(stored?.['Balances']).toMatchObject({ C_BALANCE: 0 });
  });

  it('projects a listing to the requested Fields, Unique always included', async () => {
    const response = await fetchVendor(sim, 'Customer/Customers/0?PageSize=2&PageNumber=2&Fields=Name,email');
    expect(await response.json()).toEqual({
      Customers: [
        { Unique: 103, Name: 'Åse Ærø', Email: '' },
        { Unique: 104, Name: 'Svensk Kund AB', Email: 'info@example.se' },
      ],
    });
  });

  it('finds customers by email, trimmed and case-insensitive', async () => {
    const found = await client.findByEmail(' OLA.HANSEN@example.NO ');
    expect(found.map((c) => c.unique)).toEqual([102]);
    expect(found[0]?.address).toMatchObject({ street: 'Storgata', houseNumber: '12', entrance: 'B', unit: 'H0102' });
    expect(await client.findByEmail('nobody@example.no')).toEqual([]);
  });

  it('finds an email with URL-special characters', async () => {
    sim.updateCustomer(101, { Email: 'odd/100%+x@example.no' });
    expect((await client.findByEmail('odd/100%+x@example.no')).map((c) => c.unique)).toEqual([101]);
  });

  it("stores '%' sent as \\u0025, while a raw '%' breaks the WebAPI", async () => {
    const created = await client.addCustomer(aDraft({ name: '50% Rabatt AS', externalRef: 'IS-300001' }));
    expect(created.name).toBe('50% Rabatt AS');
    const stored = (await fetchSimCustomers(sim)).find((c) => c['Unique'] === created.unique);
    expect(stored?.['Name']).toBe('50% Rabatt AS');

    const raw = await fetchVendor(sim, 'Customer/addCustomer', {
      method: 'POST',
      body: JSON.stringify({ Customers: [{ Name: '50% Rabatt AS' }], ConnectionInfo: { TerminalNumber: 7 } }),
    });
    expect(raw.status).toBe(500);
    expect(await raw.json()).toHaveProperty('error');
    expect((await fetchSimCustomers(sim)).length).toBe(5);
  });

  it('reports truncated field names and stores the cut values', async () => {
    const events: WindwardTruncation[] = [];
    const truncating = createTestClient(sim, { onTruncated: (event) => events.push(event) });
    try {
      const created = await truncating.addCustomer(aDraft({ name: 'N'.repeat(100) }));
      expect(created.name).toBe('N'.repeat(60));
      expect(events).toEqual([{ operation: 'addCustomer', externalRef: 'IS-200001', fields: ['Name'] }]);
    } finally {
      await truncating.close();
    }
  });

  it('returns null for an unknown Unique and a PermanentError for updating one', async () => {
    expect(await client.getCustomer(999)).toBeNull();
    await expect(client.updateCustomer(999, aDraft())).rejects.toMatchObject({ code: 'http_404', retryable: false });
    await expect(client.getCustomer(0)).rejects.toBeInstanceOf(PermanentError);
  });

  it('sees a clerk edit made in Windward', async () => {
    const response = await fetch(`${toSimOrigin(sim)}/__sim/customers/101`, {
      method: 'PUT',
      body: JSON.stringify({ Addr1: 'Østensjøveien 40', Addr2: '', Phone2: '22 33 44 55' }),
    });
    expect(response.status).toBe(200);
    expect(await client.getCustomer(101)).toMatchObject({
      phones: ['+47 912 34 567', '22 33 44 55'],
      address: { street: 'Østensjøveien', houseNumber: '40', entrance: '', unit: '' },
    });
  });

  it('rejects a wrong password as a permanent unauthorized error', async () => {
    const wrong = createTestClient(sim, { password: 'wrong' });
    try {
      const error: unknown = await wrong.listCustomers(1, 10).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentError);
      expect(error).toMatchObject({ code: 'unauthorized' });
      expect((error as Error).message).toContain('WINDWARD_USERNAME/WINDWARD_PASSWORD');
    } finally {
      await wrong.close();
    }
  });

  it('answers 401 with WWW-Authenticate without credentials', async () => {
    const response = await fetch(`${sim.url}/Customer/Customers/0`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /u);
  });

  it('counts calls per vendor operation', async () => {
    const created = await client.addCustomer(aDraft());
    await client.updateCustomer(created.unique, aDraft({ name: 'Per P.' }));
    await client.getCustomer(created.unique);
    await client.listCustomers(1, 10);
    await client.findByEmail('kari.nordmann@example.no');
    expect(sim.stats()).toEqual({ addCustomer: 1, update_Retail_Customer: 1, Get_Customer_By_Email: 1, Customers: 2 });
    const response = await fetch(`${toSimOrigin(sim)}/__sim/stats`);
    expect(await response.json()).toMatchObject({
      calls: { addCustomer: 1, update_Retail_Customer: 1, Get_Customer_By_Email: 1, Customers: 2 },
    });
  });
});
