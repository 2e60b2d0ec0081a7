export type { AddressLines, CountryStyle } from './address-lines.js';
export { toCountryCode, toCountryName } from './countries.js';
export { formatAddressLines, type FormatAddressOptions } from './format.js';
export { parseAddressLines } from './parse.js';
