// review list | decide <id> link <unique> | decide <id> create — a person settles what the matcher
// would not. The decision is applied by a sync of the customer, queued at once.
import type { App } from '../../app.js';
import { decideReview, getReview, listReviews } from '../../store/reviews.js';
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
    const candidates = (item.candidates as CandidateView[]).map((c) => `${c.id} (${c.score.toFixed(1)})`).join(', ');
    process.stdout.write(`#${item.id}  customer ${item.customerNumber}  ${item.status}  ${item.reason}\n    candidates: ${candidates || 'none'}\n`);
  }
  return EXIT.ok;
}

export async function runReviewDecide(app: App, id: number, decision: 'link' | 'create', unique: number | null, options: { json?: boolean }): Promise<number> {
  const item = getReview(app.db, id);
  if (!item) throw new CliError(`no review item ${id}`, EXIT.failure);
  if (item.status !== 'open') throw new CliError(`review item ${id} is already ${item.status}`, EXIT.failure);
  if (decision === 'link') {
    if (unique === null) throw new CliError('decide <id> link needs the Windward Unique to link to', EXIT.usage);
    const target = await app.windward.getCustomer(unique);
    if (!target) throw new CliError(`Windward has no customer ${unique}`, EXIT.failure);
  }
  const decided = decideReview(app.db, id, decision, unique);
  if (!decided) throw new CliError(`review item ${id} was decided by someone else just now`, EXIT.failure);
  const jobId = await app.enqueueCustomer(item.customerNumber, 'review');
  if (options.json) printJson({ ...decided, jobId });
  else process.stdout.write(`review ${id}: ${decision}${unique === null ? '' : ` ${unique}`}; customer ${item.customerNumber} queued (job ${jobId})\n`);
  return EXIT.ok;
}
