import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { decideStartup } from '../../web/credentials.js';
import { startWebServer } from '../../web/server.js';
import { CliError, EXIT } from '../context.js';
import { onShutdown } from '../shutdown.js';

/**
 * The Procfile's web process: bull-board, the operator API and page, health and metrics.
 * Refuses to start without DASHBOARD_USERNAME/PASSWORD unless --insecure-dev on a loopback HOST.
 */
export async function runWeb(options: { insecureDev?: boolean } = {}): Promise<number> {
  const config = loadConfig();
  // Checked before connecting to anything, so a misconfigured deploy fails at once and clearly.
  const startup = decideStartup({ ...config.dashboard, host: config.web.host, insecureDev: options.insecureDev ?? false });
  if (!startup.ok) throw new CliError(startup.message, EXIT.failure);
  const logger = createLogger({ level: config.log.level });
  const app = buildApp(config, { logger });
  let server;
  try {
    server = await startWebServer({ app, logger, insecureDev: options.insecureDev ?? false });
  } catch (error) {
    await app.close();
    throw error;
  }
  logger.info({ url: server.url, readOnly: config.dashboard.readOnly, insecure: server.insecure }, 'web listening');
  const web = server;
  await onShutdown(async () => {
    await web.close();
    await app.close();
  }, (message) => logger.info(message));
  return EXIT.ok;
}
