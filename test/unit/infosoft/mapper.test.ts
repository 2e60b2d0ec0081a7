import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Address } from '../../../src/domain/customer.js';
import { splitPostcodeAndCity, toAddress, toAddressInfo, toInfosoftCustomer } from '../../../src/infosoft/mapper.js';
import { addressWire, customerInformationWire, pendingMoveWire } from '../../../src/infosoft/wire.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/infosoft/${name}`, import.meta.url), 'utf8');

// Everything as strings and empty elements as '': harsher than the soap package (which types ints),
// so it also proves the wire schemas are lenient about numbers that come as text.
const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });

function readSeedResult(): unknown {
  const doc = parser.parse(fixture('GetCustomerInformation.response.xml')) as {
    Envelope: { Body: { GetCustomerInformationResponse: { GetCustomerInformationResult: unknown } } };
  };
  return doc.Envelope.Body.GetCustomerInformationResponse.GetCustomerInformationResult;
}

const seedAddress: Address = {
  street: 'Østensjøveien',
  houseNumber: '36',
  entrance: '',
  unit: '',
  coAddress: '',
  postalCode: '0667',
  city: 'OSLO',
  countryCode: 'NO',
};

describe('toInfosoftCustomer on the vendor example', () => {
  it('maps master data, the title and its address', () => {
    const info = customerInformationWire.parse(readSeedResult());
    const customer = toInfosoftCustomer(info, [{ titleCode: 'IT', info }]);
    expect(customer).toEqual({
      customerNumber: 123456,
      customerId: null,
      kind: 'person',
      firstName: 'JOHN',
      lastName: 'DOE',
      email: 'john@doe.com',
      phones: ['12345678'],
      birthDate: null, // 0001-01-01T00:00:00
      address: seedAddress,
      titles: [{ titleCode: 'IT', address: seedAddress, pendingMove: null }],
    });
  });

  it('leaves out a title answered without Subscription', () => {
    const raw = readSeedResult() as Record<string, unknown>;
    const { Subscription: _dropped, ...withoutSubscription } = raw;
    const master = customerInformationWire.parse(raw);
    const noTitle = customerInformationWire.parse(withoutSubscription);
    expect(toInfosoftCustomer(master, [{ titleCode: 'XX', info: noTitle }]).titles).toEqual([]);
  });

  it('attaches the earliest pending move of a title', () => {
    const info = customerInformationWire.parse(readSeedResult());
    const move = (startDate: string, street: string) =>
      pendingMoveWire.parse({ TitleCode: 'IT', StartDate: startDate, Address: { StreetName: street, HouseNumber: '1', ZipCode: '0150', ZipText: 'OSLO', CountryCode: 'NO' } });
    const customer = toInfosoftCustomer(info, [{ titleCode: 'IT', info }], [move('2031-05-01', 'Later'), move('2030-01-02', 'Sooner')]);
    expect(customer.titles[0]?.pendingMove).toMatchObject({ startDate: '2030-01-02', address: { street: 'Sooner', postalCode: '0150' } });
  });
});

describe('customer fields', () => {
  const base = readSeedResult() as Record<string, unknown>;
  const cases: Array<{ name: string; patch: Record<string, unknown>; expected: Record<string, unknown> }> = [
    { name: '0001-01-01 birth date is no date', patch: { BirthDate: '0001-01-01T00:00:00' }, expected: { birthDate: null } },
    { name: 'dateTime birth date becomes a day', patch: { BirthDate: '1950-01-01T00:00:00' }, expected: { birthDate: '1950-01-01' } },
    { name: 'nil birth date is no date', patch: { BirthDate: null }, expected: { birthDate: null } },
    { name: 'empty email is null', patch: { Email: '' }, expected: { email: null } },
    { name: 'company type', patch: { CustomerTypeCode: 'FIRMA' }, expected: { kind: 'company' } },
    { name: 'retailer type', patch: { CustomerTypeCode: 'FORHA' }, expected: { kind: 'retailer' } },
    { name: 'unknown type defaults to person', patch: { CustomerTypeCode: 'XYZ' }, expected: { kind: 'person' } },
    { name: 'name falls back to Name', patch: { FirstName: '', LastName: '', Name: 'FJORD FISK AS' }, expected: { firstName: '', lastName: 'FJORD FISK AS' } },
    { name: 'customer number as a number', patch: { CustomerNumber: 42 }, expected: { customerNumber: 42 } },
    {
      name: 'all non-empty phones, trimmed',
      patch: { Phone: { Telephone1: ' 12345678 ', Telephone2: '', Telephone3: '+4799887766', Telephone4: {} } },
      expected: { phones: ['12345678', '+4799887766'] },
    },
  ];
  it.each(cases)('$name', ({ patch, expected }) => {
    const customer = toInfosoftCustomer(customerInformationWire.parse({ ...base, ...patch }));
    expect(customer).toMatchObject(expected);
  });

  it('rejects an answer without CustomerNumber, naming it', () => {
    const { CustomerNumber: _n, ...rest } = base;
    const result = customerInformationWire.safeParse(rest);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['CustomerNumber']);
  });
});

