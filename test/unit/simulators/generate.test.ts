import { describe, expect, it } from 'vitest';
import { meanNamesakes } from '../../../src/evaluation/namesakes.js';
import { generateCustomers, type GenerateOptions } from '../../../src/simulators/generate.js';
import { MAX_SURNAME_VARIETY } from '../../../src/simulators/surname-variety.js';
import { buildRecord, loadParams } from '../match/fixtures.js';

const base: GenerateOptions = { customers: 3000, overlap: 0.3, shipToShare: 0.1, seed: 7, titleCodes: ['IT', 'AP'] };
const surnames = (options: GenerateOptions) => generateCustomers(options).infosoft.map((c) => c.LastName);
const namesakes = (options: GenerateOptions) =>
  meanNamesakes(
    generateCustomers(options).infosoft.map((c) => buildRecord({ id: String(c.CustomerNumber), firstName: c.FirstName, lastName: c.LastName })),
    loadParams(),
  );

describe('generateCustomers surnameVariety', () => {
  it('leaves the data of a seed as it was at 1, the default', () => {
    expect(generateCustomers({ ...base, surnameVariety: 1 })).toEqual(generateCustomers(base));
  });

  it('draws compound surnames beside the plain ones above 1', () => {
    const drawn = new Set(surnames({ ...base, surnameVariety: 7 }));
    const plain = new Set(surnames(base));
    expect([...drawn].filter((name) => !plain.has(name)).length).toBeGreaterThan(plain.size);
    expect([...drawn].some((name) => plain.has(name))).toBe(true);
  });

  it('gives each lookup fewer namesakes', () => {
    expect(namesakes({ ...base, surnameVariety: 7 })).toBeLessThan(namesakes(base) / 4);
  });

  it.each([0, 1.5, MAX_SURNAME_VARIETY + 1, Number.NaN])('refuses %s', (surnameVariety) => {
    expect(() => generateCustomers({ ...base, surnameVariety })).toThrow(RangeError);
  });
});
