// Estimates the matcher's parameters (config/matching.json) from labelled public datasets, so that
// no weight is tuned by hand. Repeatable: same datasets and seed → same file.
//
//   npx tsx scripts/estimate-matching.ts [--dataset febrl1,febrl2,...] [--out config/matching.json] [--seed N]
//
// m  = P(level | true match), counted over the datasets' ground-truth pairs;
// u  = P(level | non-match), counted over random pairs of different entities;
// both Laplace-smoothed (+0.5). Each field is estimated on the datasets that hold it (febrl has
// no phones or e-mail; see FIELD_SOURCES). febrl4 is never used here: it is the held-out test.
// Thresholds are then chosen on the same training datasets: link = the lowest score whose links
// reach LINK_PRECISION_TARGET in every dataset of the kind; review = the score at which the
// model's posterior match probability is REVIEW_MIN_PRECISION. See docs/matching.md.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  FIELD_LEVELS,
  FIELD_NAMES,
  blockingKeys,
  compareRecords,
  matchParamsSchema,
  prepareRecordCached,
  scoreCandidates,
  type FieldName,
  type MatchParams,
  type MatchRecord,
} from '../src/match/index.js';
import { BlockingIndex } from '../src/evaluation/blocking-index.js';
import { createPrng } from '../src/evaluation/prng.js';
import { buildTermFrequency } from '../src/evaluation/term-frequency.js';
import { loadDataset, type DatasetName, type LoadedDataset } from '../test/bench/datasets.js';

const FEBRL_TRAIN: DatasetName[] = ['febrl1', 'febrl2', 'febrl3'];
const FIELD_SOURCES: Record<FieldName, DatasetName[]> = {
  firstName: FEBRL_TRAIN,
  lastName: FEBRL_TRAIN,
  address: FEBRL_TRAIN,
  birthDate: FEBRL_TRAIN,
  email: ['fake_1000'],
  phone: ['dedupe_csv'],
  companyName: ['dedupe_csv'],
};
const THRESHOLD_DATASETS: Record<'person' | 'company', DatasetName[]> = {
  person: [...FEBRL_TRAIN, 'fake_1000'],
  company: ['dedupe_csv'],
};
const RANDOM_PAIRS_PER_DATASET = 100_000;
const LINK_PRECISION_TARGET = 0.995; // a margin above the 0.99 required on unseen data
const REVIEW_MIN_PRECISION = 0.2;
const REGION = 'NO';
const AMBIGUITY_MARGIN = 2; // bits: the runner-up is at least a quarter as likely as the best
const MAX_POSTING_SIZE = 200;
const TF_MIN_U = 1e-4;
const DEFAULT_STORE_SIZE = 100_000; // only used by callers that do not pass storeSize

type LevelCounts = Record<string, number>;

function countLevels(pairs: Array<[MatchRecord, MatchRecord]>, fields: FieldName[]): Map<FieldName, LevelCounts> {
  const counts = new Map<FieldName, LevelCounts>(fields.map((f) => [f, {}]));
  for (const [a, b] of pairs) {
    const c = compareRecords(prepareRecordCached(a, REGION), prepareRecordCached(b, REGION));
    const levels: Record<FieldName, string> = {
      firstName: c.names.firstName,
      lastName: c.names.lastName,
      companyName: c.companyName,
      address: c.address,
      phone: c.phone,
      email: c.email,
      birthDate: c.birthDate,
    };
    for (const f of fields) {
      const level = levels[f];
      if (level === 'missing') continue;
      const bucket = counts.get(f);
      if (bucket) bucket[level] = (bucket[level] ?? 0) + 1;
    }
  }
  return counts;
}

function listTruePairs(d: LoadedDataset): Array<[MatchRecord, MatchRecord]> {
  const byId = new Map(d.existing.map((r) => [r.id, r]));
  const pairs: Array<[MatchRecord, MatchRecord]> = [];
  for (const r of d.incoming) {
    const target = byId.get(d.truth.get(r.id) ?? '');
    if (target) pairs.push([r, target]);
  }
  return pairs;
}

function sampleNonMatches(d: LoadedDataset, n: number, seed: number): Array<[MatchRecord, MatchRecord]> {
  const random = createPrng(seed);
  const pairs: Array<[MatchRecord, MatchRecord]> = [];
  while (pairs.length < n) {
    const a = d.incoming[Math.floor(random() * d.incoming.length)];
    const b = d.existing[Math.floor(random() * d.existing.length)];
    if (!a || !b || d.truth.get(a.id) === b.id) continue;
    pairs.push([a, b]);
  }
  return pairs;
}

/** m: Laplace-smoothed shares (+0.5 per level). */
function toMProbabilities(counts: LevelCounts, levels: readonly string[]): Record<string, number> {
  const total = levels.reduce((s, l) => s + (counts[l] ?? 0), 0) + 0.5 * levels.length;
  return Object.fromEntries(levels.map((l) => [l, ((counts[l] ?? 0) + 0.5) / total]));
}

