import { describe, expect, it } from 'vitest';
import { encodeJsonBody } from '../../../src/windward/json-body.js';

describe('encodeJsonBody', () => {
  const values: Array<[string, unknown]> = [
    ['plain', { Name: 'Kari' }],
    ['one percent', { Name: '50% Rabatt AS' }],
    ['percent-encoding look-alike', { Name: '100%25 sure', Addr1: '%41%' }],
    ['percent in a key', { 'Odd%Key': 'x' }],
    ['nested', { Customers: [{ Name: '%', Contacts: [{ FirstName: '%%' }] }], ConnectionInfo: { TerminalNumber: 1 } }],
    ['unicode', { Name: 'Ærlig Øystein 🎉 %' }],
  ];

  it.each(values)('%s: no raw %% and parses back to the same value', (_label, value) => {
    const body = encodeJsonBody(value);
    expect(body).not.toContain('%');
    expect(JSON.parse(body)).toEqual(value);
  });

  it('uses the JSON escape \\u0025', () => {
    expect(encodeJsonBody({ Name: '50%' })).toBe('{"Name":"50\\u0025"}');
  });
});
