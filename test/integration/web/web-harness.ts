// The real stack of test/support/harness.ts plus the real web server on a free loopback port.
import { createLogger, type Logger } from '../../../src/log.js';
import { startWebServer, type WebServer } from '../../../src/web/server.js';
import { startHarness, type Harness } from '../../support/harness.js';

export const DASHBOARD = { username: 'operator', password: 'correct horse battery staple' } as const;

export interface WebHarness {
  harness: Harness;
  web: WebServer;
  base: string;
  /** Authorization header value with the right credentials. */
  auth: string;
  close(): Promise<void>;
}

export function toBasicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

type SimOptions = NonNullable<NonNullable<Parameters<typeof startHarness>[0]>['sims']>;

export async function startWebHarness(options: { readOnly?: boolean; worker?: boolean; sims?: SimOptions; logger?: Logger } = {}): Promise<WebHarness> {
  const harness = await startHarness({
    ...(options.sims ? { sims: options.sims } : {}),
    worker: options.worker ?? false,
    config: { dashboard: { ...DASHBOARD, readOnly: options.readOnly ?? false }, web: { host: '127.0.0.1', port: 0 } },
  });
  let web: WebServer;
  try {
    web = await startWebServer({ app: harness.app, logger: options.logger ?? createLogger({ level: 'silent' }) });
  } catch (error) {
    await harness.close();
    throw error;
  }
  return {
    harness,
    web,
    base: web.url,
    auth: toBasicAuth(DASHBOARD.username, DASHBOARD.password),
    async close() {
      await web.close();
      await harness.close();
    },
  };
}

/** A CSRF token and the cookie that goes with it, as the operator page gets them. */
export async function fetchCsrf(w: WebHarness): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${w.base}/api/csrf-token`, { headers: { authorization: w.auth } });
  if (!response.ok) throw new Error(`csrf-token → ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  const setCookie = response.headers.getSetCookie();
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  return { token, cookie };
}

/** An authenticated, CSRF-protected JSON call, as the operator page makes it. */
export async function callApi(w: WebHarness, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const { token, cookie } = await fetchCsrf(w);
  const headers: Record<string, string> = { authorization: w.auth, 'x-csrf-token': token, cookie };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${w.base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
