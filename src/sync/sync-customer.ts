// Sync one Infosoft customer to Windward (DESIGN §3 data flow). Always reads fresh state, so running
// it twice for the same customer makes no second write.
import type { CustomerNumber, InfosoftCustomer, WindwardUnique } from '../domain/customer.js';
import { toBillToDraft } from './draft.js';
import type { FindExisting } from './find-existing.js';
import { fingerprintDraft } from './fingerprint.js';
import type { InfosoftPort, LinkRepository, SyncLogPort, WindwardPort } from './ports.js';

export type SyncAction = 'created' | 'linked' | 'updated' | 'unchanged' | 'review';
/** Actions that end a customer's sync; 'failed' is recorded by the queue when retries are exhausted. */
export const OUTCOME_ACTIONS = ['created', 'linked', 'updated', 'unchanged', 'review', 'failed'] as const;

export interface SyncOutcome {
  customerNumber: CustomerNumber;
  action: SyncAction;
  windwardUnique: WindwardUnique | null;
  reason: string;
  /** Ship-to customers created in Windward by this run. */
  shipToCreated: number;
}

export interface SyncCustomerDeps {
  infosoft: InfosoftPort;
  windward: WindwardPort;
  links: LinkRepository;
  syncLog: SyncLogPort;
  findExisting: FindExisting;
  titleCodes: readonly string[];
  defaultCountryCode: string;
}

export async function syncCustomer(
  deps: SyncCustomerDeps,
  customerNumber: CustomerNumber,
  jobId: string | null = null,
): Promise<SyncOutcome> {
  const customer = await deps.infosoft.getCustomer(customerNumber, deps.titleCodes);
  const outcome = await syncBillTo(deps, customer);
  deps.syncLog.record({
    customerNumber,
    jobId,
    action: outcome.action,
    windwardUnique: outcome.windwardUnique,
    reason: outcome.reason,
    details: { shipToCreated: outcome.shipToCreated },
  });
  return outcome;
}

async function syncBillTo(deps: SyncCustomerDeps, customer: InfosoftCustomer): Promise<SyncOutcome> {
  const { customerNumber } = customer;
  const draft = toBillToDraft(customer, deps.defaultCountryCode);
  const fingerprint = fingerprintDraft(draft);
  const result = (action: SyncAction, windwardUnique: WindwardUnique | null, reason: string): SyncOutcome => ({
    customerNumber,
    action,
    windwardUnique,
    reason,
    shipToCreated: 0,
  });

  const link = deps.links.find(customerNumber, 'bill_to', null);
  if (link) {
    if (link.fingerprint === fingerprint) return result('unchanged', link.windwardUnique, 'Windward already has these values');
    await deps.windward.updateCustomer(link.windwardUnique, draft);
    deps.links.setFingerprint(customerNumber, 'bill_to', null, fingerprint);
    return result('updated', link.windwardUnique, 'Infosoft data changed since the last write');
  }

  const decision = await deps.findExisting(customer);
  switch (decision.kind) {
    case 'review':
      return result('review', null, decision.reason);
    case 'link': {
      const unique = decision.target.unique;
      // Claim before writing: if another job linked this Windward customer to someone else in the
      // meantime, the claim fails and nobody's record is overwritten.
      const claimed = deps.links.claim({
        customerNumber,
        customerId: customer.customerId,
        role: 'bill_to',
        titleCode: null,
        windwardUnique: unique,
        fingerprint: null,
      });
      if (!claimed) return result('review', null, 'the matching Windward customer was just linked to another Infosoft customer');
      if (fingerprintDraft({ ...decision.target }) !== fingerprint) await deps.windward.updateCustomer(unique, draft);
      deps.links.setFingerprint(customerNumber, 'bill_to', null, fingerprint);
      return result('linked', unique, decision.reason);
    }
    case 'create': {
      const created = await deps.windward.addCustomer(draft);
      const claimed = deps.links.claim({
        customerNumber,
        customerId: customer.customerId,
        role: 'bill_to',
        titleCode: null,
        windwardUnique: created.unique,
        fingerprint,
      });
      if (!claimed) throw new Error(`Windward returned Unique ${created.unique}, which is already linked to another customer`);
      return result('created', created.unique, decision.reason);
    }
  }
}
