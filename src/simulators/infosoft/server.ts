// The Infosoft SOAP simulator: a plain node:http server, SOAP handled by the soap package
// (serverless mode, so latency and faults can be injected before it sees the call).
import { basicAuthorization } from '../../http/basic-auth.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import soap from 'soap';
import type { FaultSettings } from '../faults.js';
import { createFaultPlan } from './fault-plan.js';
import { serveFault } from './fault-responses.js';
import { readBody, sendJson, sendText } from './http-io.js';
import type { InfosoftSeedRecord } from './seed-record.js';
import { createInfosoftService } from './service.js';
import { customerInformationXml, pendingMovesXml, readCustomerInformationRequest, readPendingMovesRequest } from './fast-answers.js';
import { handleSimRoute } from './sim-routes.js';
import { createCustomerStore } from './store.js';
import { readInfosoftWsdl, SERVICE_PATH, setServiceLocation } from './wsdl.js';

export interface InfosoftSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  customers: InfosoftSeedRecord[];
  faults?: Partial<FaultSettings>;
  /** The simulator's clock (distribution dates, change feed); tests move it. */
  now?: () => Date;
  /** When set, the WSDL and SOAP calls require these HTTP Basic credentials (Infosoft itself documents none). */
  credentials?: { username: string; password: string };
  /** Hand-written answers for the hot reads (default true); false serves everything through the soap package. */
  fastAnswers?: boolean;
}

export interface InfosoftSimulator {
  /** The service endpoint; its WSDL is at `${url}?wsdl`. */
  url: string;
  close(): Promise<void>;
  setFaults(faults: Partial<FaultSettings>): void;
  stats(): Record<string, number>;
  upsertCustomer(record: InfosoftSeedRecord): void;
  getCustomer(customerNumber: number): InfosoftSeedRecord | undefined;
}

export const OPERATIONS = [
  'GetCustomerInformation',
  'UpdateCustomerDetails',
  'SavePermanentMove',
  'GetChangedCustomers',
  'GetPendingMoves',
] as const;

// Dates stay strings: the soap package would otherwise turn them into local-time Date objects.
const KEEP_DATES_AS_TEXT = { date: (text: string) => text, dateTime: (text: string) => text };