/**
 * u: shares, with a level never seen among n random pairs set to the rule-of-three 95% upper
 * bound 3/n. Laplace's 0.5/n would claim more certainty than the sample has and give an unseen
 * agreement (febrl's synthetic addresses are all distinct) an inflated weight.
 */
function toUProbabilities(counts: LevelCounts, levels: readonly string[]): Record<string, number> {
  const n = levels.reduce((s, l) => s + (counts[l] ?? 0), 0);
  if (n === 0) return toMProbabilities(counts, levels);
  return Object.fromEntries(levels.map((l) => [l, Math.max(counts[l] ?? 0, 3) / n]));
}

/**
 * The training data has no first name reduced to an initial, so the 'initial' level is measured
 * by reducing one side of each pair to its initial: m and u are then P(initials agree | one side
 * is an initial) among matches and non-matches, whose ratio is the weight the level needs.
 */
function estimateInitialLevel(
  truePairs: Array<[MatchRecord, MatchRecord]>,
  randomPairs: Array<[MatchRecord, MatchRecord]>,
): { m: number; u: number } {
  const agreeShare = (pairs: Array<[MatchRecord, MatchRecord]>): number => {
    let agree = 0;
    let n = 0;
    for (const [a, b] of pairs) {
      const x = a.firstName.trim().charAt(0).toLowerCase();
      const y = b.firstName.trim().charAt(0).toLowerCase();
      if (x === '' || y === '') continue;
      n++;
      if (x === y) agree++;
    }
    return (agree + 0.5) / (n + 1);
  };
  return { m: agreeShare(truePairs), u: agreeShare(randomPairs) };
}

interface BestOutcome {
  dataset: DatasetName;
  score: number;
  correct: boolean;
  linkable: boolean;
}

function collectBestOutcomes(d: LoadedDataset, params: MatchParams): BestOutcome[] {
  const index = new BlockingIndex();
  d.existing.forEach((r, i) => index.add(i, blockingKeys(r, params)));
  const termFrequency = buildTermFrequency(d.existing, params);
  const outcomes: BestOutcome[] = [];
  for (const r of d.incoming) {
    const { positions } = index.lookup(blockingKeys(r, params), params.blocking.maxPostingSize);
    const candidates = positions.map((p) => d.existing[p]).filter((x): x is MatchRecord => x !== undefined);
    const [best, second] = scoreCandidates(r, candidates, params, { termFrequency, storeSize: d.existing.length });
    if (!best) continue;
    const ambiguous = second !== undefined && best.score - second.score < params.ambiguityMargin;
    outcomes.push({
      dataset: d.name,
      score: best.score,
      correct: d.truth.get(r.id) === best.id,
      linkable: best.evidence.contradictions.length === 0 && !ambiguous,
    });
  }
  return outcomes;
}

/** Lowest score at which the links at or above it reach the precision target. */
function chooseLinkThreshold(outcomes: BestOutcome[]): number {
  const sorted = outcomes.filter((o) => o.linkable).sort((a, b) => b.score - a.score);
  let correct = 0;
  let threshold = Number.POSITIVE_INFINITY;
  sorted.forEach((o, i) => {
    if (o.correct) correct++;
    const next = sorted[i + 1];
    // Only cut between distinct scores, else equal scores would fall on both sides.
    if (correct / (i + 1) >= LINK_PRECISION_TARGET && (!next || next.score < o.score)) threshold = o.score;
  });
  return threshold;
}

/**
 * The score at which the model's posterior match probability is REVIEW_MIN_PRECISION. Measuring it
 * on the training sets instead does not work: their blocks are so small that even a weak best
 * candidate is usually the true one, which would not hold in a store of a million customers.
 */
