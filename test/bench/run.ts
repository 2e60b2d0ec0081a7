// npm run bench — end-to-end figures of the worker against both simulators (DESIGN §6).
//   npm run bench -- --quick                      (smoke run, a minute or two)
//   npm run bench -- --sizes 20000,100000 --latencies 0,20 --concurrency 16,64 [--out F] [--profile]
// The simulators run in one child process (`customer-sync sim`), the worker in another
// (`node dist/cli/main.js worker`); only the worker's CPU and memory are counted (/proc/<pid>).
// Figures are printed and written as JSON; nothing here asserts on time.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { Queue, Worker } from 'bullmq';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { JOB_NAMES, QUEUE_NAMES } from '../../src/queue/jobs.js';
import { loadConfig } from '../../src/config.js';
import { createQueues, enqueueCustomerSyncs } from '../../src/queue/queues.js';
import { generateSimulatorData } from '../../src/simulators/index.js';
import { isSurnameVariety, MAX_SURNAME_VARIETY } from '../../src/simulators/surname-variety.js';
import { formatLargestTables, measureDatabase, type DatabaseSize } from './database-size.js';
import { SteadyStateTracker } from './steady-state.js';
import { CPU_TARGET_MS, formatSpread, INCREMENTAL_TARGET, summarizeRepeats, THROUGHPUT_TARGET, type CellSummary } from './repeat-summary.js';
import { buildProject, CLK_TCK, readProcCpuMs, readRunQueueWaitMs, readThreadsCpuMs, SEED, splitThreadCpu, startSim, stopChild, type Sim, type ThreadCpuSplit } from './sim-process.js';
import { parseProcfileCommand } from './procfile.js';

const HELP = `npm run bench -- [options]
  --sizes 20000,100000     customers per backfill (default 20000; 100k adds ~25 min per cell on 2 cores)
  --latencies 0,20         simulator latency per call in ms (default 0,20)
  --concurrency 16,64      worker concurrency (SYNC_CONCURRENCY) (default 16,64)
  --workers N              worker processes sharing that concurrency and Windward's 32 connections (default 1)
  --full                   also run 100k × 20 ms × concurrency 16 (about 10 minutes on its own)
  --quick                  small sizes for a smoke run (2000 customers, incremental on 2000)
  --incremental-size N     size of the backfill followed by the 1 % incremental run (default: largest size)
  --incremental-concurrency 16,64
                           worker concurrencies of the incremental run: after the backfill (at the
                           highest --concurrency) the worker is restarted with each (default: --concurrency)
  --noop-jobs N            jobs for the raw BullMQ no-op bound (default 20000)
  --surname-variety N      forms each generated surname can take (the simulator's --surname-variety;
                           default 1: 85 first names × 80 surnames drawn uniformly, ~16 namesakes per
                           lookup at 100,000; 7: ~2.6, near febrl's ~2.4: scripts/namesakes.ts)
  --repeat N               run the grid N times (each cell once per round, incremental runs included)
                           and print each cell's median and range, and how many runs met 0.85 of
                           the latency bound: one run can land on either side by the machine's drift
  --profile                run the worker with --cpu-prof: one profile per thread (main, remote clients)
                           in bench/results/profiles/worker-<customers>-<latency>-<concurrency>-<n>/,
                           and the simulators in bench/results/profiles/sim-<customers>-<latency>-<concurrency>/
  --worker-node-flags=F    extra node/V8 flags for the worker processes, before the Procfile's (e.g.
                           --worker-node-flags="--trace-gc"; their stdout goes to the worker log: use with --keep)
  --no-build               skip npm run build
  --keep                   keep each run's directory (SQLite database, worker log) for inspection
  --out FILE               JSON output (default bench/results/bench.json)
  --help`;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    latencies: { type: 'string' },
    concurrency: { type: 'string' },
    workers: { type: 'string' },
    full: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'incremental-size': { type: 'string' },
    'incremental-concurrency': { type: 'string' },
    'noop-jobs': { type: 'string' },
    'surname-variety': { type: 'string' },
    repeat: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'worker-node-flags': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/bench.json' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const list = (text: string | undefined, fallback: number[]) => (text ? text.split(',').map((s) => Number(s.trim())) : fallback);
const SIZES = list(args.sizes, args.quick ? [2000] : [20_000]);
const LATENCIES = list(args.latencies, [0, 20]);
const CONCURRENCIES = list(args.concurrency, [16, 64]);
const WORKERS = Math.max(1, Number(args.workers ?? 1));
const INCREMENTAL_SIZE = Number(args['incremental-size'] ?? Math.max(...SIZES));
// Highest first: the backfill's own worker runs the first round.
const INCREMENTAL_CONCURRENCIES = list(args['incremental-concurrency'], CONCURRENCIES).sort((a, b) => b - a);
const NOOP_JOBS = Number(args['noop-jobs'] ?? (args.quick ? 5000 : 20_000));
const WORKER_NODE_FLAGS = (args['worker-node-flags'] ?? '').split(' ').filter(Boolean);
/** The worker is measured as production runs it: the Procfile line's environment and heap flags, read once at the start. */
const WORKER_COMMAND = parseProcfileCommand(readFileSync('Procfile', 'utf8'), 'worker');
const SURNAME_VARIETY = Number(args['surname-variety'] ?? 1);
if (!isSurnameVariety(SURNAME_VARIETY)) {
  console.error(`--surname-variety must be a whole number from 1 to ${MAX_SURNAME_VARIETY} (got ${args['surname-variety']})`);
  process.exit(2);
}
const REPEAT = Number(args.repeat ?? 1);
if (!Number.isInteger(REPEAT) || REPEAT < 1) {
  console.error(`--repeat must be a whole number of rounds, at least 1 (got ${args.repeat})`);
  process.exit(2);
}
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TITLE_CODES = 'IT,AP';
const FIRST_CUSTOMER = 100001;
/** Completed jobs read per progress poll (every 500 ms) for the job-duration percentiles. */
const DURATION_SAMPLE = 50;
/** sync.feedOverlap of config/bench.json. */
const FEED_OVERLAP_MS = 1000;

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------- child processes ----------

/** Customers/s with every core busy all the time, at `cpuMsPerCustomer` of the whole machine's CPU. */
function cpuBoundOf(cpuMsPerCustomer: number): number {
  return (cpus().length * 1000) / cpuMsPerCustomer;
}

/** CPU time all cores spent busy (not idle or iowait), from /proc/stat. */
function readMachineCpuMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLK_TCK;
}

async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (seconds('used_cpu_sys') + seconds('used_cpu_user')) * 1000;
}

/** The process's read/write system calls and bytes written so far (files, sockets, pipes). */
function readProcIo(pid: number): { syscr: number; syscw: number; wchar: number } {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const n = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(io)?.[1] ?? 0);
  return { syscr: n('syscr'), syscw: n('syscw'), wchar: n('wchar') };
}

