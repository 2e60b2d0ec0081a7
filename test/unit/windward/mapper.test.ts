import { describe, expect, it } from 'vitest';
import type { WindwardCustomerDraft } from '../../../src/domain/customer.js';
import { PermanentError } from '../../../src/errors.js';
import { WINDWARD_FIELD_LIMITS } from '../../../src/windward/field-limits.js';
import { toWindwardCustomer, toWindwardWire } from '../../../src/windward/mapper.js';
import { wireCustomerSchema } from '../../../src/windward/wire.js';
import { aDraft } from '../../fixtures/windward/seed.js';

/** What Windward would send back after storing the wire fields under a Unique. */
function roundTrip(draft: WindwardCustomerDraft, country: 'code' | 'name') {
  const { customer } = toWindwardWire(draft, { country });
  return toWindwardCustomer(wireCustomerSchema.parse({ ...customer, Unique: 42 }));
}

describe('toWindwardWire / toWindwardCustomer round trip', () => {
  const drafts: Array<[string, WindwardCustomerDraft]> = [
    ['person with unit', aDraft()],
    ['no email, two phones', aDraft({ email: null, phones: ['41234567', '22334455'] })],
    ['no phones', aDraft({ phones: [] })],
    ['company with c/o', aDraft({ name: '50% Rabatt AS', firstName: '', lastName: '', address: { ...aDraft().address, coAddress: 'Regnskap', unit: '' } })],
    ['æøå and emoji', aDraft({ name: 'Øystein Ærlig 🎉', firstName: 'Øystein', lastName: 'Ærlig 🎉' })],
    ['quotes and backslash', aDraft({ name: 'Kari "K" O\'Neill \\ AS' })],
    [
      'Swedish address',
      aDraft({ address: { street: 'Drottninggatan', houseNumber: '5', entrance: '', unit: '', coAddress: '', postalCode: 'SE-112 22', city: 'Stockholm', countryCode: 'SE' } }),
    ],
    ['ship-to reference', aDraft({ externalRef: 'IS-200001-S-IT' })],
  ];

  it.each(drafts)('%s (country code)', (_label, draft) => {
    expect(roundTrip(draft, 'code')).toEqual({ ...draft, unique: 42 });
  });

  it.each(drafts)('%s (country name)', (_label, draft) => {
    expect(roundTrip(draft, 'name')).toEqual({ ...draft, unique: 42 });
  });
});

describe('toWindwardWire', () => {
  it('writes every field the sync owns', () => {
    expect(toWindwardWire(aDraft(), { country: 'name' })).toEqual({
      customer: {
        Name: 'Per Pålsson',
        FirstName: 'Per',
        LastName: 'Pålsson',
        Addr1: 'Kongens gate 7 A',
        Addr2: 'H0203',
        City: 'Oslo',
        Postal: '0153',
        State: '',
        Country: 'Norway',
        Phone1: '+47 400 00 001',
        Phone2: '',
        Phone3: '',
        Email: 'per.palsson@example.no',
        Number: 'IS-200001',
      },
      truncated: [],
    });
  });

  it('cuts over-long fields to the limits and names them', () => {
    const long = 'A'.repeat(200);
    const { customer, truncated } = toWindwardWire(
      aDraft({ name: long, email: `${'x'.repeat(120)}@example.no`, address: { ...aDraft().address, city: long } }),
      { country: 'code' },
    );
    expect(truncated).toEqual(['Name', 'City', 'Email']);
    expect(customer.Name).toHaveLength(WINDWARD_FIELD_LIMITS.Name);
    expect(customer.City).toHaveLength(WINDWARD_FIELD_LIMITS.City);
    expect(customer.Email).toHaveLength(WINDWARD_FIELD_LIMITS.Email);
  });

  it('never splits an emoji when cutting', () => {
    const name = `${'B'.repeat(WINDWARD_FIELD_LIMITS.Name - 1)}🎉🎉`;
    const { customer, truncated } = toWindwardWire(aDraft({ name }), { country: 'code' });
    expect(truncated).toEqual(['Name']);
    expect(customer.Name).toBe(`${'B'.repeat(WINDWARD_FIELD_LIMITS.Name - 1)}🎉`);
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const name = '🎉'.repeat(WINDWARD_FIELD_LIMITS.Name);
    expect(toWindwardWire(aDraft({ name }), { country: 'code' }).truncated).toEqual([]);
  });

  it('reports phones beyond the three Windward holds', () => {
    const { customer, truncated } = toWindwardWire(aDraft({ phones: ['1', '2', '3', '4'] }), { country: 'code' });
    expect([customer.Phone1, customer.Phone2, customer.Phone3]).toEqual(['1', '2', '3']);
    expect(truncated).toEqual(['Phones']);
  });

  it('refuses to cut the external reference', () => {
    expect(() => toWindwardWire(aDraft({ externalRef: 'IS-123456789-S-LONGTITLE' }), { country: 'code' })).toThrow(PermanentError);
  });
});

describe('toWindwardCustomer', () => {
  it('reads a clerk-typed record', () => {
    const wire = wireCustomerSchema.parse({
      Unique: 7,
      Name: 'Ola Hansen',
      Addr1: 'c/o Kari Hansen',
      Addr2: 'Storgata 12B',
      Postal: '9008',
      City: 'Tromsø',
      Country: 'Norge',
      Phone1: ' 41234567 ',
      Phone2: '',
      Phone3: '22334455',
      Email: '  ',
      Number: null,
    });
    expect(toWindwardCustomer(wire)).toEqual({
      unique: 7,
      externalRef: '',
      name: 'Ola Hansen',
      firstName: '',
      lastName: '',
      email: null,
      phones: ['41234567', '22334455'],
      address: {
        street: 'Storgata',
        houseNumber: '12',
        entrance: 'B',
        unit: '',
        coAddress: 'Kari Hansen',
        postalCode: '9008',
        city: 'Tromsø',
        countryCode: 'NO',
      },
    });
  });
});
