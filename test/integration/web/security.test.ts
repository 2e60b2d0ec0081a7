// Authentication on every route but the probes, CSRF on every mutation, read-only mode, and the
// refusal to start without credentials.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { runCli } from '../../support/cli.js';
import { waitUntil } from '../../support/harness.js';
import { callApi, DASHBOARD, fetchCsrf, startWebHarness, toBasicAuth, type WebHarness } from './web-harness.js';

let w: WebHarness | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

const PROTECTED: Array<[string, string]> = [
  ['GET', '/'],
  ['GET', '/assets/operator.js'],
  ['GET', '/api/csrf-token'],
  ['GET', '/api/customers/100001'],
  ['GET', '/api/dead-letters'],
  ['GET', '/api/reviews'],
  ['GET', '/metrics'],
  ['GET', '/admin/queues'],
  ['GET', '/admin/queues/api/queues'],
  ['GET', '/no-such-route'],
  ['POST', '/api/customers/100001/resync'],
  ['POST', '/api/dead-letters/1/retry'],
  ['POST', '/api/dead-letters/1/discard'],
  ['POST', '/api/reviews/1/decide'],
  ['POST', '/api/infosoft/changes'],
  ['PUT', '/admin/queues/api/queues/sync/pause'],
  ['PUT', '/admin/queues/api/queues/sync/retry/failed'],
];

