// What the web process needs from the composition root (web may not import app.ts; the App built
// there satisfies this structurally).
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { SyncQueues } from '../queue/queues.js';
import type { Db } from '../store/db.js';

export interface WebApp {
  config: Pick<Config, 'web' | 'dashboard' | 'infosoft'>;
  db: Db;
  redis: Pick<Redis, 'ping'>;
  queues: Pick<SyncQueues, 'sync' | 'poll'>;
  windward: {
    getCustomer(unique: number): Promise<unknown>;
    listCustomers(pageNumber: number, pageSize: number): Promise<unknown>;
  };
  metrics: { registry: Registry };
  enqueueCustomer(customerNumber: number, reason: string): Promise<string>;
}
