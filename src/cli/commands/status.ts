import type { App } from '../../app.js';
import { countJobs } from '../../queue/queues.js';
import { readDatabaseUsage } from '../../store/database-size.js';
import { countOpenDeadLetters } from '../../store/dead-letters.js';
import { printJson } from '../context.js';

export async function runStatus(app: App, options: { json?: boolean }): Promise<number> {
  const counts = await countJobs(app.queues.sync);
  const usage = readDatabaseUsage(app.db);
  const status = { ...counts, deadLetters: countOpenDeadLetters(app.db), databaseMb: usage.usedMb, syncLogEntries: usage.syncLogEntries };
  if (options.json) printJson(status);
  else {
    for (const [key, value] of Object.entries(status)) process.stdout.write(`${key.padEnd(15)} ${value}\n`);
  }
  return 0;
}
