// Who may use the dashboard, and whether the web process may start at all (DESIGN §4.5).
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export interface DashboardCredentials {
  username: string;
  password: string;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** 127.0.0.0/8, ::1 and "localhost": nobody else can reach a server bound there. */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase();
  if (LOOPBACK_NAMES.has(name)) return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

export type StartupDecision = { ok: true; credentials: DashboardCredentials | null } | { ok: false; message: string };

/**
 * Credentials are required, except for local development: --insecure-dev on a loopback address.
 * A half-configured pair (only a username) is a mistake, never "no auth".
 */
export function decideStartup(input: { username?: string | undefined; password?: string | undefined; host: string; insecureDev: boolean }): StartupDecision {
  const { username, password, host, insecureDev } = input;
  if (username && password) return { ok: true, credentials: { username, password } };
  if (username || password) {
    return { ok: false, message: 'set both DASHBOARD_USERNAME and DASHBOARD_PASSWORD (only one of them is set)' };
  }
  if (!isLoopbackHost(host)) {
    return {
      ok: false,
      message: `refusing to start: DASHBOARD_USERNAME and DASHBOARD_PASSWORD are not set and HOST=${host} is not a loopback address. ` +
        'Set the dashboard credentials (the dashboard can retry, discard and pause jobs).',
    };
  }
  if (!insecureDev) {
    return {
      ok: false,
      message: 'refusing to start: DASHBOARD_USERNAME and DASHBOARD_PASSWORD are not set. ' +
        'For local development only, pass --insecure-dev (allowed on a loopback HOST only).',
    };
  }
  return { ok: true, credentials: null };
}

/** Hashing first gives both sides the same length, so the comparison time reveals nothing. */
function equalSecrets(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function checkCredentials(credentials: DashboardCredentials, username: string, password: string): boolean {
  // Both compared, always: no early exit that would tell a wrong username from a wrong password.
  const userOk = equalSecrets(username, credentials.username);
  const passwordOk = equalSecrets(password, credentials.password);
  return userOk && passwordOk;
}

/** For servers without the Fastify plugin (the worker's metrics port). */
export function checkAuthorizationHeader(credentials: DashboardCredentials, header: string | undefined): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return checkCredentials(credentials, decoded.slice(0, colon), decoded.slice(colon + 1));
}
