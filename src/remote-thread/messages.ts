// What crosses between the worker's event loop and the thread that runs the remote clients
// (src/remote-thread/host.ts, proxy.ts). Structured clone carries plain data only: functions in the
// arguments travel as callback slots, errors as their classification.
import { PermanentError, SyncError, TransientError } from '../errors.js';

/** A function argument, or a function-valued property of an object argument, replaced by a slot. */
export interface CallbackSlot {
  __callback: number;
}

export interface CallMessage {
  type: 'call';
  id: number;
  port: string;
  method: string;
  args: unknown[];
}

export type HostMessage =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerializedError }
  | { type: 'callback'; id: number; slot: number; args: unknown[] }
  | { type: 'event'; name: string; payload: unknown };

export interface SerializedError {
  /** 'transient' / 'permanent' rebuild the adapters' classification; anything else is a plain Error. */
  kind: 'transient' | 'permanent' | 'error';
  name: string;
  message: string;
  code?: string;
  retryAfterSeconds?: number;
  stack?: string;
  cause?: SerializedError;
}

const MAX_CAUSE_DEPTH = 4;

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { kind: 'error', name: 'Error', message: String(error) };
  const serialized: SerializedError = {
    kind: error instanceof SyncError ? (error.retryable ? 'transient' : 'permanent') : 'error',
    name: error.name,
    message: error.message,
  };
  if (error.stack !== undefined) serialized.stack = error.stack;
  if (error instanceof SyncError) {
    serialized.code = error.code;
    if (error.retryAfterSeconds !== undefined) serialized.retryAfterSeconds = error.retryAfterSeconds;
  } else {
    // undici's and Node's errors carry their reason in `code` (ECONNREFUSED, UND_ERR_…).
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') serialized.code = code;
  }
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

/** The same classification, message, code and Retry-After as thrown in the thread; the cause chain kept. */
export function deserializeError(serialized: SerializedError): Error {
  const cause = serialized.cause === undefined ? undefined : deserializeError(serialized.cause);
  let error: Error;
  if (serialized.kind === 'error') {
    error = new Error(serialized.message, cause === undefined ? undefined : { cause });
    error.name = serialized.name;
    if (serialized.code !== undefined) (error as Error & { code?: string }).code = serialized.code;
  } else {
    const options = {
      code: serialized.code ?? 'unknown',
      ...(cause === undefined ? {} : { cause }),
      ...(serialized.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: serialized.retryAfterSeconds }),
    };
    error = serialized.kind === 'transient' ? new TransientError(serialized.message, options) : new PermanentError(serialized.message, options);
  }
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  return error;
}

/**
 * Replaces functions among the arguments (and one level into object arguments, as in
 * `getCustomer(n, titles, { onMasterData })`) with slots; returns the functions by slot number.
 */
export function extractCallbacks(args: readonly unknown[]): { args: unknown[]; callbacks: Array<(...a: unknown[]) => unknown> } {
  const callbacks: Array<(...a: unknown[]) => unknown> = [];
  const slot = (fn: (...a: unknown[]) => unknown): CallbackSlot => ({ __callback: callbacks.push(fn) - 1 });
  const out = args.map((arg) => {
    if (typeof arg === 'function') return slot(arg as (...a: unknown[]) => unknown);
    if (!isPlainObject(arg)) return arg;
    let copy: Record<string, unknown> | null = null;
    for (const [key, value] of Object.entries(arg)) {
      if (typeof value !== 'function') continue;
      copy ??= { ...arg };
      copy[key] = slot(value as (...a: unknown[]) => unknown);
    }
    return copy ?? arg;
  });
  return { args: out, callbacks };
}

/** The inverse of extractCallbacks on the thread's side: each slot becomes a function that calls home. */
export function restoreCallbacks(args: readonly unknown[], call: (slot: number, args: unknown[]) => void): unknown[] {
  const restore = (value: unknown): unknown => (isSlot(value) ? (...a: unknown[]) => call(value.__callback, a) : value);
  return args.map((arg) => {
    if (isSlot(arg)) return restore(arg);
    if (!isPlainObject(arg)) return arg;
    let copy: Record<string, unknown> | null = null;
    for (const [key, value] of Object.entries(arg)) {
      if (!isSlot(value)) continue;
      copy ??= { ...arg };
      copy[key] = restore(value);
    }
    return copy ?? arg;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isSlot(value: unknown): value is CallbackSlot {
  return isPlainObject(value) && typeof value.__callback === 'number' && Object.keys(value).length === 1;
}
