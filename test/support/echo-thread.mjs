// A thread for the RPC tests (test/integration/remote-thread.test.ts): hosts a port whose methods
// answer, hang, throw or end the thread, through the product's own host.ts.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { hostPorts } = await import('../../src/remote-thread/host.ts');
const { PermanentError } = await import('../../src/errors.ts');

hostPorts(parentPort, {
  echo: {
    async hello(value) {
      return { value, thread: true };
    },
    async hang() {
      return new Promise(() => undefined);
    },
    async refuse(code) {
      throw new PermanentError('refused in the thread', { code });
    },
    async withProgress(steps, onStep) {
      for (let step = 1; step <= steps; step += 1) onStep(step);
      return steps;
    },
    async unsendable() {
      return { answer: () => 42 };
    },
    async exit(code) {
      process.exit(code);
    },
  },
});
