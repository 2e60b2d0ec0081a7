// A prepared record as filed beside its record (the Windward mirror), so a lookup takes it instead of
// normalizing the candidate again. Every lookup reads and parses the filings of all its candidates
// (tens at 100,000 customers, up to 200), so the filing is a positional tuple holding only what
// comparing needs, not the prepared object itself: ~170 bytes instead of ~430 for a typical person,
// and fewer objects to build when read.
import type { ComparableName, StreetParts } from './normalize.js';
import { prepareRecordCached, type NameReading, type PreparedRecord } from './prepare.js';
import type { MatchRecord } from './types.js';

/**
 * Bump whenever normalization or this layout changes: filings of another version are ignored and
 * their records prepared afresh (version 1 was the PreparedRecord object itself).
 */
const FILED_FORMAT = 2;

/** A name as compared: its words' grouping only serves to split a full name, done before filing. */
type FiledName = [tokens: string[], initials: string[], keys: string[]];

export type FiledPreparation = [
  format: typeof FILED_FORMAT,
  region: string,
  id: string,
  kind: PreparedRecord['kind'],
  names: Array<[first: FiledName, last: FiledName]>,
  company: string[],
  street: [key: string, number: string, entrance: string],
  postalCode: string,
  city: string,
  phones: string[],
  email: string,
  birthDate: string,
];

export function toFiledPreparation(record: MatchRecord, defaultRegion: string): FiledPreparation {
  const p = prepareRecordCached(record, defaultRegion);
  return [
    FILED_FORMAT,
    defaultRegion,
    p.id,
    p.kind,
    p.names.map(({ first, last }): [FiledName, FiledName] => [fileName(first), fileName(last)]),
    p.company,
    [p.street.key, p.street.number, p.street.entrance],
    p.postalCode,
    p.city,
    p.phones,
    p.email,
    p.birthDate,
  ];
}

/** The filed preparation when it is current (this format, this region) and well formed, else null. */
export function readFiledPreparation(filed: unknown, defaultRegion: string): PreparedRecord | null {
  if (!Array.isArray(filed) || filed.length !== 12 || filed[0] !== FILED_FORMAT || filed[1] !== defaultRegion) return null;
  const [, , id, kind, names, company, street, postalCode, city, phones, email, birthDate] = filed as FiledPreparation;
  if (!Array.isArray(names) || names.length === 0 || !Array.isArray(street) || !Array.isArray(company) || !Array.isArray(phones)) return null;
  try {
    const readings: NameReading[] = names.map(([first, last]) => ({ first: readName(first), last: readName(last) }));
    const parts: StreetParts = { key: street[0], number: street[1], entrance: street[2] };
    return { id, kind, names: readings, company, street: parts, postalCode, city, phones, email, birthDate };
  } catch {
    // A malformed filing (written by hand, or half a migration): normalize the record instead.
    return null;
  }
}

function fileName(name: ComparableName): FiledName {
  return [name.tokens, name.initials, name.keys];
}

function readName([tokens, initials, keys]: FiledName): ComparableName {
  if (!Array.isArray(tokens) || !Array.isArray(initials) || !Array.isArray(keys)) throw new TypeError('malformed filed name');
  return { tokens, initials, keys };
}
