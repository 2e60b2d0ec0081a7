// /metrics of the web process: the app's own registry (remote calls made here, e.g. review
// decisions; and, when a worker runs in-process, its counters) plus gauges read at scrape time.
// In production the worker's counters are scraped from the worker's METRICS_PORT.
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { registerOperatorGauges } from '../metrics/operator-gauges.js';
import { countJobs } from '../queue/queues.js';
import { countOpenDeadLetters } from '../store/dead-letters.js';
import type { WebApp } from './web-app.js';

export function registerMetricsRoute(fastify: FastifyInstance, app: WebApp): void {
  const gauges = new Registry();
  registerOperatorGauges(gauges, {
    countQueueJobs: async () => {
      const [sync, poll] = await Promise.all([countJobs(app.queues.sync), countJobs(app.queues.poll)]);
      return { [app.queues.sync.name]: { ...sync }, [app.queues.poll.name]: { ...poll } };
    },
    countOpenDeadLetters: () => countOpenDeadLetters(app.db),
  });
  fastify.get('/metrics', async (_request, reply) => {
    // Two registries, concatenated: their family names never overlap, and merging would copy them.
    const text = `${await app.metrics.registry.metrics()}\n${await gauges.metrics()}`;
    return reply.header('content-type', gauges.contentType).send(text);
  });
}
