import { describe, expect, it } from 'vitest';
import { computeJaroWinkler, toPhoneticKey } from '../../../src/match/index.js';

describe('toPhoneticKey: spelling variants share a key', () => {
  it.each([
    ['Kristian', 'Christian'],
    ['Kristiansen', 'Christiansen'],
    ['Nilsen', 'Nielsen'],
    ['Nilsen', 'Nilssen'],
    ['Thomas', 'Tomas'],
    ['Mathias', 'Matthias'],
    ['Eriksen', 'Erichsen'],
    ['Eriksen', 'Ericsson'],
    ['John', 'Jon'],
    ['Pettersen', 'Petersen'],
    ['Hansen', 'Hanssen'],
    ['Åsen', 'Aasen'],
    ['Sjøberg', 'Schøberg'],
    ['Hjalmar', 'Jalmar'],
    ['Alexander', 'Aleksander'],
    ['Katrine', 'Cathrine'],
    ['Sofie', 'Sophie'],
    ['Wenche', 'Venche'],
    ['Zakariassen', 'Sakariassen'],
    ['Qvist', 'Kvist'],
    ['Mikkelsen', 'Michelsen'],
  ])('%s ~ %s', (a, b) => {
    expect(toPhoneticKey(a)).toBe(toPhoneticKey(b));
  });

  it.each([
    ['Hansen', 'Jensen'],
    ['Johansen', 'Jensen'],
    ['Olsen', 'Larsen'],
    ['Kari', 'Kjell'],
    ['Berg', 'Brekke'],
    ['Nilsen', 'Nygård'],
  ])('%s ≁ %s', (a, b) => {
    expect(toPhoneticKey(a)).not.toBe(toPhoneticKey(b));
  });

  it.each([
    ['', ''],
    ['123', ''],
    ['Ø', 'o'],
  ])('edge %s → %s', (word, key) => {
    expect(toPhoneticKey(word)).toBe(key);
  });
});

describe('computeJaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
  ])('%s vs %s ≈ %d', (a, b, expected) => {
    expect(computeJaroWinkler(a, b)).toBeCloseTo(expected, 2);
    expect(computeJaroWinkler(b, a)).toBeCloseTo(expected, 2);
  });
});
