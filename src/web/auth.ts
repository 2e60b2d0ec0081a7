// HTTP Basic on every route but the probes. Registered on the root instance before any route or
// plugin, so bull-board's UI, its static files and its /api routes are covered too.
import fastifyBasicAuth from '@fastify/basic-auth';
import type { FastifyInstance } from 'fastify';
import { checkCredentials, type DashboardCredentials } from './credentials.js';

/** Exact paths only: anything else (including /healthz/ or unknown routes) needs credentials. */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

export function toPath(url: string): string {
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

export async function registerBasicAuth(fastify: FastifyInstance, credentials: DashboardCredentials): Promise<void> {
  await fastify.register(fastifyBasicAuth, {
    authenticate: { realm: 'customer-sync' },
    async validate(username, password) {
      if (!checkCredentials(credentials, username, password)) return new Error('invalid dashboard credentials');
      return undefined;
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (PUBLIC_PATHS.has(toPath(request.url))) {
      done();
      return;
    }
    const check = fastify.basicAuth as (req: typeof request, rep: typeof reply, next: (error?: Error) => void) => void;
    check(request, reply, done);
  });
}
