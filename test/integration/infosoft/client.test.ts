// The client against a real simulator over HTTP: reads, change feed, writes, permanent errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../../src/errors.js';
import { createInfosoftClient, type InfosoftClient } from '../../../src/infosoft/client.js';
import { startInfosoftSimulator, type InfosoftSimulator } from '../../../src/simulators/infosoft/server.js';
import { createClock, readSeed } from './helpers.js';

describe('Infosoft client against the simulator', () => {
  let sim: InfosoftSimulator;
  let client: InfosoftClient;
  const clock = createClock('2025-03-10T08:00:00Z');

  beforeAll(async () => {
    sim = await startInfosoftSimulator({ customers: await readSeed(), now: clock.now });
    client = await createInfosoftClient({ url: sim.url, timeoutMs: 5_000 });
  });
  afterAll(() => sim.close());

  it('reads master data and billing address without titles', async () => {
    const customer = await client.getCustomer(200001, []);
    expect(customer).toEqual({
      customerNumber: 200001,
      customerId: null,
      kind: 'person',
      firstName: 'Kari',
      lastName: 'Nordmann',
      email: 'kari@example.no',
      phones: ['41234567', '22334455'],
      birthDate: '1980-02-29',
      address: {
        street: 'Storgata',
        houseNumber: '12',
        entrance: 'B',
        unit: 'H0203',
        coAddress: 'Ola Hansen',
        postalCode: '0155',
        city: 'OSLO',
        countryCode: 'NO',
      },
      titles: [],
    });
  });

  it('reads each asked title the customer has, with its delivery address', async () => {
    const customer = await client.getCustomer(200001, ['IT', 'AP', 'NOPE']);
    expect(customer.titles.map((t) => t.titleCode)).toEqual(['IT', 'AP']);
    // IT has no own address: delivered to the customer's address.
    expect(customer.titles[0]).toEqual({ titleCode: 'IT', address: customer.address, pendingMove: null });
    expect(customer.titles[1]?.address).toEqual({
      street: 'Rue de Rivoli',
      houseNumber: '12',
      entrance: '',
      unit: '',
      coAddress: '',
      postalCode: '75001',
      city: 'PARIS',
      countryCode: 'FR',
    });
  });

  it('maps a company', async () => {
    const customer = await client.getCustomer(200002, []);
    expect(customer).toMatchObject({ kind: 'company', firstName: '', lastName: 'Fjord Fisk AS', phones: [], birthDate: null });
  });

  it('reads a customer known to exist (master data, titles and moves at once) exactly as the default way', async () => {
    const before = sim.stats();
    const known = await client.getCustomer(200001, ['IT', 'AP', 'NOPE'], { knownToExist: true });
    expect(known).toEqual(await client.getCustomer(200001, ['IT', 'AP', 'NOPE']));
    expect(known.titles.map((t) => t.titleCode)).toEqual(['IT', 'AP']);
    // The same reads either way: master data, 3 titles and the moves, twice.
    expect((sim.stats().GetCustomerInformation ?? 0) - (before.GetCustomerInformation ?? 0)).toBe(8);
    expect((sim.stats().GetPendingMoves ?? 0) - (before.GetPendingMoves ?? 0)).toBe(2);
  });

  it('reports the master data\'s not-found for a customer wrongly believed to exist', async () => {
    const error = await client.getCustomer(987655, ['IT', 'AP'], { knownToExist: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'customer_not_found', retryable: false });
    expect((error as Error).message).toContain('987655');
  });

  it('fails an unknown customer permanently, with one call and no retry', async () => {
    const before = sim.stats().GetCustomerInformation ?? 0;
    const error = await client.getCustomer(987654, ['IT']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'customer_not_found', retryable: false });
    expect((error as Error).message).toContain('987654');
    expect((sim.stats().GetCustomerInformation ?? 0) - before).toBe(1);
  });

  it('reports a customer changed through /__sim/ in the change feed window', async () => {
    clock.set('2025-03-10T09:00:00Z');
    const res = await fetch(new URL('/__sim/customers/300001', sim.url), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        FirstName: 'Nils',
        LastName: 'Nilsen',
        Address: { StreetName: 'Kirkegata', HouseNumber: '5', ZipCode: '0153', ZipText: 'OSLO', CountryCode: 'NO' },
      }),
    });
    expect(res.status).toBe(201);
    clock.set('2025-03-10T09:05:00Z');
    await fetch(new URL('/__sim/customers/200002', sim.url), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Email: 'ny@fjordfisk.no' }),
    });

    const window = await client.getChangedCustomers(new Date('2025-03-10T08:30:00Z'), new Date('2025-03-10T09:05:00Z'));
    expect(window).toEqual([300001]); // [from, to): the 09:05 change belongs to the next window
    const next = await client.getChangedCustomers(new Date('2025-03-10T09:05:00Z'), new Date('2025-03-10T10:00:00Z'));
    expect(next).toEqual([200002]);
    expect((await client.getCustomer(200002, [])).email).toBe('ny@fjordfisk.no');
    const stored = await fetch(new URL('/__sim/customers/300001', sim.url));
    expect(await stored.json()).toMatchObject({ CustomerNumber: 300001, FirstName: 'Nils' });
    expect((await fetch(new URL('/__sim/customers/424242', sim.url))).status).toBe(404);
  });

  it.each([
    ['Norwegian letters', 'Åse Marie', 'Ødegård-Æsøy'],
    ['percent and quotes', `100% "Quoted" O'Brien`, 'Smith & <Sons>'],
    ['emoji and accents', 'Zoë 🎉', 'Müller-Lüdenscheidt'],
  ])('round-trips names with %s through UpdateCustomerDetails', async (_name, firstName, lastName) => {
    const result = await client.updateCustomerDetails(
      200002,
      { firstName, lastName, phone: '+47 912 34 567', email: 'test@example.no', birthDate: '1975-12-31' },
      'CUSTOMER-SYNC',
    );
    expect(result.customerId).toBeGreaterThan(0);
    expect(result.customerId).not.toBe(200002);
    expect(result.concurrencyToken).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const customer = await client.getCustomer(200002, []);
    expect(customer).toMatchObject({ firstName, lastName, phones: ['+47 912 34 567'], email: 'test@example.no', birthDate: '1975-12-31' });
  });

  it('bumps the ConcurrencyToken and refuses a stale one', async () => {
    const details = { firstName: 'Per', lastName: 'Hansen', phone: null, email: null, birthDate: null };
    const first = await client.updateCustomerDetails(200002, details, 'WEB');
    const second = await client.updateCustomerDetails(200002, details, 'WEB', first.concurrencyToken);
    expect(second.concurrencyToken).not.toBe(first.concurrencyToken);
    const error = await client.updateCustomerDetails(200002, details, 'WEB', first.concurrencyToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'concurrency_conflict' });
    // null cleared the phone, email and birth date
    expect(await client.getCustomer(200002, [])).toMatchObject({ phones: [], email: null, birthDate: null });
  });

  it('fails UpdateCustomerDetails for an unknown customer permanently', async () => {
    const details = { firstName: 'A', lastName: 'B', phone: null, email: null, birthDate: null };
    await expect(client.updateCustomerDetails(555555, details, 'WEB')).rejects.toMatchObject({ code: 'customer_not_found' });
  });

  it('sends HTTP Basic credentials when configured', async () => {
    const guarded = await startInfosoftSimulator({ customers: await readSeed(), credentials: { username: 'sync', password: 'sécret' } });
    try {
      const withAuth = await createInfosoftClient({ url: guarded.url, timeoutMs: 5_000, username: 'sync', password: 'sécret' });
      await expect(withAuth.getCustomer(123456, [])).resolves.toMatchObject({ customerNumber: 123456 });
      await expect(createInfosoftClient({ url: guarded.url, timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'http_401', retryable: false });
    } finally {
      await guarded.close();
    }
  });

  it('cannot be created against a server that is not there', async () => {
    const gone = await startInfosoftSimulator({ customers: [] });
    const url = gone.url;
    await gone.close();
    await expect(createInfosoftClient({ url, timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'connection_refused', retryable: true });
  });
});
