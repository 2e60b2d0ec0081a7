// Expected HTTP failures as values the error handler turns into `{ error, message }` JSON.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Validates route input; the first issue, with its path, becomes a 400 a person can read. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new HttpError(400, 'bad_request', `invalid ${what}${where}: ${issue?.message ?? 'unreadable'}`);
}

export function setJsonErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: { message: error.message, code: error.code } }, 'request failed');
      return reply.code(500).send({ error: 'internal_error', message: 'internal error; see the web process log' });
    }
    // Headers set by the failing hook (e.g. WWW-Authenticate) stay; only the body is normalised.
    return reply.code(status).send({ error: error instanceof HttpError ? error.code : (error.code ?? 'error'), message: error.message });
  });
  fastify.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found', message: 'no such route' }));
}
