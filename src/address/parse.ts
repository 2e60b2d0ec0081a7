import type { Address } from '../domain/customer.js';
import type { AddressLines } from './address-lines.js';
import { toCountryCode } from './countries.js';

// Clerks type addresses into Windward by hand, so reading is tolerant: the unit may follow the
// street after a comma, "c/o" may sit on either line, the entrance letter may be glued to the number.

const CO_PATTERN = /^c\s*\/\s*o\b[\s:.]*(.*)$/iu;
/** "Street name 12", "Street name 12 B", "Street name 12B", "Street name 12-14"; lazy so "Gate 1 12" keeps "Gate 1". */
const STREET_PATTERN = /^(.+?)\s+(\d+(?:\s*-\s*\d+)?)\s*(\p{L})?$/u;
/** Norwegian bolignummer: H (main floor), U (basement), K (cellar), L (loft) + floor + flat. */
const BOLIGNUMMER_PATTERN = /^[HUKL]\d{4}$/iu;
const UNIT_WORDS_PATTERN = /(^|[\s.])(etg|etasje|leil|leilighet|oppg|oppgang|apt|apartment|floor|flat|bolig)\b/iu;
const POSTAL_THEN_CITY_PATTERN = /^(\S*\d\S*)\s+(\p{L}[\p{L}\s.'-]*)$/u;

export function parseAddressLines(lines: AddressLines): Address {
  const parts = splitStreetUnitAndCo(lines.addr1, lines.addr2);
  const street = parseStreetSegment(parts.street);
  const { postalCode, city } = parsePostalAndCity(lines.postal, lines.city);
  return {
    street: street.street,
    houseNumber: street.houseNumber,
    entrance: street.entrance,
    unit: [...street.units, ...parts.units].join(', '),
    coAddress: parts.coNames.join(', '),
    postalCode,
    city,
    countryCode: toCountryCode(lines.country),
  };
}

interface LineParts {
  street: string;
  units: string[];
  coNames: string[];
}

function splitStreetUnitAndCo(addr1: string, addr2: string): LineParts {
  const parts: LineParts = { street: '', units: [], coNames: [] };
  let streetFound = false;
  let coOnLine1 = false;
  for (const segment of splitSegments(addr1)) {
    const co = matchCoName(segment);
    if (co !== null) {
      if (co !== '') parts.coNames.push(co);
      coOnLine1 = true;
    } else if (!streetFound) {
      parts.street = segment;
      streetFound = true;
    } else {
      parts.units.push(segment);
    }
  }
  for (const segment of splitSegments(addr2)) {
    const co = matchCoName(segment);
    if (co !== null) {
      if (co !== '') parts.coNames.push(co);
    } else if (!streetFound && isStreetOnSecondLine(segment, coOnLine1)) {
      // "c/o Ola Hansen" pushed the street down to the second line.
      parts.street = segment;
      streetFound = true;
    } else {
      parts.units.push(segment);
    }
  }
  return parts;
}

function isStreetOnSecondLine(segment: string, coOnLine1: boolean): boolean {
  if (looksLikeUnit(segment)) return false;
  return coOnLine1 || STREET_PATTERN.test(segment);
}

function looksLikeUnit(segment: string): boolean {
  return BOLIGNUMMER_PATTERN.test(segment) || UNIT_WORDS_PATTERN.test(segment);
}

interface StreetParts {
  street: string;
  houseNumber: string;
  entrance: string;
  units: string[];
}

function parseStreetSegment(segment: string): StreetParts {
  const units: string[] = [];
  let rest = segment;
  // "Storgata 12B H0102": a bolignummer typed after the street without a comma.
  const tokens = rest.split(' ');
  const last = tokens[tokens.length - 1];
  if (tokens.length > 1 && last !== undefined && BOLIGNUMMER_PATTERN.test(last)) {
    units.push(last);
    rest = tokens.slice(0, -1).join(' ');
  }
  const match = STREET_PATTERN.exec(rest);
  if (match === null) return { street: rest, houseNumber: '', entrance: '', units };
  return {
    street: match[1] ?? '',
    houseNumber: (match[2] ?? '').replace(/\s+/gu, ''),
    entrance: match[3] ?? '',
    units,
  };
}

function parsePostalAndCity(postalLine: string, cityLine: string): { postalCode: string; city: string } {
  const postal = collapseSpaces(postalLine);
  const city = collapseSpaces(cityLine);
  // "0667 Oslo" typed into one field with the other left empty.
  if (city === '') {
    const match = POSTAL_THEN_CITY_PATTERN.exec(postal);
    if (match !== null) return { postalCode: match[1] ?? '', city: match[2] ?? '' };
  }
  if (postal === '') {
    const match = POSTAL_THEN_CITY_PATTERN.exec(city);
    if (match !== null) return { postalCode: match[1] ?? '', city: match[2] ?? '' };
  }
  return { postalCode: postal, city };
}

function matchCoName(segment: string): string | null {
  const match = CO_PATTERN.exec(segment);
  return match === null ? null : (match[1] ?? '').trim();
}

function splitSegments(line: string): string[] {
  return line
    .split(',')
    .map(collapseSpaces)
    .filter((segment) => segment !== '');
}

function collapseSpaces(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}
