// Shared plumbing for CLI commands: building the app from config, printing, exit codes.
import { buildApp, type App } from '../app.js';
import { loadConfig } from '../config.js';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A failure the user can act on: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function parseCustomerNumber(text: string): number {
  if (!/^\d{1,12}$/.test(text) || Number(text) <= 0) {
    throw new CliError(`"${text}" is not a customer number (a positive whole number)`, EXIT.usage);
  }
  return Number(text);
}

/** Runs `fn` with a fully wired app and always closes it (connections, database). */
export async function withApp<T>(fn: (app: App) => Promise<T>, overrides?: Parameters<typeof loadConfig>[0]): Promise<T> {
  const app = buildApp(loadConfig(overrides));
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
