// bench:match — matcher quality on the public datasets and lookup cost at a million customers.
//   npx tsx test/bench/match.ts            (MATCH_BENCH_RECORDS=100000 for a quick run)
// Prints a table and writes bench/results/match.json. Figures are measured, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parse } from 'csv-parse/sync';
import {
  blockingKeys,
  decide,
  listTermValues,
  matchParamsSchema,
  type MatchRecord,
  type TermFrequency,
} from '../../src/match/index.js';
import { BlockingIndex } from '../../src/evaluation/blocking-index.js';
import { runMatchEval } from '../../src/evaluation/match-eval.js';
import { createPrng } from '../../src/evaluation/prng.js';
import { ALL_DATASETS, loadDataset, measureLinkQuality, writeDatasetCsv, type LinkQuality } from './datasets.js';
import { benchMirror, printMirrorBench } from './mirror.js';
import { generatePerson, perturbPerson } from './synthetic-people.js';

const RECORDS = Number(process.env.MATCH_BENCH_RECORDS ?? 1_000_000);
const LOOKUPS = Number(process.env.MATCH_BENCH_LOOKUPS ?? 20_000);
const SEED = 424242;
const HEAP_MB_NEEDED = 6144;

interface DatasetRow extends LinkQuality {
  dataset: string;
  candidatesPerLookup: number;
  lookupsPerSecond: number;
}

