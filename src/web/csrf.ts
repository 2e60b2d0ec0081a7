// CSRF protection for every mutating request (POST, PUT, PATCH, DELETE), and the read-only switch.
//
// The operator API and page use a double-submit token (@fastify/csrf-protection): GET
// /api/csrf-token sets a signed, HttpOnly, SameSite=Strict cookie holding a secret and returns a
// token derived from it; each mutating call sends the token in `x-csrf-token`. A forged cross-site
// request carries the cookie (maybe) but can neither read the token nor set the header.
//
// bull-board's UI is a prebuilt bundle that we cannot teach to send a token. Its API calls are
// same-origin fetches, for which browsers always send `Origin` (and `Sec-Fetch-Site: same-origin`),
// while a cross-site page cannot forge either header. So a mutating call under /admin/queues is
// accepted when it is provably same-origin (Origin, or Referer when Origin is missing, names this
// server's Host, and Sec-Fetch-Site, if sent, says same-origin) — or when it carries a valid
// double-submit token (scripts). Anything else gets 403.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toPath } from './auth.js';

export const CSRF_HEADER = 'x-csrf-token';
export const BOARD_PREFIX = '/admin/queues';
const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface MutationGuardOptions {
  /** Signs the CSRF cookie, so a cookie planted by a sibling subdomain is rejected. */
  cookieSecret: string;
  readOnly: boolean;
}

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).host;
  } catch {
    return null;
  }
}

/** True when a browser tells us the request comes from a page of this very server. */
export function isSameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const host = request.headers.host;
  const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
  return Boolean(host) && origin === host;
}

function sendForbidden(reply: FastifyReply, error: string, message: string): void {
  void reply.code(403).send({ error, message });
}

export async function registerMutationGuard(fastify: FastifyInstance, options: MutationGuardOptions): Promise<void> {
  await fastify.register(fastifyCookie, { secret: options.cookieSecret });
  await fastify.register(fastifyCsrfProtection, {
    cookieKey: 'customer_sync_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', signed: true, secure: 'auto' },
    // Header only: a token in a form field or query string could be forged by a plain HTML form.
    getToken: (request) => {
      const value = request.headers[CSRF_HEADER];
      return typeof value === 'string' ? value : undefined;
    },
  });

  fastify.get('/api/csrf-token', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    return { token: reply.generateCsrf() };
  });

  fastify.addHook('onRequest', (request, reply, done) => {
    if (!MUTATING_METHODS.has(request.method)) {
      done();
      return;
    }
    if (options.readOnly) {
      sendForbidden(reply, 'read_only', 'the dashboard is read-only (DASHBOARD_READ_ONLY=true)');
      return;
    }
    const path = toPath(request.url);
    if ((path === BOARD_PREFIX || path.startsWith(`${BOARD_PREFIX}/`)) && isSameOrigin(request)) {
      done();
      return;
    }
    fastify.csrfProtection(request, reply, done);
  });
}
