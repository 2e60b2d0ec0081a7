import { AxiosError } from 'axios';
import { PermanentError, SyncError, TransientError } from '../errors.js';

// Turns every failure of a WebAPI call into TransientError or PermanentError with a short code.
// Messages name the operation and the failure, never the URL (it may hold an email address),
// request data or credentials; `cause` is a stripped copy because AxiosError carries the config.

const MAX_SERVER_TEXT = 120;

export function toTransportError(error: unknown, operation: string): SyncError {
  if (error instanceof SyncError) return error;
  const code = error instanceof AxiosError || hasCode(error) ? (error.code ?? '') : '';
  const cause = toSafeCause(error);
  if (code === 'ERR_CANCELED' || code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new TransientError(`Windward ${operation}: no answer within the timeout`, { code: 'timeout', cause });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_SOCKET_HANG_UP') {
    return new TransientError(`Windward ${operation}: connection reset by the server`, { code: 'connection_reset', cause });
  }
  if (code === 'ECONNREFUSED') {
    return new TransientError(`Windward ${operation}: connection refused (is the WebAPI service running? check WINDWARD_URL)`, {
      code: 'connection_refused',
      cause,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransientError(`Windward ${operation}: host not found (check WINDWARD_URL)`, { code: 'host_not_found', cause });
  }
  if (/CERT|SSL|TLS/u.test(code)) {
    return new PermanentError(`Windward ${operation}: TLS certificate rejected (${code})`, { code: 'tls_error', cause });
  }
  return new TransientError(`Windward ${operation}: network error${code === '' ? '' : ` (${code})`}`, {
    code: 'network_error',
    cause,
  });
}

/** Classifies a non-2xx answer. */
export function toHttpError(operation: string, status: number, headers: Record<string, unknown>, body: string): SyncError {
  const retryAfterSeconds = parseRetryAfter(headers['retry-after']);
  if (status === 401 || status === 403) {
    return new PermanentError(
      `Windward ${operation}: credentials rejected (HTTP ${status}); check WINDWARD_USERNAME/WINDWARD_PASSWORD`,
      { code: 'unauthorized' },
    );
  }
  if (status === 408 || status === 429 || status >= 500) {
    return new TransientError(`Windward ${operation}: HTTP ${status}`, {
      code: `http_${status}`,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  const serverText = extractServerText(body);
  return new PermanentError(`Windward ${operation}: HTTP ${status}${serverText === '' ? '' : `: ${serverText}`}`, {
    code: `http_${status}`,
  });
}

export function toMalformedError(operation: string, what: string): TransientError {
  return new TransientError(`Windward ${operation}: ${what}`, { code: 'malformed_response' });
}

export function toInvalidResponseError(operation: string, detail: string, cause?: unknown): PermanentError {
  return new PermanentError(`Windward ${operation}: unexpected response, ${detail}`, { code: 'invalid_response', cause });
}

/** Seconds from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/u.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The server's own error text when it is short and plain, with anything like an email masked. */
function extractServerText(body: string): string {
  let text = body.trim();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const record = parsed as Record<string, unknown>;
      const message = record['error'] ?? record['message'] ?? record['Message'];
      text = typeof message === 'string' ? message.trim() : '';
    }
  } catch {
    // Not JSON: plain text is fine, markup is not worth quoting.
  }
  if (text === '' || text.length > MAX_SERVER_TEXT || text.startsWith('<')) return '';
  return text.replace(/\S+@\S+/gu, '<email>');
}

function hasCode(error: unknown): error is { code?: string } {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function toSafeCause(error: unknown): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const safe = new Error(original.message);
  safe.name = original.name;
  const code = hasCode(original) ? original.code : undefined;
  if (code !== undefined) Object.assign(safe, { code });
  return safe;
}
