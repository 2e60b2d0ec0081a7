// The match-eval command end to end: CSV in, CSV out, through the real CLI.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const HEADER = 'id,first_name,last_name,company,street,house_number,entrance,postal_code,city,country,phone,email,birth_date';
const dir = mkdtempSync(join(tmpdir(), 'cs-match-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('customer-sync match-eval', () => {
  it('writes one decision per incoming record', async () => {
    writeFileSync(
      join(dir, 'existing.csv'),
      [
        HEADER,
        'w1,Kari,Nordmann,,Østensjøveien,36,B,0667,OSLO,NO,+47 912 34 567,kari.nordmann@example.no,1970-05-17',
        'w2,Ola,Hansen,,Storgata,12,,0155,OSLO,NO,,ola@example.no,',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'incoming.csv'),
      [
        HEADER,
        'i1,KARI,NORDMANN,,Ostensjoveien,36,B,0667,Oslo,NO,91234567,Kari.Nordmann@example.no,1970-05-17',
        'i2,Per,Kristiansen,,Fjellveien,2,,2609,LILLEHAMMER,NO,40000000,per@example.no,1980-01-01',
      ].join('\n'),
    );
    const out = join(dir, 'links.csv');
    const result = await runCli(['match-eval', '--existing', join(dir, 'existing.csv'), '--incoming', join(dir, 'incoming.csv'), '--out', out, '--json'], {
      ...process.env,
      LOG_LEVEL: 'silent',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ incoming: 2, link: 1, create: 1 });
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('incoming_id,existing_id,decision,score');
    expect(rows[1]).toMatch(/^i1,w1,link,-?\d/);
    expect(rows[2]).toMatch(/^i2,,create,/);
  });

  it('fails with a usage error when an option is missing', async () => {
    const result = await runCli(['match-eval', '--existing', 'a.csv'], { ...process.env, LOG_LEVEL: 'silent' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--incoming/);
  });
});
