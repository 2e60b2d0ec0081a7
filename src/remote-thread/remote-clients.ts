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
 * The thread has a V8 heap of its own. Its calls in flight are small, but the modules it loads are
 * not: zod, axios, undici and soap with its WSDL take ~18 MB of old space before the first call. With
 * a 32 MB old generation that left V8 too little room: when the thread ran at full speed (bench:floor,
 * the main thread idle) it marked and compacted every 30-60 ms (420-442 mark-compacts for 15,000
 * customers' reads, 1.6-2.1 ms of CPU per customer against 0.65-0.68 ms with 48 or 64 MB). 48, not
 * 64: in the worker (10,000 x 0 and 20 ms x 64, pairs run alternately) 48 and 32 could not be told apart,
 * while 64 gave fewer customers/s in 5 of 7 pairs (within the machine's drift, but one-sided).
 * Peak RSS did not move (256-263 MB). Left at V8's defaults the heap grew by ~80 MB of garbage under
 * load (peak RSS 315 MB), so a limit stays.
 * The young generation is 24 MB, not 12: a call in flight lives 20-80 ms, about as long as 12 MB
 * took to fill, so its objects were copied and promoted, and V8's helper threads spent 10-28 % more
 * CPU marking them (schedstat, 10,000 x 20 ms x 64); peak RSS did not move.
 */
const THREAD_HEAP_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 24 };

/** Built: dist/remote-thread/clients-thread.js. From source (tests, tsx): through tsx's loader. */
function spawnClientsThread(data: RemoteClientsThreadData, execArgv: string[] | undefined): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './clients-thread-from-source.mjs' : './clients-thread.js', import.meta.url);
  return new Worker(entry, { workerData: data, resourceLimits: THREAD_HEAP_LIMITS, ...(execArgv ? { execArgv } : {}) });
}

export function startRemoteClientsThread(
  data: RemoteClientsThreadData,
  hooks: {
    onTruncated?: (event: WindwardTruncation) => void;
    onExit?: (reason: string) => void;
    /**
     * Node options for the thread (default: the process's own, so --cpu-prof profiles it too). A
     * process started by tsx must pass [] when it runs the built thread: inherited, tsx's loader
     * would be loaded into the thread's small heap as well.
     */
    execArgv?: string[];
  } = {},
): RemoteClientsThread {
  const client = createThreadClient({
    spawn: () => spawnClientsThread(data, hooks.execArgv),
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
