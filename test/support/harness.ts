// A real stack for integration tests: both simulators over HTTP, a fresh SQLite file with the real
// migrations, BullMQ on the real Redis under a queue prefix unique to this run (removed afterwards).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { DEFAULT_SIM_CREDENTIALS, startSimulators, type Simulators, type StartSimulatorsOptions } from '../../src/simulators/index.js';
import { listSyncLogOfCustomer, type SyncLogEntry } from '../../src/store/sync-log.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Harness {
  sims: Simulators;
  app: App;
  config: Config;
  dir: string;
  /** The environment that points a CLI process at this stack. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

type Overrides = Record<string, unknown>;

function mergeOverrides(base: Overrides, extra: Overrides | undefined): Overrides {
  const result: Overrides = { ...base };
  for (const [key, value] of Object.entries(extra ?? {})) {
    const current = result[key];
    result[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? { ...(current as Overrides), ...(value as Overrides) }
        : value;
  }
  return result;
}

export async function startHarness(
  options: { sims?: StartSimulatorsOptions; config?: Overrides; worker?: boolean; now?: () => Date } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'customer-sync-test-'));
  const sims = await startSimulators({ customers: 0, ...options.sims, ...(options.now ? { now: options.now } : {}) });
  const prefix = `cs-test-${randomUUID().slice(0, 8)}`;
  const databasePath = join(dir, 'sync.db');
  const overrides = mergeOverrides(
    {
      redis: { url: REDIS_URL, queuePrefix: prefix },
      database: { path: databasePath },
      infosoft: { url: sims.env.INFOSOFT_URL, titleCodes: sims.env.INFOSOFT_TITLE_CODES, timeout: '2s' },
      windward: { url: sims.env.WINDWARD_URL, ...DEFAULT_SIM_CREDENTIALS, timeout: '2s' },
      sync: { attempts: 3, backoff: '20ms', concurrency: 8 },
      log: { level: 'silent' },
    },
    options.config,
  );
  const config = loadConfig({ env: { NODE_ENV: 'test' }, overrides });
  // The worker's configuration: group commit on whenever the harness runs workers.
  const app = buildApp(config, { ...(options.now ? { now: options.now } : {}), groupCommit: options.worker !== false });
  if (options.worker !== false) await app.startWorkers();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    DATABASE_PATH: databasePath,
    INFOSOFT_URL: sims.env.INFOSOFT_URL,
    INFOSOFT_TITLE_CODES: sims.env.INFOSOFT_TITLE_CODES,
    WINDWARD_URL: sims.env.WINDWARD_URL,
    WINDWARD_USERNAME: DEFAULT_SIM_CREDENTIALS.username,
    WINDWARD_PASSWORD: DEFAULT_SIM_CREDENTIALS.password,
    LOG_LEVEL: 'silent',
  };
  return {
    sims,
    app,
    config,
    dir,
    env,
    async close() {
      await app.queues.sync.obliterate({ force: true }).catch(() => undefined);
      await app.queues.poll.obliterate({ force: true }).catch(() => undefined);
      await app.close();
      await removeRedisKeys(REDIS_URL, prefix);
      await sims.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Deletes every key under a queue prefix (the BullMQ queues of one run). */
export async function removeRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls a condition until it holds; the limit only stops a broken test from hanging. */
export async function waitUntil<T>(check: () => T | Promise<T>, what: string, limitMs = 30_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The latest outcome logged for a customer after log id `afterId`. */
export function lastOutcome(app: App, customerNumber: number, afterId = 0): SyncLogEntry | undefined {
  return listSyncLogOfCustomer(app.db, customerNumber, 5).find((entry) => entry.id > afterId);
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} → ${response.status}`);
  return (await response.json()) as T;
}

export function simBase(url: string): string {
  return new URL(url).origin;
}