describe('web security', () => {
  it('answers 401 on every route without credentials and with wrong ones, and serves the probes without', async () => {
    w = await startWebHarness();
    const wrong = [undefined, toBasicAuth(DASHBOARD.username, 'wrong'), toBasicAuth('someone', DASHBOARD.password), 'Bearer abc'];
    for (const [method, path] of PROTECTED) {
      for (const authorization of wrong) {
        const response = await fetch(`${w.base}${path}`, { method, headers: authorization ? { authorization } : {} });
        expect(response.status, `${method} ${path} with ${authorization ?? 'no credentials'}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
      }
    }
    expect((await fetch(`${w.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${w.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { redis: 'ok', sqlite: 'ok', infosoft: 'ok', windward: 'ok' } });
    // With the right credentials the same routes are reachable.
    for (const path of ['/', '/admin/queues', '/admin/queues/api/queues', '/metrics', '/api/dead-letters']) {
      expect((await fetch(`${w.base}${path}`, { headers: { authorization: w.auth } })).status, path).toBe(200);
    }
  });

  it('rejects mutations without a valid CSRF token (operator API and bull-board API)', async () => {
    w = await startWebHarness();
    const auth = { authorization: w.auth };
    const { token, cookie } = await fetchCsrf(w);
    const other = await fetchCsrf(w);
    const attempts: Array<[string, Record<string, string>]> = [
      ['no token, no cookie', auth],
      ['cookie without token', { ...auth, cookie }],
      ['token without cookie', { ...auth, 'x-csrf-token': token }],
      ['token of another cookie', { ...auth, cookie, 'x-csrf-token': `${other.token}` }],
      ['garbage token', { ...auth, cookie, 'x-csrf-token': 'nope' }],
    ];
    for (const [label, headers] of attempts) {
      const resync = await fetch(`${w.base}/api/customers/100001/resync`, { method: 'POST', headers });
      expect(resync.status, `resync: ${label}`).toBe(403);
      const changes = await fetch(`${w.base}/api/infosoft/changes`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ customerNumbers: [1] }),
      });
      expect(changes.status, `changes: ${label}`).toBe(403);
    }
    expect(await w.harness.app.queues.sync.count()).toBe(0);

    // bull-board: a cross-site or header-less call is refused; a same-origin browser call passes.
    const pause = (headers: Record<string, string>) => fetch(`${w!.base}/admin/queues/api/queues/poll/pause`, { method: 'PUT', headers });
    expect((await pause(auth)).status).toBe(403);
    expect((await pause({ ...auth, origin: 'https://evil.example' })).status).toBe(403);
    expect((await pause({ ...auth, origin: w.base, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await pause({ ...auth, referer: 'https://evil.example/page' })).status).toBe(403);
    expect(await w.harness.app.queues.poll.isPaused()).toBe(false);
    expect((await pause({ ...auth, origin: w.base, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(await w.harness.app.queues.poll.isPaused()).toBe(true);
    // …and so does a script with the double-submit token.
    const resume = await fetch(`${w.base}/admin/queues/api/queues/poll/resume`, { method: 'PUT', headers: { ...auth, cookie, 'x-csrf-token': token } });
    expect(resume.status).toBe(200);
    expect(await w.harness.app.queues.poll.isPaused()).toBe(false);
  });

  it('answers 403 on every mutation in read-only mode', async () => {
    w = await startWebHarness({ readOnly: true });
    for (const [method, path, body] of [
      ['POST', '/api/customers/100001/resync', undefined],
      ['POST', '/api/infosoft/changes', { customerNumbers: [100001] }],
      ['POST', '/api/dead-letters/1/retry', undefined],
      ['POST', '/api/reviews/1/decide', { decision: 'create' }],
    ] as const) {
      const { status, json } = await callApi(w, method, path, body);
      expect(status, path).toBe(403);
      expect(json.error).toBe('read_only');
    }
    const pause = await fetch(`${w.base}/admin/queues/api/queues/poll/pause`, { method: 'PUT', headers: { authorization: w.auth, origin: w.base } });
    expect(pause.status).toBe(403);
    expect(await w.harness.app.queues.poll.isPaused()).toBe(false);
    expect(await w.harness.app.queues.sync.count()).toBe(0);
    const queues = (await (await fetch(`${w.base}/admin/queues/api/queues`, { headers: { authorization: w.auth } })).json()) as { queues: Array<{ readOnlyMode: boolean }> };
    expect(queues.queues.map((q) => q.readOnlyMode)).toEqual([true, true]);
  });

  it('reports not-ready with per-check status (and nothing more) when a remote fails', async () => {
    w = await startWebHarness();
    w.harness.sims.windward.setFaults({ script: [{ kind: 'http500', operation: 'Customers', times: 1000 }] });
    const response = await fetch(`${w.base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'not_ready', checks: { redis: 'ok', sqlite: 'ok', infosoft: 'ok', windward: 'fail' } });
  });

  it('logs requests as JSON with request ids, never credentials, cookies or bodies', async () => {
    const sink = new PassThrough();
    let output = '';
    sink.on('data', (chunk: Buffer) => (output += chunk.toString()));
    w = await startWebHarness({ logger: createLogger({ level: 'info', destination: sink }) });
    const { token, cookie } = await fetchCsrf(w);
    const response = await fetch(`${w.base}/api/infosoft/changes`, {
      method: 'POST',
      headers: { authorization: w.auth, cookie, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ customerNumbers: [100001] }),
    });
    expect(response.status).toBe(202);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The "request completed" line is written when the response has finished; wait for it.
    await waitUntil(() => output.includes(`"reqId":"${requestId}"`) && output.includes('request completed'), 'the request log lines');
    const lines = output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const ours = lines.filter((line) => line.reqId === requestId);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours[0]).toMatchObject({ module: 'web', req: { method: 'POST', url: '/api/infosoft/changes' } });
    const secret = Buffer.from(`${DASHBOARD.username}:${DASHBOARD.password}`).toString('base64');
    for (const needle of [secret, DASHBOARD.password, token, cookie.split('=')[1] ?? cookie, 'customerNumbers']) expect(output).not.toContain(needle);
  });

  it('`customer-sync web` refuses to start without credentials on a non-loopback HOST', async () => {
    const env = { ...process.env, HOST: '0.0.0.0', PORT: '0', DASHBOARD_USERNAME: '', DASHBOARD_PASSWORD: '', LOG_LEVEL: 'silent' };
    const result = await runCli(['web'], env, 60_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing to start: DASHBOARD_USERNAME and DASHBOARD_PASSWORD are not set and HOST=0\.0\.0\.0 is not a loopback address/);
    // --insecure-dev does not lift the rule off loopback.
    const insecure = await runCli(['web', '--insecure-dev'], env, 60_000);
    expect(insecure.code).toBe(1);
    expect(insecure.stderr).toMatch(/HOST=0\.0\.0\.0 is not a loopback address/);
    // On loopback, without the flag, it still refuses.
    const loopback = await runCli(['web'], { ...env, HOST: '127.0.0.1' }, 60_000);
    expect(loopback.code).toBe(1);
    expect(loopback.stderr).toMatch(/--insecure-dev/);
  });
});
