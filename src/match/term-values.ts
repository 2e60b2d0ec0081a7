// The normalized values a term-frequency table counts, in exactly the form scorePair looks up.
import { prepareRecordCached } from './prepare.js';
import type { FieldName, MatchParams, MatchRecord } from './types.js';

/** [field, value] pairs of a stored record, for building a termFrequency table over a store. */
export function listTermValues(record: MatchRecord, params: MatchParams): Array<[FieldName, string]> {
  const r = prepareRecordCached(record, params.defaultRegion);
  const values: Array<[FieldName, string]> = [];
  const given = r.names[0];
  const last = given?.last.tokens.join(' ') ?? '';
  const first = given?.first.tokens.join(' ') ?? '';
  if (last !== '') values.push(['lastName', last]);
  if (first !== '') values.push(['firstName', first]);
  if (r.company.length > 0) values.push(['companyName', r.company.join(' ')]);
  return values;
}
