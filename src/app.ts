// Composition root: the only module that knows every adapter. It wires the SOAP and REST clients,
// the SQLite store and the BullMQ queues into the sync use cases.
import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import { createLazyInfosoft } from './infosoft/lazy-client.js';
import { createStorePorts } from './store/ports.js';
import { createLogger, type Logger } from './log.js';
import { createRedisConnection } from './queue/connection.js';
import { QUEUE_NAMES } from './queue/jobs.js';
import { cancelScheduledJob, createQueues, enqueueCustomerSync, enqueueCustomerSyncs, scheduleMoveSync, type SyncQueues } from './queue/queues.js';
import { CircuitBreaker, guardPort } from './queue/circuit.js';
import { startWorkers, type SyncWorkers } from './queue/worker.js';
import { describeError } from './errors.js';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase, type Db } from './store/db.js';
import { cacheStatements } from './store/statement-cache.js';
import { inImmediateTransaction } from './store/transactions.js';
import { createWriteBatch, writerFor, type WriteBatch } from './store/write-batch.js';
import { listLinkedCustomerNumbers } from './store/links.js';
import { pruneExpiredSyncLog } from './store/sync-log.js';
import { recordDeadLetter, resolveDeadLettersOf } from './store/dead-letters.js';
import { deletePlannedMove, listPlannedMoves, savePlannedMove } from './store/planned-moves.js';
import { createMatcherLookup } from './sync/find-existing.js';
import { createMatchGate } from './sync/match-gate.js';
import { refreshMirror } from './sync/mirror.js';
import { listDiscoverableCustomers, pollChanges } from './sync/poll-changes.js';
import type { InfosoftPort, WindwardPort, MirrorFiling, MirrorIndex, MovePlanner, SyncScheduler } from './sync/ports.js';
import { syncCustomer, type SyncCustomerDeps } from './sync/sync-customer.js';
import type { WindwardClient, WindwardTruncation } from './windward/client.js';
import { createLazyWindward } from './windward/lazy-client.js';
import { startRemoteClientsThread } from './remote-thread/remote-clients.js';
// Metrics wiring (operator surface): remote-call latency, job outcomes, matcher decisions.
import { countDecisions, instrumentPort } from './metrics/instrument-port.js';
import { serveMetrics, type MetricsServer } from './metrics/serve-metrics.js';
import { collectProcessMetrics, createSyncMetrics, registerMatchGateMetrics, registerWriteBatchMetrics, type SyncMetrics } from './metrics/sync-metrics.js';
import { checkAuthorizationHeader } from './web/credentials.js';

export interface App {
  config: Config;
  logger: Logger;
  db: Db;
  redis: Redis;
  queues: SyncQueues;
  infosoft: InfosoftPort;
  windward: WindwardPort;
  syncDeps: SyncCustomerDeps;
  mirror: MirrorIndex;
  /** The group commit of the worker's writes, or null when each write commits on its own. */
  writeBatch: WriteBatch | null;
  /** This process's metric families (the worker's counters; served on METRICS_PORT and by the web process). */
  metrics: SyncMetrics;
  /** Refreshes the Windward mirror once, then starts consuming jobs. */
  startWorkers(): Promise<SyncWorkers>;
  refreshMirror(): Promise<{ customers: number; removed: number }>;
  /** Deletes the sync log's expired routine entries (SYNC_LOG_RETENTION); the worker runs it on a schedule. */
  pruneSyncLog(): Promise<{ removed: number }>;
  enqueueCustomer(customerNumber: number, reason: string): Promise<string>;
  discoverCustomers(): Promise<number[]>;
  close(): Promise<void>;
}

export interface BuildAppOptions {
  logger?: Logger;
  now?: () => Date;
  /**
   * Group commit (the worker): the writes of concurrent jobs share one transaction per turn of the
   * event loop, and each job waits for its commit before it reports success. Off for the web process
   * and one-off commands, whose writes must be visible to the worker the moment they return.
   */
  groupCommit?: boolean;
}