async function benchDatasets(params: ReturnType<typeof matchParamsSchema.parse>): Promise<DatasetRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-match-'));
  const rows: DatasetRow[] = [];
  try {
    for (const name of ALL_DATASETS) {
      const dataset = await loadDataset(name);
      const files = await writeDatasetCsv(dataset, dir);
      const outPath = join(dir, `${name}-links.csv`);
      const summary = await runMatchEval({ ...files, outPath, params });
      const out = parse(await readFile(outPath), { columns: true }) as Array<{
        incoming_id: string;
        existing_id: string;
        decision: string;
      }>;
      const quality = measureLinkQuality(
        dataset.truth,
        out.map((r) => ({ incomingId: r.incoming_id, existingId: r.existing_id, decision: r.decision })),
      );
      rows.push({
        dataset: name,
        ...quality,
        candidatesPerLookup: summary.comparisons / Math.max(1, summary.incoming),
        lookupsPerSecond: summary.incoming / summary.seconds,
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function benchScale(params: ReturnType<typeof matchParamsSchema.parse>) {
  const started = performance.now();
  const index = new BlockingIndex();
  const surnameCounts = new Map<string, number>();
  const firstCounts = new Map<string, number>();
  let keysFiled = 0;
  for (let i = 0; i < RECORDS; i++) {
    const record = generatePerson(SEED, i);
    const keys = blockingKeys(record, params);
    keysFiled += keys.length;
    index.add(i, keys);
    for (const [field, value] of listTermValues(record, params)) {
      const counts = field === 'lastName' ? surnameCounts : field === 'firstName' ? firstCounts : null;
      counts?.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const indexSeconds = (performance.now() - started) / 1000;
  const termFrequency: TermFrequency = (field, value) => {
    const counts = field === 'lastName' ? surnameCounts : field === 'firstName' ? firstCounts : null;
    const count = counts?.get(value);
    return count ? count / RECORDS : undefined;
  };

  const random = createPrng(SEED + 1);
  const read: number[] = [];
  const distinct: number[] = [];
  const decideMs: number[] = [];
  const outcome = { link: 0, review: 0, create: 0, wrongLinks: 0, linksOfCopies: 0, copies: 0 };
  const lookupStarted = performance.now();
  for (let q = 0; q < LOOKUPS; q++) {
    // Half are changed copies of stored customers, half are people not in the store.
    const isCopy = q % 2 === 0;
    const source = isCopy ? Math.floor(random() * RECORDS) : RECORDS + q;
    const original = generatePerson(SEED, source);
    const incoming = isCopy ? perturbPerson(original, random) : { ...original, id: `new-${q}` };
    const lookup = index.lookup(blockingKeys(incoming, params), params.blocking.maxPostingSize);
    read.push(lookup.postingsRead);
    distinct.push(lookup.positions.length);
    const candidates: MatchRecord[] = lookup.positions.map((p) => generatePerson(SEED, p));
    const t0 = performance.now();
    const decision = decide(incoming, candidates, params, { termFrequency, storeSize: RECORDS });
    decideMs.push(performance.now() - t0);
    outcome[decision.kind]++;
    if (isCopy) outcome.copies++;
    if (decision.kind === 'link') {
      if (decision.target === original.id && isCopy) outcome.linksOfCopies++;
      else outcome.wrongLinks++;
    }
  }
  const lookupSeconds = (performance.now() - lookupStarted) / 1000;
  read.sort((a, b) => a - b);
  distinct.sort((a, b) => a - b);
  decideMs.sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    records: RECORDS,
    lookups: LOOKUPS,
    indexSeconds,
    distinctKeys: index.keyCount,
    keysPerRecord: keysFiled / RECORDS,
    postingsReadPerLookup: { mean: mean(read), p99: percentile(read, 0.99), max: read[read.length - 1] ?? 0 },
    candidatesPerLookup: { mean: mean(distinct), p99: percentile(distinct, 0.99), max: distinct[distinct.length - 1] ?? 0 },
    decideMs: { p50: percentile(decideMs, 0.5), p99: percentile(decideMs, 0.99) },
    lookupsPerSecond: LOOKUPS / lookupSeconds,
    heapUsedMb: process.memoryUsage().heapUsed / 1e6,
    outcome,
  };
}

async function main(): Promise<void> {
  // A million-record index needs more heap than Node's default: re-run with a larger one.
  if (RECORDS >= 500_000 && getHeapStatistics().heap_size_limit < HEAP_MB_NEEDED * 1e6 && !process.env.MATCH_BENCH_CHILD) {
    const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB_NEEDED}`, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, MATCH_BENCH_CHILD: '1' },
    });
    process.exit(child.status ?? 1);
  }
  const params = matchParamsSchema.parse(JSON.parse(await readFile('config/matching.json', 'utf8')));
  const datasets = await benchDatasets(params);
  console.log('\nMatcher quality (links; review = sent to a human)');
  console.table(
    datasets.map((r) => ({
      dataset: r.dataset,
      incoming: r.incoming,
      trueMatches: r.trueMatches,
      links: r.links,
      precision: r.precision.toFixed(4),
      recall: r.recall.toFixed(4),
      f1: r.f1.toFixed(4),
      reviewRate: r.reviewRate.toFixed(3),
      'review→true': r.reviewsWithTrueBest,
      creates: r.creates,
      'cand/lookup': r.candidatesPerLookup.toFixed(2),
      'lookups/s': Math.round(r.lookupsPerSecond),
    })),
  );
  const febrl4 = datasets.find((r) => r.dataset === 'febrl4');
  if (febrl4) {
    console.log(`febrl4: ${febrl4.correctLinks} of 5,000 true links found automatically (naive rule in recordlinkage docs: 3,241)`);
  }
  console.log(`\nScale: ${RECORDS.toLocaleString('en')} synthetic customers, ${LOOKUPS.toLocaleString('en')} lookups`);
  const scale = await benchScale(params);
  console.table({
    'postings read': scale.postingsReadPerLookup,
    'distinct candidates': scale.candidatesPerLookup,
  });
  console.log(
    `decide(): p50 ${scale.decideMs.p50.toFixed(3)} ms, p99 ${scale.decideMs.p99.toFixed(3)} ms; ` +
      `${Math.round(scale.lookupsPerSecond)} lookups/s end to end; index built in ${scale.indexSeconds.toFixed(1)} s ` +
      `(${scale.distinctKeys.toLocaleString('en')} keys, ${scale.keysPerRecord.toFixed(1)} per record, heap ${Math.round(scale.heapUsedMb)} MB)`,
  );
  console.log('synthetic outcomes:', scale.outcome);
  // The same lookups against the real SQLite mirror (src/store/mirror.ts), as the worker runs them.
  const mirror = await benchMirror(params, RECORDS, LOOKUPS);
  printMirrorBench(mirror);
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/match.json', `${JSON.stringify({ datasets, scale, mirror, naiveFebrl4Links: 3241 }, null, 2)}\n`);
  console.log('wrote bench/results/match.json');
}

await main();
