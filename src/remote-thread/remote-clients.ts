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
 * The thread has a V8 heap of its own, with limits (at V8's defaults it grew by ~80 MB of garbage
 * under load). Old generation 48 MB: the modules it loads (zod, axios, undici, soap and the WSDL)
 * take ~18 MB before the first call, and at 32 MB a thread running at full speed marked and compacted
 * every 30-60 ms, costing 2-3 times the CPU of its reads. Young generation 24 MB: a call in flight
 * lives 20-80 ms, about as long as 12 MB took to fill, so its objects were promoted and then marked.
 * Neither raised the worker's peak RSS; the pairs behind both are in the README (Measured figures).
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
  options: {
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
    spawn: () => spawnClientsThread(data, options.execArgv),
    onEvent: (name, payload) => {
      if (name === 'windward-truncated') options.onTruncated?.(payload as WindwardTruncation);
    },
    ...(options.onExit ? { onExit: options.onExit } : {}),
  });
  return {
    infosoft: client.proxy<InfosoftPort>('infosoft', INFOSOFT_METHODS),
    windward: client.proxy<WindwardPort>('windward', WINDWARD_METHODS),
    close: () => client.close(),
  };
}
