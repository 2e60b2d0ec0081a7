// The Infosoft and Windward clients in a thread of their own. A sync spends about a third of the
// worker's CPU in them (HTTP, SOAP and JSON reading, validation, mapping: the benchmark's
// profile); in a second thread that part runs beside the sync's own work (matching, SQLite, BullMQ)
// instead of after it, so one worker process uses up to two cores. What the sync sees is the same
// InfosoftPort / WindwardPort: results and errors (TransientError / PermanentError with code and
// Retry-After) arrive as the in-process clients would return and throw them.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { InfosoftPort, WindwardPort } from '../sync/ports.js';
import type { WindwardClientConfig, WindwardTruncation } from '../windward/client.js';
import { createThreadClient } from './proxy.js';

export interface RemoteClientsThreadData {
  infosoft: Config['infosoft'];
  infosoftMaxConnections?: number;
  windward: Omit<WindwardClientConfig, 'onTruncated'>;
}

export interface RemoteClientsThread {
  infosoft: InfosoftPort;
  windward: WindwardPort;
  close(): Promise<void>;
}

const INFOSOFT_METHODS = ['getCustomer', 'getChangedCustomers', 'updateCustomerDetails', 'savePermanentMove'] as const satisfies ReadonlyArray<keyof InfosoftPort>;
const WINDWARD_METHODS = ['getCustomer', 'findByEmail', 'listCustomers', 'addCustomer', 'updateCustomer'] as const satisfies ReadonlyArray<keyof WindwardPort>;

/**
 * The thread has a V8 heap of its own. Its live data is small (the calls in flight), so its limits
 * are small too: left at V8's defaults it grew by ~80 MB of garbage under load (peak RSS 315 MB).
 * The young generation is 24 MB, not 12: a call in flight lives 20–80 ms, about as long as 12 MB
 * took to fill, so its objects were copied and promoted, and V8's helper threads spent 10–28 % more
 * CPU marking them (schedstat, 10,000 × 20 ms × 64); peak RSS did not move.
 */
const THREAD_HEAP_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 24 };

/** Built: dist/remote-thread/clients-thread.js. From source (tests, tsx): through tsx's loader. */
function spawnClientsThread(data: RemoteClientsThreadData): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './clients-thread-from-source.mjs' : './clients-thread.js', import.meta.url);
  return new Worker(entry, { workerData: data, resourceLimits: THREAD_HEAP_LIMITS });
}

export function startRemoteClientsThread(
  data: RemoteClientsThreadData,
  hooks: { onTruncated?: (event: WindwardTruncation) => void; onExit?: (reason: string) => void } = {},
): RemoteClientsThread {
  const client = createThreadClient({
    spawn: () => spawnClientsThread(data),
    onEvent: (name, payload) => {
      if (name === 'windward-truncated') hooks.onTruncated?.(payload as WindwardTruncation);
    },
    ...(hooks.onExit ? { onExit: hooks.onExit } : {}),
  });
  return {
    infosoft: client.proxy<InfosoftPort>('infosoft', INFOSOFT_METHODS),
    windward: client.proxy<WindwardPort>('windward', WINDWARD_METHODS),
    close: () => client.close(),
  };
}
