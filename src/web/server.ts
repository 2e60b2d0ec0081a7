// The web process: bull-board at /admin/queues, the operator API and page, health and metrics.
// Every route but /healthz and /readyz needs the dashboard credentials (auth.ts); every mutating
// request needs a CSRF proof (csrf.ts).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../log.js';
import { registerCustomerRoutes } from './api/customers.js';
import { registerDeadLetterRoutes } from './api/dead-letters.js';
import { registerInfosoftChangeRoutes } from './api/infosoft-changes.js';
import { registerReviewRoutes } from './api/reviews.js';
import { registerBasicAuth } from './auth.js';
import { registerBoard } from './board.js';
import { decideStartup, type DashboardCredentials } from './credentials.js';
import { registerMutationGuard } from './csrf.js';
import { registerHealthRoutes } from './health.js';
import { setJsonErrorHandler } from './http-errors.js';
import { registerMetricsRoute } from './metrics-route.js';
import { registerOperatorPage } from './page.js';
import type { WebApp } from './web-app.js';

export type { WebApp } from './web-app.js';

export interface WebServerOptions {
  app: WebApp;
  logger: Logger;
  /** Allow running without credentials — only on a loopback host (local development). */
  insecureDev?: boolean;
  /** Default: app.config.web.host / port. */
  host?: string;
  port?: number;
}

export interface WebServer {
  fastify: FastifyInstance;
  url: string;
  /** True when running without credentials (--insecure-dev). */
  insecure: boolean;
  close(): Promise<void>;
}

/** Thrown when the process must not start (missing credentials); the CLI exits 1 with the message. */
export class WebStartupError extends Error {}

/** Stable across web instances that share the credentials, so a token survives a load balancer hop. */
function deriveCookieSecret(credentials: DashboardCredentials | null): string {
  if (!credentials) return randomBytes(32).toString('hex');
  return createHmac('sha256', credentials.password).update(`customer-sync csrf cookie\0${credentials.username}`).digest('hex');
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { app } = options;
  const host = options.host ?? app.config.web.host;
  const port = options.port ?? app.config.web.port;
  const startup = decideStartup({ ...app.config.dashboard, host, insecureDev: options.insecureDev ?? false });
  if (!startup.ok) throw new WebStartupError(startup.message);
  const readOnly = app.config.dashboard.readOnly;

  const fastify = Fastify({
    // Requests are logged with method, URL and address only: never headers (Authorization,
    // cookies) or bodies. log.ts redacts those paths as well, as a safety net.
    loggerInstance: options.logger.child(
      { module: 'web' },
      { serializers: { req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: req.url, remoteAddress: req.ip }) } },
    ) as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    // Same-origin Referers are kept: the CSRF check of bull-board's calls may rely on them.
    void reply.header('referrer-policy', 'same-origin');
  });
  setJsonErrorHandler(fastify);
  if (startup.credentials) await registerBasicAuth(fastify, startup.credentials);
  else fastify.log.warn('running WITHOUT authentication (--insecure-dev, loopback only)');
  await registerMutationGuard(fastify, { cookieSecret: deriveCookieSecret(startup.credentials), readOnly });

  registerHealthRoutes(fastify, app);
  registerMetricsRoute(fastify, app);
  registerCustomerRoutes(fastify, app);
  registerDeadLetterRoutes(fastify, app);
  registerReviewRoutes(fastify, app);
  registerInfosoftChangeRoutes(fastify, app);
  registerOperatorPage(fastify);
  await registerBoard(fastify, [app.queues.sync, app.queues.poll], { readOnly });

  const url = await fastify.listen({ host, port });
  return { fastify, url, insecure: startup.credentials === null, close: () => fastify.close() };
}
