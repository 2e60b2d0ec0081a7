// What crosses the remote-client thread's boundary: errors keep their classification, code,
// Retry-After and cause chain; functions become callback slots and back.
import { describe, expect, it } from 'vitest';
import { PermanentError, SyncError, TransientError } from '../../../src/errors.js';
import { deserializeError, extractCallbacks, restoreCallbacks, serializeError } from '../../../src/remote-thread/messages.js';

/** structuredClone: what postMessage does to a message on its way. */
const roundTrip = (error: unknown) => deserializeError(structuredClone(serializeError(error)));

describe('errors across the thread boundary', () => {
  const networkCause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  it.each<{ name: string; thrown: unknown; class: unknown; code: string | undefined; retryAfter?: number; message: string }>([
    { name: 'a TransientError with Retry-After', thrown: new TransientError('Windward 503', { code: 'http_503', retryAfterSeconds: 7 }), class: TransientError, code: 'http_503', retryAfter: 7, message: 'Windward 503' },
    { name: 'a PermanentError', thrown: new PermanentError('no such customer', { code: 'customer_not_found' }), class: PermanentError, code: 'customer_not_found', message: 'no such customer' },
    { name: 'a TransientError caused by a network error', thrown: new TransientError('refused', { code: 'connection_refused', cause: networkCause }), class: TransientError, code: 'connection_refused', message: 'refused' },
    { name: 'a plain Error with a code', thrown: networkCause, class: Error, code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' },
    { name: 'a TypeError (a bug)', thrown: new TypeError('x is undefined'), class: Error, code: undefined, message: 'x is undefined' },
    { name: 'a thrown string', thrown: 'boom', class: Error, code: undefined, message: 'boom' },
  ])('$name keeps its class, code, Retry-After and message', ({ thrown, class: expectedClass, code, retryAfter, message }) => {
    const error = roundTrip(thrown);
    expect(error).toBeInstanceOf(expectedClass as new () => Error);
    expect(error.message).toBe(message);
    expect((error as { code?: string }).code).toBe(code);
    if (error instanceof SyncError) {
      expect(error.retryable).toBe(expectedClass === TransientError);
      expect(error.retryAfterSeconds).toBe(retryAfter);
    } else {
      expect(error).not.toBeInstanceOf(SyncError);
    }
  });

  it('keeps the name of a plain error and the cause chain (with its codes)', () => {
    const error = roundTrip(new TransientError('refused', { code: 'connection_refused', cause: networkCause }));
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toBe(networkCause.message);
    expect((error.cause as { code?: string }).code).toBe('ECONNREFUSED');
    expect(roundTrip(new TypeError('t')).name).toBe('TypeError');
  });

  it('cuts a cause chain after four levels (a cycle cannot loop)', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    let depth = 0;
    for (let e: unknown = roundTrip(a); e instanceof Error; e = e.cause) depth += 1;
    expect(depth).toBe(5);
  });
});

describe('callbacks across the thread boundary', () => {
  it.each<{ name: string; args: (f: () => void) => unknown[]; slots: number }>([
    { name: 'no functions', args: () => [1, 'a', [1, 2], { a: 1 }, null], slots: 0 },
    { name: 'a function argument', args: (f) => [f, 2], slots: 1 },
    { name: 'a function in an options object', args: (f) => [42, ['IT'], { onMasterData: f, knownToExist: true }], slots: 1 },
    { name: 'two functions', args: (f) => [f, { onMasterData: f }], slots: 2 },
    { name: 'a function deeper down (left alone: not supported)', args: () => [{ nested: { list: [1] } }], slots: 0 },
  ])('$name: the arguments clone, and each slot calls its function', ({ args, slots }) => {
    const calls: unknown[][] = [];
    const { args: sent, callbacks } = extractCallbacks(args((...a: unknown[]) => void calls.push(a)));
    expect(callbacks).toHaveLength(slots);
    const received = structuredClone(sent);
    const restored = restoreCallbacks(received, (slot, a) => callbacks[slot]?.(...a));
    // Every function is back where it was, and calling it reaches the original.
    const functions = restored.flatMap((arg) =>
      typeof arg === 'function' ? [arg] : arg && typeof arg === 'object' && !Array.isArray(arg) ? Object.values(arg).filter((v) => typeof v === 'function') : [],
    ) as Array<(...a: unknown[]) => void>;
    expect(functions).toHaveLength(slots);
    functions.forEach((fn, index) => fn('master', index));
    expect(calls).toEqual(functions.map((_, index) => ['master', index]));
  });

  it('leaves the caller’s objects unchanged and keeps dates and class instances as they are', () => {
    const options = { onMasterData: () => undefined, knownToExist: false };
    const date = new Date('2026-12-02T00:00:00Z');
    const { args } = extractCallbacks([options, date]);
    expect(typeof options.onMasterData).toBe('function');
    expect(args[0]).toEqual({ onMasterData: { __callback: 0 }, knownToExist: false });
    expect(args[1]).toBe(date);
  });
});
