// /healthz: the process is up. /readyz: everything a sync needs answers now. Both are public, so
// they say only ok/fail per check; the reasons go to the log.
import { basicAuthorization } from '../http/basic-auth.js';
import type { FastifyInstance } from 'fastify';
import type { WebApp } from './web-app.js';

const CHECK_TIMEOUT_MS = 2_000;

type CheckName = 'redis' | 'sqlite' | 'infosoft' | 'windward';

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchWsdl(config: WebApp['config']['infosoft']): Promise<void> {
  const headers: Record<string, string> = {};
  if (config.username && config.password) {
    headers.authorization = basicAuthorization(config.username, config.password);
  }
  const response = await fetch(`${config.url}?wsdl`, { headers, signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`WSDL answered HTTP ${response.status}`);
}

export function registerHealthRoutes(fastify: FastifyInstance, app: WebApp): void {
  fastify.get('/healthz', async () => ({ status: 'ok' }));

  fastify.get('/readyz', async (request, reply) => {
    const checks: Record<CheckName, () => Promise<unknown>> = {
      redis: () => app.redis.ping(),
      sqlite: async () => app.db.$client.prepare('select 1').get(),
      infosoft: () => fetchWsdl(app.config.infosoft),
      // A one-record page: cheap, and it proves the URL and the credentials.
      windward: () => app.windward.listCustomers(1, 1),
    };
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS);
          return [name, 'ok'] as const;
        } catch (error) {
          request.log.warn({ check: name, err: (error as Error).message }, 'readiness check failed');
          return [name, 'fail'] as const;
        }
      }),
    );
    const ready = entries.every(([, status]) => status === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(entries) });
  });
}
