import { describe, expect, it } from 'vitest';
import { meanNamesakes } from '../../../src/evaluation/namesakes.js';
import { buildRecord, loadParams } from './fixtures.js';

const params = loadParams();
const people = (names: Array<[first: string, last: string]>) =>
  names.map(([firstName, lastName], i) => buildRecord({ id: String(i), firstName, lastName }));

describe('meanNamesakes', () => {
  it.each([
    { name: 'nobody', names: [], expected: 0 },
    { name: 'one customer', names: [['Kari', 'Hansen']], expected: 0 },
    { name: 'all different', names: [['Kari', 'Hansen'], ['Ola', 'Berg'], ['Per', 'Moen']], expected: 0 },
    // Each of the two Kari Hansens has one namesake, Ola none: 2 / 3.
    { name: 'one pair among three', names: [['Kari', 'Hansen'], ['Kari', 'Hansen'], ['Ola', 'Berg']], expected: 2 / 3 },
    { name: 'three of a name', names: [['Kari', 'Hansen'], ['Kari', 'Hansen'], ['Kari', 'Hansen']], expected: 2 },
    // The key is sorted: first and last name swapped is the same key.
    { name: 'swapped fields', names: [['Kari', 'Hansen'], ['Hansen', 'Kari']], expected: 1 },
    { name: 'same surname, other first name', names: [['Kari', 'Hansen'], ['Ola', 'Hansen']], expected: 0 },
  ] as Array<{ name: string; names: Array<[string, string]>; expected: number }>)('$name', ({ names, expected }) => {
    expect(meanNamesakes(people(names), params)).toBeCloseTo(expected, 10);
  });

  it('counts a namesake under two keys once (a double surname files two name keys)', () => {
    const records = people([['Kari', 'Berg-Hansen'], ['Kari', 'Berg-Hansen']]);
    expect(meanNamesakes(records, params)).toBe(1);
  });
});
