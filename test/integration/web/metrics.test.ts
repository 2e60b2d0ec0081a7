// /metrics exposes the operator families, and their values move when jobs run.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCustomers } from '../../../src/simulators/generate.js';
import { listLinksOfCustomer } from '../../../src/store/links.js';
import { startHarness, waitUntil, type Harness } from '../../support/harness.js';
import { callApi, DASHBOARD, startWebHarness, toBasicAuth, type WebHarness } from './web-harness.js';

let w: WebHarness | null = null;
let h: Harness | null = null;
afterEach(async () => {
  await w?.close();
  await h?.close();
  w = null;
  h = null;
});

/** The value of the one sample of `name` whose labels include `labels` (Prometheus text format). */
function readSample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(target: WebHarness): Promise<string> {
  const response = await fetch(`${target.base}/metrics`, { headers: { authorization: target.auth } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('/metrics', () => {
  it('exposes job outcomes, remote-call latency, matcher decisions, queue depths and dead letters that move with the work', async () => {
    const data = generateCustomers({ customers: 1, overlap: 0, shipToShare: 0, seed: 21, titleCodes: ['IT', 'AP'], windwardOnlyShare: 0 });
    const customer = data.infosoft[0]!;
    w = await startWebHarness({ worker: true, sims: { infosoftSeed: data.infosoft, windwardSeed: [] } });
    const web = w;

    const before = await scrape(web);
    for (const family of [
      'customer_sync_jobs_total',
      'customer_sync_remote_call_seconds',
      'customer_sync_matcher_decisions_total',
      'customer_sync_queue_jobs',
      'customer_sync_dead_letters',
    ]) {
      expect(before, family).toMatch(new RegExp(`^# TYPE ${family} `, 'm'));
    }
    expect(readSample(before, 'customer_sync_jobs_total', { outcome: 'created' })).toBe(0);
    expect(readSample(before, 'customer_sync_jobs_total', { outcome: 'failed' })).toBe(0);
    expect(readSample(before, 'customer_sync_matcher_decisions_total', { decision: 'create' })).toBe(0);
    expect(readSample(before, 'customer_sync_dead_letters')).toBe(0);
    expect(readSample(before, 'customer_sync_queue_jobs', { queue: 'sync', state: 'completed' })).toBe(0);
    const infosoftCallsBefore = readSample(before, 'customer_sync_remote_call_seconds_count', { system: 'infosoft', operation: 'getCustomer', result: 'ok' }) ?? 0;

    expect((await callApi(web, 'POST', `/api/customers/${customer.CustomerNumber}/resync`)).status).toBe(202);
    await waitUntil(async () => listLinksOfCustomer(web.harness.app.db, customer.CustomerNumber).length > 0, 'the customer to be created');
    // The job's own completion is recorded just after the link is written.
    const afterCreate = await waitUntil(async () => {
      const text = await scrape(web);
      return readSample(text, 'customer_sync_queue_jobs', { queue: 'sync', state: 'completed' }) === 1 ? text : null;
    }, 'the job to complete');
    expect(readSample(afterCreate, 'customer_sync_jobs_total', { outcome: 'created' })).toBe(1);
    expect(readSample(afterCreate, 'customer_sync_matcher_decisions_total', { decision: 'create' })).toBe(1);
    expect(readSample(afterCreate, 'customer_sync_remote_call_seconds_count', { system: 'infosoft', operation: 'getCustomer', result: 'ok' })).toBe(infosoftCallsBefore + 1);
    expect(readSample(afterCreate, 'customer_sync_remote_call_seconds_count', { system: 'windward', operation: 'addCustomer', result: 'ok' })).toBe(1);
    expect(readSample(afterCreate, 'customer_sync_remote_call_seconds_sum', { system: 'windward', operation: 'addCustomer', result: 'ok' })).toBeGreaterThan(0);

    // A customer Infosoft does not know fails permanently: counted, classified, dead-lettered.
    expect((await callApi(web, 'POST', '/api/customers/424242/resync')).status).toBe(202);
    const afterFailure = await waitUntil(async () => {
      const text = await scrape(web);
      return readSample(text, 'customer_sync_dead_letters') === 1 ? text : null;
    }, 'the dead letter to be counted');
    expect(readSample(afterFailure, 'customer_sync_jobs_total', { outcome: 'failed' })).toBe(1);
    expect(readSample(afterFailure, 'customer_sync_remote_call_seconds_count', { system: 'infosoft', operation: 'getCustomer', result: 'permanent' })).toBe(1);
    expect(readSample(afterFailure, 'customer_sync_queue_jobs', { queue: 'sync', state: 'failed' })).toBe(1);
  });

  it('the worker serves its own registry on METRICS_PORT, with the dashboard credentials', async () => {
    const port = await findFreePort();
    h = await startHarness({ config: { metrics: { port }, dashboard: DASHBOARD } });
    const url = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: toBasicAuth(DASHBOARD.username, 'wrong') } })).status).toBe(401);
    const response = await fetch(url, { headers: { authorization: toBasicAuth(DASHBOARD.username, DASHBOARD.password) } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(readSample(text, 'customer_sync_jobs_total', { outcome: 'unchanged' })).toBe(0);
    // The mirror refresh at worker start listed Windward through the instrumented client.
    expect(readSample(text, 'customer_sync_remote_call_seconds_count', { system: 'windward', operation: 'listCustomers', result: 'ok' })).toBeGreaterThan(0);
    // ...and filed what it read through the group commit, which the worker counts.
    const commits = readSample(text, 'customer_sync_sqlite_commits_total');
    const writes = readSample(text, 'customer_sync_sqlite_writes_total');
    expect(commits).toBe(h.app.writeBatch?.stats.commits);
    expect(commits).toBeGreaterThan(0);
    expect(writes).toBeGreaterThanOrEqual(commits ?? Infinity);
  });
});
