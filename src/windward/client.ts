import { basicAuthorization } from '../http/basic-auth.js';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import type { CountryStyle } from '../address/index.js';
import type { WindwardCustomer, WindwardCustomerDraft, WindwardUnique } from '../domain/customer.js';
import { PermanentError } from '../errors.js';
import type { WindwardPage, WindwardPort } from '../sync/ports.js';
import { toHttpError, toInvalidResponseError, toMalformedError, toTransportError } from './errors.js';
import { encodeJsonBody } from './json-body.js';
import { toWindwardCustomer, toWindwardWire } from './mapper.js';
import { createUndiciAdapter } from './undici-adapter.js';
import { DEFAULT_WINDWARD_PATHS, toRequestPath, type WindwardPaths } from './paths.js';
import {
  customersEnvelopeSchema,
  dataSnapCustomersSchema,
  LISTING_FIELDS,
  type WireCustomer,
  type WireWriteEnvelope,
} from './wire.js';

export { DEFAULT_WINDWARD_PATHS, type WindwardPaths } from './paths.js';

/** Older WebAPI versions accept at most 32 connections (DESIGN §2). */
const WINDWARD_CONNECTION_LIMIT = 32;

export interface WindwardTruncation {
  operation: 'addCustomer' | 'updateCustomer';
  /** The draft's external reference (e.g. "IS-123456"), to tie the event to a customer. */
  externalRef: string;
  /** Windward field names that were cut; never the values. */
  fields: string[];
}

export interface WindwardClientConfig {
  baseUrl: string;
  username: string;
  password: string;
  terminalNumber: number;
  timeoutMs: number;
  /** Requests in flight at most; default 8, capped at 32. */
  maxConcurrent?: number;
  country: CountryStyle;
  paths?: Partial<WindwardPaths>;
  /** Called when a write had to cut fields to Windward's limits, so the caller can log the names. */
  onTruncated?: (event: WindwardTruncation) => void;
}

export interface WindwardClient extends WindwardPort {
  /** Releases pooled keep-alive connections. */
  close(): Promise<void>;
}

type Operation = 'Customers' | 'Get_Customer_By_Email' | 'addCustomer' | 'update_Retail_Customer';

