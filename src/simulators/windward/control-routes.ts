import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FaultSettings } from '../faults.js';
import type { CustomerStore } from './customer-store.js';
import { isPlainObject } from './envelope.js';
import type { FaultPlan } from './fault-plan.js';
import { readBody, sendJson, sendJsonError } from './http-io.js';

// /__sim/ inspection and control: not part of the vendor's API, so no Basic auth, loopback only.

const FAULT_KINDS = ['http500', 'html502', 'http503', 'timeout', 'reset', 'server-fault', 'malformed', 'lost-response'] as const;

const faultSettingsSchema = z
  .object({
    latencyMs: z.number().int().min(0),
    faultRate: z.number().min(0).max(1),
    lostResponseRate: z.number().min(0).max(1),
    script: z.array(
      z.object({
        kind: z.enum(FAULT_KINDS),
        operation: z.string().optional(),
        times: z.number().int().min(1).optional(),
      }),
    ),
  })
  .partial();

export interface ControlContext {
  store: CustomerStore;
  faults: FaultPlan;
  stats: () => Record<string, unknown>;
  updateCustomer: (unique: number, fields: Record<string, unknown>) => boolean;
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, ctx: ControlContext): Promise<void> {
  const method = req.method ?? 'GET';
  if (path === 'customers' && method === 'GET') {
    sendJson(res, 200, { Customers: ctx.store.slice(0, undefined) });
    return;
  }
  const customerMatch = /^customers\/(\d+)$/u.exec(path);
  if (customerMatch !== null && method === 'PUT') {
    const fields = parseJsonObject(await readBody(req));
    if (fields === null) return sendJsonError(res, 400, 'Body must be a JSON object');
    const unique = Number(customerMatch[1]);
    if (!ctx.updateCustomer(unique, fields)) return sendJsonError(res, 404, `Customer ${unique} not found`);
    sendJson(res, 200, { Customers: [ctx.store.get(unique)] });
    return;
  }
  if (path === 'stats' && method === 'GET') {
    sendJson(res, 200, ctx.stats());
    return;
  }
  if (path === 'faults') {
    if (method === 'GET') return sendJson(res, 200, ctx.faults.settings());
    if (method === 'DELETE') {
      ctx.faults.reset();
      return sendJson(res, 200, ctx.faults.settings());
    }
    if (method === 'PUT') {
      const parsed = faultSettingsSchema.safeParse(parseJsonObject(await readBody(req)));
      if (!parsed.success) return sendJsonError(res, 400, `Invalid fault settings: ${z.prettifyError(parsed.error)}`);
      ctx.faults.apply(parsed.data as Partial<FaultSettings>);
      return sendJson(res, 200, ctx.faults.settings());
    }
  }
  sendJsonError(res, 404, 'Not found');
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
