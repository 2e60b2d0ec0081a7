// bull-board at /admin/queues with both queues. Authentication and CSRF come from the root hooks
// (auth.ts, csrf.ts); read-only mode is enforced twice: bull-board hides and refuses the actions,
// and the mutation guard answers 403 before any handler runs.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { BOARD_PREFIX } from './csrf.js';

export async function registerBoard(fastify: FastifyInstance, queues: readonly Queue[], options: { readOnly: boolean }): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BOARD_PREFIX);
  createBullBoard({
    // @bull-board/fastify 9.10.1 nests its own copy of @bull-board/api, whose private fields make
    // the (identical at runtime) adapter types incompatible for TypeScript.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    // allowRetries stays on: retrying a failed job from the board is the point of dead-letter inspection.
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: options.readOnly })),
    options: {
      uiConfig: {
        boardTitle: 'customer-sync',
        miscLinks: [{ text: 'Operator page', url: '/' }],
        hideDocsLink: true,
      },
    },
  });
  await fastify.register(serverAdapter.registerPlugin(), { prefix: BOARD_PREFIX });
}