export function createWindwardClient(config: WindwardClientConfig): WindwardClient {
  const paths: WindwardPaths = { ...DEFAULT_WINDWARD_PATHS, ...config.paths };
  const maxConcurrent = Math.min(Math.max(1, Math.floor(config.maxConcurrent ?? 8)), WINDWARD_CONNECTION_LIMIT);
  // Keep-alive connections, never more than the WebAPI accepts: undici's pool behind axios sends one
  // request per connection at a time and queues the rest. It frees a connection the moment an answer
  // has arrived, where a limiter around the call would hold it until this process got round to
  // reading the answer (under load, a busy event loop then wasted a third of Windward's capacity).
  const transport = createUndiciAdapter({ connections: maxConcurrent });
  const http: AxiosInstance = axios.create({
    baseURL: config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`,
    timeout: config.timeoutMs,
    adapter: transport.adapter,
    // Windward is reached directly (no HTTP proxy). A redirect means a wrong WINDWARD_URL (e.g.
    // http vs https): the adapter never follows one, so it is surfaced.
    maxRedirects: 0,
    // Bodies are serialised and parsed here, so every status and body reaches the classifier.
    responseType: 'text',
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json; charset=utf-8',
      // Encoded once here, not for every request.
      Authorization: basicAuthorization(config.username, config.password),
    },
  });

  async function call(operation: Operation, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let response: AxiosResponse<string>;
    try {
      response = await http.request<string>({
        method,
        url: path,
        ...(body === undefined ? {} : { data: encodeJsonBody(body) }),
      });
    } catch (error) {
      throw toTransportError(error, operation);
    }
    return readJson(operation, response);
  }

  async function fetchCustomers(path: string): Promise<WireCustomer[]> {
    return parseWire('Customers', customersEnvelopeSchema, await call('Customers', 'GET', path)).Customers;
  }

  async function getCustomer(unique: WindwardUnique): Promise<WindwardCustomer | null> {
    // Unique 0 would list every customer; never let a bad id turn into a full listing.
    if (!Number.isInteger(unique) || unique <= 0) {
      throw new PermanentError('Windward Customers: a CustomerUnique must be a positive integer', { code: 'invalid_unique' });
    }
    const found = (await fetchCustomers(toRequestPath(paths.customers, { unique }))).find((c) => c.Unique === unique);
    return found === undefined ? null : toWindwardCustomer(found);
  }

  async function write(
    operation: 'addCustomer' | 'update_Retail_Customer',
    unique: number,
    draft: WindwardCustomerDraft,
  ): Promise<WireCustomer | undefined> {
    const { customer, truncated } = toWindwardWire(draft, { country: config.country });
    if (truncated.length > 0) {
      config.onTruncated?.({
        operation: operation === 'addCustomer' ? 'addCustomer' : 'updateCustomer',
        externalRef: customer.Number,
        fields: truncated,
      });
    }
    const envelope: WireWriteEnvelope = {
      Customers: [{ Unique: unique, ...customer }],
      ConnectionInfo: { TerminalNumber: config.terminalNumber },
    };
    const path = operation === 'addCustomer' ? paths.addCustomer : paths.updateCustomer;
    const answer = parseWire(operation, customersEnvelopeSchema, await call(operation, 'POST', toRequestPath(path, {}), envelope));
    return unique === 0 ? answer.Customers[0] : answer.Customers.find((c) => c.Unique === unique);
  }

  return {
    getCustomer,

    async findByEmail(email) {
      const trimmed = email.trim();
      if (trimmed === '') return [];
      const path = toRequestPath(paths.customerByEmail, { email: trimmed });
      const answer = parseWire('Get_Customer_By_Email', dataSnapCustomersSchema, await call('Get_Customer_By_Email', 'GET', path));
      return answer.result.flatMap((entry) => entry.Customers).map(toWindwardCustomer);
    },

    async listCustomers(pageNumber, pageSize): Promise<WindwardPage> {
      if (!Number.isInteger(pageNumber) || pageNumber < 1 || !Number.isInteger(pageSize) || pageSize < 1) {
        throw new PermanentError('Windward Customers: page number and size must be positive integers', { code: 'invalid_page' });
      }
      // Fields keeps the 32-bit service's listings small: only what the mapper reads.
      const query = `?PageSize=${pageSize}&PageNumber=${pageNumber}&Fields=${LISTING_FIELDS.join(',')}`;
      const customers = await fetchCustomers(toRequestPath(paths.customers, { unique: 0 }) + query);
      return { customers: customers.map(toWindwardCustomer), hasMore: customers.length >= pageSize };
    },

    async addCustomer(draft) {
      const created = await write('addCustomer', 0, draft);
      if (created === undefined || created.Unique <= 0) {
        throw toInvalidResponseError('addCustomer', 'no created customer with a Unique in Customers');
      }
      return toWindwardCustomer(created);
    },

    async updateCustomer(unique, draft) {
      if (!Number.isInteger(unique) || unique <= 0) {
        throw new PermanentError('Windward update_Retail_Customer: a CustomerUnique must be a positive integer', {
          code: 'invalid_unique',
        });
      }
      const updated = await write('update_Retail_Customer', unique, draft);
      if (updated !== undefined) return toWindwardCustomer(updated);
      // The update endpoint's answer is undocumented; when it does not echo the record, read it back.
      const reread = await getCustomer(unique);
      if (reread === null) throw toInvalidResponseError('update_Retail_Customer', `customer ${unique} not found after the update`);
      return reread;
    },

    async close() {
      await transport.close();
    },
  };
}

function readJson(operation: Operation, response: AxiosResponse<string>): unknown {
  const body = typeof response.data === 'string' ? response.data : '';
  const headers = response.headers as Record<string, unknown>;
  if (response.status < 200 || response.status >= 300) throw toHttpError(operation, response.status, headers, body);
  const contentType = String(headers['content-type'] ?? '');
  const trimmed = body.trimStart();
  if (/html/iu.test(contentType) || trimmed.startsWith('<')) throw toMalformedError(operation, 'HTML page instead of JSON');
  try {
    return JSON.parse(body);
  } catch {
    throw toMalformedError(operation, trimmed === '' ? 'empty body instead of JSON' : 'body is not valid JSON');
  }
}

function parseWire<T extends z.ZodType>(operation: Operation, schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? 'the body' : issue.path.map(String).join('.');
  throw toInvalidResponseError(operation, `${field}: ${issue?.message ?? 'does not match the expected shape'}`, parsed.error);
}
