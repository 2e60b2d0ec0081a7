// The operator page: plain HTML, CSS and a little vanilla JS, no build step. The files live in
// src/web/page/ and are read from there by both `tsx src/...` and `node dist/...` (the URL below
// resolves to the package root from src/web/ and from dist/web/ alike).
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const PAGE_DIR = new URL('../../src/web/page/', import.meta.url);

const ASSETS = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/assets/operator.js': { file: 'operator.js', type: 'text/javascript; charset=utf-8' },
  '/assets/operator.css': { file: 'operator.css', type: 'text/css; charset=utf-8' },
} as const;

// Our page runs only our own script and style; it can be framed by nobody (clickjacking).
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function registerOperatorPage(fastify: FastifyInstance): void {
  for (const [route, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(new URL(asset.file, PAGE_DIR), 'utf8');
    fastify.get(route, async (_request, reply) =>
      reply.header('content-type', asset.type).header('content-security-policy', PAGE_CSP).header('cache-control', 'no-cache').send(body),
    );
  }
}
