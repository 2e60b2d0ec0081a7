// The matcher's lookups against the REAL SQLite mirror (src/store/mirror.ts) at scale: files N
// synthetic customers into a fresh SQLite file in batches inside transactions, then runs lookups
// through findMirrorCandidates + decide with readTermFrequency. Called from match.ts, or alone:
//   npx tsx test/bench/mirror.ts            (MIRROR_BENCH_RECORDS=1000000, MIRROR_BENCH_LOOKUPS=20000)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { blockingKeys, readFiledPreparation, decide, listTermValues, matchParamsSchema, toFiledPreparation, type MatchParams, type MatchRecord } from '../../src/match/index.js';
import { closeDatabase, MIGRATIONS_FOLDER, openDatabase } from '../../src/store/db.js';
import { countMirror, findMirrorCandidates, readTermFrequency, upsertMirrorEntries, type MirrorEntry } from '../../src/store/mirror.js';
import { createPrng } from '../../src/evaluation/prng.js';
import { generatePerson, perturbPerson } from './synthetic-people.js';

const SEED = 424242;
const BATCH = 5000;

export interface MirrorBenchResult {
  records: number;
  lookups: number;
  buildSeconds: number;
  dbSizeMb: number;
  rowsReadPerLookup: { mean: number; p99: number; max: number };
  candidatesPerLookup: { mean: number; p99: number; max: number };
  lookupAndDecideMs: { p50: number; p99: number };
  lookupsPerSecond: number;
  outcome: Record<string, number>;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function toEntry(record: MatchRecord, i: number, params: MatchParams): MirrorEntry {
  return {
    windwardUnique: i + 1,
    externalRef: '',
    record,
    prepared: toFiledPreparation(record, params.defaultRegion),
    fingerprint: '',
    keys: blockingKeys(record, params),
    terms: listTermValues(record, params),
  };
}

export async function benchMirror(params: MatchParams, records: number, lookups: number, log = (line: string) => console.log(line)): Promise<MirrorBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-mirror-'));
  const path = join(dir, 'mirror.db');
  const db = openDatabase({ path, migrationsFolder: MIGRATIONS_FOLDER });
  try {
    const started = performance.now();
    const at = new Date();
    for (let from = 0; from < records; from += BATCH) {
      const entries: MirrorEntry[] = [];
      for (let i = from; i < Math.min(records, from + BATCH); i++) entries.push(toEntry(generatePerson(SEED, i), i, params));
      upsertMirrorEntries(db, entries, at); // one transaction per batch
      if ((from / BATCH) % 40 === 0) log(`  filed ${from.toLocaleString('en')} of ${records.toLocaleString('en')}`);
    }
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const buildSeconds = (performance.now() - started) / 1000;
    const dbSizeMb = statSync(path).size / 1e6;
    const storeSize = countMirror(db);

    const random = createPrng(SEED + 1);
    const rowsRead: number[] = [];
    const candidates: number[] = [];
    const ms: number[] = [];
    const outcome: Record<string, number> = { link: 0, review: 0, create: 0, wrongLinks: 0 };
    const lookupStarted = performance.now();
    for (let q = 0; q < lookups; q++) {
      const isCopy = q % 2 === 0;
      const source = isCopy ? Math.floor(random() * records) : records + q;
      const original = generatePerson(SEED, source);
      const incoming = isCopy ? perturbPerson(original, random) : { ...original, id: `new-${q}` };
      const t0 = performance.now();
      const lookup = findMirrorCandidates(db, blockingKeys(incoming, params), params.blocking.maxPostingSize);
      const decision = decide(
        incoming,
        lookup.candidates.map((row) => {
          const id = String(row.windwardUnique);
          const prepared = readFiledPreparation(row.prepared, params.defaultRegion);
          return prepared ? { id, prepared } : { ...(row.record as MatchRecord), id };
        }),
        params,
        { storeSize, termFrequency: (field, value) => readTermFrequency(db, field, value) },
      );
      ms.push(performance.now() - t0);
      rowsRead.push(lookup.rowsRead);
      candidates.push(lookup.candidates.length);
      outcome[decision.kind] = (outcome[decision.kind] ?? 0) + 1;
      if (decision.kind === 'link' && !(isCopy && decision.target === String(source + 1))) outcome.wrongLinks = (outcome.wrongLinks ?? 0) + 1;
    }
    const lookupSeconds = (performance.now() - lookupStarted) / 1000;
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { mean: xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 };
    };
    const sortedMs = [...ms].sort((a, b) => a - b);
    return {
      records,
      lookups,
      buildSeconds,
      dbSizeMb,
      rowsReadPerLookup: stats(rowsRead),
      candidatesPerLookup: stats(candidates),
      lookupAndDecideMs: { p50: percentile(sortedMs, 0.5), p99: percentile(sortedMs, 0.99) },
      lookupsPerSecond: lookups / lookupSeconds,
      outcome,
    };
  } finally {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printMirrorBench(r: MirrorBenchResult): void {
  console.log(`\nReal SQLite mirror: ${r.records.toLocaleString('en')} customers, ${r.lookups.toLocaleString('en')} lookups`);
  console.table({ 'rows read': r.rowsReadPerLookup, candidates: r.candidatesPerLookup });
  console.log(
    `lookup+decide: p50 ${r.lookupAndDecideMs.p50.toFixed(3)} ms, p99 ${r.lookupAndDecideMs.p99.toFixed(3)} ms; ${Math.round(r.lookupsPerSecond)} lookups/s; ` +
      `built in ${r.buildSeconds.toFixed(1)} s, database ${r.dbSizeMb.toFixed(0)} MB; outcomes ${JSON.stringify(r.outcome)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const params = matchParamsSchema.parse(JSON.parse(await readFile('config/matching.json', 'utf8')));
  const result = await benchMirror(params, Number(process.env.MIRROR_BENCH_RECORDS ?? 1_000_000), Number(process.env.MIRROR_BENCH_LOOKUPS ?? 20_000));
  printMirrorBench(result);
}
