// dead-letters list | show <id> | retry <id> | retry-all | discard <id>
import type { App } from '../../app.js';
import { discardDeadLetter, retryAllDeadLetters, retryDeadLetter, type DeadLetterActionResult } from '../../operator/dead-letters.js';
import { getDeadLetter, listDeadLetters, type DeadLetter } from '../../store/dead-letters.js';
import { CliError, EXIT, printJson } from '../context.js';

const contextOf = (app: App) => ({ db: app.db, syncQueue: app.queues.sync });

function toListItem(d: DeadLetter) {
  return { id: d.id, customerNumber: d.customerNumber, errorClass: d.errorClass, errorCode: d.errorCode, reason: d.reason, attempts: d.attempts, lastFailedAt: d.lastFailedAt };
}

export async function runDeadLettersList(app: App, options: { json?: boolean; all?: boolean }): Promise<number> {
  const items = listDeadLetters(app.db, options.all ? ['open', 'retried', 'discarded', 'resolved'] : ['open']);
  if (options.json) {
    printJson(items.map(toListItem));
    return EXIT.ok;
  }
  if (items.length === 0) process.stdout.write('no dead letters\n');
  for (const d of items) {
    process.stdout.write(`${d.id.padStart(5)}  customer ${String(d.customerNumber ?? '-').padEnd(9)} ${d.errorClass.padEnd(15)} attempts ${d.attempts}  ${d.reason}\n`);
  }
  return EXIT.ok;
}

export async function runDeadLettersShow(app: App, id: string, options: { json?: boolean }): Promise<number> {
  const d = getDeadLetter(app.db, id);
  if (!d) throw new CliError(`no dead letter ${id}`);
  if (options.json) printJson(d);
  else for (const [key, value] of Object.entries(d)) process.stdout.write(`${key.padEnd(14)} ${value ?? ''}\n`);
  return EXIT.ok;
}

function report(result: DeadLetterActionResult, id: string, verb: string, json?: boolean): number {
  if (!result.ok) throw new CliError(result.reason === 'not_found' ? `no dead letter ${id}` : `dead letter ${id} is already ${result.deadLetter?.status}`);
  if (json) printJson({ id, status: result.deadLetter.status, jobId: result.jobId });
  else process.stdout.write(`dead letter ${id} ${verb}${result.jobId ? ` (job ${result.jobId})` : ''}\n`);
  return EXIT.ok;
}

export async function runDeadLettersRetry(app: App, id: string, options: { json?: boolean }): Promise<number> {
  return report(await retryDeadLetter(contextOf(app), id), id, 'queued for retry', options.json);
}

export async function runDeadLettersDiscard(app: App, id: string, options: { json?: boolean }): Promise<number> {
  return report(await discardDeadLetter(contextOf(app), id), id, 'discarded', options.json);
}

export async function runDeadLettersRetryAll(app: App, options: { json?: boolean }): Promise<number> {
  const retried = await retryAllDeadLetters(contextOf(app));
  if (options.json) printJson({ retried });
  else process.stdout.write(`${retried} dead letters queued for retry\n`);
  return EXIT.ok;
}
