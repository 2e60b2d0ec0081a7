import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInfosoftSeedFile } from '../../../src/simulators/infosoft/seed-file.js';

const seedPath = fileURLToPath(new URL('../../fixtures/infosoft/customers.jsonl', import.meta.url));

describe('readInfosoftSeedFile', () => {
  it('reads every record, keeping zip codes as strings', async () => {
    const records = await readInfosoftSeedFile(seedPath);
    expect(records.map((r) => r.CustomerNumber)).toEqual([123456, 200001, 200002]);
    expect(records[0]?.Address.ZipCode).toBe('0667');
  });

  it.each([
    ['not JSON', '{"CustomerNumber":1,', /line 2 is not valid JSON/],
    ['missing Address', '{"CustomerNumber":1,"FirstName":"A","LastName":"B"}', /line 2 .*Address/],
  ])('names the line of a bad record (%s)', async (_name, badLine, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'infosoft-seed-'));
    const file = join(dir, 'seed.jsonl');
    const good = '{"CustomerNumber":7,"FirstName":"A","LastName":"B","Address":{"StreetName":"S","HouseNumber":"1","ZipCode":"0150","ZipText":"OSLO"}}';
    await writeFile(file, `${good}\n${badLine}\n`);
    await expect(readInfosoftSeedFile(file)).rejects.toThrow(message);
  });
});
