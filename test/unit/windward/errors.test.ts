import { describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../../src/errors.js';
import { parseRetryAfter, toHttpError, toTransportError } from '../../../src/windward/errors.js';

describe('toHttpError', () => {
  it.each([
    [500, TransientError, 'http_500'],
    [502, TransientError, 'http_502'],
    [503, TransientError, 'http_503'],
    [504, TransientError, 'http_504'],
    [429, TransientError, 'http_429'],
    [408, TransientError, 'http_408'],
    [400, PermanentError, 'http_400'],
    [404, PermanentError, 'http_404'],
    [422, PermanentError, 'http_422'],
    [401, PermanentError, 'unauthorized'],
    [403, PermanentError, 'unauthorized'],
    [302, PermanentError, 'http_302'],
  ] as const)('HTTP %i → %s %s', (status, kind, code) => {
    const error = toHttpError('addCustomer', status, {}, '');
    expect(error).toBeInstanceOf(kind);
    expect(error.code).toBe(code);
  });

  it('tells the operator which settings to check on 401', () => {
    expect(toHttpError('Customers', 401, {}, '').message).toContain('WINDWARD_USERNAME/WINDWARD_PASSWORD');
  });

  it('carries Retry-After', () => {
    expect(toHttpError('Customers', 503, { 'retry-after': '7' }, '').retryAfterSeconds).toBe(7);
  });

  it('quotes a short server error with emails masked', () => {
    const error = toHttpError('update_Retail_Customer', 400, {}, '{"error":"Email kari@example.no is taken"}');
    expect(error.message).toBe('Windward update_Retail_Customer: HTTP 400: Email <email> is taken');
  });

  it('does not quote HTML or long bodies', () => {
    expect(toHttpError('Customers', 404, {}, '<html>nope</html>').message).toBe('Windward Customers: HTTP 404');
    expect(toHttpError('Customers', 404, {}, 'x'.repeat(500)).message).toBe('Windward Customers: HTTP 404');
  });
});

describe('toTransportError', () => {
  function errorWithCode(code: string): Error {
    return Object.assign(new Error(`boom ${code}`), { code });
  }

  it.each([
    ['ECONNRESET', TransientError, 'connection_reset'],
    ['EPIPE', TransientError, 'connection_reset'],
    ['ECONNREFUSED', TransientError, 'connection_refused'],
    ['ECONNABORTED', TransientError, 'timeout'],
    ['ETIMEDOUT', TransientError, 'timeout'],
    ['ERR_CANCELED', TransientError, 'timeout'],
    ['ENOTFOUND', TransientError, 'host_not_found'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', PermanentError, 'tls_error'],
    ['EWHATEVER', TransientError, 'network_error'],
  ] as const)('%s → %s %s', (code, kind, expected) => {
    const error = toTransportError(errorWithCode(code), 'Customers');
    expect(error).toBeInstanceOf(kind);
    expect(error.code).toBe(expected);
  });

  it('keeps only name, message and code of the cause', () => {
    const raw = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', config: { auth: { password: 'p' } } });
    const cause = toTransportError(raw, 'Customers').cause as Record<string, unknown>;
    expect(cause['config']).toBeUndefined();
    expect(cause['code']).toBe('ECONNRESET');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['5', 5],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
