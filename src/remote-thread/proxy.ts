// The worker's side of the remote-client RPC: port objects whose methods post a call to the thread
// and resolve with its answer. If the thread dies, the calls in flight fail transiently (their jobs
// retry, as after any network failure) and the next call starts a new thread.
import { Worker } from 'node:worker_threads';
import { TransientError } from '../errors.js';
import { batchedSender } from './batch.js';
import { deserializeError, extractCallbacks, type CallMessage, type HostMessage } from './messages.js';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  callbacks: Array<(...a: unknown[]) => unknown>;
}

export interface ThreadClient {
  /** A port object with the given async methods, each run in the thread. */
  proxy<T>(port: string, methods: readonly string[]): T;
  /** Calls in flight (tests, shutdown). */
  readonly inFlight: number;
  /** Stops the thread; calls still in flight fail transiently. */
  close(): Promise<void>;
}

export interface ThreadClientOptions {
  /** Starts the thread (called again after it died). */
  spawn(): Worker;
  /** Events the thread posts that are not answers (a log line to write, say). */
  onEvent?(name: string, payload: unknown): void;
  /** The thread stopped with an error or a non-zero exit code. */
  onExit?(reason: string): void;
}

export function createThreadClient(options: ThreadClientOptions): ThreadClient {
  let worker: Worker | null = null;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  // While calls are in flight the thread keeps the process alive, as a socket would (ref and unref
  // are idempotent: called on every change of the pending set).
  function holdWhileBusy(): void {
    if (pending.size > 0) worker?.ref();
    else worker?.unref();
  }

  function failAll(reason: string): void {
    const failed = [...pending.values()];
    pending.clear();
    for (const call of failed) call.reject(new TransientError(`remote-client thread stopped: ${reason}`, { code: 'client_thread_stopped' }));
  }

  function onMessages(batch: HostMessage[]): void {
    for (const message of batch) onMessage(message);
  }

  function onMessage(message: HostMessage): void {
    if (message.type === 'event') {
      options.onEvent?.(message.name, message.payload);
      return;
    }
    const call = pending.get(message.id);
    if (!call) return;
    if (message.type === 'callback') {
      try {
        call.callbacks[message.slot]?.(...message.args);
      } catch {
        // A callback's own failure is the caller's business; it must not break the call.
      }
      return;
    }
    pending.delete(message.id);
    holdWhileBusy();
    if (message.type === 'result') call.resolve(message.value);
    else call.reject(deserializeError(message.error));
  }

  function started(): Worker {
    if (worker) return worker;
    const current = options.spawn();
    // An idle thread must not keep the process alive on its own (see holdWhileBusy).
    current.unref();
    current.on('message', onMessages);
    let reason = 'exited';
    current.on('error', (error) => {
      reason = error.message;
    });
    current.on('exit', (code) => {
      if (worker === current) worker = null;
      const why = code === 0 ? reason : `${reason} (exit code ${code})`;
      if (!closed) options.onExit?.(why);
      failAll(why);
    });
    worker = current;
    return current;
  }

  const send = batchedSender<CallMessage>(
    (batch) => {
      // A call failed meanwhile (the thread died, or close()) is not sent: its caller was told.
      const live = batch.filter((message) => pending.has(message.id));
      if (live.length === 0 || closed) return;
      started().postMessage(live);
      holdWhileBusy();
    },
    (message, error) => {
      const call = pending.get(message.id);
      pending.delete(message.id);
      holdWhileBusy();
      call?.reject(error);
    },
  );

  function call(port: string, method: string, rawArgs: unknown[]): Promise<unknown> {
    if (closed) return Promise.reject(new TransientError('remote-client thread closed', { code: 'client_thread_stopped' }));
    const { args, callbacks } = extractCallbacks(rawArgs);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, callbacks });
      send({ type: 'call', id, port, method, args });
    });
  }

  return {
    proxy<T>(port: string, methods: readonly string[]): T {
      const object: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
      for (const method of methods) object[method] = (...args: unknown[]) => call(port, method, args);
      return object as T;
    },
    get inFlight() {
      return pending.size;
    },
    async close() {
      closed = true;
      const current = worker;
      worker = null;
      if (current) await current.terminate();
      failAll('closed');
    },
  };
}
