// A MatchRecord normalized once for all comparisons and blocking keys it takes part in.
import type { MatchRecord } from './types.js';
import {
  joinNameWords,
  normalizeBirthDate,
  normalizeCity,
  normalizeCompanyName,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
  normalizeStreet,
  type ComparableName,
  type StreetParts,
} from './normalize.js';

/** One reading of who is the first and who the last name. */
export interface NameReading {
  first: ComparableName;
  last: ComparableName;
}

export interface PreparedRecord {
  id: string;
  kind: MatchRecord['kind'];
  /** The given reading first; further readings when a full name sits in a single field. */
  names: NameReading[];
  company: string[];
  street: StreetParts;
  postalCode: string;
  city: string;
  phones: string[];
  email: string;
  birthDate: string;
}

// Splitting a full name held in one field: at most this many words are considered, since every
// split point is a reading to compare.
const MAX_SPLIT_WORDS = 4;

export function prepareRecord(record: MatchRecord, defaultRegion: string): PreparedRecord {
  const country = (record.countryCode || defaultRegion).toUpperCase();
  const first = normalizeName(record.firstName);
  const last = normalizeName(record.lastName);
  const names: NameReading[] = [{ first, last }];
  // Infosoft's "LAST FIRST" or a Windward "First Last" in one field: try every split point; the
  // comparator also tries both orders, so one direction of split suffices.
  const whole = first.words.length === 0 ? last : last.words.length === 0 ? first : null;
  if (whole && whole.words.length >= 2 && whole.words.length <= MAX_SPLIT_WORDS) {
    for (let k = 1; k < whole.words.length; k++) {
      names.push({ last: joinNameWords(whole.words.slice(0, k)), first: joinNameWords(whole.words.slice(k)) });
    }
  }
  const phones = [...new Set(record.phones.map((p) => normalizePhone(p, country)).filter((p) => p !== ''))];
  return {
    id: record.id,
    kind: record.kind,
    names,
    company: normalizeCompanyName(record.companyName),
    street: normalizeStreet(record.street, record.houseNumber, record.entrance),
    postalCode: normalizePostalCode(record.postalCode, country),
    city: normalizeCity(record.city),
    phones,
    email: normalizeEmail(record.email),
    birthDate: normalizeBirthDate(record.birthDate),
  };
}

// Candidates are compared many times (every lookup that finds them); normalizing once per record
// object and region keeps decide() fast. Keyed weakly, so it never outlives the records.
const cache = new WeakMap<MatchRecord, { region: string; prepared: PreparedRecord }>();

export function prepareRecordCached(record: MatchRecord, defaultRegion: string): PreparedRecord {
  const hit = cache.get(record);
  if (hit && hit.region === defaultRegion) return hit.prepared;
  const prepared = prepareRecord(record, defaultRegion);
  cache.set(record, { region: defaultRegion, prepared });
  return prepared;
}

/** A candidate known only by its prepared form (as filed in the mirror): nothing left to normalize. */
export interface PreparedCandidate {
  id: string;
  prepared: PreparedRecord;
}

export type Candidate = MatchRecord | PreparedCandidate;

export function toPreparedCandidate(candidate: Candidate, defaultRegion: string): PreparedRecord {
  return 'prepared' in candidate ? candidate.prepared : prepareRecordCached(candidate, defaultRegion);
}
