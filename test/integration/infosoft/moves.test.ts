// Permanent moves: refused before the next distribution date, shown as pending, applied on the day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from '../../../src/domain/customer.js';
import { PermanentError } from '../../../src/errors.js';
import { createInfosoftClient, type InfosoftClient } from '../../../src/infosoft/client.js';
import { startInfosoftSimulator, type InfosoftSimulator } from '../../../src/simulators/infosoft/server.js';
import { createClock, readSeed } from './helpers.js';

const newAddress: Address = {
  street: 'Kongens gate',
  houseNumber: '7',
  entrance: 'A',
  unit: 'H0102',
  coAddress: 'Firma AS',
  postalCode: '0153',
  city: 'OSLO',
  countryCode: 'NO',
};

describe('SavePermanentMove', () => {
  let sim: InfosoftSimulator;
  let client: InfosoftClient;
  const clock = createClock('2025-06-02T21:30:00Z');

  beforeAll(async () => {
    sim = await startInfosoftSimulator({ customers: await readSeed(), now: clock.now });
    client = await createInfosoftClient({ url: sim.url, timeoutMs: 5_000 });
  });
  afterAll(() => sim.close());

  it.each(['2025-06-01', '2025-06-02'])('refuses a start date (%s) before the next distribution date', async (startDate) => {
    const error = await client.savePermanentMove(123456, 'IT', newAddress, startDate, 'WEB').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'status_20' });
    expect((error as Error).message).toContain('2025-06-03');
  });

  it('refuses a move for a title the customer does not have', async () => {
    await expect(client.savePermanentMove(123456, 'AP', newAddress, '2025-07-01', 'WEB')).rejects.toMatchObject({ code: 'status_30' });
  });

  it('fails for an unknown customer', async () => {
    await expect(client.savePermanentMove(404040, 'IT', newAddress, '2025-07-01', 'WEB')).rejects.toMatchObject({ code: 'customer_not_found' });
  });

  it('records a move from the next distribution date, pending until it starts', async () => {
    const before = await client.getCustomer(123456, ['IT']);
    await client.savePermanentMove(123456, 'IT', { ...newAddress, street: 'Earlier gate' }, '2025-06-20', 'WEB');
    // A second move for the same title replaces the first.
    await client.savePermanentMove(123456, 'IT', newAddress, '2025-06-03', 'CUSTOMER-SYNC');

    const moves = (await (await fetch(new URL('/__sim/moves', sim.url))).json()) as { moves: Array<{ customerNumber: number; startDate: string }> };
    expect(moves.moves.filter((m) => m.customerNumber === 123456)).toEqual([
      expect.objectContaining({ titleCode: 'IT', startDate: '2025-06-03', signature: 'CUSTOMER-SYNC' }),
    ]);

    const pending = await client.getCustomer(123456, ['IT']);
    expect(pending.titles[0]?.address).toEqual(before.titles[0]?.address);
    expect(pending.titles[0]?.pendingMove).toEqual({ startDate: '2025-06-03', address: newAddress });
    expect(await client.getPendingMoves(123456)).toEqual([{ titleCode: 'IT', startDate: '2025-06-03', address: newAddress }]);

    clock.set('2025-06-03T04:00:00Z');
    const moved = await client.getCustomer(123456, ['IT']);
    expect(moved.titles[0]).toEqual({ titleCode: 'IT', address: newAddress, pendingMove: null });
    // The billing address is master data and does not move with a title.
    expect(moved.address).toEqual(before.address);
  });

  it('moves a title to a foreign address', async () => {
    const foreign: Address = { street: 'Drottninggatan', houseNumber: '5', entrance: '', unit: '', coAddress: '', postalCode: '111 51', city: 'STOCKHOLM', countryCode: 'SE' };
    clock.set('2025-06-03T04:00:00Z');
    await client.savePermanentMove(200001, 'IT', foreign, '2025-06-10', 'WEB');
    expect((await client.getCustomer(200001, ['IT'])).titles[0]?.pendingMove).toEqual({ startDate: '2025-06-10', address: foreign });
    const stored = (await (await fetch(new URL('/__sim/moves', sim.url))).json()) as { moves: Array<{ customerNumber: number; address: Record<string, string> }> };
    expect(stored.moves.find((m) => m.customerNumber === 200001)?.address).toMatchObject({
      ZipCode: 'I/A',
      AddressExtension2: '111 51 STOCKHOLM',
      CountryCode: 'SE',
    });
    clock.set('2025-06-10T00:00:00Z');
    expect((await client.getCustomer(200001, ['IT'])).titles[0]?.address).toEqual(foreign);
  });
});