export function buildApp(config: Config, options: BuildAppOptions = {}): App {
  const logger = options.logger ?? createLogger({ level: config.log.level });
  const now = options.now ?? (() => new Date());
  const db = openDatabase({ path: config.database.path, migrationsFolder: MIGRATIONS_FOLDER });
  cacheStatements(db.$client);
  const redis = createRedisConnection(config.redis.url);
  redis.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  const queues = createQueues(redis, {
    prefix: config.redis.queuePrefix,
    attempts: config.sync.attempts,
    keepCompletedJobs: config.sync.keepCompletedJobs,
    keepFailedJobs: config.sync.keepFailedJobs,
    keepFailedForMs: config.sync.keepFailedFor,
    eventsMaxLen: config.sync.eventsMaxLen,
  });
  // Every remote call reports to the circuit breaker once the workers run (null before that).
  let breaker: CircuitBreaker | null = null;
  const metrics = createSyncMetrics();
  // Each sync asks for the master data, then every title and the pending moves at once.
  const infosoftMaxConnections = config.sync.concurrency * (config.infosoft.titleCodes.length + 1);
  const windwardConfig = {
    baseUrl: config.windward.url,
    username: config.windward.username,
    password: config.windward.password ?? '',
    terminalNumber: config.windward.terminalNumber,
    timeoutMs: config.windward.timeout,
    maxConcurrent: config.windward.maxConcurrent,
    country: config.windward.country,
  };
  // Windward's field limits are undocumented; say which fields were cut (names only, never values).
  const onTruncated = ({ operation, externalRef, fields }: WindwardTruncation) =>
    logger.warn({ operation, externalRef, fields }, 'fields truncated to Windward limits');
  // The worker may run both clients in a thread of their own (a second core for HTTP, SOAP and JSON).
  const clientThread =
    options.groupCommit === true && config.sync.clientThread
      ? startRemoteClientsThread(
          { infosoft: config.infosoft, infosoftMaxConnections, windward: windwardConfig },
          { onTruncated, onExit: (reason) => logger.error({ reason }, 'remote-client thread stopped; restarting it on the next call') },
        )
      : null;
  const rawInfosoft = clientThread?.infosoft ?? createLazyInfosoft(config.infosoft, { maxConnections: infosoftMaxConnections });
  const infosoft = guardPort(instrumentPort(rawInfosoft, 'infosoft', metrics.remoteCallSeconds), 'infosoft', () => breaker);
  // In the event loop (no thread), the client is this process's own: its keep-alive pool is closed with the app.
  let windwardInProcess: WindwardClient | null = null;
  const rawWindward: WindwardPort = clientThread?.windward ?? (windwardInProcess = createLazyWindward({ ...windwardConfig, onTruncated }));
  const windward = guardPort(instrumentPort(rawWindward, 'windward', metrics.remoteCallSeconds, { exclude: ['close'] }), 'windward', () => breaker);
  const batch: WriteBatch | null = options.groupCommit
    ? createWriteBatch(db.$client, {
        onCommitFailed: (error) => {
          // The batch's writes are gone and its jobs may have moved on: stop, as after a crash (their
          // jobs are retried; a create whose intent was lost never went out, see IntentStore.open).
          logger.fatal({ err: describeError(error) }, 'SQLite commit failed; stopping the worker');
          process.exit(1);
        },
      })
    : null;
  if (batch) registerWriteBatchMetrics(metrics.registry, batch.stats);
  const write = writerFor(batch);
  /** A job's result, reported only once the job's writes are committed (as syncCustomer's below). */
  const committed = async <T>(result: Promise<T>): Promise<T> => {
    const value = await result;
    await batch?.flush();
    return value;
  };
  const { links, syncLog, cursors, mirror, intents, reviews } = createStorePorts(db, batch ? { batch } : {});
  // Touches Redis only when Infosoft's future moves differ from what is already planned.
  const movePlanner: MovePlanner = {
    async plan(customerNumber, moves) {
      const planned = new Map(listPlannedMoves(db, customerNumber).map((m) => [m.titleCode, m]));
      for (const move of moves) {
        const existing = planned.get(move.titleCode);
        planned.delete(move.titleCode);
        if (existing?.startDate === move.startDate) continue;
        if (existing) await cancelScheduledJob(queues.poll, existing.jobId);
        const jobId = await scheduleMoveSync(queues.poll, customerNumber, move.titleCode, move.startDate, now());
        write(() => savePlannedMove(db, { customerNumber, titleCode: move.titleCode, startDate: move.startDate, jobId }));
      }
      for (const stale of planned.values()) {
        await cancelScheduledJob(queues.poll, stale.jobId);
        write(() => deletePlannedMove(db, customerNumber, stale.titleCode));
      }
    },
  };
  const matchGate = createMatchGate(config.matching);
  registerMatchGateMetrics(metrics.registry, matchGate.stats);
  // IMMEDIATE: the write lock is taken (waiting up to busy_timeout) before the first read. A deferred
  // transaction that reads, then writes after another process (web, a second worker) committed
  // fails at once with SQLITE_BUSY, without waiting.
  const syncDeps: SyncCustomerDeps = {
    movePlanner,
    intents,
    atomically: batch ? <T>(work: () => T) => batch.write(work) : <T>(work: () => T) => inImmediateTransaction(db.$client, work),
    listingPageSize: config.sync.mirrorPageSize,
    twoWay:
      config.sync.directions === 'both'
        ? {
            conflictPolicy: config.sync.conflictPolicy,
            signature: config.infosoft.signature,
            distributionWeekdays: config.infosoft.distributionWeekdays,
            now,
          }
        : null,
    infosoft,
    windward,
    links,
    syncLog,
    mirror,
    reviews,
    matchParams: config.matching,
    findExisting: countDecisions(createMatcherLookup({ windward, links, mirror, params: config.matching }), metrics.matcherDecisions),
    matchGate,
    titleCodes: config.infosoft.titleCodes,
    defaultCountryCode: 'NO',
  };
  const enqueueCustomer = (customerNumber: number, reason: string) => enqueueCustomerSync(queues.sync, customerNumber, reason);
  const scheduler: SyncScheduler = {
    enqueueCustomer: async (customerNumber, reason) => void (await enqueueCustomer(customerNumber, reason)),
    enqueueCustomers: (customerNumbers, reason) => enqueueCustomerSyncs(queues.sync, customerNumbers, reason),
  };

  // Two-way: a linked bill-to whose listed fingerprint differs from the one we last wrote or saw
  // was edited in Windward: queue its customer (the job decides what flows where).
  const queueWindwardEdits = async (filings: readonly MirrorFiling[]) => {
    for (const filing of filings) {
      const edited = links
        .findByUnique(filing.windwardUnique)
        .some((l) => l.role === 'bill_to' && l.active && l.windwardFingerprint !== null && l.windwardFingerprint !== filing.fingerprint);
      if (edited) {
        for (const l of links.findByUnique(filing.windwardUnique)) if (l.role === 'bill_to') await enqueueCustomer(l.customerNumber, 'windward-change');
      }
    }
  };
  const runMirrorRefresh = () =>
    refreshMirror({
      windward,
      mirror,
      params: config.matching,
      pageSize: config.sync.mirrorPageSize,
      now,
      ...(config.sync.directions === 'both' ? { onFiled: queueWindwardEdits } : {}),
    });
  const runSyncLogPrune = async () => {
    if (config.sync.logRetention <= 0) return { removed: 0 };
    const removed = await pruneExpiredSyncLog(db, {
      before: new Date(now().getTime() - config.sync.logRetention),
      write,
      yieldTurn: () => batch?.flush() ?? new Promise<void>((resolve) => setImmediate(resolve)),
    });
    if (removed > 0) logger.info({ removed, retentionMs: config.sync.logRetention }, 'expired sync-log entries deleted');
    return { removed };
  };
  let workers: SyncWorkers | null = null;
  let metricsServer: MetricsServer | null = null;
  return {
    config,
    logger,
    db,
    redis,
    queues,
    infosoft,
    windward,
    syncDeps,
    mirror,
    writeBatch: batch,
    metrics,
    refreshMirror: runMirrorRefresh,
    pruneSyncLog: runSyncLogPrune,
    enqueueCustomer,
    discoverCustomers: () => listDiscoverableCustomers({ infosoft, now }, listLinkedCustomerNumbers(db)),
    async startWorkers() {
      if (workers) return workers;
      if (config.metrics.port !== undefined && !metricsServer) {
        const credentials = config.dashboard.username && config.dashboard.password ? { username: config.dashboard.username, password: config.dashboard.password } : null;
        collectProcessMetrics(metrics.registry);
        metricsServer = await serveMetrics({
          registry: metrics.registry,
          host: config.web.host,
          port: config.metrics.port,
          ...(credentials ? { authorize: (header: string | undefined) => checkAuthorizationHeader(credentials, header) } : {}),
        });
        logger.info({ url: metricsServer.url }, 'worker metrics listening');
      }
      // The matcher must see Windward's customers before the first sync, or it would create
      // duplicates of everyone who is already there.
      // Windward may be down at start-up: keep trying (with backoff) rather than exit.
      for (let attempt = 1; ; attempt += 1) {
        try {
          logger.info(await runMirrorRefresh(), 'windward mirror refreshed');
          break;
        } catch (error) {
          const waitMs = Math.min(60_000, config.sync.backoff * 2 ** Math.min(attempt, 10));
          logger.warn({ attempt, waitMs, err: describeError(error) }, 'cannot read the Windward listing yet; retrying');
          await new Promise((resolve) => setTimeout(resolve, waitMs));
        }
      }
      workers = startWorkers({
        connection: redis,
        prefix: config.redis.queuePrefix,
        concurrency: config.sync.concurrency,
        backoff: { baseMs: config.sync.backoff, maxMs: config.sync.maxBackoff, jitter: 0.5 },
        lockTtlMs: config.sync.lockTtl,
        logger,
        handlers: {
          syncCustomer: async (customerNumber, jobId) => {
            const outcome = await syncCustomer(syncDeps, customerNumber, jobId);
            write(() => resolveDeadLettersOf(db, customerNumber));
            // Success is reported only once this job's writes are committed.
            await batch?.flush();
            metrics.countOutcome(outcome.action);
            logger.info({ jobId, customerNumber, action: outcome.action, windwardUnique: outcome.windwardUnique }, 'customer synced');
            return { action: outcome.action };
          },
          poll: () => committed(pollChanges({ infosoft, cursors, scheduler, overlapMs: config.sync.feedOverlap, now })),
          refreshMirror: () => committed(runMirrorRefresh()),
          pruneSyncLog: () => committed(runSyncLogPrune()),
          applyMove: async (customerNumber) => ({ jobId: await enqueueCustomer(customerNumber, 'move') }),
          onGaveUp: (customerNumber, jobId, failure, attempts) => {
            metrics.countOutcome('failed');
            write(() => recordDeadLetter(db, { customerNumber, jobId, queue: QUEUE_NAMES.sync, ...failure, attempts }));
            syncLog.record({ customerNumber, jobId, action: 'failed', reason: failure.reason, details: { attempts, errorCode: failure.errorCode } });
            // BullMQ has already failed the job: nothing would retry these writes, so commit them now
            // (with whatever else the current batch holds) rather than at the end of the turn.
            batch?.commitNow();
          },
        },
      });
      const syncWorker = workers.sync;
      breaker = new CircuitBreaker({
        threshold: config.sync.circuitThreshold,
        probeEveryMs: config.sync.circuitProbeEvery,
        probes: {
          infosoft: () => rawInfosoft.getChangedCustomers(new Date(now().getTime() - 1000), now()),
          windward: () => rawWindward.listCustomers(1, 1),
        },
        // Local to this process: a paused worker resumes with it, and a crash leaves nothing paused.
        pause: () => syncWorker.pause(true),
        resume: () => syncWorker.resume(),
        logger,
      });
      return workers;
    },
    async close() {
      // Order matters: finish in-flight jobs, then stop producing, then close the database.
      breaker?.stop();
      if (workers) await workers.close();
      await metricsServer?.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await clientThread?.close();
      await windwardInProcess?.close();
      batch?.commitNow();
      closeDatabase(db);
    },
  };
}
