// Turns every failure of an Infosoft call into TransientError or PermanentError (DESIGN §4.3).
// Messages name the operation and customer number only: never names, emails or phones.
import { PermanentError, SyncError, TransientError } from '../errors.js';

export interface CallContext {
  operation: string;
  customerNumber?: number;
}

interface SoapFault {
  faultcode: string;
  faultstring: string;
}

interface HttpResponseLike {
  status: number;
  headers: Record<string, unknown>;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED', 'ESOCKETTIMEDOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_SOCKET_CLOSED']);
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const NOT_FOUND = /unable to find customer/i;
const CONCURRENCY = /concurrency/i;

export function toInfosoftError(error: unknown, ctx: CallContext): SyncError {
  if (error instanceof SyncError) return error;
  const where = describe(ctx);
  const fault = readSoapFault(error);
  const response = readResponse(error);
  // Raw axios/soap errors carry the request (personal data) and the Authorization header: keep neither.
  const cause = toSafeCause(error, fault);

  // The soap package reports XML it cannot parse as a fault of its own, with faultcode 500.
  const unparsable = fault?.faultstring === 'Invalid XML' && fault.faultcode === '500';

  if (fault && !unparsable) return fromSoapFault(fault, where, cause);
  if (response && response.status !== 200) return fromHttpStatus(response, where, cause);
  if (unparsable || response) {
    return new TransientError(`${where}: Infosoft's answer is not well-formed SOAP${statusSuffix(response)}`, {
      code: 'malformed_response',
      cause,
    });
  }
  return fromTransportError(error, where, cause);
}

function fromSoapFault(fault: SoapFault, where: string, cause: unknown): SyncError {
  if (NOT_FOUND.test(fault.faultstring)) {
    return new PermanentError(`${where}: Infosoft does not know this customer number`, { code: 'customer_not_found', cause });
  }
  if (CONCURRENCY.test(fault.faultstring)) {
    // Someone changed the customer since we read it; a rerun reads it fresh and gets a new token.
    return new TransientError(`${where}: concurrency conflict (stale ConcurrencyToken)`, {
      code: 'concurrency_conflict',
      cause,
    });
  }
  return new TransientError(`${where}: SOAP fault ${fault.faultcode}: ${shorten(fault.faultstring)}`, {
    code: 'soap_fault',
    cause,
  });
}

function fromHttpStatus(response: HttpResponseLike, where: string, cause: unknown): SyncError {
  const status = response.status;
  const code = `http_${status}`;
  if (status === 429 || status === 503) {
    const retryAfterSeconds = parseRetryAfter(response.headers['retry-after']);
    return new TransientError(`${where}: Infosoft is unavailable (HTTP ${status})`, {
      code,
      cause,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
  }
  if (status >= 500 || status === 408) {
    return new TransientError(`${where}: Infosoft answered HTTP ${status}`, { code, cause });
  }
  // 401/403/404 and friends: wrong credentials or endpoint; retrying cannot fix configuration.
  return new PermanentError(`${where}: Infosoft answered HTTP ${status} (check INFOSOFT_URL and credentials)`, {
    code,
    cause,
  });
}

function fromTransportError(error: unknown, where: string, cause: Error): SyncError {
  const code = readString(error, 'code') ?? '';
  const name = readString(error, 'name') ?? '';
  const message = readString(error, 'message') ?? '';
  if (TIMEOUT_CODES.has(code) || name === 'AbortError' || name === 'TimeoutError' || /timeout/i.test(message)) {
    return new TransientError(`${where}: no answer from Infosoft in time`, { code: 'timeout', cause });
  }
  if (RESET_CODES.has(code) || /socket hang up/i.test(message)) {
    return new TransientError(`${where}: connection to Infosoft was reset`, { code: 'connection_reset', cause });
  }
  if (code === 'ECONNREFUSED') {
    return new TransientError(`${where}: Infosoft refused the connection`, { code: 'connection_refused', cause });
  }
  if (NETWORK_CODES.has(code)) {
    return new TransientError(`${where}: network error ${code}`, { code: 'network_error', cause });
  }
  return new TransientError(`${where}: unexpected failure${code ? ` (${code})` : ''}`, {
    code: 'infosoft_error',
    cause,
  });
}

/** The fault of a SOAP answer, wherever the soap package left it (error.root, or its own parse error). */
function readSoapFault(error: unknown): SoapFault | undefined {
  const candidates = [
    path(error, ['root', 'Envelope', 'Body', 'Fault']),
    path(error, ['Fault']),
  ];
  for (const f of candidates) {
    if (typeof f !== 'object' || f === null) continue;
    const faultcode = toText(path(f, ['faultcode'])) ?? toText(path(f, ['Code', 'Value'])) ?? '';
    const faultstring = toText(path(f, ['faultstring'])) ?? toText(path(f, ['Reason', 'Text'])) ?? '';
    if (faultcode !== '' || faultstring !== '') return { faultcode, faultstring };
  }
  return undefined;
}

function readResponse(error: unknown): HttpResponseLike | undefined {
  const status = path(error, ['response', 'status']);
  if (typeof status !== 'number') {
    // A failed WSDL download only reports its status inside the message.
    const wsdlStatus = /^Invalid WSDL URL[\s\S]*?Code: (\d{3})/.exec(readString(error, 'message') ?? '')?.[1];
    return wsdlStatus ? { status: Number(wsdlStatus), headers: {} } : undefined;
  }
  const headers = path(error, ['response', 'headers']);
  return { status, headers: typeof headers === 'object' && headers !== null ? { ...headers } : {} };
}

export function parseRetryAfter(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function toSafeCause(error: unknown, fault: SoapFault | undefined): Error {
  const code = readString(error, 'code');
  const message = fault
    ? `SOAP fault ${fault.faultcode}: ${shorten(fault.faultstring)}`
    : shorten(readString(error, 'message') ?? String(error));
  const safe = new Error(message);
  safe.name = readString(error, 'name') ?? 'Error';
  if (code) Object.assign(safe, { code });
  return safe;
}

function describe(ctx: CallContext): string {
  return ctx.customerNumber === undefined ? `Infosoft ${ctx.operation}` : `Infosoft ${ctx.operation} for customer ${ctx.customerNumber}`;
}

function statusSuffix(response: HttpResponseLike | undefined): string {
  return response ? ` (HTTP ${response.status})` : '';
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function path(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const inner = path(value, ['$value']);
  return typeof inner === 'string' ? inner : undefined;
}

function readString(value: unknown, key: string): string | undefined {
  const v = path(value, [key]);
  return typeof v === 'string' ? v : undefined;
}

/** A well-formed answer that lacks data we need: the vendor will send the same again, so no retry. */
export function toInvalidResponseError(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, ctx: CallContext, root: string): PermanentError {
  const first = issues[0];
  const field = [root, ...(first?.path ?? []).map(String)].join('.');
  return new PermanentError(`${describe(ctx)}: answer lacks valid ${field} (${first?.message ?? 'invalid'})`, {
    code: 'invalid_response',
  });
}

/** StatusCode other than "00": a business refusal. Infosoft's status messages carry no personal data. */
export function toStatusError(statusCode: string, ctx: CallContext, statusMessage = ''): PermanentError {
  const code = statusCode.trim() === '' ? 'missing' : statusCode.trim();
  const detail = statusMessage.trim() === '' ? '' : `: ${shorten(statusMessage.trim())}`;
  return new PermanentError(`${describe(ctx)}: Infosoft answered StatusCode ${code}${detail}`, { code: `status_${code}` });
}
