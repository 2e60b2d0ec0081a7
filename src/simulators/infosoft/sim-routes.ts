// Inspection and control routes under /__sim/ (not part of Infosoft's API; DESIGN §5.3).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FaultSettings } from '../faults.js';
import type { FaultPlan } from './fault-plan.js';
import { readBody, sendJson } from './http-io.js';
import { describeIssues, seedPatchSchema } from './seed-schema.js';
import type { CustomerStore } from './store.js';

const faultPatchSchema = z
  .object({
    latencyMs: z.number().min(0),
    faultRate: z.number().min(0).max(1),
    lostResponseRate: z.number().min(0).max(1),
    script: z.array(
      z.object({
        kind: z.enum(['http500', 'html502', 'http503', 'timeout', 'reset', 'server-fault', 'malformed', 'lost-response']),
        operation: z.string().optional(),
        times: z.number().int().positive().optional(),
      }),
    ),
  })
  .partial() satisfies z.ZodType<Partial<FaultSettings>, unknown>;

export interface SimContext {
  store: CustomerStore;
  faults: FaultPlan;
  stats: () => Record<string, number>;
}

/** Handles a /__sim/ request; answers 404 for anything it does not know. */
export async function handleSimRoute(ctx: SimContext, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const method = req.method ?? 'GET';
  const customerMatch = /^\/__sim\/customers\/(\d+)$/.exec(pathname);

  if (customerMatch) {
    const customerNumber = Number(customerMatch[1]);
    if (method === 'GET') {
      const customer = ctx.store.get(customerNumber);
      if (!customer) return sendJson(res, 404, { error: `customer ${customerNumber} not found` });
      return sendJson(res, 200, customer.record);
    }
    if (method === 'PUT') {
      const body = await readJson(req);
      const parsed = seedPatchSchema.safeParse(body);
      if (!parsed.success) return sendJson(res, 400, { error: describeIssues(parsed.error) });
      const { customer, created } = ctx.store.upsert({ ...parsed.data, CustomerNumber: customerNumber });
      return sendJson(res, created ? 201 : 200, customer.record);
    }
  }
  if (pathname === '/__sim/customers' && method === 'GET') {
    return sendJson(res, 200, { Customers: ctx.store.list() });
  }
  if (pathname === '/__sim/stats' && method === 'GET') {
    return sendJson(res, 200, { calls: ctx.stats() });
  }
  const moveMatch = /^\/__sim\/moves\/(\d+)\/([^/]+)$/.exec(pathname);
  if (moveMatch && method === 'DELETE') {
    const cancelled = ctx.store.cancelMove(Number(moveMatch[1]), decodeURIComponent(moveMatch[2] ?? ''));
    return sendJson(res, cancelled ? 200 : 404, { cancelled });
  }
  if (pathname === '/__sim/moves' && method === 'GET') {
    return sendJson(res, 200, { moves: ctx.store.listMoves() });
  }
  if (pathname === '/__sim/faults') {
    if (method === 'GET') return sendJson(res, 200, ctx.faults.settings());
    if (method === 'DELETE') {
      ctx.faults.reset();
      return sendJson(res, 200, ctx.faults.settings());
    }
    if (method === 'PUT') {
      const parsed = faultPatchSchema.safeParse(await readJson(req));
      if (!parsed.success) return sendJson(res, 400, { error: describeIssues(parsed.error) });
      ctx.faults.update(parsed.data);
      return sendJson(res, 200, ctx.faults.settings());
    }
  }
  sendJson(res, 404, { error: `no simulator route ${method} ${pathname}` });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
