// One customer as an operator needs it: links, recent decisions with the matcher's evidence, the
// open review item and the open dead letter; and a manual re-sync.
import type { FastifyInstance } from 'fastify';
import { listDeadLetters } from '../../store/dead-letters.js';
import { listLinksOfCustomer } from '../../store/links.js';
import { findPendingReview } from '../../store/reviews.js';
import { listSyncLogOfCustomer } from '../../store/sync-log.js';
import { HttpError, parseInput } from '../http-errors.js';
import type { WebApp } from '../web-app.js';
import { customerParams } from './inputs.js';

export function registerCustomerRoutes(fastify: FastifyInstance, app: WebApp): void {
  fastify.get('/api/customers/:customerNumber', async (request) => {
    const { customerNumber } = parseInput(customerParams, request.params, 'customer number');
    const links = listLinksOfCustomer(app.db, customerNumber).map(({ fingerprint: _fingerprint, ...link }) => link);
    const decisions = listSyncLogOfCustomer(app.db, customerNumber, 20);
    const review = findPendingReview(app.db, customerNumber);
    // Open dead letters are few (one per customer at most); there is no per-customer query yet.
    const deadLetter = listDeadLetters(app.db, ['open'], 100_000).find((d) => d.customerNumber === customerNumber) ?? null;
    if (links.length === 0 && decisions.length === 0 && !review && !deadLetter) {
      throw new HttpError(404, 'not_found', `customer ${customerNumber} has no links, decisions, review item or dead letter`);
    }
    return { customerNumber, links, decisions, review, deadLetter };
  });

  fastify.post('/api/customers/:customerNumber/resync', async (request, reply) => {
    const { customerNumber } = parseInput(customerParams, request.params, 'customer number');
    // BullMQ deduplication: while a job for this customer waits, the same job id comes back.
    const jobId = await app.enqueueCustomer(customerNumber, 'resync');
    return reply.code(202).send({ jobId });
  });
}
