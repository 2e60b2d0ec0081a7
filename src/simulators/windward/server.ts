import { basicAuthorization } from '../../http/basic-auth.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FaultSettings } from '../faults.js';
import { handleControl } from './control-routes.js';
import { createCustomerStore } from './customer-store.js';
import { createFaultPlan } from './fault-plan.js';
import { playFault } from './fault-responses.js';
import { BodyTooLargeError, isLoopback, readBody, sendJson, sendJsonError } from './http-io.js';
import type { WindwardSeedRecord } from './seed-record.js';
import {
  isWriteOperation,
  matchVendorCall,
  runVendorCall,
  VENDOR_OPERATIONS,
  type VendorCall,
  type VendorOperation,
} from './vendor-routes.js';

// Windward System Five WebAPI simulator on plain node:http (benchmarks push thousands of
// requests per second through it, so no framework and no per-request allocations beyond need).

const BASE_PATH = '/windward/webapi/';
const CONTROL_PATH = '/__sim/';

export interface WindwardSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  customers: WindwardSeedRecord[];
  username: string;
  password: string;
  /** Requests in flight beyond this get 503 (older WebAPI versions allow 32 connections). Default 32. */
  maxConcurrent?: number;
  faults?: Partial<FaultSettings>;
}

export interface WindwardSimulator {
  /** WebAPI base, e.g. http://127.0.0.1:PORT/Windward/WebAPI (no trailing slash). */
  url: string;
  close(): Promise<void>;
  setFaults(faults: Partial<FaultSettings>): void;
  /** Calls per vendor operation name. */
  stats(): Record<string, number>;
  /** Every record as stored (copies). */
  customers(): WindwardSeedRecord[];
  /** A clerk's edit in Windward; throws for an unknown Unique. */
  updateCustomer(unique: number, fields: Partial<WindwardSeedRecord>): void;
}

export async function startWindwardSimulator(options: WindwardSimulatorOptions): Promise<WindwardSimulator> {
  const store = createCustomerStore(options.customers);
  const faults = createFaultPlan(options.faults);
  const maxConcurrent = options.maxConcurrent ?? 32;
  const expectedAuthorization = basicAuthorization(options.username, options.password);
  const calls = Object.fromEntries(VENDOR_OPERATIONS.map((op) => [op, 0])) as Record<VendorOperation, number>;
  const faultsPlayed: Record<string, number> = {};
  let rejectedOverCapacity = 0;
  let inFlight = 0;
  // Load as a client's benchmark needs it: the time integral of the requests in flight (divided by
  // the elapsed time it is the mean number in flight, to hold against the 32-connection limit).
  let inFlightMs = 0;
  let maxInFlight = 0;
  let lastChangeAt = performance.now();
  function changeInFlight(delta: number): void {
    const now = performance.now();
    inFlightMs += inFlight * (now - lastChangeAt);
    lastChangeAt = now;
    inFlight += delta;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
  }
  function load(): { inFlightMs: number; maxInFlight: number } {
    changeInFlight(0);
    return { inFlightMs, maxInFlight };
  }
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  function updateCustomer(unique: number, fields: Record<string, unknown>): boolean {
    const { Unique: _ignored, ...rest } = fields;
    return store.update(unique, rest) !== undefined;
  }

  async function handleVendorCall(req: IncomingMessage, res: ServerResponse, call: VendorCall): Promise<void> {
    const operation = call.operation;
    calls[operation] += 1;
    if (inFlight >= maxConcurrent) {
      rejectedOverCapacity += 1;
      sendJsonError(res, 503, 'Too many connections', { 'Retry-After': '1' });
      return;
    }
    changeInFlight(1);
    res.once('close', () => changeInFlight(-1));
    const body = req.method === 'POST' ? await readBody(req) : '';
    const latencyMs = faults.settings().latencyMs;
    if (latencyMs > 0) await delay(latencyMs);
    if (res.destroyed) return;

    const fault = faults.decide(operation, isWriteOperation(operation));
    if (fault !== null) faultsPlayed[fault] = (faultsPlayed[fault] ?? 0) + 1;
    if (fault === 'lost-response') {
      runVendorCall(call, body, store);
      req.socket.destroy();
      return;
    }
    if (fault !== null) {
      playFault(fault, req, res);
      return;
    }
    const outcome = runVendorCall(call, body, store);
    sendJson(res, outcome.status, outcome.body);
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const pathname = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1));

    if (pathname.startsWith(CONTROL_PATH)) {
      if (!isLoopback(req.socket.remoteAddress)) return sendJsonError(res, 403, 'Simulator control is loopback only');
      return handleControl(req, res, pathname.slice(CONTROL_PATH.length), {
        store,
        faults,
        stats: () => ({ calls: { ...calls }, faults: { ...faultsPlayed }, rejectedOverCapacity, load: load() }),
        updateCustomer,
      });
    }
    if (!pathname.toLowerCase().startsWith(BASE_PATH)) return sendJsonError(res, 404, 'Not found');
    if (req.headers.authorization !== expectedAuthorization) {
      return sendJsonError(res, 401, 'Unauthorized', { 'WWW-Authenticate': 'Basic realm="Windward WebAPI"' });
    }
    const match = matchVendorCall(req.method ?? 'GET', pathname.slice(BASE_PATH.length), query);
    if (!match.ok) return sendJsonError(res, match.status, match.message);
    return handleVendorCall(req, res, match.call);
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) sendJsonError(res, 413, 'Request body too large');
      else sendJsonError(res, 500, 'Internal server error');
    });
  });
  // Generous keep-alive so idle pooled client sockets are not closed under a client mid-reuse.
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/Windward/WebAPI`,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // 'timeout' faults and keep-alive sockets would otherwise keep close() waiting forever.
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    setFaults: (update) => faults.apply(update),
    stats: () => ({ ...calls }),
    customers: () => structuredClone(store.slice(0, undefined)),
    updateCustomer(unique, fields) {
      if (!updateCustomer(unique, fields)) throw new Error(`Windward simulator: no customer with Unique ${unique}`);
    },
  };
}
