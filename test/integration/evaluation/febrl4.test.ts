// runMatchEval end to end on febrl4 (5,000 ↔ 5,000, 5,000 true links) through real CSV files.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMatchEval } from '../../../src/evaluation/match-eval.js';
import { matchParamsSchema, type MatchParams } from '../../../src/match/index.js';
import { loadDataset, measureLinkQuality, writeDatasetCsv } from '../../bench/datasets.js';

const NAIVE_RULE_LINKS = 3241; // recordlinkage docs, febrl4

let dir: string;
let params: MatchParams;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'match-eval-'));
  params = matchParamsSchema.parse(JSON.parse(await readFile('config/matching.json', 'utf8')));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runMatchEval on febrl4', () => {
  it('links with precision >= 0.99 and finds more links than the naive rule', async () => {
    const dataset = await loadDataset('febrl4');
    const files = await writeDatasetCsv(dataset, dir);
    const outPath = join(dir, 'links.csv');
    const summary = await runMatchEval({ ...files, outPath, params });

    const rows = parse(await readFile(outPath), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual(['incoming_id', 'existing_id', 'decision', 'score']);
    expect(rows).toHaveLength(5000);
    expect(new Set(rows.map((r) => r.incoming_id)).size).toBe(5000);
    for (const r of rows) {
      expect(['link', 'review', 'create']).toContain(r.decision);
      if (r.decision === 'create') expect(r.existing_id).toBe('');
      else expect(r.existing_id).toMatch(/^rec-\d+-org$/);
    }

    const quality = measureLinkQuality(
      dataset.truth,
      rows.map((r) => ({ incomingId: r.incoming_id ?? '', existingId: r.existing_id ?? '', decision: r.decision ?? '' })),
    );
    expect(quality.precision).toBeGreaterThanOrEqual(0.99);
    expect(quality.correctLinks).toBeGreaterThanOrEqual(NAIVE_RULE_LINKS);
    expect(summary).toMatchObject({ incoming: 5000, link: quality.links, review: quality.reviews, create: quality.creates });
    expect(summary.comparisons).toBeGreaterThan(0);
  });

  it('rejects bad CSV with an error naming the line', async () => {
    const header = 'id,first_name,last_name,company,street,house_number,entrance,postal_code,city,country,phone,email,birth_date';
    const good = join(dir, 'good.csv');
    await writeFile(good, `${header}\nA1,Kari,Nordmann,,,,,0667,Oslo,NO,,,1980-05-17\n`);
    const cases: Array<[string, RegExp]> = [
      [`${header}\nB1,Kari,Nordmann,,,,,0667,Oslo,NO,,,1980-05-17\nB2,Ola,Hansen,,,\n`, /line 3/],
      [`${header}\nB1,Kari,Nordmann,,,,,0667,Oslo,NO,,,17.05.1980\n`, /line 2.*birth_date/],
      [`${header}\nB1,Kari,"Nord\n`, /line/],
      [`${header}\n,Kari,Nordmann,,,,,0667,Oslo,NO,,,\n`, /line 2.*empty id/],
      [`${header}\nB1,Kari,Nordmann,,,,,,,,,,\nB1,Ola,Hansen,,,,,,,,,,\n`, /line 3.*duplicate id/],
      ['id,first_name\nB1,Kari\n', /line 1.*header lacks/],
    ];
    for (const [content, expected] of cases) {
      const bad = join(dir, 'bad.csv');
      await writeFile(bad, content);
      await expect(runMatchEval({ existingPath: good, incomingPath: bad, outPath: join(dir, 'out.csv'), params })).rejects.toThrow(expected);
    }
  });
});
