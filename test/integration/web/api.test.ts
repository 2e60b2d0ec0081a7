// The operator API over real HTTP, Redis, SQLite and the simulators.
import { afterEach, describe, expect, it } from 'vitest';
import { generateCustomers } from '../../../src/simulators/generate.js';
import { listLinksOfCustomer } from '../../../src/store/links.js';
import { getReview, openReview } from '../../../src/store/reviews.js';
import { waitUntil } from '../../support/harness.js';
import { callApi, startWebHarness, type WebHarness } from './web-harness.js';

let w: WebHarness | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

const oneCustomer = () => generateCustomers({ customers: 1, overlap: 0, shipToShare: 0, seed: 11, titleCodes: ['IT', 'AP'], windwardOnlyShare: 0 });

describe('operator API', () => {
  it('resync answers 202 with the same job id while one is waiting; bad input is 400', async () => {
    w = await startWebHarness({ worker: false });
    const first = await callApi(w, 'POST', '/api/customers/100001/resync');
    expect(first.status).toBe(202);
    expect(typeof first.json.jobId).toBe('string');
    const second = await callApi(w, 'POST', '/api/customers/100001/resync');
    expect(second.status).toBe(202);
    expect(second.json.jobId).toBe(first.json.jobId);
    expect(await w.harness.app.queues.sync.count()).toBe(1);

    for (const bad of ['abc', '0', '-5', '12.5', '1234567890123', '%3Cscript%3E']) {
      const response = await callApi(w, 'POST', `/api/customers/${bad}/resync`);
      expect(response.status, bad).toBe(400);
      expect(response.json).toMatchObject({ error: 'bad_request' });
      expect(String(response.json.message)).toMatch(/customer number/);
    }
    expect((await callApi(w, 'GET', '/api/customers/abc')).status).toBe(400);
    expect((await callApi(w, 'GET', '/api/customers/424242')).status).toBe(404);
  });

  it('enqueues the customers of an Infosoft change notification, and rejects malformed ones', async () => {
    w = await startWebHarness({ worker: false });
    const ok = await callApi(w, 'POST', '/api/infosoft/changes', { customerNumbers: [100001, 100002, 100001, 100003] });
    expect(ok.status).toBe(202);
    expect(ok.json).toEqual({ enqueued: 3 });
    const waiting = await w.harness.app.queues.sync.getWaiting();
    expect(waiting.map((job) => job.data.customerNumber).sort()).toEqual([100001, 100002, 100003]);
    expect(waiting.every((job) => job.data.reason === 'notify')).toBe(true);
    for (const body of [{}, { customerNumbers: [] }, { customerNumbers: ['1'] }, { customerNumbers: [0] }, { customerNumbers: [1], extra: true }]) {
      const response = await callApi(w, 'POST', '/api/infosoft/changes', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(String(response.json.message)).toMatch(/invalid change notification/);
    }
    expect(await w.harness.app.queues.sync.count()).toBe(3);
  });

  it('lists a dead letter, shows it on the customer, and retries or discards it; unknown ids are 404', async () => {
    w = await startWebHarness({ worker: true });
    const h = w;
    expect((await callApi(h, 'POST', '/api/dead-letters/999/retry')).status).toBe(404);
    expect((await callApi(h, 'POST', '/api/dead-letters/999/discard')).status).toBe(404);
    expect((await callApi(h, 'POST', '/api/dead-letters/x1/retry')).status).toBe(400);

    expect((await callApi(h, 'POST', '/api/customers/424242/resync')).status).toBe(202);
    const listed = await waitUntil(async () => {
      const { json } = await callApi(h, 'GET', '/api/dead-letters');
      return (json.deadLetters as Array<{ id: string; customerNumber: number; reason: string }>).find((d) => d.customerNumber === 424242);
    }, 'the unknown customer to be dead-lettered');
    expect(listed.reason).toMatch(/customer_not_found/);

    const customer = await callApi(h, 'GET', '/api/customers/424242');
    expect(customer.status).toBe(200);
    expect(customer.json).toMatchObject({ customerNumber: 424242, links: [], deadLetter: { id: listed.id } });
    expect((customer.json.decisions as Array<{ action: string }>)[0]?.action).toBe('failed');

    const discarded = await callApi(h, 'POST', `/api/dead-letters/${listed.id}/discard`);
    expect(discarded).toMatchObject({ status: 200, json: { id: listed.id, status: 'discarded' } });
    expect((await callApi(h, 'POST', `/api/dead-letters/${listed.id}/retry`)).status).toBe(409);
    expect(await h.harness.app.queues.sync.getFailedCount()).toBe(0);
  });

  it('decides a review item: validates the Unique, records the decision and the sync applies it', async () => {
    const data = oneCustomer();
    const customer = data.infosoft[0]!;
    w = await startWebHarness({
      worker: true,
      sims: { infosoftSeed: data.infosoft, windwardSeed: [{ Unique: 7001, Name: 'Review Target', FirstName: 'Review', LastName: 'Target', Postal: '0150', City: 'OSLO', Country: 'NO' }] },
    });
    const h = w;
    const item = openReview(h.harness.app.db, {
      customerNumber: customer.CustomerNumber,
      reason: 'two close candidates',
      candidates: [{ id: '7001', score: 3.2, evidence: { fields: [{ field: 'lastName', level: 'exact', weight: 4.1 }], prior: -0.9, total: 3.2, contradictions: [] } }],
    });

    const listed = await callApi(h, 'GET', '/api/reviews');
    expect(listed.json.reviews).toMatchObject([{ id: item.id, customerNumber: customer.CustomerNumber, status: 'open' }]);

    expect((await callApi(h, 'POST', `/api/reviews/${item.id}/decide`, { decision: 'link' })).status).toBe(400);
    expect((await callApi(h, 'POST', `/api/reviews/${item.id}/decide`, { decision: 'maybe' })).status).toBe(400);
    expect((await callApi(h, 'POST', '/api/reviews/9999/decide', { decision: 'create' })).status).toBe(404);
    const missing = await callApi(h, 'POST', `/api/reviews/${item.id}/decide`, { decision: 'link', unique: 999_999 });
    expect(missing).toMatchObject({ status: 422, json: { error: 'unknown_unique' } });
    expect(getReview(h.harness.app.db, item.id)?.status).toBe('open');

    const decided = await callApi(h, 'POST', `/api/reviews/${item.id}/decide`, { decision: 'link', unique: 7001 });
    expect(decided.status).toBe(202);
    expect(decided.json).toMatchObject({ review: { id: item.id, decision: 'link', decidedUnique: 7001 } });
    expect(typeof decided.json.jobId).toBe('string');
    expect((await callApi(h, 'POST', `/api/reviews/${item.id}/decide`, { decision: 'create' })).status).toBe(409);

    // The sync writes the link, then marks the review done (the test reads the worker's own
    // connection, so it can see the first write before the second): wait for both.
    await waitUntil(
      () =>
        listLinksOfCustomer(h.harness.app.db, customer.CustomerNumber).some((l) => l.role === 'bill_to' && l.windwardUnique === 7001) &&
        getReview(h.harness.app.db, item.id)?.status === 'done',
      'the decision to be applied and the review closed',
    );
    const view = await callApi(h, 'GET', `/api/customers/${customer.CustomerNumber}`);
    expect(view.json).toMatchObject({ links: [{ role: 'bill_to', windwardUnique: 7001 }] });
    expect(view.json.links).not.toMatchObject([{ fingerprint: expect.anything() }]);
    expect(getReview(h.harness.app.db, item.id)?.status).toBe('done');
  });
});
