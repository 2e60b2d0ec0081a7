// The web process. Until the operator surface lands it serves health only.
import Fastify, { type FastifyInstance } from 'fastify';

export interface WebServerOptions {
  host: string;
  port: number;
}

export async function startWebServer(options: WebServerOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.get('/healthz', async () => ({ status: 'ok' }));
  const address = await app.listen({ host: options.host, port: options.port });
  return { app, url: address };
}