export async function startInfosoftSimulator(options: InfosoftSimulatorOptions): Promise<InfosoftSimulator> {
  const now = options.now ?? (() => new Date());
  const store = createCustomerStore(options.customers, now);
  const faults = createFaultPlan(options.faults);
  const calls: Record<string, number> = Object.fromEntries(OPERATIONS.map((op) => [op, 0]));
  const wsdlXml = await readInfosoftWsdl();
  const service = createInfosoftService(store, now);
  const operations = service.CustomerService.CustomerServiceSoap;
  const fastAnswers = options.fastAnswers !== false;

  /** The hot reads without the soap package, when the request has our client's shape; else null. */
  function answerFast(operation: string, body: string): string | null {
    if (!fastAnswers) return null;
    if (operation === 'GetCustomerInformation') {
      const args = readCustomerInformationRequest(body);
      if (!args || !store.get(args.customerNumber)) return null;
      const answer = operations.GetCustomerInformation?.(args.titleCode === null ? { customerNumber: args.customerNumber } : args) as
        | { GetCustomerInformationResult?: Record<string, unknown> }
        | undefined;
      return answer?.GetCustomerInformationResult ? customerInformationXml(answer.GetCustomerInformationResult) : null;
    }
    if (operation === 'GetPendingMoves') {
      const args = readPendingMovesRequest(body);
      if (!args || !store.get(args.customerNumber)) return null;
      const answer = operations.GetPendingMoves?.({ CustomerNumber: args.customerNumber }) as
        | { PendingMoves?: { PendingMove?: Array<Record<string, unknown>> } }
        | undefined;
      const moves = answer?.PendingMoves?.PendingMove;
      return Array.isArray(moves) ? pendingMovesXml(moves) : null;
    }
    return null;
  }

  const soapServer = await new Promise<soap.Server>((resolve, reject) => {
    // customDeserializer is a WSDL option the server honours too, but its typings only list it for clients.
    const serverOptions: soap.IServerOptions & { customDeserializer: typeof KEEP_DATES_AS_TEXT } = {
      path: SERVICE_PATH,
      services: service,
      xml: wsdlXml,
      customDeserializer: KEEP_DATES_AS_TEXT,
      handleNilAsNull: true,
      suppressStack: true,
      callback: (err: unknown, server: soap.Server) => (err ? reject(err) : resolve(server)),
    };
    soap.listen(null, serverOptions);
  });

  const expectedAuth = options.credentials
    ? basicAuthorization(options.credentials.username, options.credentials.password)
    : null;
  const sockets = new Set<Socket>();
  let servedWsdl = wsdlXml;
  const simContext = { store, faults, stats: () => ({ ...calls }) };

  async function handleSoapCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const operation = detectOperation(body);
    if (operation in calls) calls[operation] = (calls[operation] ?? 0) + 1;
    const fault = faults.next(operation);
    const { latencyMs } = faults.settings();
    if (latencyMs > 0) await delay(latencyMs);
    if (req.socket.destroyed) return;
    if (fault && fault !== 'lost-response') return serveFault(fault, operation, req, res);
    const fast = answerFast(operation, body);
    if (fast !== null) {
      if (fault === 'lost-response') return void req.socket.destroy();
      return sendText(res, 200, 'text/xml; charset=utf-8', fast);
    }
    const answer = await soapServer.processRequest(body, {
      method: 'POST',
      url: req.url ?? SERVICE_PATH,
      headers: req.headers,
    });
    // The write is committed; the caller just never learns it.
    if (fault === 'lost-response') return void req.socket.destroy();
    sendText(res, answer.statusCode, 'text/xml; charset=utf-8', answer.body);
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', 'http://simulator');
    const pathname = requestUrl.pathname;
    if (pathname.startsWith('/__sim/')) return handleSimRoute(simContext, req, res, pathname);
    if (pathname === SERVICE_PATH || pathname === `${SERVICE_PATH}/`) {
      if (expectedAuth !== null && req.headers.authorization !== expectedAuth) {
        res.setHeader('WWW-Authenticate', 'Basic realm="Infosoft"');
        return sendText(res, 401, 'text/plain', 'Unauthorized');
      }
      if (req.method === 'GET' && requestUrl.search.toLowerCase().startsWith('?wsdl')) {
        return sendText(res, 200, 'text/xml; charset=utf-8', servedWsdl);
      }
      if (req.method === 'POST') return handleSoapCall(req, res);
      return sendText(res, 405, 'text/plain', 'POST SOAP requests here; the WSDL is at ?wsdl');
    }
    sendJson(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      if (res.headersSent || req.socket.destroyed) return void req.socket.destroy();
      sendText(res, 500, 'text/plain', `simulator error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Infosoft simulator did not get a TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${SERVICE_PATH}`;
  servedWsdl = setServiceLocation(wsdlXml, url);

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Calls held open by 'timeout' faults (and idle keep-alive sockets) would keep close() waiting.
        for (const socket of sockets) socket.destroy();
      }),
    setFaults: (f) => faults.update(f),
    stats: () => ({ ...calls }),
    upsertCustomer: (record) => void store.upsert(record),
    getCustomer: (customerNumber) => store.get(customerNumber)?.record,
  };
}

const ELEMENT_TO_OPERATION: Record<string, string> = {
  GetCustomerInformation: 'GetCustomerInformation',
  UpdateCustomerDetailsRequest: 'UpdateCustomerDetails',
  SavePermanentMove: 'SavePermanentMove',
  GetChangedCustomersRequest: 'GetChangedCustomers',
  GetPendingMovesRequest: 'GetPendingMoves',
};

/** The operation of a SOAP request, from the first element inside soap:Body. */
export function detectOperation(xml: string): string {
  const match = /<(?:[\w.-]+:)?Body\b[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(xml);
  const element = match?.[1];
  if (!element) return 'unknown';
  return ELEMENT_TO_OPERATION[element] ?? element;
}
