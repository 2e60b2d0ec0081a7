// The match gate: a job waits only for jobs whose customers share a blocking key with its own.
import { describe, expect, it } from 'vitest';
import type { InfosoftCustomer } from '../../../src/domain/customer.js';
import { createMatchGate } from '../../../src/sync/match-gate.js';
import { loadParams } from '../match/fixtures.js';

const params = loadParams();
const kari: InfosoftCustomer = {
  customerNumber: 1,
  customerId: null,
  kind: 'person',
  firstName: 'Kari',
  lastName: 'Nordmann',
  email: 'kari.nordmann@example.no',
  phones: ['91234567'],
  birthDate: null,
  address: { street: 'Østensjøveien', houseNumber: '36', entrance: 'B', unit: '', coAddress: '', postalCode: '0667', city: 'OSLO', countryCode: 'NO' },
  titles: [],
};
const elsewhere = { street: 'Storgata', houseNumber: '1', entrance: '', unit: '', coAddress: '', postalCode: '9008', city: 'TROMSØ', countryCode: 'NO' };

/** Whether entering after `first` (still held) has to wait; the second entry is released at the end. */
async function waitsFor(first: InfosoftCustomer, second: InfosoftCustomer): Promise<boolean> {
  const gate = createMatchGate(params);
  const leaveFirst = await gate.enter(first);
  let entered = false;
  const secondEntry = gate.enter(second).then((leave) => {
    entered = true;
    return leave;
  });
  await new Promise((resolve) => setImmediate(resolve));
  const waited = !entered;
  leaveFirst();
  (await secondEntry)();
  expect(gate.stats).toEqual({ entered: 2, waited: waited ? 1 : 0 });
  return waited;
}

describe('match gate', () => {
  it.each<[string, boolean, Partial<InfosoftCustomer>]>([
    ['the same person again', true, { customerNumber: 2 }],
    ['the same e-mail, another name and address', true, { customerNumber: 2, firstName: 'Ola', lastName: 'Hansen', phones: [], address: elsewhere }],
    ['the same phone only', true, { customerNumber: 2, firstName: 'Ola', lastName: 'Hansen', email: null, address: elsewhere }],
    ['the same name elsewhere', true, { customerNumber: 2, email: null, phones: [], address: elsewhere }],
    ['a neighbour at the same address', true, { customerNumber: 2, firstName: 'Per', lastName: 'Olsen', email: null, phones: [] }],
    ['someone unrelated', false, { customerNumber: 2, firstName: 'Ola', lastName: 'Hansen', email: 'ola@hansen.no', phones: ['40000000'], address: elsewhere }],
    [
      'only the e-mail local part (post@ of another firm)',
      false,
      { customerNumber: 2, firstName: 'Ola', lastName: 'Hansen', email: 'kari.nordmann@other.example', phones: [], address: elsewhere },
    ],
  ])('%s: waits %s', async (_name, expected, change) => {
    expect(await waitsFor(kari, { ...kari, ...change })).toBe(expected);
  });

  it('lets a waiting job in once the holder leaves, and a third one after it', async () => {
    const gate = createMatchGate(params);
    const order: string[] = [];
    const leaveA = await gate.enter(kari);
    const b = gate.enter({ ...kari, customerNumber: 2 }).then((leave) => (order.push('b'), leave));
    const c = gate.enter({ ...kari, customerNumber: 3 }).then((leave) => (order.push('c'), leave));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    leaveA();
    // One of them gets in; the other waits for it.
    const first = await Promise.race([b, c]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toHaveLength(1);
    first();
    (await (order[0] === 'b' ? c : b))();
    expect(order.sort()).toEqual(['b', 'c']);
    expect(gate.stats).toEqual({ entered: 3, waited: 2 });
  });
});