function readProcMemMb(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

interface SimStats {
  infosoft: Record<string, number>;
  windward: Record<string, number>;
  /** Windward simulator: time integral of the requests it held (ms), and the most at once. */
  windwardLoad: { inFlightMs: number; maxInFlight: number };
}

async function simStats(sim: Sim): Promise<SimStats> {
  type Stats = { calls: Record<string, number>; load?: { inFlightMs: number; maxInFlight: number } };
  const get = async (url: string) => (await (await fetch(url)).json()) as Stats;
  const windward = await get(`${sim.simBase.windward}/stats`);
  return { infosoft: (await get(`${sim.simBase.infosoft}/stats`)).calls, windward: windward.calls, windwardLoad: windward.load ?? { inFlightMs: 0, maxInFlight: 0 } };
}

/** A port nobody listens on now (the worker binds its /metrics there). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

interface CallTotals {
  windward: { seconds: number; calls: number };
  infosoftGetCustomer: { seconds: number; calls: number };
  /** The group commit's counters (store/write-batch.ts). */
  sqlite: { commits: number; writes: number };
  /** Lookups that waited for a similar customer's decision (sync/match-gate.ts). */
  matchGateWaits: number;
}

/** Sums of the workers' remote-call histograms (Windward without the mirror listing). */
async function scrapeCallTotals(ports: readonly number[]): Promise<CallTotals> {
  const totals: CallTotals = { windward: { seconds: 0, calls: 0 }, infosoftGetCustomer: { seconds: 0, calls: 0 }, sqlite: { commits: 0, writes: 0 }, matchGateWaits: 0 };
  for (const port of ports) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const line of text.split('\n')) {
      const commits = /^customer_sync_sqlite_(commits|writes)_total (\S+)$/.exec(line);
      if (commits) totals.sqlite[commits[1] as 'commits' | 'writes'] += Number(commits[2]);
      const waits = /^customer_sync_match_gate_waits_total (\S+)$/.exec(line);
      if (waits) totals.matchGateWaits += Number(waits[1]);
      const m = /^customer_sync_remote_call_seconds_(sum|count)\{system="(\w+)",operation="(\w+)",result="\w+"\} (\S+)$/.exec(line);
      if (!m) continue;
      const [, kind, system, operation, value] = m;
      const bucket = system === 'windward' && operation !== 'listCustomers' ? totals.windward : system === 'infosoft' && operation === 'getCustomer' ? totals.infosoftGetCustomer : null;
      if (!bucket) continue;
      if (kind === 'sum') bucket.seconds += Number(value);
      else bucket.calls += Number(value);
    }
  }
  return totals;
}

function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => v !== 0));
}
const sum = (r: Record<string, number>) => Object.values(r).reduce((s, v) => s + v, 0);

// ---------- redis helpers ----------

async function redisMemory(redis: Redis, prefix: string): Promise<{ usedMemoryMb: number; prefixKeys: number; prefixMb: number }> {
  const info = await redis.info('memory');
  const used = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys += batch.length;
    for (const key of batch) bytes += (await redis.memory('USAGE', key)) ?? 0;
  } while (cursor !== '0');
  return { usedMemoryMb: used / 1e6, prefixKeys: keys, prefixMb: bytes / 1e6 };
}

async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (batch.length > 0) await redis.del(...batch);
  } while (cursor !== '0');
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

// ---------- are the links right? ----------

interface LinkCheck {
  /** Pre-existing Windward twins linked to their own Infosoft customer. */
  twinsLinked: number;
  twins: number;
  /** Bill-to links to a seeded Windward record that is not the customer's twin (another person). */
  wrongLinks: number;
  /** Customers with a twin in Windward for whom a new record was created instead (a duplicate). */
  duplicatesCreated: number;
}

/** The simulator's generated data, regenerated with its options, tells which record is whose twin. */
function checkLinks(customers: number, db: Database.Database): LinkCheck {
  const data = generateSimulatorData({ customers, seed: SEED, surnameVariety: SURNAME_VARIETY });
  const twinOf = new Map(data.preExisting.map((customerNumber, index) => [customerNumber, data.windward[index]?.Unique as number]));
  const seeded = new Set(data.windward.map((w) => w.Unique as number));
  const links = db.prepare("select customer_number as c, windward_unique as u from customer_link where role = 'bill_to'").all() as Array<{ c: number; u: number }>;
  let twinsLinked = 0;
  let wrongLinks = 0;
  let duplicatesCreated = 0;
  for (const { c, u } of links) {
    const twin = twinOf.get(c);
    if (twin !== undefined && u === twin) twinsLinked += 1;
    else if (seeded.has(u)) wrongLinks += 1;
    else if (twin !== undefined) duplicatesCreated += 1;
  }
  return { twinsLinked, twins: twinOf.size, wrongLinks, duplicatesCreated };
}

// ---------- one end-to-end scenario ----------

interface Scenario {
  customers: number;
  latencyMs: number;
  concurrency: number;
  incremental: boolean;
}

