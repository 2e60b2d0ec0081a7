// The worker's own /metrics endpoint (METRICS_PORT). The worker has no web framework and needs
// none: one route on node:http. Its counters live in the worker process, so Prometheus must
// scrape it directly; the web process only sees what it can read from Redis and SQLite.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeMetricsOptions {
  registry: Registry;
  host: string;
  port: number;
  /** When given, requests whose Authorization header it rejects get 401 (same credentials as the dashboard). */
  authorize?: (authorizationHeader: string | undefined) => boolean;
}

export async function serveMetrics(options: ServeMetricsOptions): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (options.authorize && !options.authorize(req.headers.authorization)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="customer-sync"', 'content-type': 'text/plain' }).end('unauthorized\n');
      return;
    }
    options.registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(text))
      .catch(() => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
