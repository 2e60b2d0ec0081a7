// The evaluation engine in memory: index the existing records by blocking key, then decide every
// incoming record against the candidates its keys find.
import { blockingKeys, decide, type MatchDecision, type MatchParams, type MatchRecord } from '../match/index.js';
import { BlockingIndex } from './blocking-index.js';
import { buildTermFrequency } from './term-frequency.js';

export interface LinkResult {
  incomingId: string;
  decision: MatchDecision;
  /** The existing record the decision points at: the link target, or the best candidate for review. */
  existingId: string;
  score: number | null;
  candidates: number;
}

export interface LinkSummary {
  results: LinkResult[];
  /** Candidate pairs scored (sum of candidates over all lookups). */
  comparisons: number;
  /** Postings read from the index, duplicates included. */
  postingsRead: number;
}

export function linkRecords(
  existing: readonly MatchRecord[],
  incoming: readonly MatchRecord[],
  params: MatchParams,
  onProgress?: (done: number, total: number) => void,
): LinkSummary {
  const index = new BlockingIndex();
  existing.forEach((record, position) => index.add(position, blockingKeys(record, params)));
  const termFrequency = buildTermFrequency(existing, params);

  const results: LinkResult[] = [];
  let comparisons = 0;
  let postingsRead = 0;
  const progressEvery = Math.max(1, Math.floor(incoming.length / 100));
  incoming.forEach((record, i) => {
    const lookup = index.lookup(blockingKeys(record, params), params.blocking.maxPostingSize);
    const candidates = lookup.positions.map((p) => existing[p]).filter((r): r is MatchRecord => r !== undefined);
    comparisons += candidates.length;
    postingsRead += lookup.postingsRead;
    const decision = decide(record, candidates, params, { termFrequency, storeSize: existing.length });
    results.push({ incomingId: record.id, decision, ...describeTarget(decision), candidates: candidates.length });
    if (onProgress && ((i + 1) % progressEvery === 0 || i + 1 === incoming.length)) onProgress(i + 1, incoming.length);
  });
  return { results, comparisons, postingsRead };
}

function describeTarget(decision: MatchDecision): { existingId: string; score: number | null } {
  switch (decision.kind) {
    case 'link':
      return { existingId: decision.target, score: decision.score };
    case 'review':
      return { existingId: decision.candidates[0]?.id ?? '', score: decision.candidates[0]?.score ?? null };
    case 'create':
      return { existingId: '', score: decision.best?.score ?? null };
  }
}
