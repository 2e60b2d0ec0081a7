// Field normalizers: each turns one raw field into the canonical form the comparators and blocking
// keys use. All are deterministic and side-effect free.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { foldDigraphs, foldLetters, toFoldedText, toFoldedTokens } from './fold.js';
import { boundedMemo } from './memo.js';
import { toPhoneticKey } from './phonetic.js';

/** What comparing two names needs of each. */
export interface ComparableName {
  /** Full tokens (two letters or more), in order; hyphenated parts are separate tokens. */
  tokens: string[];
  /** First letter of every word, initials included, in order. */
  initials: string[];
  /** Phonetic key of each token. */
  keys: string[];
}

/** A name split into words (a hyphenated word is one word of several tokens). */
export interface NameParts extends ComparableName {
  /** Words as token groups, used to split a full name held in one field (never to compare). */
  words: string[][];
}

/** Shared between callers (memoized): never mutate the result. */
export function normalizeName(raw: string): NameParts {
  return nameParts(raw, () => splitName(raw));
}

const FIELD_CACHE_SIZE = 10_000;
const nameParts = boundedMemo<NameParts>(FIELD_CACHE_SIZE);

function splitName(raw: string): NameParts {
  const words: string[][] = [];
  const initials: string[] = [];
  for (const word of foldLetters(raw).split(/[\s,.;/]+/)) {
    const parts = word
      .split(/[^a-z]+/)
      .filter((p) => p.length > 0)
      .map(foldDigraphs);
    if (parts.length === 0) continue;
    initials.push((parts[0] ?? '').charAt(0));
    const full = parts.filter((p) => p.length > 1);
    if (full.length > 0) words.push(full);
  }
  const tokens = words.flat();
  return { tokens, initials, keys: tokens.map(toPhoneticKey), words };
}

/** Joins name parts into a new NameParts (used when splitting a full name held in one field). */
export function joinNameWords(words: string[][]): NameParts {
  const tokens = words.flat();
  return {
    tokens,
    initials: words.map((w) => (w[0] ?? '').charAt(0)),
    keys: tokens.map(toPhoneticKey),
    words,
  };
}

// Norwegian legal forms, plus the few English ones seen in test data; they say nothing about
// which organisation it is.
const LEGAL_SUFFIXES = new Set(['as', 'asa', 'da', 'ans', 'sa', 'nuf', 'ba', 'ks', 'inc', 'llc', 'ltd', 'corp']);

/** Company name tokens without legal-form words. */
export function normalizeCompanyName(raw: string): string[] {
  const tokens = toFoldedTokens(raw);
  const kept = tokens.filter((t) => !LEGAL_SUFFIXES.has(t));
  return kept.length > 0 ? kept : tokens;
}

// Street-type spellings → one canonical suffix. Norwegian street names are usually one compound
// word ("Østensjøveien"), so the suffix is rewritten at the end of the joined name.
const STREET_SUFFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(veien|vegen|veg|vei|vn)$/, 'vei'],
  [/(gaten|gata|gate|gt)$/, 'gate'],
  [/(plassen|plass|pl)$/, 'plass'],
  [/(alleen|alle)$/, 'alle'],
  [/(stien|sti)$/, 'sti'],
  [/(street|str|st)$/, 'street'],
  [/(road|rd)$/, 'road'],
  [/(avenue|ave|av)$/, 'avenue'],
];

export interface StreetParts {
  /** Canonical street name, spaces removed ("karljohansgate"), '' when unknown. */
  key: string;
  /** House number digits ("36"), '' when unknown. */
  number: string;
  /** Entrance letter ("b"), '' when none. */
  entrance: string;
}

/**
 * Street, house number and entrance in canonical form. When the house number is empty and the
 * street ends with one ("Østensjøveien 36 B"), it is taken from there.
 */
export function normalizeStreet(street: string, houseNumber: string, entrance: string): StreetParts {
  return streetParts(`${street}\u0000${houseNumber}\u0000${entrance}`, () => splitStreet(street, houseNumber, entrance));
}

const streetParts = boundedMemo<StreetParts>(FIELD_CACHE_SIZE);

function splitStreet(street: string, houseNumber: string, entrance: string): StreetParts {
  // "v." alone is an abbreviation of "vei" only when written with the dot.
  let text = foldLetters(street).replace(/v\.(\s|$)/g, 'vei$1');
  let number = foldLetters(houseNumber).replace(/[^a-z0-9]/g, '');
  let door = foldLetters(entrance).replace(/[^a-z0-9]/g, '');
  if (number === '') {
    const trailing = /^(.*?\D)\s*(\d+)\s*([a-z]?)\s*$/.exec(text);
    if (trailing) {
      text = trailing[1] ?? text;
      number = trailing[2] ?? '';
      door = door || (trailing[3] ?? '');
    }
  }
  const numberMatch = /^(\d+)([a-z]?)$/.exec(number);
  if (numberMatch) {
    number = numberMatch[1] ?? number;
    door = door || (numberMatch[2] ?? '');
  }
  let key = toFoldedTokens(text).join('');
  for (const [pattern, canonical] of STREET_SUFFIXES) {
    if (pattern.test(key)) {
      key = key.replace(pattern, canonical);
      break;
    }
  }
  return { key, number: number.replace(/^0+(?=\d)/, ''), entrance: door };
}

/** Postal code as a string; Norwegian codes are four digits (leading zeros restored). */
export function normalizePostalCode(raw: string, countryCode: string): string {
  const compact = foldLetters(raw).replace(/[^a-z0-9]/g, '').toUpperCase();
  if (countryCode === 'NO' && /^\d{3}$/.test(compact)) return compact.padStart(4, '0');
  return compact;
}

export function normalizeCity(raw: string): string {
  return toFoldedText(raw);
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** Lower-cased e-mail without plus-addressing (and without gmail's ignored dots); '' if invalid. */
export function normalizeEmail(raw: string): string {
  const email = raw.normalize('NFKC').trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1 || /\s/.test(email)) return '';
  let local = email.slice(0, at);
  let domain = email.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/**
 * E.164 form of a phone number ("+4791234567"), read in the given region when it has no country
 * code. A number libphonenumber cannot validate falls back to its digits, so that two copies of
 * the same odd number still compare equal; '' when there are too few digits to mean anything.
 */
export function normalizePhone(raw: string, region: string): string {
  return phoneNumber(`${region}|${raw}`, () => parsePhone(raw, region));
}

// libphonenumber's parse is the matcher's most expensive step, and a customer's numbers are
// normalized several times per sync (incoming record, candidates, filing).
const phoneNumber = boundedMemo<string>(FIELD_CACHE_SIZE);

function parsePhone(raw: string, region: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 5) return '';
  const parsed = parsePhoneNumberFromString(raw, region as CountryCode);
  if (parsed?.isValid()) return parsed.number;
  return `#${digits.replace(/^00/, '')}`;
}

/** Birth date as YYYY-MM-DD when it is a plausible calendar date, else ''. */
export function normalizeBirthDate(raw: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw.trim());
  if (!m) return '';
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return '';
  return `${m[1]}-${m[2]}-${m[3]}`;
}
