// Sync one Infosoft customer to Windward (DESIGN §3 data flow). Always reads fresh state, so running
// it twice for the same customer makes no second write.
import type { CustomerNumber, InfosoftCustomer, WindwardCustomer, WindwardUnique } from '../domain/customer.js';
import { PermanentError } from '../errors.js';
import { toBillToDraft } from './draft.js';
import { fingerprintDraft } from './fingerprint.js';
import { createOnce } from './create-once.js';
import type { EmailLookup } from './find-existing.js';
import type { LinkRecord, PendingReview } from './ports.js';
import { syncShipTos } from './ship-to.js';
import { syncBothWays } from './sync-both-ways.js';
import type { SyncAction, SyncCustomerDeps, SyncOutcome } from './sync-deps.js';
import { fileInMirror, recordSynced, recordWritten } from './windward-writes.js';

export { OUTCOME_ACTIONS, type SyncAction, type SyncCustomerDeps, type SyncOutcome, type TwoWaySettings } from './sync-deps.js';

export async function syncCustomer(
  deps: SyncCustomerDeps,
  customerNumber: CustomerNumber,
  jobId: string | null = null,
): Promise<SyncOutcome> {
  // Read once, before the remote reads: only this job (holding the customer's lock) changes its links.
  const link = deps.links.find(customerNumber, 'bill_to', null);
  // A review is pending only for an unlinked customer; read once for both uses below.
  const pending = link ? null : deps.reviews.findPending(customerNumber);
  let emailLookup: EmailLookup | undefined;
  const customer = await deps.infosoft.getCustomer(customerNumber, deps.titleCodes, {
    knownToExist: link !== null,
    // An unlinked customer will be matched, and matching asks Windward by e-mail: start that read
    // now, beside Infosoft's title and move reads, instead of after them (one round trip less).
    onMasterData: (master) => {
      if (!master.email || link || pending) return;
      emailLookup = { email: master.email, customers: deps.windward.findByEmail(master.email) };
      // Awaited by the matcher, or never (a pending review, a retry that adopts): no unhandled rejection.
      emailLookup.customers.catch(() => undefined);
    },
  });
  const billTo = await syncBillTo(deps, customer, link, pending, emailLookup);
  // A customer waiting for review gets nothing written in Windward, ship-to records included.
  const outcome = billTo.action === 'review' ? billTo : await withShipTos(deps, customer, billTo);
  await deps.movePlanner.plan(
    customerNumber,
    customer.titles.flatMap((title) => (title.pendingMove ? [{ titleCode: title.titleCode, startDate: title.pendingMove.startDate }] : [])),
  );
  deps.syncLog.record({
    customerNumber,
    jobId,
    action: outcome.action,
    windwardUnique: outcome.windwardUnique,
    reason: outcome.reason,
    details: { shipToCreated: outcome.shipToCreated, ...(outcome.evidence === undefined ? {} : { evidence: outcome.evidence }) },
  });
  return outcome;
}

async function withShipTos(deps: SyncCustomerDeps, customer: InfosoftCustomer, billTo: SyncOutcome): Promise<SyncOutcome> {
  const shipTo = await syncShipTos(deps, customer);
  const changed = shipTo.created + shipTo.updated + shipTo.deactivated > 0;
  return {
    ...billTo,
    action: billTo.action === 'unchanged' && changed ? 'updated' : billTo.action,
    reason: changed ? `${billTo.reason}; ship-to: ${shipTo.created} created, ${shipTo.updated} updated, ${shipTo.deactivated} deactivated` : billTo.reason,
    shipToCreated: shipTo.created,
  };
}

