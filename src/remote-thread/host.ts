// The thread's side of the remote-client RPC: runs each call on the real port object and answers
// with its result or its serialized error. Calls run concurrently, as they would in-process.
import type { MessagePort } from 'node:worker_threads';
import { batchedSender } from './batch.js';
import { restoreCallbacks, serializeError, type CallMessage, type HostMessage } from './messages.js';

/** Posts an event (not an answer) to the worker, in the same batches as the answers. */
export type SendEvent = (name: string, payload: unknown) => void;

export function hostPorts(channel: MessagePort, ports: Record<string, object>): SendEvent {
  const send = batchedSender<HostMessage>(
    (batch) => channel.postMessage(batch),
    (message, error) => {
      // An answer or a callback whose values cannot cross fails its call, as a throw there would.
      if (message.type !== 'event') send({ type: 'error', id: message.id, error: serializeError(error) });
    },
  );
  channel.on('message', (batch: CallMessage[]) => {
    for (const message of batch) if (message.type === 'call') void run(message);
  });

  async function run(message: CallMessage): Promise<void> {
    const { id } = message;
    try {
      const port = ports[message.port] as Record<string, unknown> | undefined;
      const method = port?.[message.method];
      if (typeof method !== 'function') throw new Error(`no method ${message.port}.${message.method} in the remote-client thread`);
      const args = restoreCallbacks(message.args, (slot, callbackArgs) => send({ type: 'callback', id, slot, args: callbackArgs }));
      const value: unknown = await (method as (...a: unknown[]) => unknown).apply(port, args);
      send({ type: 'result', id, value });
    } catch (error) {
      send({ type: 'error', id, error: serializeError(error) });
    }
  }

  return (name, payload) => send({ type: 'event', name, payload });
}
