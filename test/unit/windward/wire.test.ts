import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customersEnvelopeSchema, dataSnapCustomersSchema, wireCustomerSchema } from '../../../src/windward/wire.js';
import { VENDOR_SAMPLE_FILE } from '../../fixtures/windward/seed.js';

describe('wire schemas', () => {
  it("accept the vendor's own customer sample; its unknown fields do not fail it and are dropped", () => {
    const sample: unknown = JSON.parse(readFileSync(VENDOR_SAMPLE_FILE, 'utf8'));
    const parsed = customersEnvelopeSchema.parse(sample);
    expect(parsed.Customers).toHaveLength(1);
    expect(parsed.Customers[0]?.Name).toBe('string');
    // Balances is one of the ~50 fields nothing here reads.
    expect((sample as { Customers: Array<Record<string, unknown>> }).Customers[0]).toHaveProperty('Balances');
    expect(Object.keys(parsed.Customers[0] ?? {}).sort()).toEqual(Object.keys(wireCustomerSchema.shape).sort());
  });

  it('read missing and null text fields as empty strings', () => {
    const parsed = wireCustomerSchema.parse({ Unique: 5, Name: null });
    expect(parsed).toMatchObject({ Unique: 5, Name: '', Email: '', Postal: '' });
  });

  it('keep a numeric Postal as text', () => {
    expect(wireCustomerSchema.parse({ Unique: 5, Postal: 5003 }).Postal).toBe('5003');
  });

  it('accept a numeric-string Unique', () => {
    expect(wireCustomerSchema.parse({ Unique: '12' }).Unique).toBe(12);
  });

  it.each([[{}], [{ Unique: 'abc' }], [{ Unique: -1 }], [{ Unique: 1.5 }], [{ Unique: null }]])('reject Unique in %j', (value) => {
    const result = wireCustomerSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['Unique']);
  });

  it('read the DataSnap result wrapper', () => {
    const parsed = dataSnapCustomersSchema.parse({ result: [{ Customers: [{ Unique: 1 }, { Unique: 2 }] }] });
    expect(parsed.result[0]?.Customers.map((c) => c.Unique)).toEqual([1, 2]);
  });

  it('require the Customers array', () => {
    expect(customersEnvelopeSchema.safeParse({ error: 'x' }).success).toBe(false);
  });
});
