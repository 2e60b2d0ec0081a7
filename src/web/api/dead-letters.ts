// Dead letters over HTTP: the same operator actions as `customer-sync dead-letters`.
import type { FastifyInstance } from 'fastify';
import { discardDeadLetter, retryDeadLetter, type DeadLetterActionResult } from '../../operator/dead-letters.js';
import { listDeadLetters } from '../../store/dead-letters.js';
import { HttpError, parseInput } from '../http-errors.js';
import type { WebApp } from '../web-app.js';
import { idParams } from './inputs.js';

function toResponse(result: DeadLetterActionResult, id: number) {
  if (result.ok) return { id: String(id), status: result.deadLetter.status, jobId: result.jobId };
  if (result.reason === 'not_found') throw new HttpError(404, 'not_found', `no dead letter ${id}`);
  throw new HttpError(409, 'not_open', `dead letter ${id} is already ${result.deadLetter?.status ?? 'closed'}`);
}

export function registerDeadLetterRoutes(fastify: FastifyInstance, app: WebApp): void {
  const ctx = { db: app.db, syncQueue: app.queues.sync };

  fastify.get('/api/dead-letters', async () => ({ deadLetters: listDeadLetters(app.db, ['open']) }));

  fastify.post('/api/dead-letters/:id/retry', async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'dead letter id');
    return reply.code(202).send(toResponse(await retryDeadLetter(ctx, String(id)), id));
  });

  fastify.post('/api/dead-letters/:id/discard', async (request) => {
    const { id } = parseInput(idParams, request.params, 'dead letter id');
    return toResponse(await discardDeadLetter(ctx, String(id)), id);
  });
}
