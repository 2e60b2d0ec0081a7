// review list | decide <id> link <unique> | decide <id> create — a person settles what the matcher
// would not. The decision is applied by a sync of the customer, queued at once.
import type { App } from '../../app.js';
import { decideReviewItem } from '../../operator/reviews.js';
import { listReviews } from '../../store/reviews.js';
import { CliError, EXIT, printJson } from '../context.js';

interface CandidateView {
  id: string;
  score: number;
}

export async function runReviewList(app: App, options: { json?: boolean; all?: boolean }): Promise<number> {
  const items = listReviews(app.db, options.all ? ['open', 'decided', 'done'] : ['open']);
  if (options.json) {
    printJson(items);
    return EXIT.ok;
  }
  if (items.length === 0) process.stdout.write('no open review items\n');
  for (const item of items) {
    const candidates = item.kind === 'match' ? (item.candidates as CandidateView[]).map((c) => `${c.id} (${c.score.toFixed(1)})`).join(', ') : '';
    if (item.kind === 'conflict') process.stdout.write(`#${item.id}  customer ${item.customerNumber}  conflict  ${item.reason}\n`);
    else process.stdout.write(`#${item.id}  customer ${item.customerNumber}  ${item.status}  ${item.reason}\n    candidates: ${candidates || 'none'}\n`);
  }
  return EXIT.ok;
}

export async function runReviewDecide(app: App, id: number, decision: 'link' | 'create' | 'dismiss', unique: number | null, options: { json?: boolean }): Promise<number> {
  if (decision === 'link' && unique === null) throw new CliError('decide <id> link needs the Windward Unique to link to', EXIT.usage);
  const result = await decideReviewItem(
    {
      db: app.db,
      windwardHasCustomer: async (candidate) => (await app.windward.getCustomer(candidate)) !== null,
      enqueueCustomer: app.enqueueCustomer,
    },
    id,
    decision === 'link' ? { decision, unique: unique as number } : { decision },
  );
  if (!result.ok) throw new CliError(result.message, EXIT.failure);
  const { item: decided, jobId } = result;
  if (options.json) printJson({ ...decided, jobId });
  else if (decision === 'dismiss') process.stdout.write(`review ${id}: conflict acknowledged\n`);
  else process.stdout.write(`review ${id}: ${decision}${unique === null ? '' : ` ${unique}`}; customer ${decided.customerNumber} queued (job ${jobId})\n`);
  return EXIT.ok;
}
