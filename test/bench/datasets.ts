// Converters from the public record-linkage datasets in /work/shared/datasets (read in place,
// never copied into the repo) to the matcher's evaluation format (DESIGN §5.4), with ground truth.
// Each dataset becomes an "existing" side (what Windward holds) and an "incoming" side (what
// arrives from Infosoft); truth maps every incoming id to its true existing id, or null when the
// entity is absent from the existing side (the right answer is then "create").
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { MatchRecord } from '../../src/match/index.js';
import { MATCH_CSV_COLUMNS } from '../../src/evaluation/csv-records.js';

export const DATASETS_DIR = process.env.MATCH_DATASETS_DIR ?? '/work/shared/datasets';

export type DatasetName = 'febrl4' | 'febrl1' | 'febrl2' | 'febrl3' | 'fake_1000' | 'dedupe_csv';
export const ALL_DATASETS: DatasetName[] = ['febrl4', 'febrl1', 'febrl2', 'febrl3', 'fake_1000', 'dedupe_csv'];

export interface LoadedDataset {
  name: DatasetName;
  existing: MatchRecord[];
  incoming: MatchRecord[];
  /** incoming id → the existing id of the same entity, or null. */
  truth: Map<string, string | null>;
}

export interface DatasetFiles {
  existingPath: string;
  incomingPath: string;
}

/** A person record with every field empty, for converters to fill in. */
export function emptyRecord(id: string): MatchRecord {
  return {
    id,
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
    countryCode: '',
    phones: [],
    email: '',
    birthDate: '',
  };
}

