// The mirror files each record's normalized form; a lookup compares it instead of normalizing again.
// Adopting must never change a decision, and a filing from another region or format is ignored.
import { describe, expect, it } from 'vitest';
import { decide, prepareRecord, readFiledPreparation, toFiledPreparation, type MatchRecord } from '../../../src/match/index.js';
import type { ComparableName } from '../../../src/match/normalize.js';
import { buildRecord, loadParams } from './fixtures.js';

const params = loadParams();
const region = params.defaultRegion;
const stored = buildRecord({
  id: 'W1',
  firstName: 'Kari',
  lastName: 'Nordmann',
  street: 'Østensjøveien',
  houseNumber: '36',
  entrance: 'B',
  postalCode: '0667',
  city: 'Oslo',
  phones: ['91234567'],
  email: 'kari.nordmann@example.no',
  birthDate: '1980-05-17',
});

const withoutWords = ({ tokens, initials, keys }: ComparableName): ComparableName => ({ tokens, initials, keys });

/** What the mirror hands back: both columns through JSON, as new objects. */
const throughStore = (record: MatchRecord) => ({
  record: JSON.parse(JSON.stringify(record)) as MatchRecord,
  prepared: JSON.parse(JSON.stringify(toFiledPreparation(record, region))) as unknown,
});

describe('filed preparations', () => {
  it.each<[string, Partial<MatchRecord>]>([
    ['same person', {}],
    ['LAST FIRST in one field', { firstName: '', lastName: 'NORDMANN KARI' }],
    ['spouse at the same address', { firstName: 'Ola', birthDate: '', email: '' }],
    ['namesake elsewhere', { street: 'Storgata', houseNumber: '1', postalCode: '0155', phones: [], email: '' }],
  ])('give the same decision as normalizing afresh: %s', (_name, change) => {
    const incoming = buildRecord({ ...stored, id: 'I1', ...change });
    const fresh = decide(incoming, [JSON.parse(JSON.stringify(stored)) as MatchRecord], params, { storeSize: 100_000 });
    const prepared = readFiledPreparation(throughStore(stored).prepared, region);
    expect(prepared).not.toBeNull();
    const fromFiling = decide(incoming, [{ id: stored.id, prepared: prepared! }], params, { storeSize: 100_000 });
    expect(fromFiling).toEqual(fresh);
  });

  it.each<[string, Partial<MatchRecord>]>([
    ['a person with every field', {}],
    ['a hyphenated surname and a middle initial', { firstName: 'Anne K.', lastName: 'Berg-Hansen' }],
    ['a full name in one field (several readings)', { firstName: '', lastName: 'NORDMANN KARI ANNE' }],
    ['a company', { kind: 'company', firstName: '', lastName: '', companyName: 'Nordmann Bakeri AS', birthDate: '' }],
    ['nothing but a name', { street: '', houseNumber: '', entrance: '', postalCode: '', city: '', phones: [], email: '', birthDate: '' }],
    ['two phones and another country', { phones: ['+46 70 123 45 67', '91234567'], countryCode: 'SE' }],
  ])('reads back as the normalized record itself: %s', (_name, change) => {
    const record = buildRecord({ ...stored, ...change });
    // All but the words' grouping, which only serves to split a full name before anything is filed.
    const { names, ...rest } = prepareRecord(record, region);
    const compared = names.map(({ first, last }) => ({ first: withoutWords(first), last: withoutWords(last) }));
    expect(readFiledPreparation(throughStore(record).prepared, region)).toEqual({ ...rest, names: compared });
  });

  it('is smaller than the normalized record as JSON', () => {
    expect(JSON.stringify(toFiledPreparation(stored, region)).length).toBeLessThan(JSON.stringify(prepareRecord(stored, region)).length / 2);
  });

  const filed = () => throughStore(stored).prepared as unknown[];
  it.each<[string, () => unknown]>([
    ['missing', () => null],
    ['another region', () => filed().with(1, 'SE')],
    ['another format version', () => filed().with(0, 3)],
    ['the first format (the prepared object itself)', () => ({ format: 1, region, record: prepareRecord(stored, region) })],
    ['cut short', () => filed().slice(0, 11)],
    ['without names', () => filed().with(4, [])],
    ['with a malformed name', () => filed().with(4, [[null, null]])],
    ['with a name that is not three lists', () => filed().with(4, [[['kari'], 'k', ['kar']], [['nordmann'], ['n'], ['nortman']]])],
  ])('is ignored when %s', (_name, alter) => {
    expect(readFiledPreparation(alter(), region)).toBeNull();
  });
});
