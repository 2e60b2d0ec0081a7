import type { Address } from '../domain/customer.js';
import type { AddressLines, CountryStyle } from './address-lines.js';
import { toCountryName } from './countries.js';

export interface FormatAddressOptions {
  country: CountryStyle;
}

/**
 * Writes a structured address as Windward's lines: "Street 36 B" / "c/o Name, H0101".
 * Norwegian order (street before number) is used for every country because the parser
 * reads the same order back.
 */
export function formatAddressLines(address: Address, options: FormatAddressOptions): AddressLines {
  const coLine = address.coAddress.trim() === '' ? '' : `c/o ${address.coAddress.trim()}`;
  const countryCode = address.countryCode.trim();
  return {
    addr1: joinNonEmpty([address.street, address.houseNumber, address.entrance], ' '),
    addr2: joinNonEmpty([coLine, address.unit], ', '),
    city: address.city.trim(),
    postal: address.postalCode.trim(),
    state: '',
    country: options.country === 'name' && countryCode !== '' ? toCountryName(countryCode) : countryCode,
  };
}

function joinNonEmpty(parts: readonly string[], separator: string): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(separator);
}
