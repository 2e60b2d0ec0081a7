// `npm run demo`: the whole product on embedded defaults — both simulators with generated Norwegian
// customers, migrations, a Redis (found or started), a full sync with a progress bar, a summary.
import { rmSync } from 'node:fs';
import { buildApp, type App } from '../../app.js';
import { loadConfig } from '../../config.js';
import { enqueueCustomerSyncs, upsertPollSchedule } from '../../queue/queues.js';
import { DEFAULT_SIM_CREDENTIALS, startSimulators, type Simulators } from '../../simulators/index.js';
import { lastSyncLogId } from '../../store/sync-log.js';
import { startWebServer } from '../../web/server.js';
import { printJson } from '../context.js';
import { ensureRedis, type RedisHandle } from '../redis-check.js';
import { formatSummary, waitForRun } from '../run-summary.js';
import { onShutdown } from '../shutdown.js';

export interface DemoOptions {
  customers: number;
  once: boolean;
  json?: boolean;
  seed: number;
}

const DEMO_DATABASE = './data/demo.db';
const DEMO_PREFIX = 'customer-sync-demo';

export async function runDemo(options: DemoOptions): Promise<number> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const base = loadConfig();
  const redis: RedisHandle = await ensureRedis(base.redis.url);
  if (redis.child) say(`no Redis at ${base.redis.url}: started a private redis-server at ${redis.url}`);
  let simulators: Simulators | null = null;
  let app: App | null = null;
  try {
    simulators = await startSimulators({ customers: options.customers, seed: options.seed });
    say(`Infosoft simulator ${simulators.env.INFOSOFT_URL} | Windward simulator ${simulators.env.WINDWARD_URL}`);
    say(`${options.customers} Infosoft customers, ${simulators.generated?.preExisting.length ?? 0} already in Windward, ${simulators.generated?.withShipTo.length ?? 0} with a separate delivery address`);
    // A fresh database each run, so the summary shows what one full sync does.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${DEMO_DATABASE}${suffix}`, { force: true });
    const config = loadConfig({
      overrides: {
        redis: { url: redis.url, queuePrefix: DEMO_PREFIX },
        database: { path: DEMO_DATABASE },
        infosoft: { url: simulators.env.INFOSOFT_URL, titleCodes: simulators.env.INFOSOFT_TITLE_CODES },
        windward: { url: simulators.env.WINDWARD_URL, ...DEFAULT_SIM_CREDENTIALS },
        log: { level: 'warn' },
      },
    });
    app = buildApp(config);
    await app.queues.sync.obliterate({ force: true });
    await app.queues.poll.obliterate({ force: true });
    await app.startWorkers();

    const startedAt = Date.now();
    const sinceLogId = lastSyncLogId(app.db);
    const customers = await app.discoverCustomers();
    await enqueueCustomerSyncs(app.queues.sync, customers, 'demo');
    const summary = await waitForRun({
      db: app.db,
      queue: app.queues.sync,
      sinceLogId,
      expected: customers.length,
      startedAt,
      progress: !options.json,
    });
    if (options.json) printJson(summary);
    else process.stdout.write(`${formatSummary(summary)}\n`);

    if (options.once) return summary.failed > 0 ? 1 : 0;

    await upsertPollSchedule(app.queues.poll, config.sync.pollEvery);
    // Loopback only; without DASHBOARD_USERNAME/PASSWORD the demo's dashboard runs unauthenticated.
    const web = await startWebServer({ app, logger: app.logger, host: '127.0.0.1', port: 0, insecureDev: true });
    say(`\nThe worker keeps polling Infosoft for changes. Dashboard: ${web.url}/admin/queues  Operator page: ${web.url}/`);
    say('Resync one customer from another terminal:');
    say(`  REDIS_URL=${redis.url} QUEUE_PREFIX=${DEMO_PREFIX} DATABASE_PATH=${DEMO_DATABASE} npx customer-sync resync ${customers[0] ?? 100001} --wait`);
    say('Ctrl-C to stop.');
    await onShutdown(async () => {
      await web.close();
    });
    return 0;
  } finally {
    await app?.close();
    await simulators?.close();
    await redis.stop();
  }
}
