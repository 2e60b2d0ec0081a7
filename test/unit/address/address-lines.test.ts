import { describe, expect, it } from 'vitest';
import type { Address } from '../../../src/domain/customer.js';
import { formatAddressLines, parseAddressLines, type AddressLines } from '../../../src/address/index.js';

function anAddress(fields: Partial<Address>): Address {
  return {
    street: '',
    houseNumber: '',
    entrance: '',
    unit: '',
    coAddress: '',
    postalCode: '',
    city: '',
    countryCode: '',
    ...fields,
  };
}

function someLines(fields: Partial<AddressLines>): AddressLines {
  return { addr1: '', addr2: '', city: '', postal: '', state: '', country: '', ...fields };
}

const OSLO = { postalCode: '0667', city: 'Oslo', countryCode: 'NO' } as const;

describe('formatAddressLines', () => {
  const rows: Array<[string, Address, 'code' | 'name', AddressLines]> = [
    [
      'street, number and entrance',
      anAddress({ street: 'Østensjøveien', houseNumber: '36', entrance: 'B', ...OSLO }),
      'code',
      someLines({ addr1: 'Østensjøveien 36 B', city: 'Oslo', postal: '0667', country: 'NO' }),
    ],
    [
      'no entrance leaves no trailing space',
      anAddress({ street: 'Storgata', houseNumber: '12', ...OSLO }),
      'code',
      someLines({ addr1: 'Storgata 12', city: 'Oslo', postal: '0667', country: 'NO' }),
    ],
    [
      'c/o and bolignummer share line 2',
      anAddress({ street: 'Storgata', houseNumber: '12', unit: 'H0101', coAddress: 'Kari Nordmann', ...OSLO }),
      'code',
      someLines({ addr1: 'Storgata 12', addr2: 'c/o Kari Nordmann, H0101', city: 'Oslo', postal: '0667', country: 'NO' }),
    ],
    [
      'unit alone',
      anAddress({ street: 'Storgata', houseNumber: '12', unit: 'H0101', ...OSLO }),
      'code',
      someLines({ addr1: 'Storgata 12', addr2: 'H0101', city: 'Oslo', postal: '0667', country: 'NO' }),
    ],
    [
      'c/o alone',
      anAddress({ street: 'Storgata', houseNumber: '12', coAddress: 'Ola Hansen', ...OSLO }),
      'code',
      someLines({ addr1: 'Storgata 12', addr2: 'c/o Ola Hansen', city: 'Oslo', postal: '0667', country: 'NO' }),
    ],
    [
      'country as English name',
      anAddress({ street: 'Storgata', houseNumber: '12', ...OSLO }),
      'name',
      someLines({ addr1: 'Storgata 12', city: 'Oslo', postal: '0667', country: 'Norway' }),
    ],
    [
      'unknown code stays a code under "name"',
      anAddress({ street: 'Main Road', houseNumber: '1', city: 'Nuuk', postalCode: '3900', countryCode: 'GL' }),
      'name',
      someLines({ addr1: 'Main Road 1', city: 'Nuuk', postal: '3900', country: 'GL' }),
    ],
    [
      'Swedish postcode with prefix',
      anAddress({ street: 'Drottninggatan', houseNumber: '5', postalCode: 'SE-112 22', city: 'Stockholm', countryCode: 'SE' }),
      'name',
      someLines({ addr1: 'Drottninggatan 5', city: 'Stockholm', postal: 'SE-112 22', country: 'Sweden' }),
    ],
    ['empty address', anAddress({}), 'name', someLines({})],
    [
      'leading zeros kept',
      anAddress({ street: 'Kirkeveien', houseNumber: '1', postalCode: '0001', city: 'Oslo', countryCode: 'NO' }),
      'code',
      someLines({ addr1: 'Kirkeveien 1', city: 'Oslo', postal: '0001', country: 'NO' }),
    ],
  ];

  it.each(rows)('%s', (_label, address, country, expected) => {
    expect(formatAddressLines(address, { country })).toEqual(expected);
  });
});

