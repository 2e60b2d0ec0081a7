// What customer-sync writes to Windward for an Infosoft customer. Infosoft is the master for the
// fields written here; everything else on the Windward record is left alone.
import type { Address, CustomerNumber, InfosoftCustomer, WindwardCustomerDraft } from '../domain/customer.js';

export const EMPTY_ADDRESS: Address = {
  street: '',
  houseNumber: '',
  entrance: '',
  unit: '',
  coAddress: '',
  postalCode: '',
  city: '',
  countryCode: '',
};

/** The stable external reference that marks a Windward record as ours (DESIGN §4.2). */
export function toBillToReference(customerNumber: CustomerNumber): string {
  return `IS-${customerNumber}`;
}

export function toShipToReference(customerNumber: CustomerNumber, titleCode: string): string {
  return `IS-${customerNumber}-S-${titleCode}`;
}

export function isShipToReference(externalRef: string): boolean {
  return /^IS-\d+-S-/.test(externalRef);
}

export function toDisplayName(customer: Pick<InfosoftCustomer, 'firstName' | 'lastName' | 'kind'>): string {
  if (customer.kind !== 'person') return [customer.lastName, customer.firstName].filter(Boolean).join(' ').trim();
  return [customer.firstName, customer.lastName].filter(Boolean).join(' ').trim();
}

export function toBillToDraft(customer: InfosoftCustomer, defaultCountryCode: string): WindwardCustomerDraft {
  return {
    externalRef: toBillToReference(customer.customerNumber),
    name: toDisplayName(customer),
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    phones: customer.phones.slice(0, 3),
    address: withCountry(customer.address ?? EMPTY_ADDRESS, defaultCountryCode),
  };
}

function withCountry(address: Address, defaultCountryCode: string): Address {
  return address.countryCode ? address : { ...address, countryCode: defaultCountryCode };
}
