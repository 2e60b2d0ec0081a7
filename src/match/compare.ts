// Per-field comparison levels. Each comparator answers "how well do these two values agree",
// as one of a few ordered levels; score.ts turns levels into weights.
import { computeJaroWinkler } from './jaro-winkler.js';
import type { ComparableName, StreetParts } from './normalize.js';
import type { NameReading, PreparedRecord } from './prepare.js';
import type { ComparisonLevel, FieldName, LevelOf } from './types.js';

/** Similarity above which two spellings count as the same name (typos, one letter off). */
export const NAME_SIMILARITY = 0.92;
const SOUND_AND_SPELLING = 0.8;
const MIN_FUZZY_FIRST_NAME = 5;
const STREET_SIMILARITY = 0.9;
const COMPANY_SIMILARITY = 0.92;
const COMPANY_TOKEN_OVERLAP = 0.5;

type Level<F extends FieldName> = LevelOf<F> | 'missing';

function isSubset(small: readonly string[], big: readonly string[]): boolean {
  return small.length > 0 && small.every((t) => big.includes(t));
}

function sameSound(a: ComparableName, b: ComparableName): boolean {
  return a.keys.join(' ') === b.keys.join(' ');
}

export function compareFirstNames(a: ComparableName, b: ComparableName): Level<'firstName'> {
  if (a.initials.length === 0 || b.initials.length === 0) return 'missing';
  if (a.tokens.length === 0 || b.tokens.length === 0) {
    // Only an initial on one side ("K." vs "Kari"): agreement on the first letter is all we learn.
    return a.initials[0] === b.initials[0] ? 'initial' : 'different';
  }
  const aText = a.tokens.join(' ');
  const bText = b.tokens.join(' ');
  // Middle initials are ignored: "Kari J." = "Kari".
  if (aText === bText) return 'exact';
  if (isSubset(a.tokens, b.tokens) || isSubset(b.tokens, a.tokens)) return 'fuzzy'; // "Anne Marie" ~ "Anne"
  // Only whole names: "Anne Marie" and "Anne Lise" are different people. Short first names are
  // distinct names rather than typos (Tor/Tore, Jan/John), so sound alone or a high similarity
  // between very short names is not enough.
  const similarity = computeJaroWinkler(aText, bText);
  if (sameSound(a, b) && similarity >= SOUND_AND_SPELLING) return 'fuzzy';
  if (similarity >= NAME_SIMILARITY && Math.min(aText.length, bText.length) >= MIN_FUZZY_FIRST_NAME) return 'fuzzy';
  return 'different';
}

export function compareLastNames(a: ComparableName, b: ComparableName): Level<'lastName'> {
  if (a.tokens.length === 0 || b.tokens.length === 0) return 'missing';
  const aText = a.tokens.join(' ');
  const bText = b.tokens.join(' ');
  // Hyphen or space between the parts of a double surname makes no difference.
  if (aText === bText || a.tokens.join('') === b.tokens.join('')) return 'exact';
  // One part of a double surname ("Berg-Hansen" ~ "Hansen").
  if (isSubset(a.tokens, b.tokens) || isSubset(b.tokens, a.tokens)) return 'fuzzy';
  if (sameSound(a, b) || computeJaroWinkler(aText, bText) >= NAME_SIMILARITY) return 'fuzzy';
  return 'different';
}

const NAME_RANK: Record<ComparisonLevel, number> = {
  exact: 4,
  fuzzy: 3,
  initial: 2,
  missing: 1,
  different: 0,
  equal: 0,
  near: 0,
  local: 0,
  street: 0,
  locality: 0,
};

export interface NameComparison {
  firstName: Level<'firstName'>;
  lastName: Level<'lastName'>;
  /** The normalized surname and first name that agreed exactly (for term-frequency lookups). */
  lastValue: string;
  firstValue: string;
}

/**
 * Names compared order-insensitively: every reading of each side in both orders (first↔last),
 * keeping the best agreement. "DOE JOHN" in one field equals FirstName John + LastName Doe.
 * The choice depends on levels only, so scores stay a function of levels.
 */
export function compareNames(a: readonly NameReading[], b: readonly NameReading[]): NameComparison {
  let best: NameComparison | null = null;
  let bestRank = -1;
  for (const ra of a) {
    for (const rb of b) {
      for (const swapped of [false, true]) {
        const bFirst = swapped ? rb.last : rb.first;
        const bLast = swapped ? rb.first : rb.last;
        const firstName = compareFirstNames(ra.first, bFirst);
        const lastName = compareLastNames(ra.last, bLast);
        // Another order or split must explain both names; half an agreement ("Anders" ~ the
        // surname "Andersen") is a coincidence, not a reading.
        const isAlternative = swapped || ra !== a[0] || rb !== b[0];
        if (isAlternative && (firstName === 'different' || lastName === 'different')) continue;
        // Prefer the given order on ties: a swap must earn its place.
        const rank = NAME_RANK[firstName] + NAME_RANK[lastName] - (swapped ? 0.5 : 0);
        if (rank > bestRank) {
          bestRank = rank;
          best = { firstName, lastName, lastValue: ra.last.tokens.join(' '), firstValue: ra.first.tokens.join(' ') };
        }
      }
    }
  }
  return best ?? { firstName: 'missing', lastName: 'missing', lastValue: '', firstValue: '' };
}

