// Gauges read at scrape time from the shared state (BullMQ counts in Redis, open dead letters in
// SQLite), so any process that can reach them reports the same numbers — no worker needed.
import { Gauge, type Registry } from 'prom-client';

export interface OperatorGaugeSources {
  /** Job counts per queue name and state (waiting, active, delayed, failed, completed). */
  countQueueJobs(): Promise<Record<string, Record<string, number>>>;
  countOpenDeadLetters(): number;
}

export function registerOperatorGauges(registry: Registry, sources: OperatorGaugeSources): void {
  new Gauge({
    name: 'customer_sync_queue_jobs',
    help: 'Jobs per BullMQ queue and state, read from Redis at scrape time',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, counts] of Object.entries(await sources.countQueueJobs())) {
        for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
      }
    },
  });
  new Gauge({
    name: 'customer_sync_dead_letters',
    help: 'Open dead letters (customers whose sync gave up), read from SQLite at scrape time',
    registers: [registry],
    collect() {
      this.set(sources.countOpenDeadLetters());
    },
  });
}
