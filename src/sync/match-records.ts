// Both vendors' customers as the matcher sees them.
import type { Address, InfosoftCustomer, WindwardCustomer } from '../domain/customer.js';
import type { MatchRecord } from '../match/index.js';

function toAddressFields(address: Address | null) {
  return {
    street: address?.street ?? '',
    houseNumber: address?.houseNumber ?? '',
    entrance: address?.entrance ?? '',
    unit: address?.unit ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    countryCode: address?.countryCode ?? '',
  };
}

// One record per customer object: the match gate and the lookup take the same record, so it is
// normalized once (the matcher caches its normalized form by record object).
const infosoftRecords = new WeakMap<InfosoftCustomer, MatchRecord>();

export function toMatchRecordFromInfosoft(customer: InfosoftCustomer): MatchRecord {
  let record = infosoftRecords.get(customer);
  if (!record) infosoftRecords.set(customer, (record = buildInfosoftRecord(customer)));
  return record;
}

function buildInfosoftRecord(customer: InfosoftCustomer): MatchRecord {
  const company = customer.kind !== 'person';
  return {
    id: `IS-${customer.customerNumber}`,
    kind: company ? 'company' : 'person',
    firstName: company ? '' : customer.firstName,
    lastName: company ? '' : customer.lastName,
    companyName: company ? [customer.lastName, customer.firstName].filter(Boolean).join(' ') : '',
    ...toAddressFields(customer.address),
    phones: customer.phones,
    email: customer.email ?? '',
    birthDate: customer.birthDate ?? '',
  };
}

/**
 * Windward holds a person as FirstName/LastName and/or a display Name ("First Last", "Last, First");
 * when the split fields are empty the matcher gets the whole Name to read both ways.
 */
export function toMatchRecordFromWindward(customer: WindwardCustomer): MatchRecord {
  const hasSplit = customer.firstName.trim() !== '' || customer.lastName.trim() !== '';
  const name = customer.name.replace(/,/g, ' ').trim();
  return {
    id: String(customer.unique),
    kind: 'person',
    firstName: hasSplit ? customer.firstName : '',
    lastName: hasSplit ? customer.lastName : name,
    companyName: hasSplit ? '' : name,
    ...toAddressFields(customer.address),
    phones: customer.phones,
    email: customer.email ?? '',
    birthDate: '',
  };
}
