// Entry point of the remote-client thread: the same Infosoft and Windward adapters the worker would
// run in-process, hosted behind the RPC of host.ts. Only data crosses: the configuration arrives as
// workerData, truncation notices leave as events for the worker's logger.
import { parentPort, workerData } from 'node:worker_threads';
import { createLazyInfosoft } from '../infosoft/lazy-client.js';
import { createWindwardClient } from '../windward/client.js';
import { hostPorts, type SendEvent } from './host.js';
import type { RemoteClientsThreadData } from './remote-clients.js';

if (!parentPort) throw new Error('clients-thread.ts runs as a worker thread (see remote-clients.ts)');
const channel = parentPort;
const data = workerData as RemoteClientsThreadData;

// Set by hostPorts below; a truncation is reported only from a call, after it is set.
let sendEvent: SendEvent = () => undefined;
const infosoft = createLazyInfosoft(data.infosoft, data.infosoftMaxConnections === undefined ? {} : { maxConnections: data.infosoftMaxConnections });
const windward = createWindwardClient({
  ...data.windward,
  onTruncated: (event) => sendEvent('windward-truncated', event),
});

sendEvent = hostPorts(channel, { infosoft, windward });
