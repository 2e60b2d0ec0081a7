// The simulator's hand-written answers for the hot reads are byte for byte what the soap package writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfosoftClient } from '../../../src/infosoft/client.js';
import { FAST_OPERATIONS } from '../../../src/infosoft/fast-soap.js';
import { generateCustomers } from '../../../src/simulators/generate.js';
import { startInfosoftSimulator, type InfosoftSimulator } from '../../../src/simulators/infosoft/server.js';

describe('Infosoft simulator fast answers', () => {
  const data = generateCustomers({ customers: 300, overlap: 0, shipToShare: 0.2, seed: 7, titleCodes: ['IT', 'AP'] });
  // Characters that need escaping, and a pending move with an address.
  data.infosoft[0] = { ...data.infosoft[0]!, FirstName: `Ann & "Bo" <O'Neil>`, Email: 'a&b@example.no' };
  let fast: InfosoftSimulator;
  let soap: InfosoftSimulator;
  const now = () => new Date('2030-01-01T10:00:00Z');

  beforeAll(async () => {
    fast = await startInfosoftSimulator({ customers: data.infosoft, now });
    soap = await startInfosoftSimulator({ customers: data.infosoft, now, fastAnswers: false });
    // A pending move of one customer, in both.
    for (const sim of [fast, soap]) {
      const client = await createInfosoftClient({ url: sim.url, timeoutMs: 5000 });
      const address = { street: 'Storgata', houseNumber: '5', entrance: 'B', unit: 'H0101', coAddress: 'c/o Berg & Co', postalCode: '0150', city: 'OSLO', countryCode: 'NO' };
      await client.savePermanentMove(data.infosoft[1]!.CustomerNumber, 'IT', address, '2030-02-01', 'TEST');
    }
  });
  afterAll(async () => {
    await fast.close();
    await soap.close();
  });

  async function post(url: string, operation: keyof typeof FAST_OPERATIONS, body: string): Promise<{ status: number; body: string }> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: FAST_OPERATIONS[operation].soapAction },
      body,
    });
    return { status: res.status, body: await res.text() };
  }

  it('answers GetCustomerInformation and GetPendingMoves exactly like the soap package', async () => {
    for (const customer of data.infosoft.slice(0, 120)) {
      const n = customer.CustomerNumber;
      for (const args of [{ customerNumber: n }, { customerNumber: n, titleCode: 'IT' }, { customerNumber: n, titleCode: 'AP' }, { customerNumber: n, titleCode: 'XX' }]) {
        const body = FAST_OPERATIONS.GetCustomerInformation.envelope(args);
        expect(await post(fast.url, 'GetCustomerInformation', body)).toEqual(await post(soap.url, 'GetCustomerInformation', body));
      }
      const moves = FAST_OPERATIONS.GetPendingMoves.envelope({ CustomerNumber: n });
      expect(await post(fast.url, 'GetPendingMoves', moves)).toEqual(await post(soap.url, 'GetPendingMoves', moves));
    }
    // Unknown customers still get the soap package's fault.
    expect((await post(fast.url, 'GetPendingMoves', FAST_OPERATIONS.GetPendingMoves.envelope({ CustomerNumber: data.infosoft[1]!.CustomerNumber }))).body).toContain('<PendingMove>');
    const unknown = FAST_OPERATIONS.GetCustomerInformation.envelope({ customerNumber: 999 });
    expect(await post(fast.url, 'GetCustomerInformation', unknown)).toEqual(await post(soap.url, 'GetCustomerInformation', unknown));
  });
});
