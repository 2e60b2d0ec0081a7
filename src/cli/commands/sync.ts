// sync-all and resync: put customers on the queue, optionally wait for the outcome.
import type { App } from '../../app.js';
import { enqueueCustomerSyncs } from '../../queue/queues.js';
import { lastSyncLogId, listSyncLogOfCustomer } from '../../store/sync-log.js';
import { EXIT, printJson } from '../context.js';
import { formatSummary, waitForRun, type RunSummary } from '../run-summary.js';

export interface SyncCommandOptions {
  wait?: boolean;
  json?: boolean;
}

async function waitAndReport(app: App, sinceLogId: number, expected: number, startedAt: number, options: SyncCommandOptions): Promise<RunSummary> {
  const summary = await waitForRun({
    db: app.db,
    queue: app.queues.sync,
    sinceLogId,
    expected,
    startedAt,
    progress: !options.json && process.stderr.isTTY === true,
    onNoWorker: () => process.stderr.write('warning: no worker is consuming the queue; start one with `customer-sync worker`\n'),
  });
  if (options.json) printJson(summary);
  else process.stdout.write(`${formatSummary(summary)}\n`);
  return summary;
}

export async function runSyncAll(app: App, options: SyncCommandOptions): Promise<number> {
  const startedAt = Date.now();
  const sinceLogId = lastSyncLogId(app.db);
  const customers = await app.discoverCustomers();
  await enqueueCustomerSyncs(app.queues.sync, customers, 'sync-all');
  if (!options.wait) {
    if (options.json) printJson({ enqueued: customers.length });
    else process.stdout.write(`enqueued ${customers.length} customers\n`);
    return EXIT.ok;
  }
  const summary = await waitAndReport(app, sinceLogId, customers.length, startedAt, options);
  return summary.failed > 0 ? EXIT.failure : EXIT.ok;
}

export async function runResync(app: App, customerNumber: number, options: SyncCommandOptions): Promise<number> {
  const startedAt = Date.now();
  const sinceLogId = lastSyncLogId(app.db);
  const jobId = await app.enqueueCustomer(customerNumber, 'resync');
  if (!options.wait) {
    if (options.json) printJson({ customerNumber, jobId });
    else process.stdout.write(`queued customer ${customerNumber} (job ${jobId})\n`);
    return EXIT.ok;
  }
  const summary = await waitAndReport(app, sinceLogId, 1, startedAt, options);
  if (summary.failed > 0) {
    const [last] = listSyncLogOfCustomer(app.db, customerNumber, 1);
    process.stderr.write(`customer ${customerNumber} failed: ${last?.reason ?? 'see the dead letters'}\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}
