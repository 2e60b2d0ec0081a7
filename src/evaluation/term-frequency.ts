// Term-frequency table over a set of stored records: how common each surname / first name /
// company name is, so that agreeing on "Hansen" weighs less than agreeing on "Aschehoug".
import { listTermValues, type FieldName, type MatchParams, type MatchRecord, type TermFrequency } from '../match/index.js';

export function buildTermFrequency(records: readonly MatchRecord[], params: MatchParams): TermFrequency {
  const counts = new Map<string, number>();
  const totals = new Map<FieldName, number>();
  for (const record of records) {
    for (const [field, value] of listTermValues(record, params)) {
      const key = `${field}\u0000${value}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      totals.set(field, (totals.get(field) ?? 0) + 1);
    }
  }
  return (field, value) => {
    const total = totals.get(field);
    const count = counts.get(`${field}\u0000${value}`);
    // A value never seen in the store says nothing about its frequency: fall back to the level's u.
    return total && count ? count / total : undefined;
  };
}