describe('parseAddressLines', () => {
  const rows: Array<[string, Partial<AddressLines>, Partial<Address>]> = [
    ['entrance with space', { addr1: 'Østensjøveien 36 B' }, { street: 'Østensjøveien', houseNumber: '36', entrance: 'B' }],
    ['entrance glued to number', { addr1: 'Østensjøveien 36B' }, { street: 'Østensjøveien', houseNumber: '36', entrance: 'B' }],
    ['lower-case entrance kept', { addr1: 'storgata 12b' }, { street: 'storgata', houseNumber: '12', entrance: 'b' }],
    ['upper-case street kept', { addr1: 'STORGATA 12' }, { street: 'STORGATA', houseNumber: '12' }],
    ['unit after a comma in addr1', { addr1: 'Storgata 12B, H0102' }, { street: 'Storgata', houseNumber: '12', entrance: 'B', unit: 'H0102' }],
    ['bolignummer without comma', { addr1: 'Storgata 12 B H0102' }, { street: 'Storgata', houseNumber: '12', entrance: 'B', unit: 'H0102' }],
    ['street name with digits', { addr1: 'Gate 1 12' }, { street: 'Gate 1', houseNumber: '12' }],
    ['street name with digits and entrance', { addr1: 'Gate 1 12 A' }, { street: 'Gate 1', houseNumber: '12', entrance: 'A' }],
    ['no house number', { addr1: 'Solbakken' }, { street: 'Solbakken' }],
    ['number range', { addr1: 'Storgata 12-14' }, { street: 'Storgata', houseNumber: '12-14' }],
    ['extra spaces collapsed', { addr1: '  Storgata   12   B ' }, { street: 'Storgata', houseNumber: '12', entrance: 'B' }],
    ['æøå in the street', { addr1: 'Å-veien 3, H0201' }, { street: 'Å-veien', houseNumber: '3', unit: 'H0201' }],
    ['c/o in addr2', { addr1: 'Storgata 12', addr2: 'c/o Ola Hansen' }, { street: 'Storgata', houseNumber: '12', coAddress: 'Ola Hansen' }],
    [
      'c/o in addr1 pushes the street to addr2',
      { addr1: 'c/o Ola Hansen', addr2: 'Storgata 12' },
      { street: 'Storgata', houseNumber: '12', coAddress: 'Ola Hansen' },
    ],
    [
      'c/o in addr1, street without number in addr2',
      { addr1: 'C/O Ola Hansen', addr2: 'Solbakken' },
      { street: 'Solbakken', coAddress: 'Ola Hansen' },
    ],
    ['c/o in addr1 with a unit in addr2', { addr1: 'c/o Ola Hansen', addr2: 'H0101' }, { coAddress: 'Ola Hansen', unit: 'H0101' }],
    [
      'c/o after the street in addr1',
      { addr1: 'Storgata 12, c/o Ola Hansen', addr2: 'H0101' },
      { street: 'Storgata', houseNumber: '12', coAddress: 'Ola Hansen', unit: 'H0101' },
    ],
    [
      'c/o with a colon',
      { addr1: 'Storgata 12', addr2: 'c/o: Kari Nordmann, H0101' },
      { street: 'Storgata', houseNumber: '12', coAddress: 'Kari Nordmann', unit: 'H0101' },
    ],
    ['street typed on line 2 only', { addr2: 'Storgata 12' }, { street: 'Storgata', houseNumber: '12' }],
    ['floor words stay a unit', { addr2: '2. etg' }, { unit: '2. etg' }],
    ['postal code and city typed together', { postal: '0667 Oslo' }, { postalCode: '0667', city: 'Oslo' }],
    ['city field holds both', { city: '0667 Oslo' }, { postalCode: '0667', city: 'Oslo' }],
    ['Swedish postcode kept whole', { postal: 'SE-112 22', city: 'Stockholm' }, { postalCode: 'SE-112 22', city: 'Stockholm' }],
    ['Swedish postcode without prefix', { postal: '11222', city: 'Stockholm' }, { postalCode: '11222', city: 'Stockholm' }],
    ['Norwegian country name', { country: 'Norge' }, { countryCode: 'NO' }],
    ['English country name, any case', { country: 'sweden' }, { countryCode: 'SE' }],
    ['lower-case code', { country: 'dk' }, { countryCode: 'DK' }],
    ['unknown country name', { country: 'Atlantis' }, { countryCode: '' }],
    ['state is ignored', { state: 'Viken' }, {}],
    ['empty lines', {}, {}],
  ];

  it.each(rows)('%s', (_label, lines, expected) => {
    expect(parseAddressLines(someLines(lines))).toEqual(anAddress(expected));
  });
});

describe('parseAddressLines(formatAddressLines(a)) round trip', () => {
  const addresses: Array<[string, Address]> = [
    ['full Norwegian', anAddress({ street: 'Østensjøveien', houseNumber: '36', entrance: 'B', unit: 'H0101', coAddress: 'Kari Nordmann', ...OSLO })],
    ['number only', anAddress({ street: 'Storgata', houseNumber: '12', ...OSLO })],
    ['no house number', anAddress({ street: 'Solbakken', postalCode: '9990', city: 'Båtsfjord', countryCode: 'NO' })],
    ['street with digits', anAddress({ street: 'Gate 1', houseNumber: '12', postalCode: '7010', city: 'Trondheim', countryCode: 'NO' })],
    ['co only', anAddress({ street: 'Bryggen', houseNumber: '3', coAddress: 'Ærlig Øystein Åsen', postalCode: '5003', city: 'Bergen', countryCode: 'NO' })],
    ['floor unit', anAddress({ street: 'Torggata', houseNumber: '5', unit: '3. etg', ...OSLO })],
    ['Swedish', anAddress({ street: 'Drottninggatan', houseNumber: '5', postalCode: 'SE-112 22', city: 'Stockholm', countryCode: 'SE' })],
    ['Swedish, plain postcode', anAddress({ street: 'Drottninggatan', houseNumber: '5', postalCode: '11222', city: 'Stockholm', countryCode: 'SE' })],
    ['UK-style street with number first', anAddress({ street: '221B Baker Street', postalCode: 'NW1 6XE', city: 'London', countryCode: 'GB' })],
    ['unknown country', anAddress({ street: 'Main Road', houseNumber: '1', postalCode: '3900', city: 'Nuuk', countryCode: 'GL' })],
    ['leading zeros', anAddress({ street: 'Kirkeveien', houseNumber: '1', postalCode: '0001', city: 'Oslo', countryCode: 'NO' })],
    ['emoji in the c/o', anAddress({ street: 'Storgata', houseNumber: '1', coAddress: 'Kari 🎉 Nordmann', ...OSLO })],
    ['empty', anAddress({})],
  ];

  it.each(addresses)('%s (country as code)', (_label, address) => {
    expect(parseAddressLines(formatAddressLines(address, { country: 'code' }))).toEqual(address);
  });

  it.each(addresses)('%s (country as name)', (_label, address) => {
    expect(parseAddressLines(formatAddressLines(address, { country: 'name' }))).toEqual(address);
  });
});
