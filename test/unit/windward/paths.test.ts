import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDWARD_PATHS, toRequestPath } from '../../../src/windward/paths.js';

describe('toRequestPath', () => {
  it.each([
    [DEFAULT_WINDWARD_PATHS.customers, { unique: 0 }, 'Customer/Customers/0'],
    [DEFAULT_WINDWARD_PATHS.customers, { unique: 123 }, 'Customer/Customers/123'],
    [DEFAULT_WINDWARD_PATHS.customerByEmail, { email: 'a+b@x.no' }, 'TServerMethodsWebAPI/Get_Customer_By_Email/a%2Bb%40x.no'],
    [DEFAULT_WINDWARD_PATHS.customerByEmail, { email: 'odd/%?#@x.no' }, 'TServerMethodsWebAPI/Get_Customer_By_Email/odd%2F%25%3F%23%40x.no'],
    ['/Custom/add', {}, 'Custom/add'],
    ['Customer/{unknown}', {}, 'Customer/{unknown}'],
  ])('%s with %j → %s', (template, values, expected) => {
    expect(toRequestPath(template, values)).toBe(expected);
  });
});