export function compareCompanyNames(a: readonly string[], b: readonly string[]): Level<'companyName'> {
  if (a.length === 0 || b.length === 0) return 'missing';
  const aSorted = [...a].sort().join(' ');
  const bSorted = [...b].sort().join(' ');
  if (aSorted === bSorted) return 'exact';
  if (computeJaroWinkler(a.join(' '), b.join(' ')) >= COMPANY_SIMILARITY) return 'fuzzy';
  const aSet = new Set(a);
  const bSet = new Set(b);
  let shared = 0;
  for (const t of aSet) if (bSet.has(t)) shared++;
  const union = aSet.size + bSet.size - shared;
  return shared / union >= COMPANY_TOKEN_OVERLAP ? 'fuzzy' : 'different';
}

function isSameStreet(a: StreetParts, b: StreetParts): boolean {
  return a.key === b.key || computeJaroWinkler(a.key, b.key) >= STREET_SIMILARITY;
}

type Place = Pick<PreparedRecord, 'street' | 'postalCode' | 'city'>;

export function compareAddresses(a: Place, b: Place): Level<'address'> {
  const aHas = a.street.key !== '' || a.postalCode !== '' || a.city !== '';
  const bHas = b.street.key !== '' || b.postalCode !== '' || b.city !== '';
  if (!aHas || !bHas) return 'missing';
  const postalKnown = a.postalCode !== '' && b.postalCode !== '';
  const cityKnown = a.city !== '' && b.city !== '';
  const sameLocality = postalKnown ? a.postalCode === b.postalCode : cityKnown && a.city === b.city;
  // A typo in the postcode is forgiven when the town agrees; unknown locality contradicts nothing.
  const localityFits =
    sameLocality || (cityKnown && a.city === b.city) || (!postalKnown && !cityKnown);
  if (a.street.key !== '' && b.street.key !== '' && isSameStreet(a.street, b.street) && localityFits) {
    const sameNumber = a.street.number !== '' && a.street.number === b.street.number;
    const entranceFits = a.street.entrance === '' || b.street.entrance === '' || a.street.entrance === b.street.entrance;
    return sameNumber && entranceFits ? 'exact' : 'street';
  }
  return sameLocality ? 'locality' : 'different';
}

export function comparePhones(a: readonly string[], b: readonly string[]): Level<'phone'> {
  if (a.length === 0 || b.length === 0) return 'missing';
  return a.some((p) => b.includes(p)) ? 'equal' : 'different';
}

export function compareEmails(a: string, b: string): Level<'email'> {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'equal';
  const aLocal = a.slice(0, a.lastIndexOf('@'));
  const bLocal = b.slice(0, b.lastIndexOf('@'));
  return aLocal === bLocal ? 'local' : 'different';
}

/** Dates are YYYY-MM-DD (normalized) or ''. */
export function compareBirthDates(a: string, b: string): Level<'birthDate'> {
  if (a === '' || b === '') return 'missing';
  if (a === b) return 'equal';
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  if (ay === by && am === bd && ad === bm) return 'near'; // day and month swapped
  const aDigits = a.replace(/-/g, '');
  const bDigits = b.replace(/-/g, '');
  let differing = 0;
  for (let i = 0; i < aDigits.length; i++) if (aDigits[i] !== bDigits[i]) differing++;
  return differing === 1 ? 'near' : 'different';
}

export interface FieldComparison {
  names: NameComparison;
  companyName: Level<'companyName'>;
  address: Level<'address'>;
  phone: Level<'phone'>;
  email: Level<'email'>;
  birthDate: Level<'birthDate'>;
}

export function compareRecords(a: PreparedRecord, b: PreparedRecord): FieldComparison {
  const bothCompanies = a.kind === 'company' && b.kind === 'company';
  return {
    // Person names on a company record are a contact person, not the identity: compare them
    // only between persons (or mixed kinds, where any agreement is worth seeing).
    names: bothCompanies
      ? { firstName: 'missing', lastName: 'missing', lastValue: '', firstValue: '' }
      : compareNames(a.names, b.names),
    companyName: compareCompanyNames(a.company, b.company),
    address: compareAddresses(a, b),
    phone: comparePhones(a.phones, b.phones),
    email: compareEmails(a.email, b.email),
    birthDate: compareBirthDates(a.birthDate, b.birthDate),
  };
}
