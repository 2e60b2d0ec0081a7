import { describe, expect, it } from 'vitest';
import { createTargetResolver } from '../../../src/windward/undici-adapter.js';

// The adapter parses the base URL once and joins plain paths itself; whatever it sends must be
// exactly what new URL() made of the joined URL before (the request line is the contract).
const BASES = ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080/datasnap/rest/', 'http://Windward.local/api', 'http://h/a?x=1'];
const RELATIVES = [
  'TServerMethodsWebAPI/Get_Customer_By_Email/ola%40example.no',
  'Customer/Customers/0?PageSize=1000&PageNumber=2&Fields=Unique,Name,Email',
  '/Customer/addCustomer',
  "TServerMethodsWebAPI/Get_Customer_By_Email/o'brien%40example.no",
  'TServerMethodsWebAPI/Get_Customer_By_Email/with space',
  'TServerMethodsWebAPI/Get_Customer_By_Email/ø',
  'TServerMethodsWebAPI/Get_Customer_By_Email/..',
  'TServerMethodsWebAPI/Get_Customer_By_Email/.',
  'TServerMethodsWebAPI/Get_Customer_By_Email/%2e%2E',
  'TServerMethodsWebAPI/Get_Customer_By_Email/a..b',
  'a/./b',
  'a\\b',
  'a/b#fragment',
  'a/b?q=1#fragment',
  'a/"quoted"',
  'a/{x}',
  'a/b?q=%2e',
  '',
];

describe('createTargetResolver', () => {
  it.each(BASES.flatMap((base) => RELATIVES.map((relative) => ({ base, relative }))))('$base + $relative', ({ base, relative }) => {
    const resolve = createTargetResolver();
    const expected = new URL(`${base.replace(/\/+$/u, '')}/${relative.replace(/^\/+/u, '')}`);
    // Twice: the second call uses the cached base.
    for (let i = 0; i < 2; i += 1) {
      const target = resolve(base, relative);
      expect({ origin: target.origin, pathname: target.pathname, search: target.search }).toEqual({
        origin: expected.origin,
        pathname: expected.pathname,
        search: expected.search,
      });
    }
  });

  it('takes an absolute url as it is', () => {
    const target = createTargetResolver()('http://127.0.0.1:8080/', 'http://other:9/x?y=1');
    expect([target.origin, target.pathname, target.search]).toEqual(['http://other:9', '/x', '?y=1']);
  });
});
