// Two-way reconciliation of one linked customer (issue: Windward changes flow back to Infosoft).
// Each system has a baseline: the values it held after the last sync. A field group changed in a
// system when its current value differs from that system's baseline; a group changed on one side is
// copied to the other; changed on both sides (to different values) is a conflict settled by policy.
// Our own writes never come back as changes, because the baselines are updated with what each
// system holds after we wrote to it (echo suppression).
import type { Address, InfosoftCustomer, WindwardCustomer } from '../domain/customer.js';
import { normalizePhone } from '../match/index.js';
import { EMPTY_ADDRESS } from './draft.js';
import { toAddressKey } from './ship-to.js';

export const FIELD_GROUPS = ['name', 'phone', 'email', 'address'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];
export type Side = 'infosoft' | 'windward';
export type ConflictPolicy = Record<FieldGroup, Side>;

/** The values two-way sync keeps equal in both systems. */
export interface SyncedValues {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  address: Address;
}

export function toValuesFromInfosoft(customer: InfosoftCustomer, defaultCountryCode: string): SyncedValues {
  const address = customer.address ?? EMPTY_ADDRESS;
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    phone: customer.phones[0] ?? '',
    email: customer.email ?? '',
    address: address.countryCode ? address : { ...address, countryCode: defaultCountryCode },
  };
}

export function toValuesFromWindward(customer: WindwardCustomer, defaultCountryCode: string): SyncedValues {
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    phone: customer.phones[0] ?? '',
    email: customer.email ?? '',
    address: customer.address.countryCode ? customer.address : { ...customer.address, countryCode: defaultCountryCode },
  };
}

const fold = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Equal for sync purposes: case, spacing and phone formatting are not changes. */
export function isSameGroup(group: FieldGroup, a: SyncedValues, b: SyncedValues, region: string): boolean {
  switch (group) {
    case 'name':
      return fold(a.firstName) === fold(b.firstName) && fold(a.lastName) === fold(b.lastName);
    case 'phone':
      return (normalizePhone(a.phone, region) || fold(a.phone)) === (normalizePhone(b.phone, region) || fold(b.phone));
    case 'email':
      return fold(a.email) === fold(b.email);
    case 'address':
      return toAddressKey(a.address, region) === toAddressKey(b.address, region);
  }
}

function copyGroup(group: FieldGroup, target: SyncedValues, from: SyncedValues): SyncedValues {
  switch (group) {
    case 'name':
      return { ...target, firstName: from.firstName, lastName: from.lastName };
    case 'phone':
      return { ...target, phone: from.phone };
    case 'email':
      return { ...target, email: from.email };
    case 'address':
      return { ...target, address: from.address };
  }
}

export interface Conflict {
  group: FieldGroup;
  winner: Side;
}

export interface Reconciliation {
  /** What Windward should hold afterwards (its own values, with the groups Infosoft wins). */
  windwardTarget: SyncedValues;
  /** What Infosoft should hold afterwards (its own values, with the groups Windward wins). */
  infosoftTarget: SyncedValues;
  toWindward: FieldGroup[];
  toInfosoft: FieldGroup[];
  conflicts: Conflict[];
}

/**
 * Without a baseline (first two-way sync of a link) Windward counts as unchanged and Infosoft as
 * changed wherever they differ: Infosoft is the master.
 */
export function reconcile(
  current: { infosoft: SyncedValues; windward: SyncedValues },
  baseline: { infosoft: SyncedValues; windward: SyncedValues } | null,
  policy: ConflictPolicy,
  region: string,
): Reconciliation {
  const base = baseline ?? { infosoft: current.windward, windward: current.windward };
  let windwardTarget = current.windward;
  let infosoftTarget = current.infosoft;
  const toWindward: FieldGroup[] = [];
  const toInfosoft: FieldGroup[] = [];
  const conflicts: Conflict[] = [];
  for (const group of FIELD_GROUPS) {
    const same = (a: SyncedValues, b: SyncedValues) => isSameGroup(group, a, b, region);
    if (same(current.infosoft, current.windward)) continue;
    const infosoftChanged = !same(current.infosoft, base.infosoft);
    const windwardChanged = !same(current.windward, base.windward);
    let winner: Side;
    if (windwardChanged && !infosoftChanged) winner = 'windward';
    else if (infosoftChanged && !windwardChanged) winner = 'infosoft';
    else if (infosoftChanged && windwardChanged) {
      winner = policy[group];
      conflicts.push({ group, winner });
    } else {
      // Neither changed since the last sync, yet they differ: a move registered in Infosoft for a
      // future date. Infosoft will catch up on that date; writing now would revert Windward.
      continue;
    }
    if (winner === 'windward') {
      infosoftTarget = copyGroup(group, infosoftTarget, current.windward);
      toInfosoft.push(group);
    } else {
      windwardTarget = copyGroup(group, windwardTarget, current.infosoft);
      toWindward.push(group);
    }
  }
  return { windwardTarget, infosoftTarget, toWindward, toInfosoft, conflicts };
}

/** The next day Infosoft distributes papers (moves can start no earlier). Days are UTC dates. */
export function toNextDistributionDate(now: Date, distributionWeekdays: readonly number[]): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  for (let i = 1; i <= 7; i += 1) {
    const candidate = new Date(day.getTime() + i * 86_400_000);
    if (distributionWeekdays.includes(candidate.getUTCDay())) return candidate.toISOString().slice(0, 10);
  }
  return new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
}