interface ScenarioResult {
  /** The round of --repeat this run belongs to (1 without it). */
  round?: number;
  customers: number;
  latencyMs: number;
  concurrency: number;
  seconds: number;
  customersPerSecond: number;
  failed: number;
  actions: Record<string, number>;
  callsPerCustomer: { infosoft: Record<string, number>; windward: Record<string, number>; infosoftTotal: number; windwardTotal: number };
  criticalPathCalls: number;
  jobMs: { sampled: number; p50: number; p95: number; p99: number };
  worker: { cpuMsPerCustomer: number; cpuMs: number; cpuByThread: ThreadCpuSplit | null; peakRssMb: number; rssAfterMb: number; rssAtStartMb: number };
  /** The worker processes' system calls per customer (SQLite's file I/O, sockets) and kB written. */
  io: { readCallsPerCustomer: number; writeCallsPerCustomer: number; kbWrittenPerCustomer: number; sqliteCommitsPerCustomer: number; sqliteWritesPerCommit: number };
  /** The other CPU consumers on this machine, to tell a saturated machine from a slow worker. */
  others: {
    simulatorCpuMsPerCustomer: number;
    redisCpuMsPerCustomer: number;
    /** This bench process: enqueueing, polling progress, sampling job durations. */
    driverCpuMsPerCustomer: number;
    machineBusyCores: number;
    /** CPU of everything on the machine (worker, simulators, Redis, this driver) per customer. */
    machineCpuMsPerCustomer: number;
    /**
     * Customers/s the cores would sustain at that CPU per customer if all of them were busy all the
     * time: no scheduling can do better, so a latency bound above it cannot be reached here.
     */
    cpuBound: number;
    /** Share of the run's wall time each main thread was runnable but waiting for a core (schedstat). */
    runQueueWait: { workerMain: number | null; simulatorMain: number | null };
  };
  redis: { usedMemoryMb: number; prefixKeys: number; prefixMb: number };
  /** The run's SQLite file after the backfill; per customer is per synced Infosoft customer (the mirror's shop-only ones add to the size). */
  database: DatabaseSize;
  /** Links checked against the generated data: every pre-existing twin linked to its own customer. */
  links: LinkCheck;
  /** Matcher lookups that waited for another job deciding a customer with a shared blocking key. */
  matchGateWaits: number;
  noopJobsPerSecond?: number;
  /** concurrency / (calls per customer × latency): every remote call counted, as the issue defines it. */
  latencyBound?: number;
  ratioToLatencyBound?: number;
  /** Stricter: the Infosoft reads a sync makes at once (titles, moves) counted as one round trip. */
  criticalPathBound?: number;
  ratioToCriticalPathBound?: number;
  /** Windward accepts 32 connections: 32 / (Windward calls per customer × latency). */
  windwardConnectionBound?: number;
  /**
   * Remote calls as the sync saw them (the workers' own customer_sync_remote_call_seconds: from the
   * call to its answer, waiting for a free connection included), and by Little's law how many
   * Windward calls were outstanding on average (the WebAPI takes 32 connections).
   */
  remoteCalls: { windwardMeanMs: number; infosoftGetCustomerMeanMs: number; windwardOutstanding: number };
  /** Requests the Windward simulator held on average during the run (its 32-connection limit), and the most at once. */
  windwardInSimulator: { mean: number; max: number };
  ratioToNoop?: number;
  /**
   * The same run between 25 % and 90 % of its customers (steady-state.ts): without the fresh
   * worker's compiling and the last jobs' tail. Null for a run too short to have two readings there.
   */
  steadyState: {
    fromDone: number;
    toDone: number;
    customersPerSecond: number;
    cpuMsPerCustomer: number;
    simulatorCpuMsPerCustomer: number;
    cpuByThread: ThreadCpuSplit | null;
    ratioToLatencyBound?: number;
  } | null;
  /** One 1 % change round per worker concurrency (INCREMENTAL_CONCURRENCIES). */
  incremental?: IncrementalResult[];
}

interface IncrementalResult {
  /** The worker's concurrency in this round (restarted with it after the backfill). */
  concurrency: number;
  changed: number;
  seconds: number;
  customersPerSecond: number;
  enqueued: number;
  calls: { infosoft: Record<string, number>; windward: Record<string, number> };
  windwardCallsPerChanged: number;
  latencyBound?: number;
  ratioToLatencyBound?: number;
  criticalPathBound?: number;
  ratioToCriticalPathBound?: number;
  /** Worker CPU (all worker processes) per changed customer, the poll included. */
  cpuMsPerChanged: number;
  /** As ScenarioResult.others: everything on the machine, and the customers/s that allows on all cores. */
  machineCpuMsPerChanged: number;
  cpuBound: number;
  /**
   * Where the round's time went, in ms after the poll job was added: the poll job started and
   * finished (GetChangedCustomers and the enqueue), the first and the last sync-log row were
   * written, the bench saw the queue drained. The syncing span (first to last row) is what a longer
   * change set would be made of; the rest is a fixed cost of every round.
   */
  timeline: { pollStartedMs: number; pollFinishedMs: number; firstSyncMs: number; lastSyncMs: number; drainSeenMs: number };
  /** cpuMsPerCustomer: the floor of a job (4 Infosoft reads, no Windward call, no matcher). */
  unchangedCheck: { customers: number; windwardCalls: number; infosoftCalls: number; seconds: number; cpuMsPerCustomer: number };
}

let runCounter = 0;

