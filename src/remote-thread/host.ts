// The thread's side of the remote-client RPC: runs each call on the real port object and answers
// with its result or its serialized error. Calls run concurrently, as they would in-process.
import type { MessagePort } from 'node:worker_threads';
import { restoreCallbacks, serializeError, type CallMessage, type HostMessage } from './messages.js';

export function hostPorts(channel: MessagePort, ports: Record<string, object>): void {
  const send = (message: HostMessage) => channel.postMessage(message);
  channel.on('message', (message: CallMessage) => {
    if (message.type !== 'call') return;
    void run(message);
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
}
