import type { App } from '../../app.js';
import { countJobs } from '../../queue/queues.js';
import { printJson } from '../context.js';

export async function runStatus(app: App, options: { json?: boolean }): Promise<number> {
  const counts = await countJobs(app.queues.sync);
  // Until dead letters get their own table, the failed set is the dead-letter list.
  const status = { ...counts, deadLetters: counts.failed };
  if (options.json) printJson(status);
  else {
    for (const [key, value] of Object.entries(status)) process.stdout.write(`${key.padEnd(12)} ${value}\n`);
  }
  return 0;
}
