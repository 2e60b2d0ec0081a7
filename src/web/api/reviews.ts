// Review items over HTTP: list them with the matcher's evidence, and decide them.
import type { FastifyInstance } from 'fastify';
import { decideReviewItem } from '../../operator/reviews.js';
import { listReviews } from '../../store/reviews.js';
import { HttpError, parseInput } from '../http-errors.js';
import type { WebApp } from '../web-app.js';
import { idParams, reviewDecisionBody } from './inputs.js';

const STATUS_OF_FAILURE = { not_found: 404, not_open: 409, conflict: 409, unknown_unique: 422, wrong_kind: 409 } as const;

export function registerReviewRoutes(fastify: FastifyInstance, app: WebApp): void {
  const ctx = {
    db: app.db,
    windwardHasCustomer: async (unique: number) => (await app.windward.getCustomer(unique)) !== null,
    enqueueCustomer: (customerNumber: number, reason: string) => app.enqueueCustomer(customerNumber, reason),
  };

  fastify.get('/api/reviews', async () => ({ reviews: listReviews(app.db, ['open']) }));

  fastify.post('/api/reviews/:id/decide', async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'review id');
    const choice = parseInput(reviewDecisionBody, request.body, 'decision');
    const result = await decideReviewItem(ctx, id, choice);
    if (!result.ok) throw new HttpError(STATUS_OF_FAILURE[result.reason], result.reason, result.message);
    return reply.code(202).send({ review: result.item, jobId: result.jobId });
  });
}
