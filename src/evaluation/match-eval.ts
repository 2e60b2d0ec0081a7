// `customer-sync match-eval`: decide every record of one CSV against the records of another and
// write one decision row per incoming record (DESIGN §5.4).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { MatchParams } from '../match/index.js';
import { readMatchCsv } from './csv-records.js';
import { linkRecords } from './link-records.js';

export interface MatchEvalOptions {
  existingPath: string;
  incomingPath: string;
  outPath: string;
  params: MatchParams;
  onProgress?: (done: number, total: number) => void;
}

export interface MatchEvalSummary {
  incoming: number;
  link: number;
  review: number;
  create: number;
  seconds: number;
  comparisons: number;
}

export async function runMatchEval(options: MatchEvalOptions): Promise<MatchEvalSummary> {
  const started = performance.now();
  const existing = await readMatchCsv(options.existingPath);
  const incoming = await readMatchCsv(options.incomingPath);
  const { results, comparisons } = linkRecords(existing, incoming, options.params, options.onProgress);

  const counts = { link: 0, review: 0, create: 0 };
  const out = createWriteStream(options.outPath);
  const finished = once(out, 'finish');
  const csv = stringify({ header: true, columns: ['incoming_id', 'existing_id', 'decision', 'score'] });
  csv.pipe(out);
  for (const r of results) {
    counts[r.decision.kind]++;
    const existingId = r.decision.kind === 'create' ? '' : r.existingId;
    const score = r.score === null ? '' : r.score.toFixed(3);
    if (!csv.write([r.incomingId, existingId, r.decision.kind, score])) await once(csv, 'drain');
  }
  csv.end();
  await finished;
  return {
    incoming: incoming.length,
    ...counts,
    seconds: (performance.now() - started) / 1000,
    comparisons,
  };
}
