// Operator decision on a review item, shared by the CLI and the web API: check the chosen Windward
// customer exists, record the decision, and queue the customer so the sync applies it.
import type { Db } from '../store/db.js';
import { completeReview, decideReview, getReview, type ReviewItem } from '../store/reviews.js';

export interface ReviewDecisionContext {
  db: Db;
  /** True when Windward has a customer with this Unique (asked live, not from the mirror). */
  windwardHasCustomer(unique: number): Promise<boolean>;
  enqueueCustomer(customerNumber: number, reason: string): Promise<string>;
}

export type ReviewDecision = { decision: 'link'; unique: number } | { decision: 'create' } | { decision: 'dismiss' };

export type ReviewDecisionResult =
  | { ok: true; item: ReviewItem; jobId: string }
  | { ok: false; reason: 'not_found' | 'not_open' | 'unknown_unique' | 'conflict' | 'wrong_kind'; message: string };

export async function decideReviewItem(ctx: ReviewDecisionContext, id: number, choice: ReviewDecision): Promise<ReviewDecisionResult> {
  const item = getReview(ctx.db, id);
  if (!item) return { ok: false, reason: 'not_found', message: `no review item ${id}` };
  if (item.status !== 'open') return { ok: false, reason: 'not_open', message: `review item ${id} is already ${item.status}` };
  // A two-way conflict was already settled by policy; a person only acknowledges it (and fixes the
  // losing value by hand if the policy got it wrong). Match items need link or create.
  if (item.kind === 'conflict') {
    if (choice.decision !== 'dismiss') return { ok: false, reason: 'wrong_kind', message: `review item ${id} is a conflict: it can only be dismissed` };
    completeReview(ctx.db, id);
    return { ok: true, item: { ...item, status: 'done' }, jobId: '' };
  }
  if (choice.decision === 'dismiss') return { ok: false, reason: 'wrong_kind', message: `review item ${id} is a match: decide link or create` };
  const unique = choice.decision === 'link' ? choice.unique : null;
  const decision = choice.decision;
  if (unique !== null && !(await ctx.windwardHasCustomer(unique))) {
    return { ok: false, reason: 'unknown_unique', message: `Windward has no customer ${unique}` };
  }
  const decided = decideReview(ctx.db, id, decision, unique);
  if (!decided) return { ok: false, reason: 'conflict', message: `review item ${id} was decided by someone else just now` };
  const jobId = await ctx.enqueueCustomer(item.customerNumber, 'review');
  return { ok: true, item: decided, jobId };
}
