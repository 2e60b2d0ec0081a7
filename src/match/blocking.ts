// Blocking keys: the few index keys under which a candidate store files a record and by which it
// looks candidates up. Each key alone is selective (tens of records among a million); together
// they overlap, so a true match with one wrong field still shares at least one key.
import { toPhoneticKey } from './phonetic.js';
import { prepareRecordCached, type PreparedRecord } from './prepare.js';
import type { MatchParams, MatchRecord } from './types.js';

// Company words too common to identify anything on their own.
const COMPANY_STOP_WORDS = new Set(['the', 'of', 'and', 'og', 'i', 'for', 'center', 'senter']);
const MAX_NAME_TOKENS = 3;

/**
 * The key of an e-mail's local part alone: it survives a typo in the domain, but generic ones
 * (post@, info@) are shared by many unrelated customers.
 */
export const EMAIL_LOCAL_PART_KEY_PREFIX = 'el:';

// The incoming record's keys are asked for twice (the match gate, then the lookup): listed once per
// prepared record, which is itself made once per record object. Callers must not mutate the list.
const listed = new WeakMap<PreparedRecord, readonly string[]>();

export function blockingKeys(record: MatchRecord, params: MatchParams): readonly string[] {
  const prepared = prepareRecordCached(record, params.defaultRegion);
  let keys = listed.get(prepared);
  if (!keys) listed.set(prepared, (keys = listKeys(prepared)));
  return keys;
}

function listKeys(r: PreparedRecord): string[] {
  const keys = new Set<string>();
  if (r.email !== '') {
    keys.add(`e:${r.email}`);
    // Generic local parts (post@, info@) fall to the lookup's posting-size cap.
    const local = r.email.slice(0, r.email.lastIndexOf('@'));
    if (local.length >= 4) keys.add(`${EMAIL_LOCAL_PART_KEY_PREFIX}${local}`);
  }
  for (const phone of r.phones) keys.add(`p:${phone}`);

  const given = r.names[0];
  let firstKeys = unique(given?.first.keys ?? []).slice(0, MAX_NAME_TOKENS);
  let lastKeys = unique(given?.last.keys ?? []).slice(0, MAX_NAME_TOKENS);
  // A full name in one field: any token may be the surname.
  if (firstKeys.length === 0 || lastKeys.length === 0) {
    const all = unique([...firstKeys, ...lastKeys]);
    firstKeys = all;
    lastKeys = all;
  }
  // Sorted pairs make the key independent of which field holds which name ("DOE JOHN").
  for (const f of firstKeys) {
    for (const l of lastKeys) if (f !== l) keys.add(`n:${f < l ? `${f}|${l}` : `${l}|${f}`}`);
  }
  const locality = r.postalCode !== '' ? r.postalCode : r.city !== '' ? `c:${r.city}` : '';
  if (locality !== '') for (const l of lastKeys) keys.add(`pn:${locality}|${l}`);
  if (r.birthDate !== '') {
    // Alone, a birth date is shared by ~30 of a million people: still a usable block, and the
    // only one left when the names are missing or garbled.
    keys.add(`b:${r.birthDate}`);
    for (const k of unique([...firstKeys, ...lastKeys])) keys.add(`d:${r.birthDate}|${k}`);
  }
  if (locality !== '' && r.street.key !== '' && r.street.number !== '') {
    keys.add(`ad:${locality}|${r.street.key}|${r.street.number}`);
  }

  if (r.company.length > 0) {
    keys.add(`cn:${[...r.company].sort().join(' ')}`);
    const words = unique(r.company.filter((t) => !COMPANY_STOP_WORDS.has(t)).map(toPhoneticKey));
    if (locality !== '') for (const w of words.slice(0, MAX_NAME_TOKENS)) keys.add(`cp:${locality}|${w}`);
  }
  return [...keys];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
