// The decision: link to one candidate, ask a human (review), or create a new customer.
// Wrong links overwrite another person's record, so every doubt resolves towards review.
import { prepareRecordCached, toPreparedCandidate, type Candidate } from './prepare.js';
import { computePriorLog2Odds, scorePair } from './score.js';
import type { DecideContext, MatchDecision, MatchParams, MatchRecord, ScoredCandidate } from './types.js';

/** Candidates carried on a review decision (the best few are what a reviewer needs). */
const MAX_REVIEW_CANDIDATES = 5;

export function scoreCandidates(
  incoming: MatchRecord,
  candidates: readonly Candidate[],
  params: MatchParams,
  context: DecideContext = {},
): ScoredCandidate[] {
  const a = prepareRecordCached(incoming, params.defaultRegion);
  const prior = computePriorLog2Odds(params, context.storeSize);
  const seen = new Set<string>();
  const scored: ScoredCandidate[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const evidence = scorePair(a, toPreparedCandidate(candidate, params.defaultRegion), params, context.termFrequency, prior);
    scored.push({ id: candidate.id, score: evidence.total, evidence });
  }
  // Id as tie-breaker: the same input always yields the same order.
  return scored.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export function decide(
  incoming: MatchRecord,
  candidates: readonly Candidate[],
  params: MatchParams,
  context: DecideContext = {},
): MatchDecision {
  const { link, review } = params.thresholds[incoming.kind];
  // Someone else who shares a surname and a street is not worth a person's time: a candidate with
  // another first name and nothing beyond surname and address agreeing (below the link threshold) is
  // left out. Another first name with strong agreement otherwise (same e-mail and phone: a spouse
  // sharing them) still goes to review, as does every other contradicted candidate: a duplicate is
  // worse than a question (on febrl4, leaving out all doubly contradicted candidates would create
  // 99 more duplicates).
  const all = scoreCandidates(incoming, candidates, params, context);
  const scored = all.filter((s) => !(s.score < link && s.evidence.contradictions.includes('different first names')));
  const best = scored[0];
  if (!best) {
    if (all[0]) return { kind: 'create', reason: 'every candidate is contradicted', best: all[0] };
    return { kind: 'create', reason: 'no candidates' };
  }
  if (best.score < review) return { kind: 'create', reason: 'best candidate below review threshold', best };

  const reviewWith = (reason: string, list: ScoredCandidate[]): MatchDecision => ({
    kind: 'review',
    candidates: list.slice(0, MAX_REVIEW_CANDIDATES),
    reason,
    evidence: best.evidence,
  });
  const rivals = scored.filter((s) => s.score >= review && best.score - s.score < params.ambiguityMargin);
  if (rivals.length > 1) return reviewWith(`${rivals.length} candidates within ${params.ambiguityMargin} bits`, rivals);
  if (best.score < link) return reviewWith('score between review and link thresholds', scored);
  if (context.linkedElsewhere?.(best.id)) return reviewWith('best candidate is linked to another customer', scored);
  if (best.evidence.contradictions.length > 0) {
    return reviewWith(`contradicting evidence: ${best.evidence.contradictions.join('; ')}`, scored);
  }
  return { kind: 'link', target: best.id, score: best.score, evidence: best.evidence };
}
