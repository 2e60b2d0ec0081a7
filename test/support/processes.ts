// Child processes for the reliability proofs: the real `customer-sync worker` (from source, through
// tsx, like test/support/cli.ts) that can be killed at any moment, and a private redis-server that
// can be taken away and brought back. Used by scripts/chaos.ts and test/integration/reliability/.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { enqueueCustomerSyncs } from '../../src/queue/queues.js';
import type { StartSimulatorsOptions } from '../../src/simulators/index.js';
import { REDIS_URL, removeRedisKeys, startHarness, type Harness } from './harness.js';

export { waitUntil } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildHandle {
  pid: number;
  /** Settles when the process has exited (never rejects). */
  exited: Promise<ExitStatus>;
  /** Null while it runs. */
  exitStatus(): ExitStatus | null;
  /** Sends a signal if it still runs; resolves when it has exited. */
  stop(signal?: NodeJS.Signals): Promise<ExitStatus>;
}

function track(child: ChildProcess, what: string): ChildHandle {
  if (child.pid === undefined) throw new Error(`could not start ${what}`);
  let status: ExitStatus | null = null;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      status = { code, signal };
      resolve(status);
    });
    child.once('error', () => {
      status ??= { code: null, signal: null };
      resolve(status);
    });
  });
  return {
    pid: child.pid,
    exited,
    exitStatus: () => status,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (status === null) child.kill(signal);
      return exited;
    },
  };
}

export interface WorkerProcess extends ChildHandle {
  /** The file its stdout and stderr go to. */
  logFile: string;
  /** The last lines it wrote, for failure messages. */
  tail(lines?: number): string;
}

/**
 * Starts `customer-sync worker` as its own process with `env` (no shell, no tsx wrapper process:
 * the pid is the worker itself, so SIGKILL hits exactly it). Output goes to `logFile` (appended), so
 * a busy worker never blocks on a full pipe and a crash leaves its last words behind.
 */
export function spawnWorker(env: NodeJS.ProcessEnv, logFile: string): WorkerProcess {
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', fd, fd],
    });
    return {
      ...track(child, 'the worker'),
      logFile,
      tail: (lines = 20) => readTail(logFile, lines),
    };
  } finally {
    closeSync(fd);
  }
}

function readTail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** A TCP port nobody listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** The current redis-server process (changes with each start). */
  process(): ChildHandle | null;
  /** Kills the server with SIGKILL: clients get "connection refused" until start(). */
  crash(): Promise<void>;
  /** Starts it again on the same port, from the same data directory. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface PrivateRedisOptions {
  /** Where the append-only file lives; with it the data survives a crash (appendfsync always). */
  dir: string;
  /** Without persistence a crash loses everything (default true). */
  persistent?: boolean;
}

/** A redis-server of our own on a free port, so a test can take it away without touching anyone else's. */
export async function startPrivateRedis(options: PrivateRedisOptions): Promise<PrivateRedis> {
  const port = await findFreePort();
  const url = `redis://127.0.0.1:${port}`;
  mkdirSync(options.dir, { recursive: true });
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--dir', options.dir,
    '--daemonize', 'no',
    ...(options.persistent === false ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'always']),
  ];
  let current: ChildHandle | null = null;
  const logFile = `${options.dir}/redis.log`;

  async function start(): Promise<void> {
    const fd = openSync(logFile, 'a');
    try {
      current = track(spawn('redis-server', args, { stdio: ['ignore', fd, fd] }), 'redis-server');
    } finally {
      closeSync(fd);
    }
    const started = current;
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (started.exitStatus()) throw new Error(`redis-server exited at start:\n${readTail(logFile, 10)}`);
      if (await ping(url)) return;
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer:\n${readTail(logFile, 10)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  await start();
  return {
    url,
    port,
    process: () => current,
    async crash() {
      await current?.stop('SIGKILL');
    },
    start,
    async close() {
      await current?.stop('SIGKILL');
      current = null;
    },
  };
}

async function ping(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    // A server still loading its append-only file answers LOADING: not ready yet.
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export interface WorkerStackOptions {
  /** Simulator data and faults (generated customers unless seed records are given). */
  sims: StartSimulatorsOptions;
  /** Redis for the queues (default REDIS_URL or the local one). */
  redisUrl?: string;
  /**
   * Config profile of the worker (config/<profile>.json through NODE_ENV); undefined = the shipped
   * defaults from config/default.json, as in production.
   */
  profile?: string;
  concurrency?: number;
  /** The worker's LOG_LEVEL (default warn: failures and retries, not every job). */
  logLevel?: string;
}

export interface WorkerStack {
  harness: Harness;
  /** Every Infosoft customer the simulator holds. */
  customerNumbers: number[];
  /** The environment a worker process of this stack runs with. */
  workerEnv: NodeJS.ProcessEnv;
  /** All workers of the stack append to this file. */
  logFile: string;
  spawnWorker(): WorkerProcess;
  /**
   * Enqueues syncs the way `customer-sync sync-all` does: from an app built on the worker's
   * environment, so the jobs carry the worker profile's attempts and backoff (job options are set
   * by whoever enqueues, not by the worker).
   */
  enqueue(customerNumbers: readonly number[], reason?: string): Promise<void>;
  /** Kills any worker still running, then removes queues, Redis keys, simulators and the temp dir. */
  close(): Promise<void>;
}

/**
 * The test harness (simulators, SQLite file, queue prefix, an in-process app that observes but
 * consumes nothing) plus worker processes pointed at it.
 */
export async function startWorkerStack(options: WorkerStackOptions): Promise<WorkerStack> {
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const harness = await startHarness({ sims: options.sims, worker: false, config: { redis: { url: redisUrl } } });
  const workerEnv: NodeJS.ProcessEnv = { ...harness.env, REDIS_URL: redisUrl, LOG_LEVEL: options.logLevel ?? 'warn' };
  // The harness runs its app with the test profile; the worker gets the profile asked for.
  delete workerEnv.VITEST;
  delete workerEnv.NODE_ENV;
  if (options.profile !== undefined) workerEnv.NODE_ENV = options.profile;
  if (options.concurrency !== undefined) workerEnv.SYNC_CONCURRENCY = String(options.concurrency);
  const logFile = join(harness.dir, 'worker.log');
  const workers: WorkerProcess[] = [];
  const customerNumbers = (options.sims.infosoftSeed ?? harness.sims.generated?.infosoft ?? []).map((c) => c.CustomerNumber);
  return {
    harness,
    customerNumbers,
    workerEnv,
    logFile,
    spawnWorker() {
      const worker = spawnWorker(workerEnv, logFile);
      workers.push(worker);
      return worker;
    },
    async enqueue(numbers, reason = 'test') {
      const producer = buildApp(loadConfig({ env: workerEnv, overrides: { log: { level: 'silent' } } }));
      try {
        await enqueueCustomerSyncs(producer.queues.sync, numbers, reason);
      } finally {
        await producer.close();
      }
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
      if (redisUrl !== REDIS_URL) await removeRedisKeys(redisUrl, harness.config.redis.queuePrefix).catch(() => undefined);
      await harness.close();
    },
  };
}