describe('toAddress', () => {
  const cases: Array<{ name: string; wire: Record<string, unknown>; expected: Partial<Address> | null }> = [
    {
      name: 'leading-zero zip kept',
      wire: { StreetName: 'Østensjøveien', HouseNumber: '36', ZipCode: '0667', ZipText: 'OSLO', CountryCode: 'NO' },
      expected: { postalCode: '0667', city: 'OSLO', countryCode: 'NO' },
    },
    {
      name: 'zip that lost its zero to a number is padded',
      wire: { StreetName: 'Storgata', HouseNumber: '1', ZipCode: 155, ZipText: 'OSLO', CountryCode: 'NO' },
      expected: { postalCode: '0155' },
    },
    {
      name: 'missing country on a Norwegian zip means NO',
      wire: { StreetName: 'Storgata', HouseNumber: '1', ZipCode: '0155', ZipText: 'OSLO' },
      expected: { countryCode: 'NO' },
    },
    {
      name: 'c/o and bolignummer',
      wire: { StreetName: 'Storgata', HouseNumber: '12', Entrance: 'B', ApartmentIdentity: 'H0203', CoAddress: 'c/o Ola Hansen', ZipCode: '0155', ZipText: 'OSLO', CountryCode: 'NO' },
      expected: { street: 'Storgata', houseNumber: '12', entrance: 'B', unit: 'H0203', coAddress: 'Ola Hansen' },
    },
    {
      name: 'floor and apartment without bolignummer',
      wire: { StreetName: 'Storgata', HouseNumber: '12', Floor: '2', Apartment: '1', ZipCode: '0155', ZipText: 'OSLO' },
      expected: { unit: '2 1' },
    },
    {
      name: 'foreign: postcode and city from AddressExtension2',
      wire: { StreetName: '', HouseNumber: '', ZipCode: 'I/A', ZipText: '', CountryCode: 'fr', AddressExtension1: 'Rue de Rivoli 12', AddressExtension2: '75001 PARIS' },
      expected: { street: 'Rue de Rivoli 12', houseNumber: '', postalCode: '75001', city: 'PARIS', countryCode: 'FR' },
    },
    {
      name: 'foreign with a two-word postcode',
      wire: { StreetName: 'Downing Street', HouseNumber: '10', ZipCode: 'I/A', ZipText: '', CountryCode: 'GB', AddressExtension2: 'SW1A 2AA LONDON' },
      expected: { street: 'Downing Street', houseNumber: '10', postalCode: 'SW1A 2AA', city: 'LONDON', countryCode: 'GB' },
    },
    { name: 'empty address element is no address', wire: {}, expected: null },
  ];
  it.each(cases)('$name', ({ wire, expected }) => {
    const address = toAddress(addressWire.parse(wire));
    if (expected === null) expect(address).toBeNull();
    else expect(address).toMatchObject(expected);
  });
});

describe('toAddressInfo → toAddress round trip', () => {
  const addresses: Array<{ name: string; address: Address }> = [
    { name: 'vendor example', address: seedAddress },
    {
      name: 'c/o, entrance and bolignummer',
      address: { street: 'Storgata', houseNumber: '12', entrance: 'B', unit: 'H0203', coAddress: 'Ola Hansen', postalCode: '0155', city: 'OSLO', countryCode: 'NO' },
    },
    {
      name: 'foreign',
      address: { street: 'Rue de Rivoli', houseNumber: '12', entrance: '', unit: '', coAddress: '', postalCode: '75001', city: 'PARIS', countryCode: 'FR' },
    },
  ];
  it.each(addresses)('$name', ({ address }) => {
    const info = toAddressInfo(address, 123456, 'IT');
    expect(toAddress(addressWire.parse(info))).toEqual(address);
  });

  it('writes foreign addresses with ZipCode I/A and the postcode in AddressExtension2', () => {
    const info = toAddressInfo(addresses[2]!.address, 1, 'IT');
    expect(info).toMatchObject({ ZipCode: 'I/A', AddressExtension1: 'Rue de Rivoli 12', AddressExtension2: '75001 PARIS', CountryCode: 'FR' });
  });
});

describe('splitPostcodeAndCity', () => {
  it.each([
    ['75001 PARIS', '75001', 'PARIS'],
    ['SW1A 2AA LONDON', 'SW1A 2AA', 'LONDON'],
    ['D-10115 Berlin', 'D-10115', 'Berlin'],
    ['1010 Wien', '1010', 'Wien'],
    ['STOCKHOLM', '', 'STOCKHOLM'],
    ['', '', ''],
  ])('%s', (line, postalCode, city) => {
    expect(splitPostcodeAndCity(line)).toEqual({ postalCode, city });
  });
});
