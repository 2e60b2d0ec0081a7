import { describe, expect, it } from 'vitest';
import { compareRecords, prepareRecord, type MatchRecord } from '../../../src/match/index.js';
import { buildRecord } from './fixtures.js';

function compare(a: Partial<MatchRecord>, b: Partial<MatchRecord>) {
  return compareRecords(prepareRecord(buildRecord({ id: 'a', ...a }), 'NO'), prepareRecord(buildRecord({ id: 'b', ...b }), 'NO'));
}

describe('names: order-insensitive, initials, double surnames', () => {
  it.each<[string, Partial<MatchRecord>, Partial<MatchRecord>, string, string]>([
    ['same', { firstName: 'Kari', lastName: 'Nordmann' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'exact', 'exact'],
    ['Infosoft LAST FIRST in one field', { lastName: 'NORDMANN KARI' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'exact', 'exact'],
    ['Windward "First Last" in one field', { firstName: 'Kari Nordmann' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'exact', 'exact'],
    ['DOE JOHN', { lastName: 'DOE JOHN' }, { firstName: 'John', lastName: 'Doe' }, 'exact', 'exact'],
    ['swapped fields', { firstName: 'Nordmann', lastName: 'Kari' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'exact', 'exact'],
    ['middle initial', { firstName: 'Kari J.', lastName: 'Nordmann' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'exact', 'exact'],
    ['middle name', { firstName: 'Kari Johanne', lastName: 'Nordmann' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'fuzzy', 'exact'],
    ['initial only', { firstName: 'K.', lastName: 'Nordmann' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'initial', 'exact'],
    ['wrong initial', { firstName: 'O.', lastName: 'Nordmann' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'different', 'exact'],
    ['hyphen vs space', { firstName: 'Liv', lastName: 'Berg-Hansen' }, { firstName: 'Liv', lastName: 'Berg Hansen' }, 'exact', 'exact'],
    ['one part of double surname', { firstName: 'Liv', lastName: 'Berg-Hansen' }, { firstName: 'Liv', lastName: 'Hansen' }, 'exact', 'fuzzy'],
    ['phonetic', { firstName: 'Christian', lastName: 'Nielsen' }, { firstName: 'Kristian', lastName: 'Nilsen' }, 'fuzzy', 'fuzzy'],
    ['typo', { firstName: 'Kari', lastName: 'Nordmnan' }, { firstName: 'Kari', lastName: 'Nordmann' }, 'exact', 'fuzzy'],
    ['Nordic folding', { firstName: 'Bjørn', lastName: 'Ødegård' }, { firstName: 'Bjoern', lastName: 'Odegaard' }, 'exact', 'exact'],
    ['different people', { firstName: 'Ola', lastName: 'Hansen' }, { firstName: 'Kari', lastName: 'Olsen' }, 'different', 'different'],
    ['Anne Marie vs Anne Lise', { firstName: 'Anne Marie', lastName: 'Lie' }, { firstName: 'Anne Lise', lastName: 'Lie' }, 'different', 'exact'],
    ['missing first', { firstName: '', lastName: 'Lie' }, { firstName: 'Anne', lastName: 'Lie' }, 'missing', 'exact'],
  ])('%s', (_label, a, b, first, last) => {
    const c = compare(a, b);
    expect([c.names.firstName, c.names.lastName]).toEqual([first, last]);
  });
});

describe('address levels', () => {
  const home = { street: 'Østensjøveien', houseNumber: '36', entrance: 'B', postalCode: '0667', city: 'Oslo' };
  it.each<[string, Partial<MatchRecord>, string]>([
    ['identical', home, 'exact'],
    ['spelling + number in street', { street: 'Ostensjovn. 36 B', postalCode: '667', city: 'OSLO' }, 'exact'],
    ['entrance missing on one side', { ...home, entrance: '' }, 'exact'],
    ['other entrance', { ...home, entrance: 'A' }, 'street'],
    ['other number', { ...home, houseNumber: '38' }, 'street'],
    ['postal typo, same town', { ...home, postalCode: '0676' }, 'exact'],
    ['same postal only', { street: 'Bølerlia', houseNumber: '1', postalCode: '0667', city: 'Oslo' }, 'locality'],
    ['other town', { street: 'Storgata', houseNumber: '1', postalCode: '7010', city: 'Trondheim' }, 'different'],
    ['same street name elsewhere', { ...home, postalCode: '5003', city: 'Bergen' }, 'different'],
    ['nothing known', { street: '', houseNumber: '', entrance: '', postalCode: '', city: '' }, 'missing'],
  ])('%s → %s', (_label, other, level) => {
    expect(compare(home, other).address).toBe(level);
  });
});

describe('phone, e-mail, birth date levels', () => {
  it.each<[Partial<MatchRecord>, Partial<MatchRecord>, string]>([
    [{ phones: ['+47 912 34 567'] }, { phones: ['91234567'] }, 'equal'],
    [{ phones: ['0047 91234567', '22334455'] }, { phones: ['22 33 44 55'] }, 'equal'],
    [{ phones: ['91234567'] }, { phones: ['91234568'] }, 'different'],
    [{ phones: [] }, { phones: ['91234567'] }, 'missing'],
  ])('phone %o vs %o → %s', (a, b, level) => {
    expect(compare(a, b).phone).toBe(level);
  });
  it.each<[string, string, string]>([
    ['Kari+avis@Example.no', 'kari@example.no', 'equal'],
    ['ka.ri@gmail.com', 'kari@googlemail.com', 'equal'],
    ['kari@online.no', 'kari@example.no', 'local'],
    ['kari@example.no', 'ola@example.no', 'different'],
    ['', 'ola@example.no', 'missing'],
    ['not an email', 'ola@example.no', 'missing'],
  ])('email %s vs %s → %s', (a, b, level) => {
    expect(compare({ email: a }, { email: b }).email).toBe(level);
  });
  it.each<[string, string, string]>([
    ['1980-05-17', '1980-05-17', 'equal'],
    ['1980-05-07', '1980-07-05', 'near'],
    ['1980-05-17', '1981-05-17', 'near'],
    ['1980-05-17', '1980-05-18', 'near'],
    ['1980-05-17', '1975-01-02', 'different'],
    ['', '1975-01-02', 'missing'],
  ])('birth date %s vs %s → %s', (a, b, level) => {
    expect(compare({ birthDate: a }, { birthDate: b }).birthDate).toBe(level);
  });
});

describe('company names', () => {
  it.each<[string, string, string]>([
    ['Aftenposten AS', 'AFTENPOSTEN ASA', 'exact'],
    ['Hansen Rør og Bad AS', 'Hansen Ror og Bad', 'exact'],
    ['Bakeriet Sentrum AS', 'Sentrum Bakeriet', 'exact'],
    ['Nordlys Regnskap AS', 'Nordlys Regnskapskontor AS', 'fuzzy'],
    ['Aftenposten AS', 'Dagbladet AS', 'different'],
  ])('%s vs %s → %s', (a, b, level) => {
    const c = compare({ kind: 'company', companyName: a }, { kind: 'company', companyName: b });
    expect(c.companyName).toBe(level);
  });
});