async function syncBillTo(
  deps: SyncCustomerDeps,
  customer: InfosoftCustomer,
  link: LinkRecord | null,
  pending: PendingReview | null,
  emailLookup?: EmailLookup,
): Promise<SyncOutcome> {
  const { customerNumber } = customer;
  const draft = toBillToDraft(customer, deps.defaultCountryCode);
  const fingerprint = fingerprintDraft(draft);
  const result = (action: SyncAction, windwardUnique: WindwardUnique | null, reason: string, evidence?: unknown): SyncOutcome => ({
    customerNumber,
    action,
    windwardUnique,
    reason,
    shipToCreated: 0,
    ...(evidence === undefined ? {} : { evidence }),
  });

  if (link && deps.twoWay) return syncBothWays(deps, deps.twoWay, customer, link);
  if (link) {
    if (link.fingerprint === fingerprint) return result('unchanged', link.windwardUnique, 'Windward already has these values');
    recordWritten(deps, customer, await deps.windward.updateCustomer(link.windwardUnique, draft));
    return result('updated', link.windwardUnique, 'Infosoft data changed since the last write');
  }

  // An open create intent, read once (createOnce gets it too): only this job, holding the
  // customer's lock, changes it.
  const openIntent = deps.intents.find(draft.externalRef);

  /** Claims the Windward customer for this Infosoft customer, then makes it hold Infosoft's values. */
  const linkTo = async (target: WindwardCustomer, reason: string, evidence?: unknown): Promise<SyncOutcome> => {
    const claimed = deps.links.claim({
      customerNumber,
      customerId: customer.customerId,
      role: 'bill_to',
      titleCode: null,
      windwardUnique: target.unique,
      fingerprint: null,
    });
    if (!claimed) return result('review', null, `Windward customer ${target.unique} is already linked to another Infosoft customer`);
    const current = fingerprintDraft(target) === fingerprint ? target : await deps.windward.updateCustomer(target.unique, draft);
    recordWritten(deps, customer, current, () => deps.intents.close(draft.externalRef));
    return result('linked', target.unique, reason, evidence);
  };

  const create = async (reason: string, evidence?: unknown): Promise<SyncOutcome> => {
    const { customer: created, adopted } = await createOnce(deps, customerNumber, draft, openIntent);
    // One commit: the record in the mirror, the link, both systems' state, the intent closed.
    const claimed = deps.atomically(() => {
      fileInMirror(deps, created);
      const linked = deps.links.claim({
        customerNumber,
        customerId: customer.customerId,
        role: 'bill_to',
        titleCode: null,
        windwardUnique: created.unique,
        fingerprint,
      });
      if (linked) {
        recordSynced(deps, customer, created);
        deps.intents.close(draft.externalRef);
      }
      return linked;
    });
    if (!claimed) throw new PermanentError(`Windward returned Unique ${created.unique}, which is linked to another customer`, { code: 'link_conflict' });
    return result('created', created.unique, adopted ? `${reason} (adopted the record of an earlier attempt)` : reason, evidence);
  };

  // A record carrying our reference is ours already (e.g. created by an earlier attempt whose link
  // was never written): adopt it instead of creating another.
  for (const unique of deps.mirror.findByExternalRef(draft.externalRef)) {
    const existing = await deps.windward.getCustomer(unique);
    if (existing && existing.externalRef === draft.externalRef) return linkTo(existing, `adopted the Windward customer carrying ${draft.externalRef}`);
  }

  // An earlier attempt decided to create and may have succeeded: reconcile before anything else.
  if (openIntent) return create('retrying a create whose outcome was unknown');

  if (pending?.status === 'open') return result('review', null, `waiting for review item ${pending.id}`);
  if (pending?.status === 'decided') {
    if (pending.decision === 'create') {
      const outcome = await create(`created after review ${pending.id}`);
      deps.reviews.complete(pending.id);
      return outcome;
    }
    const target = pending.decidedUnique === null ? null : await deps.windward.getCustomer(pending.decidedUnique);
    if (!target) throw new PermanentError(`review ${pending.id} chose Windward customer ${pending.decidedUnique}, which does not exist`, { code: 'review_target_missing' });
    const outcome = await linkTo(target, `linked after review ${pending.id}`);
    if (outcome.action === 'linked') deps.reviews.complete(pending.id);
    return outcome;
  }

  // Held until what is decided here is filed: a similar customer's job waits, then finds this one.
  const leaveGate = await deps.matchGate.enter(customer);
  try {
    const decision = await deps.findExisting(customer, emailLookup);
    switch (decision.kind) {
      case 'review': {
        const item = deps.reviews.open({ customerNumber, reason: decision.reason, candidates: decision.candidates });
        return result('review', null, `${decision.reason} (review item ${item.id})`, { candidates: decision.candidates });
      }
      case 'link':
        return await linkTo(decision.target, decision.reason, decision.evidence);
      case 'create':
        return await create(decision.reason, decision.best ? { best: decision.best } : undefined);
    }
  } finally {
    leaveGate();
  }
}

