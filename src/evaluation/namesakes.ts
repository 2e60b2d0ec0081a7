// Namesakes: the other customers filed under the same first-and-last-name blocking key (`n:`,
// src/match/blocking.ts) as a customer. A lookup reads and scores every one of them, so their
// number is what a store's size costs the matcher (scripts/namesakes.ts compares populations).
import { blockingKeys, type MatchParams, type MatchRecord } from '../match/index.js';

const NAME_KEY_PREFIX = 'n:';

/** The mean, over the records, of the other records sharing any of their name keys. */
export function meanNamesakes(records: readonly MatchRecord[], params: MatchParams): number {
  const postings = new Map<string, number[]>();
  const keysOf = records.map((record, index) => {
    const keys = blockingKeys(record, params).filter((key) => key.startsWith(NAME_KEY_PREFIX));
    for (const key of keys) {
      let posting = postings.get(key);
      if (!posting) postings.set(key, (posting = []));
      posting.push(index);
    }
    return keys;
  });
  let total = 0;
  keysOf.forEach((keys, index) => {
    const others = new Set<number>();
    for (const key of keys) for (const other of postings.get(key) ?? []) if (other !== index) others.add(other);
    total += others.size;
  });
  return records.length === 0 ? 0 : total / records.length;
}
