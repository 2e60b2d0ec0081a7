import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { upsertMirrorRefreshSchedule, upsertPollSchedule, upsertSyncLogPruneSchedule } from '../../queue/queues.js';
import { onShutdown } from '../shutdown.js';

/** The Procfile's worker process: consumes sync jobs and polls the change feed on a schedule. */
export async function runWorker(): Promise<number> {
  // Group commit: concurrent jobs share SQLite commits (see store/write-batch.ts).
  const app = buildApp(loadConfig(), { groupCommit: true });
  await app.startWorkers();
  if (app.config.sync.changeSource === 'feed') await upsertPollSchedule(app.queues.poll, app.config.sync.pollEvery);
  await upsertMirrorRefreshSchedule(app.queues.poll, app.config.sync.mirrorRefreshEvery);
  await upsertSyncLogPruneSchedule(app.queues.poll, app.config.sync.logRetention, app.config.sync.logPruneEvery);
  app.logger.info(
    { concurrency: app.config.sync.concurrency, pollEveryMs: app.config.sync.pollEvery, changeSource: app.config.sync.changeSource },
    'worker started',
  );
  await onShutdown(() => app.close(), (message) => app.logger.info(message));
  app.logger.info('worker stopped');
  return 0;
}
