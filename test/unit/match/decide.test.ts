import { describe, expect, it } from 'vitest';
import { blockingKeys, decide, type MatchRecord } from '../../../src/match/index.js';
import { buildRecord, loadParams } from './fixtures.js';

const params = loadParams();
// Decisions are taken as in a store of 100,000 customers.
const context = { storeSize: 100_000 };

const kari = buildRecord({
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

describe('decide()', () => {
  it.each<[string, Partial<MatchRecord>, 'link' | 'review' | 'create']>([
    ['exact person', {}, 'link'],
    ['Infosoft LAST FIRST, spelling variants', { firstName: '', lastName: 'NORDMANN KARI', street: 'Ostensjovn. 36 B', houseNumber: '', entrance: '', phones: ['+47 912 34 567'] }, 'link'],
    ['moved, same phone and e-mail', { street: 'Storgata', houseNumber: '1', entrance: '', postalCode: '0155' }, 'link'],
    ['no phone, no e-mail, same address and birth date', { phones: [], email: '' }, 'link'],
    ['same name and address, different birth date', { birthDate: '2010-01-02', phones: [], email: '' }, 'review'],
    ['spouse: other first name, same address, phone and e-mail', { firstName: 'Ola', birthDate: '' }, 'review'],
    ['twin: other first name, same birth date and address', { firstName: 'Kristin', phones: [], email: '' }, 'review'],
    ['misspelled surname, same phone and e-mail', { lastName: 'Nordman' }, 'link'],
    ['misspelled surname, same address, new phone, same e-mail', { lastName: 'Nordman', phones: ['98765432'] }, 'link'],
    ['similar surname at the same address, different phone and e-mail', { lastName: 'Nordman', phones: ['98765432'], email: 'kn@online.no', birthDate: '' }, 'review'],
    ['namesake elsewhere, different phone and e-mail', { street: 'Storgata', houseNumber: '1', entrance: '', postalCode: '7010', city: 'Trondheim', phones: ['98765432'], email: 'kn@online.no', birthDate: '' }, 'create'],
    ['someone else entirely', { firstName: 'Per', lastName: 'Olsen', street: 'Kirkeveien', houseNumber: '2', entrance: '', postalCode: '5003', city: 'Bergen', phones: ['45454545'], email: 'per@olsen.no', birthDate: '1950-01-01' }, 'create'],
  ])('%s → %s', (_label, change, expected) => {
    const incoming = { ...kari, id: 'I1', ...change };
    expect(decide(incoming, [kari], params, context).kind).toBe(expected);
  });

  it('"DOE JOHN" links to FirstName John, LastName Doe', () => {
    const stored = buildRecord({ id: 'W9', firstName: 'John', lastName: 'Doe', postalCode: '0667', street: 'Bølerlia', houseNumber: '4', phones: ['41414141'] });
    const incoming = buildRecord({ id: 'I9', lastName: 'DOE JOHN', postalCode: '0667', street: 'Bølerlia 4', phones: ['+47 41 41 41 41'] });
    const decision = decide(incoming, [stored], params, context);
    expect(decision.kind).toBe('link');
    expect(decision.kind === 'link' && decision.target).toBe('W9');
  });

  it('two equally good candidates → review carrying both', () => {
    const twin = { ...kari, id: 'W2' };
    const decision = decide({ ...kari, id: 'I1' }, [kari, twin], params, context);
    expect(decision.kind).toBe('review');
    if (decision.kind === 'review') expect(decision.candidates.map((c) => c.id).sort()).toEqual(['W1', 'W2']);
  });

  it('best candidate already linked to another Infosoft customer → review', () => {
    const decision = decide({ ...kari, id: 'I1' }, [kari], params, { ...context, linkedElsewhere: (id) => id === 'W1' });
    expect(decision.kind).toBe('review');
    if (decision.kind === 'review') expect(decision.reason).toMatch(/linked/);
  });

  it('common surname only → create, and a rare surname weighs more than a common one', () => {
    const stored = buildRecord({ id: 'W3', firstName: 'Ola', lastName: 'Hansen', postalCode: '9008', city: 'Tromsø', street: 'Storgata', houseNumber: '3' });
    const incoming = buildRecord({ id: 'I3', firstName: 'Per', lastName: 'Hansen', postalCode: '0667', city: 'Oslo', street: 'Bølerlia', houseNumber: '9' });
    const termFrequency = (field: string, value: string) => (field === 'lastName' && value === 'hansen' ? 0.02 : 0.00001);
    const decision = decide(incoming, [stored], params, { ...context, termFrequency });
    expect(decision.kind).toBe('create');

    const rareStored = { ...stored, lastName: 'Aschehoug' };
    const rareIncoming = { ...incoming, lastName: 'Aschehoug' };
    const common = decide(incoming, [stored], params, { ...context, termFrequency });
    const rare = decide(rareIncoming, [rareStored], params, { ...context, termFrequency });
    const weightOf = (d: typeof common) =>
      d.kind === 'create' ? d.best?.evidence.fields.find((f) => f.field === 'lastName')?.weight : undefined;
    expect(weightOf(rare)).toBeGreaterThan(weightOf(common) ?? Infinity);
  });

  it('no candidates → create', () => {
    expect(decide(kari, [], params, context)).toEqual({ kind: 'create', reason: 'no candidates' });
  });

  it('a larger store needs more evidence: the prior falls with store size', () => {
    const namesake = buildRecord({ id: 'W5', firstName: 'Kari', lastName: 'Nordmann', postalCode: '0667', city: 'Oslo' });
    const incoming = buildRecord({ id: 'I5', firstName: 'Kari', lastName: 'Nordmann', postalCode: '0667', city: 'Oslo' });
    const small = decide(incoming, [namesake], params, { storeSize: 10 });
    const large = decide(incoming, [namesake], params, { storeSize: 10_000_000 });
    const scoreOf = (d: typeof small) => (d.kind === 'link' ? d.score : d.kind === 'review' ? d.candidates[0]?.score : d.best?.score);
    expect(scoreOf(small)).toBeGreaterThan(scoreOf(large) ?? Infinity);
    expect(large.kind).not.toBe('link');
  });

  it('carries evidence with a level and a weight per field summing to the total', () => {
    const decision = decide({ ...kari, id: 'I1' }, [kari], params, context);
    if (decision.kind !== 'link') throw new Error(`expected link, got ${decision.kind}`);
    const { fields, prior, total } = decision.evidence;
    expect(fields.map((f) => f.field).sort()).toEqual(['address', 'birthDate', 'companyName', 'email', 'firstName', 'lastName', 'phone']);
    expect(fields.find((f) => f.field === 'birthDate')).toMatchObject({ level: 'equal' });
    expect(fields.find((f) => f.field === 'companyName')).toMatchObject({ level: 'missing', weight: 0 });
    for (const f of fields.filter((x) => x.level !== 'missing')) expect(f.weight).toBeGreaterThan(0);
    expect(prior + fields.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(total, 9);
    expect(decision.score).toBe(total);
  });

  it('is deterministic and independent of candidate order', () => {
    const others = [
      buildRecord({ id: 'W7', firstName: 'Kari', lastName: 'Nordmann', postalCode: '0667' }),
      buildRecord({ id: 'W8', firstName: 'Karin', lastName: 'Nordman', postalCode: '0668' }),
    ];
    const a = decide({ ...kari, id: 'I1' }, [kari, ...others], params, context);
    const b = decide({ ...kari, id: 'I1' }, [...others].reverse().concat(kari), params, context);
    expect(a).toEqual(b);
  });
});

describe('blockingKeys()', () => {
  const variants: Array<[string, Partial<MatchRecord>]> = [
    ['LAST FIRST in one field, no phone/e-mail', { firstName: '', lastName: 'NORDMANN KARI', phones: [], email: '' }],
    ['surname typo', { lastName: 'Nordmnan' }],
    ['moved', { street: 'Storgata', houseNumber: '1', postalCode: '0155', phones: [], birthDate: '' }],
    ['new phone and e-mail', { phones: ['41000000'], email: 'kn@online.no' }],
    ['phonetic spelling of surname, no contact data', { lastName: 'Nordman', phones: [], email: '' }],
    ['postal code without leading zero', { postalCode: '667', phones: [], email: '', birthDate: '' }],
    ['plus-addressed e-mail only', { firstName: '', lastName: '', street: '', postalCode: '', birthDate: '', phones: [], email: 'Kari.Nordmann+avis@example.no' }],
  ];
  it.each(variants)('a true match with one field changed shares a key: %s', (_label, change) => {
    const stored = new Set(blockingKeys(kari, params));
    const incoming = blockingKeys({ ...kari, id: 'I1', ...change }, params);
    expect(incoming.some((k) => stored.has(k))).toBe(true);
  });

  it('a different person shares no key', () => {
    const other = buildRecord({ id: 'X', firstName: 'Per', lastName: 'Olsen', postalCode: '5003', street: 'Kirkeveien', houseNumber: '2', phones: ['45454545'], email: 'per@olsen.no', birthDate: '1950-01-01' });
    const stored = new Set(blockingKeys(kari, params));
    expect(blockingKeys(other, params).filter((k) => stored.has(k))).toEqual([]);
  });

  it('lists a record’s keys once, and a copy of the record gets the same keys', () => {
    const record = { ...kari, id: 'K2' };
    const first = blockingKeys(record, params);
    expect(blockingKeys(record, params)).toBe(first);
    expect(blockingKeys({ ...record }, params)).toEqual(first);
    // Another region is another normalization (phones), listed on its own.
    expect(blockingKeys(record, { ...params, defaultRegion: 'SE' })).not.toBe(first);
  });
});

describe('compound surnames sharing a prefix', () => {
  // The benchmark's --surname-variety 7 data: a shop-only customer and a new subscriber at one
  // address, first names equal, surnames Jaro–Winkler-similar by their common beginning.
  const shopOnly = buildRecord({ id: 'W30758', firstName: 'Unni', lastName: 'Storeriksen', street: 'Fjellveien', houseNumber: '48', postalCode: '1337', city: 'SANDVIKA', phones: ['97513257'], email: 'unni.storeriksen900757@shop.example.no' });
  const subscriber = { ...shopOnly, id: 'I117772', lastName: 'Storiversen', entrance: 'A', phones: ['40349692'], email: 'unni.storiversen117772@example.no' };

  it('are never linked when neither phone nor e-mail agrees', () => {
    const decision = decide(subscriber, [shopOnly], params, context);
    expect(decision.kind).toBe('review');
    expect(decision.kind === 'review' && decision.reason).toContain('similar surname with different e-mail and phone');
  });

  it('are linked when the phone agrees', () => {
    expect(decide({ ...subscriber, phones: shopOnly.phones }, [shopOnly], params, context).kind).toBe('link');
  });
});

describe('namesakes on the same street', () => {
  const params = loadParams();
  // Found at 20,000 generated customers: same names, same street and town, another house number,
  // other e-mail and phone. Linking would overwrite another person's record.
  it.each([
    ['Markveien', '41', '108', '1337', '1337'],
    ['Storgata', '24', '57 C', '0667', '0001'],
  ])('%s %s vs %s is never linked', (street, numberA, numberB, postalA, postalB) => {
    const stored = buildRecord({ id: 'W1', firstName: 'Jens', lastName: 'Furu', street, houseNumber: numberB, postalCode: postalB, city: 'OSLO', phones: ['98446358'], email: 'jens.furu@shop.example.no' });
    const incoming = buildRecord({ id: 'I1', firstName: 'Jens', lastName: 'Furu', street, houseNumber: numberA, postalCode: postalA, city: 'OSLO', phones: ['48386410'], email: 'jens.furu@epost.example.no' });
    const decision = decide(incoming, [stored], params, { storeSize: 20_000 });
    expect(decision.kind).not.toBe('link');
  });

  it('still links the same person at the same number with a new phone', () => {
    const stored = buildRecord({ id: 'W2', firstName: 'Jens', lastName: 'Furu', street: 'Markveien', houseNumber: '41', postalCode: '1337', city: 'SANDVIKA', phones: ['98446358'], email: 'jens.furu@example.no' });
    const incoming = buildRecord({ id: 'I2', firstName: 'Jens', lastName: 'Furu', street: 'Markveien', houseNumber: '41', postalCode: '1337', city: 'SANDVIKA', phones: ['48386410'], email: 'jens.furu@example.no' });
    expect(decide(incoming, [stored], params, { storeSize: 20_000 }).kind).toBe('link');
  });
});
