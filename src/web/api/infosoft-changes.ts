// Push notifications from Infosoft (change source `notify`, DESIGN §4.1): one sync per customer.
import type { FastifyInstance } from 'fastify';
import { enqueueCustomerSyncs } from '../../queue/queues.js';
import { parseInput } from '../http-errors.js';
import type { WebApp } from '../web-app.js';
import { changesBody } from './inputs.js';

export function registerInfosoftChangeRoutes(fastify: FastifyInstance, app: WebApp): void {
  fastify.post('/api/infosoft/changes', async (request, reply) => {
    const { customerNumbers } = parseInput(changesBody, request.body, 'change notification');
    const distinct = [...new Set(customerNumbers)];
    // Repeats are harmless: deduplication keeps one waiting job per customer.
    await enqueueCustomerSyncs(app.queues.sync, distinct, 'notify');
    return reply.code(202).send({ enqueued: distinct.length });
  });
}
