import { describe, expect, it } from 'vitest';
import type { InfosoftCustomer } from '../../../src/domain/customer.js';
import { toBillToDraft, toDisplayName, toShipToReference } from '../../../src/sync/draft.js';
import { fingerprintDraft } from '../../../src/sync/fingerprint.js';

const customer: InfosoftCustomer = {
  customerNumber: 123456,
  customerId: 1,
  kind: 'person',
  firstName: 'JOHN',
  lastName: 'DOE',
  email: 'john@doe.com',
  phones: ['12345678', '87654321', '11111111', '22222222'],
  birthDate: null,
  address: { street: 'Østensjøveien', houseNumber: '36', entrance: 'B', unit: '', coAddress: '', postalCode: '0667', city: 'OSLO', countryCode: '' },
  titles: [],
};

describe('toBillToDraft', () => {
  it('marks the record with the stable reference and keeps at most three phones', () => {
    const draft = toBillToDraft(customer, 'NO');
    expect(draft.externalRef).toBe('IS-123456');
    expect(draft.name).toBe('JOHN DOE');
    expect(draft.phones).toEqual(['12345678', '87654321', '11111111']);
    expect(draft.address.countryCode).toBe('NO');
    expect(draft.address.postalCode).toBe('0667');
  });

  it('gives a customer without an address an empty one instead of failing', () => {
    expect(toBillToDraft({ ...customer, address: null }, 'NO').address.street).toBe('');
  });
});

describe('toDisplayName', () => {
  it.each([
    [{ kind: 'person' as const, firstName: 'Kari', lastName: 'Nordmann' }, 'Kari Nordmann'],
    [{ kind: 'person' as const, firstName: '', lastName: 'Nordmann' }, 'Nordmann'],
    [{ kind: 'company' as const, firstName: '', lastName: 'Fjord Bakeri AS' }, 'Fjord Bakeri AS'],
  ])('%j → %s', (input, expected) => {
    expect(toDisplayName(input)).toBe(expected);
  });
});

describe('fingerprintDraft', () => {
  const draft = toBillToDraft(customer, 'NO');
  it.each([
    ['name', { ...draft, firstName: 'JANE' }],
    ['e-mail', { ...draft, email: 'jane@doe.com' }],
    ['phone order', { ...draft, phones: [...draft.phones].reverse() }],
    ['entrance', { ...draft, address: { ...draft.address, entrance: 'C' } }],
    ['postal code leading zero', { ...draft, address: { ...draft.address, postalCode: '667' } }],
    ['reference', { ...draft, externalRef: 'IS-123457' }],
  ])('changes when the %s changes', (_field, changed) => {
    expect(fingerprintDraft(changed)).not.toBe(fingerprintDraft(draft));
  });

  it('is stable for equal content', () => {
    expect(fingerprintDraft({ ...draft, address: { ...draft.address } })).toBe(fingerprintDraft(draft));
  });

  it('is the value earlier versions stored (a different one would re-sync every customer once)', () => {
    // Computed by the createHash('sha256') implementation this replaced.
    expect(fingerprintDraft(draft)).toBe('kEHpmJygajX-qem7j5U8tV');
  });
});

describe('references', () => {
  it('names ship-to records after customer and title', () => {
    expect(toShipToReference(123456, 'IT')).toBe('IS-123456-S-IT');
  });
});