function chooseReviewThreshold(link: number): number {
  return Math.min(link, Math.log2(REVIEW_MIN_PRECISION / (1 - REVIEW_MIN_PRECISION)));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      out: { type: 'string', default: 'config/matching.json' },
      seed: { type: 'string', default: '20240601' },
    },
  });
  const seed = Number(values.seed);
  const only = values.dataset?.split(',') as DatasetName[] | undefined;
  const wanted = new Set<DatasetName>([...Object.values(FIELD_SOURCES).flat(), ...Object.values(THRESHOLD_DATASETS).flat()]);
  const datasets = new Map<DatasetName, LoadedDataset>();
  for (const name of wanted) if (!only || only.includes(name)) datasets.set(name, await loadDataset(name));

  const fields: Record<string, { levels: Record<string, { m: number; u: number }>; source: string }> = {};
  for (const field of FIELD_NAMES) {
    const sources = FIELD_SOURCES[field].filter((n) => datasets.has(n));
    const mCounts: LevelCounts = {};
    const uCounts: LevelCounts = {};
    const allTrue: Array<[MatchRecord, MatchRecord]> = [];
    const allRandom: Array<[MatchRecord, MatchRecord]> = [];
    for (const [i, name] of sources.entries()) {
      const d = datasets.get(name);
      if (!d) continue;
      const truePairs = listTruePairs(d);
      const randomPairs = sampleNonMatches(d, RANDOM_PAIRS_PER_DATASET, seed + i);
      allTrue.push(...truePairs);
      allRandom.push(...randomPairs);
      const m = countLevels(truePairs, [field]).get(field) ?? {};
      const u = countLevels(randomPairs, [field]).get(field) ?? {};
      for (const [k, v] of Object.entries(m)) mCounts[k] = (mCounts[k] ?? 0) + v;
      for (const [k, v] of Object.entries(u)) uCounts[k] = (uCounts[k] ?? 0) + v;
    }
    const levels = FIELD_LEVELS[field];
    const m = toMProbabilities(mCounts, levels);
    const u = toUProbabilities(uCounts, levels);
    const estimated = Object.fromEntries(levels.map((l) => [l, { m: round(m[l] ?? 0), u: round(u[l] ?? 0) }]));
    let source = `${sources.join('+')}: m from ${sum(mCounts)} labelled matches, u from ${sum(uCounts)} random non-matching pairs`;
    if (field === 'firstName') {
      const initial = estimateInitialLevel(allTrue, allRandom);
      estimated.initial = { m: round(initial.m), u: round(initial.u) };
      source += '; level initial: P(initials agree) with one side reduced to its initial';
    }
    fields[field] = { levels: estimated, source };
  }

  // Prior: the share of incoming records that have a match in the store (febrl training sets);
  // the prior odds per pair are this share divided by the store size, given at decision time.
  let matches = 0;
  let incomingCount = 0;
  for (const name of FEBRL_TRAIN) {
    const d = datasets.get(name);
    if (!d) continue;
    matches += [...d.truth.values()].filter((v) => v !== null).length;
    incomingCount += d.incoming.length;
  }
  const matchRate = incomingCount === 0 ? 0.5 : matches / incomingCount;

  const draft: MatchParams = matchParamsSchema.parse({
    version: 1,
    defaultRegion: REGION,
    prior: { matchRate: round(matchRate, 4), defaultStoreSize: DEFAULT_STORE_SIZE },
    thresholds: { person: { link: 0, review: 0 }, company: { link: 0, review: 0 } },
    ambiguityMargin: AMBIGUITY_MARGIN,
    termFrequency: { fields: ['lastName', 'firstName', 'companyName'], minU: TF_MIN_U },
    blocking: { maxPostingSize: MAX_POSTING_SIZE },
    fields,
  });

  const thresholds = { person: { link: 0, review: 0 }, company: { link: 0, review: 0 } };
  const perDatasetLink: Record<string, number> = {};
  for (const kind of ['person', 'company'] as const) {
    for (const name of THRESHOLD_DATASETS[kind]) {
      const d = datasets.get(name);
      if (!d) continue;
      const o = collectBestOutcomes(d, draft);
      perDatasetLink[name] = round(chooseLinkThreshold(o), 3);
    }
    const perKind = THRESHOLD_DATASETS[kind].map((n) => perDatasetLink[n]).filter((x): x is number => x !== undefined);
    if (perKind.length === 0) continue;
    const link = Math.ceil(Math.max(...perKind) * 10) / 10;
    thresholds[kind] = { link, review: Math.floor(chooseReviewThreshold(link) * 10) / 10 };
  }

  const params = matchParamsSchema.parse({
    ...draft,
    thresholds,
    provenance: {
      generatedBy: 'scripts/estimate-matching.ts',
      seed,
      method:
        'Fellegi-Sunter; m from labelled true pairs (Laplace +0.5), u from random non-matching pairs (unseen levels: rule-of-three 3/n); levels from src/match/compare.ts',
      prior: `matchRate = ${matches} of ${incomingCount} incoming febrl1-3 records have a match; prior odds per pair = matchRate / storeSize`,
      thresholds: `link: lowest score with link precision >= ${LINK_PRECISION_TARGET} on each dataset of the kind (person: ${THRESHOLD_DATASETS.person.join(', ')}; company: ${THRESHOLD_DATASETS.company.join(', ')}; per dataset: ${JSON.stringify(perDatasetLink)}); review: score where the posterior match probability (prior included) is ${REVIEW_MIN_PRECISION}`,
      heldOut: 'febrl4 is not used for estimation or thresholds',
      fixed: `defaultRegion ${REGION}, ambiguityMargin ${AMBIGUITY_MARGIN} bits, blocking.maxPostingSize ${MAX_POSTING_SIZE}, termFrequency.minU ${TF_MIN_U} are design choices (docs/matching.md)`,
    },
  });
  await writeFile(values.out, `${JSON.stringify(params, null, 2)}\n`);
  console.log(`wrote ${values.out}: thresholds ${JSON.stringify(thresholds)}, matchRate ${params.prior.matchRate}`);
}

function round(x: number, digits = 6): number {
  return Number(x.toPrecision(digits));
}

function sum(counts: LevelCounts): number {
  return Object.values(counts).reduce((s, v) => s + v, 0);
}

await main();