async function runScenario(s: Scenario, redis: Redis): Promise<ScenarioResult> {
  runCounter += 1;
  const prefix = `bench-${process.pid}-${runCounter}`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-e2e-'));
  const dbPath = join(dir, 'sync.db');
  log(`\n== ${s.customers} customers, latency ${s.latencyMs} ms, concurrency ${s.concurrency} ==`);
  const sim = await startSim(
    s.customers,
    s.latencyMs,
    args.profile ? ['--cpu-prof', `--cpu-prof-dir=${join('bench/results/profiles', `sim-${s.customers}-${s.latencyMs}-${s.concurrency}`)}`] : [],
    SURNAME_VARIETY,
  );
  const logFd = openSync(join(dir, 'worker.log'), 'w');
  // Several worker processes split the concurrency and Windward's 32 connections between them.
  // Each worker serves /metrics on a port of its own (its remote-call histogram is read from there).
  let metricsPorts: number[] = [];
  const spawnWorkers = async (concurrency: number) => {
    const ports = await Promise.all(Array.from({ length: WORKERS }, () => freePort()));
    metricsPorts = ports;
    return Array.from({ length: WORKERS }, (_, index) => {
      const profileArgs = args.profile
        ? // No --cpu-prof-name: the client thread inherits the flags, and Node's default names (pid and
          // thread id) keep the two profiles apart; thread 0 is the main thread.
          ['--cpu-prof', `--cpu-prof-dir=${join('bench/results/profiles', `worker-${s.customers}-${s.latencyMs}-${concurrency}-${index}`)}`]
        : [];
      return spawn(process.execPath, [...WORKER_NODE_FLAGS, ...profileArgs, ...WORKER_COMMAND.nodeArgs], {
        // V8's traces (--trace-gc) go to stdout: into the worker log beside its JSON lines.
        stdio: ['ignore', WORKER_NODE_FLAGS.length > 0 ? logFd : 'ignore', logFd],
        env: {
          ...process.env,
          ...WORKER_COMMAND.env,
          NODE_ENV: 'bench',
          REDIS_URL,
          QUEUE_PREFIX: prefix,
          DATABASE_PATH: dbPath,
          INFOSOFT_URL: sim.infosoftUrl,
          WINDWARD_URL: sim.windwardUrl,
          WINDWARD_PASSWORD: 'simulator',
          WINDWARD_MAX_CONCURRENT: String(Math.floor(32 / WORKERS)),
          INFOSOFT_TITLE_CODES: TITLE_CODES,
          SYNC_CONCURRENCY: String(Math.max(1, Math.round(concurrency / WORKERS))),
          METRICS_PORT: String(ports[index]),
          LOG_LEVEL: 'info',
        },
      });
    });
  };
  let workers = await spawnWorkers(s.concurrency);
  let pids = workers.map((w) => w.pid as number);
  const pid = pids[0] as number;
  const workersCpuMs = () => pids.reduce((sum, p) => sum + readProcCpuMs(p), 0);
  const workersIo = () =>
    pids.map(readProcIo).reduce((a, b) => ({ syscr: a.syscr + b.syscr, syscw: a.syscw + b.syscw, wchar: a.wchar + b.wchar }));
  // The queues as the product creates them (sync-all, the poll job): job options decide retries
  // and how many finished jobs Redis keeps.
  const benchConfig = loadConfig({ env: { ...process.env, NODE_ENV: 'bench', WINDWARD_PASSWORD: 'simulator' } });
  const queues = createQueues(redis, {
    prefix,
    attempts: benchConfig.sync.attempts,
    keepCompletedJobs: benchConfig.sync.keepCompletedJobs,
    keepFailedJobs: benchConfig.sync.keepFailedJobs,
    keepFailedForMs: benchConfig.sync.keepFailedFor,
    eventsMaxLen: benchConfig.sync.eventsMaxLen,
  });
  const queue = queues.sync;
  const pollQueue = queues.poll;
  let db: Database.Database | null = null;
  try {
    // Ready when the worker has refreshed its mirror and registered on the sync queue.
    const waitForWorkers = async () => {
      const readyBy = Date.now() + 300_000;
      while ((await queue.getWorkersCount()) < WORKERS) {
        if (workers.some((w) => w.exitCode !== null)) throw new Error(`worker exited: ${readFileSync(join(dir, 'worker.log'), 'utf8').slice(-2000)}`);
        if (Date.now() > readyBy) throw new Error('worker did not start');
        await sleep(200);
      }
    };
    await waitForWorkers();
    db = new Database(dbPath);
    db.pragma('busy_timeout = 5000');
    // The change feed starts now: the poll job of the incremental run must not see the seed, which
    // the simulator stamped when it started, so the cursor minus the feed overlap must lie after that.
    await sleep(Math.max(0, sim.readyAt + FEED_OVERLAP_MS + 100 - Date.now()));
    const cursorAt = new Date().toISOString();
    db.prepare(
      "insert into sync_cursor (name, value, updated_at) values ('infosoft-feed', ?, ?) on conflict(name) do update set value = excluded.value",
    ).run(cursorAt, cursorAt);
    const countLog = db.prepare('select count(*) as n from sync_log');
    const actionsQuery = db.prepare('select action, count(*) as n from sync_log group by action');

    const statsBefore = await simStats(sim);
    const callsBefore = await scrapeCallTotals(metricsPorts);
    const cpuBefore = workersCpuMs();
    const ioBefore = workersIo();
    const simPid = sim.child.pid as number;
    const simCpuBefore = readProcCpuMs(simPid);
    const redisCpuBefore = await redisCpuMs(redis);
    const machineBefore = readMachineCpuMs();
    const driverBefore = process.cpuUsage();
    // Time the worker's and the simulators' main threads spent runnable but without a core.
    const waitBefore = { worker: readRunQueueWaitMs(pid), sim: readRunQueueWaitMs(simPid) };
    // And how the (first) worker's CPU splits between its threads: GC's helper threads are a share.
    const threadsBefore = readThreadsCpuMs(pid);
    const rssAtStartMb = readProcMemMb(pid).rssMb;
    const numbers = Array.from({ length: s.customers }, (_, i) => FIRST_CUSTOMER + i);
    const started = performance.now();
    await enqueueCustomerSyncs(queue, numbers, 'bench');
    const durations = new Map<string, number>();
    const steady = new SteadyStateTracker<{ threads: Map<number, number>; simCpuMs: number }>(s.customers);
    let lastReport = 0;
    for (;;) {
      const done = (countLog.get() as { n: number }).n;
      if (steady.wants(done)) {
        steady.add({ atMs: performance.now(), done, cpuMs: workersCpuMs(), extra: { threads: readThreadsCpuMs(pid), simCpuMs: readProcCpuMs(simPid) } });
      }
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      const pending = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
      const failed = counts.failed ?? 0;
      if (pending === 0 && done + failed >= s.customers) break;
      if (workers.some((w) => w.exitCode !== null)) throw new Error('worker died during the run');
      // A sample of job durations: the most recent completed jobs (the rest are trimmed). A fifth
      // or so of the jobs at 500 customers/s; reading every job would cost this process and Redis
      // CPU on the cores the worker runs on.
      for (const job of await queue.getJobs(['completed'], 0, DURATION_SAMPLE - 1)) {
        if (job.id && job.processedOn && job.finishedOn) durations.set(job.id, job.finishedOn - job.processedOn);
      }
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        log(`  ${done}/${s.customers} synced, ${failed} failed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      await sleep(500);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = workersCpuMs() - cpuBefore;
    const ioAfter = workersIo();
    const simCpuMs = readProcCpuMs(simPid) - simCpuBefore;
    const redisCpu = (await redisCpuMs(redis)) - redisCpuBefore;
    const machineBusyCores = (readMachineCpuMs() - machineBefore) / (seconds * 1000);
    const driverUsage = process.cpuUsage(driverBefore);
    const machineCpuMsPerCustomer = (machineBusyCores * seconds * 1000) / s.customers;
    const driverCpuMs = (driverUsage.user + driverUsage.system) / 1000;
    const waitShare = (now: number | null, before: number | null) => (now === null || before === null ? null : (now - before) / (seconds * 1000));
    const runQueueWait = { workerMain: waitShare(readRunQueueWaitMs(pid), waitBefore.worker), simulatorMain: waitShare(readRunQueueWaitMs(simPid), waitBefore.sim) };
    const cpuByThread = splitThreadCpu(pid, threadsBefore, readThreadsCpuMs(pid));
    const steadyWindow = steady.window();
    // Peak RSS of the largest worker process (each must stay under the target on its own).
    const mem = pids.map(readProcMemMb).reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
    const statsAfter = await simStats(sim);
    const callsAfter = await scrapeCallTotals(metricsPorts);
    const meanMs = (after: { seconds: number; calls: number }, before: { seconds: number; calls: number }) =>
      after.calls > before.calls ? ((after.seconds - before.seconds) * 1000) / (after.calls - before.calls) : 0;
    const windwardMeanMs = meanMs(callsAfter.windward, callsBefore.windward);
    const infosoftCalls = diff(statsAfter.infosoft, statsBefore.infosoft);
    const windwardCalls = diff(statsAfter.windward, statsBefore.windward);
    const perCustomer = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number((v / s.customers).toFixed(3))]));
    const windwardTotal = sum(windwardCalls) / s.customers;
    // Infosoft: master data, then the titles and pending moves in parallel, and beside them the
    // Windward e-mail lookup of an unlinked customer; the other Windward calls are sequential.
    const criticalPathCalls = 2 + windwardTotal - (windwardCalls.Get_Customer_By_Email ?? 0) / s.customers;
    const failed = (await queue.getJobCounts('failed')).failed ?? 0;
    const sorted = [...durations.values()].sort((a, b) => a - b);
    const actions = Object.fromEntries((actionsQuery.all() as Array<{ action: string; n: number }>).map((r) => [r.action, r.n]));
    const result: ScenarioResult = {
      customers: s.customers,
      latencyMs: s.latencyMs,
      concurrency: s.concurrency,
      seconds,
      customersPerSecond: s.customers / seconds,
      failed,
      actions,
      callsPerCustomer: {
        infosoft: perCustomer(infosoftCalls),
        windward: perCustomer(windwardCalls),
        infosoftTotal: sum(infosoftCalls) / s.customers,
        windwardTotal,
      },
      criticalPathCalls,
      jobMs: { sampled: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) },
      worker: { cpuMsPerCustomer: cpuMs / s.customers, cpuMs, cpuByThread, peakRssMb: mem.peakRssMb, rssAfterMb: mem.rssMb, rssAtStartMb },
      io: {
        readCallsPerCustomer: (ioAfter.syscr - ioBefore.syscr) / s.customers,
        writeCallsPerCustomer: (ioAfter.syscw - ioBefore.syscw) / s.customers,
        kbWrittenPerCustomer: (ioAfter.wchar - ioBefore.wchar) / 1024 / s.customers,
        sqliteCommitsPerCustomer: (callsAfter.sqlite.commits - callsBefore.sqlite.commits) / s.customers,
        sqliteWritesPerCommit: (callsAfter.sqlite.writes - callsBefore.sqlite.writes) / Math.max(1, callsAfter.sqlite.commits - callsBefore.sqlite.commits),
      },
      others: {
        simulatorCpuMsPerCustomer: simCpuMs / s.customers,
        redisCpuMsPerCustomer: redisCpu / s.customers,
        driverCpuMsPerCustomer: driverCpuMs / s.customers,
        machineBusyCores,
        machineCpuMsPerCustomer,
        cpuBound: cpuBoundOf(machineCpuMsPerCustomer),
        runQueueWait,
      },
      redis: await redisMemory(redis, prefix),
      database: measureDatabase(db, s.customers),
      links: checkLinks(s.customers, db),
      matchGateWaits: callsAfter.matchGateWaits - callsBefore.matchGateWaits,
      remoteCalls: {
        windwardMeanMs,
        infosoftGetCustomerMeanMs: meanMs(callsAfter.infosoftGetCustomer, callsBefore.infosoftGetCustomer),
        windwardOutstanding: ((callsAfter.windward.calls - callsBefore.windward.calls) / seconds) * (windwardMeanMs / 1000),
      },
      windwardInSimulator: {
        mean: (statsAfter.windwardLoad.inFlightMs - statsBefore.windwardLoad.inFlightMs) / (seconds * 1000),
        max: statsAfter.windwardLoad.maxInFlight,
      },
      steadyState: steadyWindow && {
        fromDone: steadyWindow.from.done,
        toDone: steadyWindow.to.done,
        customersPerSecond: steadyWindow.customersPerSecond,
        cpuMsPerCustomer: steadyWindow.cpuMsPerCustomer,
        simulatorCpuMsPerCustomer: (steadyWindow.to.extra.simCpuMs - steadyWindow.from.extra.simCpuMs) / steadyWindow.customers,
        cpuByThread: splitThreadCpu(pid, steadyWindow.from.extra.threads, steadyWindow.to.extra.threads),
      },
    };
    log(
      `  ${result.customersPerSecond.toFixed(0)} customers/s, ${result.worker.cpuMsPerCustomer.toFixed(2)} ms CPU/customer ` +
        `(÷ simulators' ${(result.worker.cpuMsPerCustomer / result.others.simulatorCpuMsPerCustomer).toFixed(2)}), peak RSS ${mem.peakRssMb.toFixed(0)} MB`,
    );
    log(
      `  worker I/O per customer: ${result.io.readCallsPerCustomer.toFixed(1)} reads, ${result.io.writeCallsPerCustomer.toFixed(1)} writes (system calls), ${result.io.kbWrittenPerCustomer.toFixed(1)} kB written; ` +
        `${result.io.sqliteCommitsPerCustomer.toFixed(2)} SQLite commits, ${result.io.sqliteWritesPerCommit.toFixed(1)} writes per commit`,
    );
    log(`  SQLite: ${result.database.mb.toFixed(0)} MB, ${result.database.kbPerCustomer.toFixed(1)} kB per customer (MB by table with its indexes: ${formatLargestTables(result.database)})`);
    log(`  links: ${JSON.stringify(result.links)}; lookups that waited for a similar customer's decision: ${result.matchGateWaits}`);
    const st = result.steadyState;
    if (st) {
      log(
        `  steady state (customers ${st.fromDone}–${st.toDone}): ${st.customersPerSecond.toFixed(0)} customers/s, ${st.cpuMsPerCustomer.toFixed(2)} ms worker CPU/customer` +
          (st.cpuByThread ? ` (main ${pct(st.cpuByThread.main)} %, client thread ${pct(st.cpuByThread.clientThread)} %, helpers ${pct(st.cpuByThread.helpers)} %)` : '') +
          `, simulators ${st.simulatorCpuMsPerCustomer.toFixed(2)} ms/customer`,
      );
    }
    if (cpuByThread) {
      log(
        `  worker CPU by thread: main ${pct(cpuByThread.main)} %, client thread ${pct(cpuByThread.clientThread)} %, ` +
          `helpers ${pct(cpuByThread.helpers)} % (V8's GC and compiler threads, libuv's pool)`,
      );
    }
    log(
      `  waiting for a core (runnable, no core free): worker main thread ${pct(runQueueWait.workerMain)} % of the run, ` +
        `simulators' main thread ${pct(runQueueWait.simulatorMain)} %; machine ${machineBusyCores.toFixed(2)} busy cores of 2; ` +
        `the bench driver ${result.others.driverCpuMsPerCustomer.toFixed(2)} ms CPU/customer`,
    );
    log(
      `  everything on the machine: ${result.others.machineCpuMsPerCustomer.toFixed(2)} ms CPU/customer → ` +
        `CPU bound ${result.others.cpuBound.toFixed(0)} customers/s with all ${cpus().length} cores busy all the time`,
    );
    log(
      `  remote calls as the sync saw them: Windward ${result.remoteCalls.windwardMeanMs.toFixed(1)} ms mean ` +
        `(${result.remoteCalls.windwardOutstanding.toFixed(1)} outstanding on average, 32 connections), ` +
        `Infosoft getCustomer ${result.remoteCalls.infosoftGetCustomerMeanMs.toFixed(1)} ms (2 round trips); ` +
        `the Windward simulator held ${result.windwardInSimulator.mean.toFixed(1)} requests on average (at most ${result.windwardInSimulator.max})`,
    );

    if (s.incremental) {
      result.incremental = [];
      for (const [round, concurrency] of INCREMENTAL_CONCURRENCIES.entries()) {
        if (concurrency !== s.concurrency || round > 0) {
          await Promise.all(workers.map((w) => stopChild(w)));
          workers = await spawnWorkers(concurrency);
          pids = workers.map((w) => w.pid as number);
          await waitForWorkers();
        }
        result.incremental.push(await runIncremental({ ...s, concurrency }, round, sim, queue, pollQueue, db, countLog, workersCpuMs));
      }
    }
    return result;
  } finally {
    db?.close();
    await Promise.all(workers.map((w) => stopChild(w)));
    closeSync(logFd);
    // The last run's worker log, for a look at warnings.
    spawnSync('cp', [join(dir, 'worker.log'), 'bench/results/worker-last.log']);
    await stopChild(sim.child);
    await queues.close();
    await dropPrefix(redis, prefix);
    if (args.keep) log(`  kept ${dir} (database and worker log)`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** 1 % of the customers change in Infosoft; one poll job picks them up. Then unchanged ones must cost 0 Windward calls. */
async function runIncremental(
  s: Scenario,
  /** Each round changes other customers (its offset in every block of 100). */
  round: number,
  sim: Sim,
  queue: Queue,
  pollQueue: Queue,
  db: Database.Database,
  countLog: Database.Statement,
  workersCpuMs: () => number,
): Promise<IncrementalResult> {
  const changed = Math.max(1, Math.round(s.customers / 100));
  const step = Math.floor(s.customers / changed);
  const numbers = Array.from({ length: changed }, (_, i) => FIRST_CUSTOMER + i * step + (round % step));
  for (const n of numbers) {
    const res = await fetch(`${sim.simBase.infosoft}/customers/${n}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Telephone1: `9${String(n).padStart(7, '0').slice(-7)}` }),
    });
    if (!res.ok) throw new Error(`PUT customer ${n}: ${res.status}`);
  }
  await sleep(1100); // past the 1 s feed overlap of config/bench.json
  const waitDrained = async (expected: number, before: number) => {
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      const pending = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
      if (pending === 0 && (countLog.get() as { n: number }).n - before >= expected) return;
      await sleep(20);
    }
  };
  const before = await simStats(sim);
  const logBefore = (countLog.get() as { n: number }).n;
  const lastLogIdBefore = (db.prepare('select coalesce(max(id), 0) as id from sync_log').get() as { id: number }).id;
  const cpuBefore = workersCpuMs();
  const machineBefore = readMachineCpuMs();
  // Wall-clock ms, as BullMQ's job timestamps and the sync log's rows are stamped.
  const startedAt = Date.now();
  const poll = await pollQueue.add(JOB_NAMES.poll, {}, { removeOnComplete: false });
  let enqueued = 0;
  for (;;) {
    const state = await poll.getState();
    if (state === 'completed') {
      const job = await pollQueue.getJob(poll.id ?? '');
      enqueued = (job?.returnvalue as { enqueued?: number } | undefined)?.enqueued ?? 0;
      break;
    }
    if (state === 'failed') throw new Error('poll job failed');
    await sleep(20);
  }
  await waitDrained(enqueued, logBefore);
  const drainSeenMs = Date.now() - startedAt;
  const seconds = drainSeenMs / 1000;
  const pollJob = await pollQueue.getJob(poll.id ?? '');
  const span = db.prepare('select min(at) as first, max(at) as last from sync_log where id > ?').get(lastLogIdBefore) as { first: string | null; last: string | null };
  const sinceStart = (epochMs: number | undefined) => (epochMs === undefined ? Number.NaN : epochMs - startedAt);
  const parsed = (iso: string | null) => (iso === null ? undefined : Date.parse(iso));
  const timeline = {
    pollStartedMs: sinceStart(pollJob?.processedOn),
    pollFinishedMs: sinceStart(pollJob?.finishedOn),
    firstSyncMs: sinceStart(parsed(span.first)),
    lastSyncMs: sinceStart(parsed(span.last)),
    drainSeenMs,
  };
  const cpuMsPerChanged = (workersCpuMs() - cpuBefore) / Math.max(1, enqueued);
  const machineCpuMsPerChanged = (readMachineCpuMs() - machineBefore) / Math.max(1, enqueued);
  const after = await simStats(sim);
  const infosoft = diff(after.infosoft, before.infosoft);
  const windward = diff(after.windward, before.windward);

  // Unchanged customers: a sync-all of 1,000 customers nobody changed.
  const changedSet = new Set(numbers);
  const unchangedNumbers = Array.from({ length: s.customers }, (_, i) => FIRST_CUSTOMER + i).filter((n) => !changedSet.has(n)).slice(0, 1000);
  const before2 = await simStats(sim);
  const log2 = (countLog.get() as { n: number }).n;
  const cpu2 = workersCpuMs();
  const t2 = performance.now();
  await enqueueCustomerSyncs(queue, unchangedNumbers, 'bench-unchanged');
  await waitDrained(unchangedNumbers.length, log2);
  const unchangedCpuMs = workersCpuMs() - cpu2;
  const after2 = await simStats(sim);
  const windwardPerChanged = sum(windward) / changed;
  const result: IncrementalResult = {
    concurrency: s.concurrency,
    changed,
    seconds,
    customersPerSecond: changed / seconds,
    enqueued,
    calls: { infosoft, windward },
    windwardCallsPerChanged: windwardPerChanged,
    cpuMsPerChanged,
    machineCpuMsPerChanged,
    cpuBound: cpuBoundOf(machineCpuMsPerChanged),
    timeline,
    unchangedCheck: {
      customers: unchangedNumbers.length,
      windwardCalls: sum(diff(after2.windward, before2.windward)),
      infosoftCalls: sum(diff(after2.infosoft, before2.infosoft)),
      seconds: (performance.now() - t2) / 1000,
      cpuMsPerCustomer: unchangedCpuMs / Math.max(1, unchangedNumbers.length),
    },
  };
  if (s.latencyMs > 0) {
    // Every call the change cost, the poll's GetChangedCustomers included.
    const callsPerChanged = (sum(infosoft) + sum(windward)) / changed;
    result.latencyBound = s.concurrency / (callsPerChanged * (s.latencyMs / 1000));
    result.ratioToLatencyBound = result.customersPerSecond / result.latencyBound;
    result.criticalPathBound = s.concurrency / ((2 + windwardPerChanged) * (s.latencyMs / 1000));
    result.ratioToCriticalPathBound = result.customersPerSecond / result.criticalPathBound;
  }
  log(`  incremental at concurrency ${s.concurrency}: ${changed} changed, ${enqueued} enqueued, ${seconds.toFixed(2)} s, Windward ${JSON.stringify(windward)}; unchanged ${unchangedNumbers.length}: ${result.unchangedCheck.windwardCalls} Windward calls`);
  return result;
}

// ---------- raw BullMQ bound ----------

async function noopJobsPerSecond(redis: Redis, concurrency: number, jobs: number): Promise<number> {
  runCounter += 1;
  const prefix = `bench-noop-${process.pid}-${runCounter}`;
  const queue = new Queue(QUEUE_NAMES.sync, { connection: redis, prefix, defaultJobOptions: { removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } } });
  try {
    await enqueueCustomerSyncs(queue, Array.from({ length: jobs }, (_, i) => FIRST_CUSTOMER + i), 'noop');
    const workerRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    let done = 0;
    const started = performance.now();
    const finished = new Promise<void>((resolve) => {
      const worker = new Worker(QUEUE_NAMES.sync, async () => undefined, { connection: workerRedis, prefix, concurrency });
      worker.on('completed', () => {
        done += 1;
        if (done === jobs) void worker.close().then(() => resolve());
      });
    });
    await finished;
    const seconds = (performance.now() - started) / 1000;
    await workerRedis.quit();
    return jobs / seconds;
  } finally {
    await queue.close();
    await dropPrefix(redis, prefix);
  }
}

// ---------- main ----------

function fmt(n: number | undefined, digits = 0): string {
  return n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);
}

/** A share as a whole percentage; '–' where it could not be read. */
function pct(share: number | null): string {
  return share === null ? '–' : (share * 100).toFixed(0);
}

async function main(): Promise<void> {
  if (!args['no-build']) buildProject();
  if (args.profile) mkdirSync('bench/results/profiles', { recursive: true });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const startedAt = new Date();
  const noop: Record<number, number> = {};
  for (const c of CONCURRENCIES) {
    noop[c] = await noopJobsPerSecond(redis, c, NOOP_JOBS);
    log(`raw BullMQ no-op, concurrency ${c}: ${noop[c]?.toFixed(0)} jobs/s`);
  }
  if (SURNAME_VARIETY !== 1) log(`generated surnames: ${SURNAME_VARIETY} forms each (--surname-variety), not the default 80 as they are`);
  const results: ScenarioResult[] = [];
  // Rounds outermost: a slow stretch of the machine then spreads over the cells instead of one.
  for (let round = 1; round <= REPEAT; round += 1) {
    if (REPEAT > 1) log(`\n==== round ${round} of ${REPEAT} ====`);
    for (const customers of SIZES) {
      for (const latencyMs of LATENCIES) {
        for (const concurrency of CONCURRENCIES) {
          // The slowest cell (100k at 20 ms with the lower concurrency) only with --full.
          const slowest = customers >= 100_000 && latencyMs > 0 && concurrency === Math.min(...CONCURRENCIES) && CONCURRENCIES.length > 1;
          if (slowest && !args.full) continue;
          const incremental =
            customers === INCREMENTAL_SIZE && latencyMs === Math.max(...LATENCIES) && concurrency === Math.max(...CONCURRENCIES);
          const r = await runScenario({ customers, latencyMs, concurrency, incremental }, redis);
          r.round = round;
          r.noopJobsPerSecond = noop[concurrency];
          r.ratioToNoop = r.noopJobsPerSecond ? r.customersPerSecond / r.noopJobsPerSecond : undefined;
          if (latencyMs > 0) {
            const seconds = latencyMs / 1000;
            r.latencyBound = concurrency / ((r.callsPerCustomer.infosoftTotal + r.callsPerCustomer.windwardTotal) * seconds);
            r.criticalPathBound = concurrency / (r.criticalPathCalls * seconds);
            r.ratioToCriticalPathBound = r.customersPerSecond / r.criticalPathBound;
            // Windward accepts 32 connections; the client never opens more.
            r.windwardConnectionBound = 32 / (r.callsPerCustomer.windwardTotal * (latencyMs / 1000));
            r.ratioToLatencyBound = r.customersPerSecond / r.latencyBound;
            if (r.steadyState) r.steadyState.ratioToLatencyBound = r.steadyState.customersPerSecond / r.latencyBound;
          }
          results.push(r);
        }
      }
    }
  }
  await redis.quit();

  console.log(`\nEnd-to-end backfill (30 % pre-existing, 10 % with a ship-to; ${cpus().length} cores, Node ${process.versions.node})`);
  console.table(
    results.map((r) => ({
      ...(REPEAT > 1 ? { round: r.round } : {}),
      customers: r.customers,
      'lat ms': r.latencyMs,
      conc: r.concurrency,
      'cust/s': fmt(r.customersPerSecond),
      'IS calls/c': fmt(r.callsPerCustomer.infosoftTotal, 2),
      'WW calls/c': fmt(r.callsPerCustomer.windwardTotal, 2),
      'job p50/p95/p99 ms': `${r.jobMs.p50}/${r.jobMs.p95}/${r.jobMs.p99}`,
      'CPU ms/c': fmt(r.worker.cpuMsPerCustomer, 2),
      'CPU % main/client/helpers': r.worker.cpuByThread
        ? `${pct(r.worker.cpuByThread.main)}/${pct(r.worker.cpuByThread.clientThread)}/${pct(r.worker.cpuByThread.helpers)}`
        : '–',
      'syscalls r/w/c': `${fmt(r.io.readCallsPerCustomer, 0)}/${fmt(r.io.writeCallsPerCustomer, 0)}`,
      'sim+Redis CPU ms/c': `${fmt(r.others.simulatorCpuMsPerCustomer, 2)}+${fmt(r.others.redisCpuMsPerCustomer, 2)}`,
      // The simulators' work per customer is the same in every run of any version of the worker:
      // dividing by it takes out most of the machine's drift (a VM; up to ±40 % between runs).
      'CPU ÷ sim CPU': fmt(r.worker.cpuMsPerCustomer / r.others.simulatorCpuMsPerCustomer, 2),
      'busy cores': fmt(r.others.machineBusyCores, 2),
      'CPU bound (÷ latency bound)': `${fmt(r.others.cpuBound)}${r.latencyBound ? ` (${fmt(r.others.cpuBound / r.latencyBound, 2)})` : ''}`,
      'waiting for a core % (worker/sim main)': `${pct(r.others.runQueueWait.workerMain)}/${pct(r.others.runQueueWait.simulatorMain)}`,
      'peak RSS MB': fmt(r.worker.peakRssMb),
      'Redis MB (ours)': fmt(r.redis.prefixMb, 1),
      'SQLite MB': fmt(r.database.mb),
      'no-op jobs/s': fmt(r.noopJobsPerSecond),
      '÷ no-op': fmt(r.ratioToNoop, 2),
      'latency bound': fmt(r.latencyBound),
      '÷ bound': fmt(r.ratioToLatencyBound, 2),
      'steady cust/s, CPU ms/c, ÷ bound': r.steadyState
        ? `${fmt(r.steadyState.customersPerSecond)}, ${fmt(r.steadyState.cpuMsPerCustomer, 2)}, ${fmt(r.steadyState.ratioToLatencyBound, 2)}`
        : '–',
      'crit.path bound': fmt(r.criticalPathBound),
      '÷ crit.': fmt(r.ratioToCriticalPathBound, 2),
      'WW 32-conn bound': fmt(r.windwardConnectionBound),
      'WW call ms': fmt(r.remoteCalls.windwardMeanMs, 1),
      'WW outstanding': fmt(r.remoteCalls.windwardOutstanding, 1),
      'WW in sim': fmt(r.windwardInSimulator.mean, 1),
      failed: r.failed,
      'wrong links': r.links.wrongLinks,
      'dup. created': r.links.duplicatesCreated,
    })),
  );
  console.log('Remote calls per customer by operation:');
  for (const r of results) {
    console.log(`  ${r.customers}/${r.latencyMs}ms/c${r.concurrency}: Infosoft ${JSON.stringify(r.callsPerCustomer.infosoft)} Windward ${JSON.stringify(r.callsPerCustomer.windward)}; actions ${JSON.stringify(r.actions)}`);
  }
  for (const r of results) {
    for (const inc of r.incremental ?? []) {
      console.log(
        `\nIncremental (${r.customers} customers, ${r.latencyMs} ms, worker concurrency ${inc.concurrency}): ${inc.changed} changed → ${inc.enqueued} enqueued by one poll, ` +
          `converged in ${inc.seconds.toFixed(2)} s (${fmt(inc.customersPerSecond)} customers/s; latency bound ${fmt(inc.latencyBound)}, ratio ${fmt(inc.ratioToLatencyBound, 2)}; ` +
          `critical-path bound ${fmt(inc.criticalPathBound)}, ratio ${fmt(inc.ratioToCriticalPathBound, 2)})`,
      );
      console.log(
        `  calls: Infosoft ${JSON.stringify(inc.calls.infosoft)} Windward ${JSON.stringify(inc.calls.windward)} (${inc.windwardCallsPerChanged.toFixed(2)} Windward calls per changed customer); ` +
          `worker CPU ${inc.cpuMsPerChanged.toFixed(2)} ms per changed customer, everything on the machine ${inc.machineCpuMsPerChanged.toFixed(2)} ms → ` +
          `CPU bound ${fmt(inc.cpuBound)} customers/s${inc.latencyBound ? ` (${fmt(inc.cpuBound / inc.latencyBound, 2)} of the latency bound)` : ''}`,
      );
      const t = inc.timeline;
      const syncingSeconds = (t.lastSyncMs - t.firstSyncMs) / 1000;
      console.log(
        `  timeline, ms after the poll job was added: poll started ${fmt(t.pollStartedMs)}, finished ${fmt(t.pollFinishedMs)} (changes read and enqueued); ` +
          `first customer synced ${fmt(t.firstSyncMs)}, last ${fmt(t.lastSyncMs)}; drained seen ${fmt(t.drainSeenMs)}` +
          (inc.latencyBound && syncingSeconds > 0
            ? ` → between the first and the last sync ${fmt(inc.changed / syncingSeconds)} customers/s, ${fmt(inc.changed / syncingSeconds / inc.latencyBound, 2)} of the latency bound`
            : ''),
      );
      console.log(
        `  ${inc.unchangedCheck.customers} unchanged customers re-synced: ${inc.unchangedCheck.windwardCalls} Windward calls, ${inc.unchangedCheck.infosoftCalls} Infosoft calls, ` +
          `${inc.unchangedCheck.seconds.toFixed(2)} s, worker CPU ${inc.unchangedCheck.cpuMsPerCustomer.toFixed(2)} ms per customer`,
      );
    }
  }
  const repeatSummary = REPEAT > 1 ? printRepeatSummary(results) : undefined;
  const out = args.out ?? 'bench/results/bench.json';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ startedAt, machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGb: totalmem() / 2 ** 30, node: process.versions.node }, noopJobsPerSecond: noop, surnameVariety: SURNAME_VARIETY, results, ...(repeatSummary ? { repeatSummary } : {}) }, null, 2)}\n`,
  );
  console.log(`wrote ${out}`);
}

/** --repeat: each cell's median and range over the rounds, printed and returned for the JSON. */
function printRepeatSummary(results: readonly ScenarioResult[]): CellSummary[] {
  const summaries = summarizeRepeats(
    results.map((r) => {
      // The incremental round at the highest concurrency, as in a single run's headline figure.
      const incremental = r.incremental?.[0]?.ratioToLatencyBound;
      return {
        customers: r.customers,
        latencyMs: r.latencyMs,
        concurrency: r.concurrency,
        customersPerSecond: r.customersPerSecond,
        cpuMsPerCustomer: r.worker.cpuMsPerCustomer,
        cpuPerSimCpu: r.worker.cpuMsPerCustomer / r.others.simulatorCpuMsPerCustomer,
        peakRssMb: r.worker.peakRssMb,
        ...(r.ratioToLatencyBound === undefined ? {} : { ratioToLatencyBound: r.ratioToLatencyBound }),
        ...(r.steadyState?.ratioToLatencyBound === undefined ? {} : { steadyRatioToLatencyBound: r.steadyState.ratioToLatencyBound }),
        ...(incremental === undefined ? {} : { incrementalRatioToLatencyBound: incremental }),
      };
    }),
  );
  console.log(`\nOver ${REPEAT} rounds: median (min–max) per cell`);
  console.table(
    summaries.map((c) => ({
      customers: c.customers,
      'lat ms': c.latencyMs,
      conc: c.concurrency,
      runs: c.runs,
      'cust/s': formatSpread(c.customersPerSecond, 0),
      'CPU ms/c': formatSpread(c.cpuMsPerCustomer, 2),
      [`runs ≤ ${CPU_TARGET_MS} ms`]: c.runsMeetingCpuTarget === undefined ? '–' : `${c.runsMeetingCpuTarget} of ${c.runs}`,
      'CPU ÷ sim CPU': formatSpread(c.cpuPerSimCpu, 2),
      'peak RSS MB': formatSpread(c.peakRssMb, 0),
      '÷ bound': formatSpread(c.ratioToLatencyBound, 2),
      'steady ÷ bound': formatSpread(c.steadyRatioToLatencyBound, 2),
      [`runs ≥ ${THROUGHPUT_TARGET}`]: c.runsMeetingThroughputTarget === undefined ? '–' : `${c.runsMeetingThroughputTarget} of ${c.runs}`,
      'incremental ÷ bound': formatSpread(c.incrementalRatioToLatencyBound, 2),
      [`incremental ≥ ${INCREMENTAL_TARGET}`]: c.incrementalRunsMeetingTarget === undefined ? '–' : `${c.incrementalRunsMeetingTarget.met} of ${c.incrementalRunsMeetingTarget.of}`,
    })),
  );
  return summaries;
}

await main();
