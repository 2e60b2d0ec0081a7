import { loadConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { startWebServer } from '../../web/server.js';
import { onShutdown } from '../shutdown.js';

/** The Procfile's web process (health only until the operator surface lands). */
export async function runWeb(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger({ level: config.log.level });
  const { app, url } = await startWebServer({ host: config.web.host, port: config.web.port });
  logger.info({ url }, 'web listening');
  await onShutdown(() => app.close());
  return 0;
}
