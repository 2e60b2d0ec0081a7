// Every injected fault surfaces as a classified TransientError; the simulator keeps serving after it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransientError } from '../../../src/errors.js';
import { createInfosoftClient, type InfosoftClient } from '../../../src/infosoft/client.js';
import type { ScriptedFaultKind } from '../../../src/simulators/faults.js';
import { startInfosoftSimulator, type InfosoftSimulator } from '../../../src/simulators/infosoft/server.js';
import { readFixture, readSeed } from './helpers.js';

describe('Infosoft faults', () => {
  let sim: InfosoftSimulator;
  let client: InfosoftClient;

  beforeAll(async () => {
    sim = await startInfosoftSimulator({ customers: await readSeed() });
    client = await createInfosoftClient({ url: sim.url, timeoutMs: 5_000 });
  });
  afterAll(() => sim.close());

  it.each<[ScriptedFaultKind, string]>([
    ['server-fault', 'soap_fault'],
    ['http500', 'http_500'],
    ['html502', 'http_502'],
    ['http503', 'http_503'],
    ['reset', 'connection_reset'],
    ['malformed', 'malformed_response'],
  ])('%s → TransientError %s, then the next call is served', async (kind, code) => {
    sim.setFaults({ script: [{ kind, operation: 'GetCustomerInformation' }] });
    const error = await client.getCustomer(123456, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code });
    await expect(client.getCustomer(123456, [])).resolves.toMatchObject({ customerNumber: 123456 });
  });

  it('passes Retry-After of a 503 on', async () => {
    sim.setFaults({ script: [{ kind: 'http503' }] });
    await expect(client.getChangedCustomers(new Date(0), new Date())).rejects.toMatchObject({ code: 'http_503', retryAfterSeconds: 1 });
  });

  it('gives up on a call that is never answered', async () => {
    const impatient = await createInfosoftClient({ url: sim.url, timeoutMs: 300 });
    sim.setFaults({ script: [{ kind: 'timeout' }] });
    const error = await impatient.getCustomer(123456, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'timeout' });
    await expect(impatient.getCustomer(123456, [])).resolves.toMatchObject({ customerNumber: 123456 });
  });

  it('commits a write whose response is lost', async () => {
    sim.setFaults({ script: [{ kind: 'lost-response' }] });
    const details = { firstName: 'Lost', lastName: 'Answer', phone: null, email: null, birthDate: null };
    await expect(client.updateCustomerDetails(200002, details, 'WEB')).rejects.toMatchObject({ code: 'connection_reset', retryable: true });
    expect(sim.getCustomer(200002)).toMatchObject({ FirstName: 'Lost', LastName: 'Answer' });
  });

  it('applies faults and counts calls set through /__sim/faults and /__sim/stats', async () => {
    const put = await fetch(new URL('/__sim/faults', sim.url), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ script: [{ kind: 'html502', operation: 'GetPendingMoves', times: 2 }] }),
    });
    expect(put.status).toBe(200);
    await expect(client.getCustomer(123456, ['IT'])).rejects.toMatchObject({ code: 'http_502' });
    await expect(client.getCustomer(123456, ['IT'])).rejects.toMatchObject({ code: 'http_502' });
    await expect(client.getCustomer(123456, ['IT'])).resolves.toMatchObject({ titles: [{ titleCode: 'IT' }] });

    await fetch(new URL('/__sim/faults', sim.url), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"script":[{"kind":"reset"}]}' });
    expect((await fetch(new URL('/__sim/faults', sim.url), { method: 'DELETE' })).status).toBe(200);
    await expect(client.getCustomer(123456, [])).resolves.toMatchObject({ customerNumber: 123456 });

    const bad = await fetch(new URL('/__sim/faults', sim.url), { method: 'PUT', body: '{"faultRate": 7}' });
    expect(bad.status).toBe(400);

    const stats = (await (await fetch(new URL('/__sim/stats', sim.url))).json()) as { calls: Record<string, number> };
    expect(Object.keys(stats.calls).sort()).toEqual(['GetChangedCustomers', 'GetCustomerInformation', 'GetPendingMoves', 'SavePermanentMove', 'UpdateCustomerDetails']);
    expect(stats.calls).toEqual(sim.stats());
    expect(stats.calls.GetPendingMoves).toBe(3);
  });

  it('closes even while a call is held open by a timeout fault', async () => {
    const doomed = await startInfosoftSimulator({ customers: await readSeed(), faults: { script: [{ kind: 'timeout' }] } });
    const patient = await createInfosoftClient({ url: doomed.url, timeoutMs: 30_000 });
    const pending = patient.getCustomer(123456, []).catch((e: unknown) => e);
    // Wait until the simulator has the call, without sleeping on a timer.
    while ((doomed.stats().GetCustomerInformation ?? 0) === 0) await new Promise((r) => setImmediate(r));
    await doomed.close();
    expect(await pending).toMatchObject({ code: 'connection_reset' });
  });
});

describe('Infosoft client on the documented (malformed) UpdateCustomerDetails response', () => {
  let server: Server;
  let url: string;
  let simForWsdl: InfosoftSimulator;

  beforeAll(async () => {
    // The WSDL comes from a simulator; the calls go to a tiny server that answers with the fixture.
    simForWsdl = await startInfosoftSimulator({ customers: [] });
    const wsdl = await (await fetch(`${simForWsdl.url}?wsdl`)).text();
    const malformed = readFixture('UpdateCustomerDetails.response.as-documented.xml');
    server = createServer((req, res) => {
      if (req.method === 'GET') return void res.writeHead(200, { 'Content-Type': 'text/xml' }).end(wsdl);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(malformed));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/infosoft/CustomerService.asmx`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await simForWsdl.close();
  });

  it('fails with a clear TransientError instead of crashing or hanging', async () => {
    const client = await createInfosoftClient({ url, timeoutMs: 5_000 });
    const details = { firstName: 'JANE', lastName: 'DOE', phone: '87654321', email: 'jane@doe.com', birthDate: '1950-01-01' };
    const error = await client.updateCustomerDetails(123456, details, 'WEB').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'malformed_response' });
    expect((error as Error).message).toMatch(/not well-formed/);
    expect((error as Error).message).not.toMatch(/JANE|jane@doe\.com|87654321/);
  });
});
