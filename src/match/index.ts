// Public API of the pure matcher: normalize → compare → score → decide, plus blocking keys.
export * from './types.js';
export { decide, scoreCandidates } from './decide.js';
export { blockingKeys, EMAIL_LOCAL_PART_KEY_PREFIX } from './blocking.js';
export { listTermValues } from './term-values.js';
export { computePriorLog2Odds, computeWeight, scorePair, findContradictions } from './score.js';
export { compareRecords } from './compare.js';
export { prepareRecord, prepareRecordCached, type Candidate, type PreparedCandidate, type PreparedRecord } from './prepare.js';
export { readFiledPreparation, toFiledPreparation, type FiledPreparation } from './filed-preparation.js';
export {
  normalizeBirthDate,
  normalizeCity,
  normalizeCompanyName,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  normalizePostalCode,
  normalizeStreet,
} from './normalize.js';
export { toPhoneticKey } from './phonetic.js';
export { computeJaroWinkler } from './jaro-winkler.js';
