// Shared builders for the matcher's unit tests.
import { readFileSync } from 'node:fs';
import { matchParamsSchema, type MatchParams, type MatchRecord } from '../../../src/match/index.js';

export function buildRecord(overrides: Partial<MatchRecord> & { id: string }): MatchRecord {
  return {
    kind: 'person',
    firstName: '',
    lastName: '',
    companyName: '',
    street: '',
    houseNumber: '',
    entrance: '',
    unit: '',
    postalCode: '',
    city: '',
    countryCode: 'NO',
    phones: [],
    email: '',
    birthDate: '',
    ...overrides,
  };
}

/** The committed, generated parameters: the tests exercise what production uses. */
export function loadParams(): MatchParams {
  return matchParamsSchema.parse(JSON.parse(readFileSync(new URL('../../../config/matching.json', import.meta.url), 'utf8')));
}
