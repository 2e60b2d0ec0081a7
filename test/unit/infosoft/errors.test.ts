import { describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../../src/errors.js';
import { parseRetryAfter, toInfosoftError, toStatusError } from '../../../src/infosoft/errors.js';
import { detectOperation } from '../../../src/simulators/infosoft/server.js';

const ctx = { operation: 'GetCustomerInformation', customerNumber: 7 };

describe('toInfosoftError for transport failures', () => {
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'connection_refused'],
    [{ code: 'ECONNRESET', message: 'read ECONNRESET' }, 'connection_reset'],
    [{ message: 'socket hang up' }, 'connection_reset'],
    [{ code: 'ECONNABORTED', message: 'timeout of 500ms exceeded' }, 'timeout'],
    [{ name: 'CanceledError', code: 'ERR_CANCELED', message: 'canceled' }, 'timeout'],
    [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND infosoft' }, 'network_error'],
    [new TypeError('something odd'), 'infosoft_error'],
  ])('%o → %s', (error, code) => {
    const classified = toInfosoftError(error, ctx);
    expect(classified).toBeInstanceOf(TransientError);
    expect(classified.code).toBe(code);
    expect(classified.message).toContain('customer 7');
  });

  it('does not keep the raw error (request body, credentials) as cause', () => {
    const raw = Object.assign(new Error('socket hang up'), { config: { headers: { Authorization: 'Basic c2VjcmV0' }, data: '<FirstName>JANE</FirstName>' } });
    const classified = toInfosoftError(raw, ctx);
    expect(JSON.stringify(classified.cause, Object.getOwnPropertyNames(classified.cause))).not.toMatch(/Basic|JANE/);
  });
});

describe('toStatusError', () => {
  it('is permanent with the code in code and message', () => {
    const error = toStatusError('20', { operation: 'SavePermanentMove', customerNumber: 9 }, 'Start date too early');
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.code).toBe('status_20');
    expect(error.message).toMatch(/StatusCode 20: Start date too early/);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3],
    [' 120 ', 120],
    ['soon', undefined],
    [undefined, undefined],
    [new Date(Date.now() - 60_000).toUTCString(), 0],
  ])('%s → %s', (value, seconds) => {
    expect(parseRetryAfter(value)).toBe(seconds);
  });
});

describe('detectOperation', () => {
  it.each([
    ['<s:Envelope xmlns:s="x"><s:Body><UpdateCustomerDetailsRequest xmlns="y"/></s:Body></s:Envelope>', 'UpdateCustomerDetails'],
    ['<soapenv:Envelope><soapenv:Header/>\n<soapenv:Body>\n  <ns:GetChangedCustomersRequest>', 'GetChangedCustomers'],
    ['<Envelope><Body><inf:GetCustomerInformation>', 'GetCustomerInformation'],
    ['<Envelope><Body><SavePermanentMove>', 'SavePermanentMove'],
    ['not xml', 'unknown'],
  ])('%s', (xml, operation) => {
    expect(detectOperation(xml)).toBe(operation);
  });
});
