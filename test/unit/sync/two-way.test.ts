import { describe, expect, it } from 'vitest';
import { reconcile, toNextDistributionDate, type ConflictPolicy, type SyncedValues } from '../../../src/sync/two-way.js';

const base: SyncedValues = {
  firstName: 'KARI',
  lastName: 'NORDMANN',
  phone: '91234567',
  email: 'kari@example.no',
  address: { street: 'Storgata', houseNumber: '1', entrance: '', unit: '', coAddress: '', postalCode: '0155', city: 'OSLO', countryCode: 'NO' },
};
const infosoftWins: ConflictPolicy = { name: 'infosoft', phone: 'infosoft', email: 'infosoft', address: 'infosoft' };
const windwardWinsEmail: ConflictPolicy = { ...infosoftWins, email: 'windward' };

describe('reconcile', () => {
  it.each<[string, Partial<SyncedValues>, Partial<SyncedValues>, ConflictPolicy, string[], string[], string[]]>([
    // name, infosoft now, windward now, policy, toWindward, toInfosoft, conflicts
    ['nothing changed', {}, {}, infosoftWins, [], [], []],
    ['formatting is not a change', {}, { phone: '+47 912 34 567', firstName: 'Kari', email: 'KARI@example.no ' }, infosoftWins, [], [], []],
    ['Infosoft changed the phone', { phone: '40000000' }, {}, infosoftWins, ['phone'], [], []],
    ['Windward changed the e-mail', {}, { email: 'new@example.no' }, infosoftWins, [], ['email'], []],
    ['both changed the e-mail differently: policy Infosoft', { email: 'a@example.no' }, { email: 'b@example.no' }, infosoftWins, ['email'], [], ['email:infosoft']],
    ['both changed the e-mail differently: policy Windward', { email: 'a@example.no' }, { email: 'b@example.no' }, windwardWinsEmail, [], ['email'], ['email:windward']],
    ['both changed to the same value', { email: 'same@example.no' }, { email: 'same@example.no' }, infosoftWins, [], [], []],
    ['each side changed a different group', { phone: '40000000' }, { email: 'new@example.no' }, infosoftWins, ['phone'], ['email'], []],
    ['Windward moved', {}, { address: { ...base.address, street: 'Kirkegata' } }, infosoftWins, [], ['address'], []],
  ])('%s', (_name, infosoftNow, windwardNow, policy, toWindward, toInfosoft, conflicts) => {
    const plan = reconcile({ infosoft: { ...base, ...infosoftNow }, windward: { ...base, ...windwardNow } }, { infosoft: base, windward: base }, policy, 'NO');
    expect(plan.toWindward).toEqual(toWindward);
    expect(plan.toInfosoft).toEqual(toInfosoft);
    expect(plan.conflicts.map((c) => `${c.group}:${c.winner}`)).toEqual(conflicts);
  });

  it('leaves a difference alone when neither side changed (an Infosoft move waiting for its date)', () => {
    const moved = { ...base, address: { ...base.address, street: 'Kirkegata' } };
    const plan = reconcile({ infosoft: base, windward: moved }, { infosoft: base, windward: moved }, infosoftWins, 'NO');
    expect([plan.toWindward, plan.toInfosoft]).toEqual([[], []]);
  });

  it('treats Infosoft as master when there is no baseline yet', () => {
    const plan = reconcile({ infosoft: base, windward: { ...base, email: 'old@example.no' } }, null, infosoftWins, 'NO');
    expect(plan.toWindward).toEqual(['email']);
    expect(plan.windwardTarget.email).toBe('kari@example.no');
  });
});

describe('toNextDistributionDate', () => {
  const monToSat = [1, 2, 3, 4, 5, 6];
  it.each([
    ['2026-03-05T10:00:00Z', monToSat, '2026-03-06'], // Thursday → Friday
    ['2026-03-07T10:00:00Z', monToSat, '2026-03-09'], // Saturday → Monday (no Sunday paper)
    ['2026-03-07T10:00:00Z', [0, 1, 2, 3, 4, 5, 6], '2026-03-08'],
    ['2026-12-31T23:00:00Z', monToSat, '2027-01-01'],
  ])('%s → %s', (now, weekdays, expected) => {
    expect(toNextDistributionDate(new Date(now), weekdays)).toBe(expected);
  });
});