async function readCsvObjects(path: string): Promise<Record<string, string>[]> {
  // dedupe's file is not all valid UTF-8: decode leniently (invalid bytes become U+FFFD).
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await readFile(path));
  return parse(text, { columns: true, trim: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
}

function toIsoDate(yyyymmdd: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

function fromFebrl(row: Record<string, string>): MatchRecord {
  return {
    ...emptyRecord(row.rec_id ?? ''),
    firstName: row.given_name ?? '',
    lastName: row.surname ?? '',
    street: row.address_1 ?? '',
    houseNumber: row.street_number ?? '',
    postalCode: row.postcode ?? '',
    city: row.suburb ?? '',
    countryCode: 'AU',
    birthDate: toIsoDate(row.date_of_birth ?? ''),
  };
}

const febrlEntity = (id: string): string => /^rec-(\d+)/.exec(id)?.[1] ?? id;

async function loadFebrl4(): Promise<LoadedDataset> {
  const a = (await readCsvObjects(join(DATASETS_DIR, 'febrl/dataset4a.csv'))).map(fromFebrl);
  const b = (await readCsvObjects(join(DATASETS_DIR, 'febrl/dataset4b.csv'))).map(fromFebrl);
  const byEntity = new Map(a.map((r) => [febrlEntity(r.id), r.id]));
  const truth = new Map(b.map((r) => [r.id, byEntity.get(febrlEntity(r.id)) ?? null]));
  return { name: 'febrl4', existing: a, incoming: b, truth };
}

/**
 * Splits clustered records: the first record of each cluster is "existing", the others are
 * "incoming"; for every tenth cluster the first record is withheld, so its other records test
 * that a missing entity leads to "create" rather than a wrong link.
 */
function splitClusters(name: DatasetName, records: MatchRecord[], clusterOf: (r: MatchRecord) => string): LoadedDataset {
  const clusters = new Map<string, MatchRecord[]>();
  for (const r of records) {
    const key = clusterOf(r);
    const list = clusters.get(key) ?? [];
    list.push(r);
    clusters.set(key, list);
  }
  const existing: MatchRecord[] = [];
  const incoming: MatchRecord[] = [];
  const truth = new Map<string, string | null>();
  let ordinal = 0;
  for (const [, members] of [...clusters].sort(([x], [y]) => x.localeCompare(y, 'en', { numeric: true }))) {
    const withheld = ordinal++ % 10 === 9;
    const [head, ...rest] = members;
    if (!head) continue;
    if (!withheld) existing.push(head);
    for (const r of rest) {
      incoming.push(r);
      truth.set(r.id, withheld ? null : head.id);
    }
  }
  return { name, existing, incoming, truth };
}

async function loadFebrlDedup(n: 1 | 2 | 3): Promise<LoadedDataset> {
  const rows = (await readCsvObjects(join(DATASETS_DIR, `febrl/dataset${n}.csv`))).map(fromFebrl);
  // Originals first within each cluster, so the original is the "existing" record.
  rows.sort((x, y) => Number(y.id.endsWith('-org')) - Number(x.id.endsWith('-org')) || x.id.localeCompare(y.id));
  return splitClusters(`febrl${n}`, rows, (r) => febrlEntity(r.id));
}

async function loadFake1000(): Promise<LoadedDataset> {
  const rows = await readCsvObjects(join(DATASETS_DIR, 'splink_fake_1000/fake_1000.csv'));
  const cluster = new Map<string, string>();
  const records = rows.map((row) => {
    const id = `f${row.unique_id ?? ''}`;
    cluster.set(id, row.cluster ?? '');
    return {
      ...emptyRecord(id),
      firstName: row.first_name ?? '',
      lastName: row.surname ?? '',
      city: row.city ?? '',
      countryCode: 'GB',
      email: row.email ?? '',
      birthDate: /^\d{4}-\d{2}-\d{2}$/.test(row.dob ?? '') ? (row.dob ?? '') : '',
    };
  });
  records.sort((x, y) => Number(x.id.slice(1)) - Number(y.id.slice(1)));
  return splitClusters('fake_1000', records, (r) => cluster.get(r.id) ?? r.id);
}

async function loadDedupeCsv(): Promise<LoadedDataset> {
  const rows = await readCsvObjects(join(DATASETS_DIR, 'dedupe_csv_example/csv_example_input_with_true_ids.csv'));
  const cluster = new Map<string, string>();
  const records = rows.map((row) => {
    const id = `d${row.Id ?? ''}`;
    cluster.set(id, row['True Id'] ?? '');
    // "27 Washington Oak Park IL 60302": house number first, the rest is street (and often town).
    const address = (row.Address ?? '').replace(/\s+/g, ' ').trim();
    const m = /^(\d+)\s+(.*)$/.exec(address);
    return {
      ...emptyRecord(id),
      kind: 'company' as const,
      companyName: (row['Site name'] ?? '').replace(/\s+/g, ' '),
      street: m ? (m[2] ?? '') : address,
      houseNumber: m ? (m[1] ?? '') : '',
      postalCode: row.Zip ?? '',
      countryCode: 'US',
      phones: [row.Phone ?? ''].filter((p) => p !== ''),
      email: row['Email Address'] ?? '',
    };
  });
  records.sort((x, y) => Number(x.id.slice(1)) - Number(y.id.slice(1)));
  return splitClusters('dedupe_csv', records, (r) => cluster.get(r.id) ?? r.id);
}

export async function loadDataset(name: DatasetName): Promise<LoadedDataset> {
  switch (name) {
    case 'febrl4':
      return loadFebrl4();
    case 'febrl1':
      return loadFebrlDedup(1);
    case 'febrl2':
      return loadFebrlDedup(2);
    case 'febrl3':
      return loadFebrlDedup(3);
    case 'fake_1000':
      return loadFake1000();
    case 'dedupe_csv':
      return loadDedupeCsv();
  }
}

export function toMatchCsv(records: readonly MatchRecord[]): string {
  return stringify(
    records.map((r) => [
      r.id,
      r.firstName,
      r.lastName,
      r.companyName,
      r.street,
      r.houseNumber,
      r.entrance,
      r.postalCode,
      r.city,
      r.countryCode,
      r.phones.join(';'),
      r.email,
      r.birthDate,
    ]),
    { header: true, columns: [...MATCH_CSV_COLUMNS] },
  );
}

/** Writes existing.csv and incoming.csv of a dataset into dir (a temp directory). */
export async function writeDatasetCsv(dataset: LoadedDataset, dir: string): Promise<DatasetFiles> {
  await mkdir(dir, { recursive: true });
  const existingPath = join(dir, `${dataset.name}-existing.csv`);
  const incomingPath = join(dir, `${dataset.name}-incoming.csv`);
  await writeFile(existingPath, toMatchCsv(dataset.existing));
  await writeFile(incomingPath, toMatchCsv(dataset.incoming));
  return { existingPath, incomingPath };
}

export interface LinkQuality {
  incoming: number;
  trueMatches: number;
  links: number;
  correctLinks: number;
  reviews: number;
  /** Reviews whose best candidate is the true match. */
  reviewsWithTrueBest: number;
  creates: number;
  precision: number;
  recall: number;
  f1: number;
  reviewRate: number;
}

/** Link quality of decisions (incoming id → decision, existing id) against a dataset's truth. */
export function measureLinkQuality(
  truth: ReadonlyMap<string, string | null>,
  rows: Iterable<{ incomingId: string; existingId: string; decision: string }>,
): LinkQuality {
  let incoming = 0;
  let links = 0;
  let correctLinks = 0;
  let reviews = 0;
  let reviewsWithTrueBest = 0;
  let creates = 0;
  for (const row of rows) {
    incoming++;
    const expected = truth.get(row.incomingId);
    if (row.decision === 'link') {
      links++;
      if (expected === row.existingId) correctLinks++;
    } else if (row.decision === 'review') {
      reviews++;
      if (expected === row.existingId) reviewsWithTrueBest++;
    } else creates++;
  }
  const trueMatches = [...truth.values()].filter((v) => v !== null).length;
  const precision = links === 0 ? 1 : correctLinks / links;
  const recall = trueMatches === 0 ? 1 : correctLinks / trueMatches;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    incoming,
    trueMatches,
    links,
    correctLinks,
    reviews,
    reviewsWithTrueBest,
    creates,
    precision,
    recall,
    f1,
    reviewRate: incoming === 0 ? 0 : reviews / incoming,
  };
}
