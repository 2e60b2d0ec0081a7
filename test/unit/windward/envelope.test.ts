import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../src/simulators/windward/envelope.js';
import { matchVendorCall } from '../../../src/simulators/windward/vendor-routes.js';

describe('simulator envelope', () => {
  it.each([
    ['raw percent', '{"Customers":[{"Name":"50% Rabatt"}],"ConnectionInfo":{"TerminalNumber":1}}', 500],
    ['invalid JSON', '{"Customers":[', 400],
    ['array body', '[]', 400],
    ['no Customers', '{"ConnectionInfo":{"TerminalNumber":1}}', 400],
    ['empty Customers', '{"Customers":[],"ConnectionInfo":{"TerminalNumber":1}}', 400],
    ['no ConnectionInfo', '{"Customers":[{}]}', 400],
  ])('%s → %i', (_label, body, status) => {
    const result = parseEnvelope(body);
    expect(result.ok ? 200 : result.status).toBe(status);
  });

  it('accepts the escaped percent', () => {
    const result = parseEnvelope('{"Customers":[{"Name":"50\\u0025"}],"ConnectionInfo":{"TerminalNumber":3}}');
    expect(result).toEqual({ ok: true, customers: [{ Name: '50%' }], terminalNumber: 3 });
  });
});

describe('simulator routes', () => {
  const q = new URLSearchParams();
  it.each([
    ['GET', 'Customer/Customers/0', 'Customers', '0'],
    ['GET', 'customer/customers/12', 'Customers', '12'],
    ['GET', 'Customers/Customers/0', 'Customers', '0'],
    ['GET', 'TServerMethodsWebAPI/Get_Customer_By_Email/a%2Bb%40x.no', 'Get_Customer_By_Email', 'a+b@x.no'],
    ['POST', 'Customer/addCustomer', 'addCustomer', ''],
    ['POST', 'Customer/update_Retail_Customer', 'update_Retail_Customer', ''],
  ])('%s %s → %s(%s)', (method, path, operation, argument) => {
    expect(matchVendorCall(method, path, q)).toEqual({ ok: true, call: { operation, argument, query: q } });
  });

  it.each([
    ['GET', 'Customer/addCustomer', 405],
    ['POST', 'Customer/Customers/0', 405],
    ['GET', 'Customer/Nope', 404],
    ['GET', 'TServerMethodsWebAPI/Get_Customer_By_Email/%E0%A4%A', 400],
  ])('%s %s → %i', (method, path, status) => {
    const match = matchVendorCall(method, path, q);
    expect(match.ok ? 200 : match.status).toBe(status);
  });
});
