// addCustomer exactly once under at-least-once delivery (DESIGN §4.2). Windward has no idempotency
// keys, so the Number field carries our reference and an intent row marks "a create may have
// happened". On a retry with an open intent the record is looked up by its reference first: in the
// mirror, by e-mail, and finally in the listing above the highest Unique known before the attempt.
import type { CustomerNumber, WindwardCustomer, WindwardCustomerDraft } from '../domain/customer.js';
import { fingerprintDraft } from './fingerprint.js';
import type { IntentStore, MirrorIndex, WindwardPort } from './ports.js';

export interface CreateOnceDeps {
  windward: WindwardPort;
  mirror: MirrorIndex;
  intents: IntentStore;
  listingPageSize: number;
}

export interface CreateOnceResult {
  customer: WindwardCustomer;
  /** True when an earlier attempt's record was found and adopted instead of creating. */
  adopted: boolean;
}

/** What the caller already read of the intent (only the job holding the customer's lock changes it). */
type KnownIntent = ReturnType<IntentStore['find']>;

/**
 * The caller files the returned record in the mirror, with its link, in one transaction. `known`:
 * the intent as the caller read it in this job, to spare a second read; read here when omitted.
 */
export async function createOnce(
  deps: CreateOnceDeps,
  customerNumber: CustomerNumber,
  draft: WindwardCustomerDraft,
  known?: KnownIntent,
): Promise<CreateOnceResult> {
  const intent = known === undefined ? deps.intents.find(draft.externalRef) : known;
  if (intent) {
    const found = await findByReference(deps, draft, intent.maxUniqueBefore);
    if (found) {
      const current = fingerprintDraft(found) === fingerprintDraft(draft) ? found : await deps.windward.updateCustomer(found.unique, draft);
      return { customer: current, adopted: true };
    }
  }
  await deps.intents.open(draft.externalRef, customerNumber);
  return { customer: await deps.windward.addCustomer(draft), adopted: false };
}

async function findByReference(deps: CreateOnceDeps, draft: WindwardCustomerDraft, maxUniqueBefore: number): Promise<WindwardCustomer | null> {
  const isOurs = (c: WindwardCustomer | null): c is WindwardCustomer => c !== null && c.externalRef === draft.externalRef;
  for (const unique of deps.mirror.findByExternalRef(draft.externalRef)) {
    const customer = await deps.windward.getCustomer(unique);
    if (isOurs(customer)) return customer;
  }
  if (draft.email) {
    const found = (await deps.windward.findByEmail(draft.email)).find(isOurs);
    if (found) return found;
  }
  // The listing is ordered by Unique and a record created by the lost attempt lies above
  // maxUniqueBefore: start one page before its estimated position, then, if the mirror's estimate
  // was off, read the pages before that too. Rare (lost responses only) and bounded by the listing.
  const size = deps.listingPageSize;
  const startPage = Math.max(1, Math.floor(deps.mirror.countUpTo(maxUniqueBefore) / size));
  const scan = async (from: number, to: number | null): Promise<WindwardCustomer | null> => {
    for (let page = from; to === null || page < to; page += 1) {
      const { customers, hasMore } = await deps.windward.listCustomers(page, size);
      const found = customers.find(isOurs);
      if (found) return found;
      if (!hasMore) break;
    }
    return null;
  };
  return (await scan(startPage, null)) ?? (startPage > 1 ? await scan(1, startPage) : null);
}
