// Two kinds of failure matter to the queue: worth retrying, or not. Adapters classify;
// only queue/ turns a PermanentError into BullMQ's UnrecoverableError.

export interface SyncErrorOptions {
  /** Short machine-readable code, e.g. 'customer_not_found', 'http_502', 'timeout'. */
  code: string;
  cause?: unknown;
  /** Seconds the remote asked us to wait (Retry-After), when it said so. */
  retryAfterSeconds?: number;
}

export abstract class SyncError extends Error {
  readonly code: string;
  readonly retryAfterSeconds: number | undefined;
  abstract readonly retryable: boolean;

  constructor(message: string, options: SyncErrorOptions) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Network trouble, timeouts, 5xx/429, SOAP server faults, garbled bodies: retry with backoff. */
export class TransientError extends SyncError {
  readonly retryable = true;
}

/** Customer not found, validation failures, business status codes: retrying cannot help. */
export class PermanentError extends SyncError {
  readonly retryable = false;
}

export function isPermanent(error: unknown): error is PermanentError {
  return error instanceof PermanentError;
}

/** A readable one-line reason; codes in brackets let operators group failures. */
export function describeError(error: unknown): string {
  if (error instanceof SyncError) return `[${error.code}] ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
