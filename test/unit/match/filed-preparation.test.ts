// The mirror files each record's normalized form; a lookup compares it instead of normalizing again.
// Adopting must never change a decision, and a filing from another region or format is ignored.
import { describe, expect, it } from 'vitest';
import { decide, prepareRecord, readFiledPreparation, toFiledPreparation, type MatchRecord } from '../../../src/match/index.js';
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

  it('is the normalized record itself', () => {
    expect(toFiledPreparation(stored, region).record).toEqual(prepareRecord(stored, region));
  });

  it.each<[string, (f: ReturnType<typeof toFiledPreparation>) => unknown]>([
    ['missing', () => null],
    ['another region', (f) => ({ ...f, region: 'SE' })],
    ['another format version', (f) => ({ ...f, format: f.format + 1 })],
    ['no record', (f) => ({ ...f, record: undefined })],
  ])('is ignored when %s', (_name, alter) => {
    const filed = throughStore(stored);
    expect(readFiledPreparation(alter(filed.prepared as ReturnType<typeof toFiledPreparation>), region)).toBeNull();
  });
});
