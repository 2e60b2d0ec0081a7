// Sync one Infosoft customer to Windward (DESIGN §3 data flow). Always reads fresh state, so running
// it twice for the same customer makes no second write.
import type { CustomerNumber, InfosoftCustomer, WindwardCustomer, WindwardCustomerDraft, WindwardUnique } from '../domain/customer.js';
import { PermanentError } from '../errors.js';
import type { MatchParams } from '../match/index.js';
import { toBillToDraft, toDisplayName } from './draft.js';
import type { FindExisting } from './find-existing.js';
import { fingerprintDraft } from './fingerprint.js';
import { toMirrorFiling } from './mirror.js';
import { createOnce } from './create-once.js';
import type { IntentStore, InfosoftPort, LinkRecord, LinkRepository, MirrorIndex, MovePlanner, ReviewQueue, SyncLogPort, WindwardPort } from './ports.js';
import { groupDeliveries, syncShipTos } from './ship-to.js';
import {
  reconcile,
  toNextDistributionDate,
  toValuesFromInfosoft,
  toValuesFromWindward,
  type ConflictPolicy,
  type FieldGroup,
  type SyncedValues,
} from './two-way.js';

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
  /** Matcher evidence or review candidates, for the sync log and `explain`. */
  evidence?: unknown;
}

export interface SyncCustomerDeps {
  infosoft: InfosoftPort;
  windward: WindwardPort;
  links: LinkRepository;
  syncLog: SyncLogPort;
  mirror: MirrorIndex;
  reviews: ReviewQueue;
  matchParams: MatchParams;
  findExisting: FindExisting;
  movePlanner: MovePlanner;
  intents: IntentStore;
  listingPageSize: number;
  titleCodes: readonly string[];
  defaultCountryCode: string;
  twoWay: TwoWaySettings | null;
}

/** Windward → Infosoft settings; null when only Infosoft → Windward runs (the default). */
export interface TwoWaySettings {
  conflictPolicy: ConflictPolicy;
  signature: string;
  distributionWeekdays: readonly number[];
  now: () => Date;
}

export async function syncCustomer(
  deps: SyncCustomerDeps,
  customerNumber: CustomerNumber,
  jobId: string | null = null,
): Promise<SyncOutcome> {
  const customer = await deps.infosoft.getCustomer(customerNumber, deps.titleCodes);
  const billTo = await syncBillTo(deps, customer);
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

/** Our own writes go into the mirror at once, so the next lookup sees them. */
function fileInMirror(deps: SyncCustomerDeps, customer: WindwardCustomer): void {
  deps.mirror.file([toMirrorFiling(customer, deps.matchParams)]);
}

async function writeUpdate(deps: SyncCustomerDeps, unique: WindwardUnique, draft: WindwardCustomerDraft): Promise<WindwardCustomer> {
  const written = await deps.windward.updateCustomer(unique, draft);
  fileInMirror(deps, written);
  return written;
}

/**
 * Stores what both systems hold now: the fingerprint of the Infosoft-derived draft (an unchanged one
 * means no write) and the two-way baselines, so a later edit on either side is told from our echo.
 */
function recordSynced(deps: SyncCustomerDeps, infosoft: InfosoftCustomer, windward: WindwardCustomer): void {
  const region = deps.defaultCountryCode;
  deps.links.saveState(infosoft.customerNumber, 'bill_to', null, {
    fingerprint: fingerprintDraft(toBillToDraft(infosoft, region)),
    infosoftState: toValuesFromInfosoft(infosoft, region),
    windwardState: toValuesFromWindward(windward, region),
    windwardFingerprint: fingerprintDraft(windward),
  });
}

async function syncBillTo(deps: SyncCustomerDeps, customer: InfosoftCustomer): Promise<SyncOutcome> {
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

  const link = deps.links.find(customerNumber, 'bill_to', null);
  if (link && deps.twoWay) return syncBothWays(deps, deps.twoWay, customer, link);
  if (link) {
    if (link.fingerprint === fingerprint) return result('unchanged', link.windwardUnique, 'Windward already has these values');
    recordSynced(deps, customer, await writeUpdate(deps, link.windwardUnique, draft));
    return result('updated', link.windwardUnique, 'Infosoft data changed since the last write');
  }

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
    recordSynced(deps, customer, fingerprintDraft(target) === fingerprint ? target : await writeUpdate(deps, target.unique, draft));
    deps.intents.close(draft.externalRef);
    return result('linked', target.unique, reason, evidence);
  };

  const create = async (reason: string, evidence?: unknown): Promise<SyncOutcome> => {
    const { customer: created, adopted } = await createOnce(deps, customerNumber, draft);
    const claimed = deps.links.claim({
      customerNumber,
      customerId: customer.customerId,
      role: 'bill_to',
      titleCode: null,
      windwardUnique: created.unique,
      fingerprint,
    });
    if (!claimed) throw new PermanentError(`Windward returned Unique ${created.unique}, which is linked to another customer`, { code: 'link_conflict' });
    recordSynced(deps, customer, created);
    deps.intents.close(draft.externalRef);
    return result('created', created.unique, adopted ? `${reason} (adopted the record of an earlier attempt)` : reason, evidence);
  };

  // A record carrying our reference is ours already (e.g. created by an earlier attempt whose link
  // was never written): adopt it instead of creating another.
  for (const unique of deps.mirror.findByExternalRef(draft.externalRef)) {
    const existing = await deps.windward.getCustomer(unique);
    if (existing && existing.externalRef === draft.externalRef) return linkTo(existing, `adopted the Windward customer carrying ${draft.externalRef}`);
  }

  // An earlier attempt decided to create and may have succeeded: reconcile before anything else.
  if (deps.intents.find(draft.externalRef)) return create('retrying a create whose outcome was unknown');

  const pending = deps.reviews.findPending(customerNumber);
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

  const decision = await deps.findExisting(customer);
  switch (decision.kind) {
    case 'review': {
      const item = deps.reviews.open({ customerNumber, reason: decision.reason, candidates: decision.candidates });
      return result('review', null, `${decision.reason} (review item ${item.id})`, { candidates: decision.candidates });
    }
    case 'link':
      return linkTo(decision.target, decision.reason, decision.evidence);
    case 'create':
      return create(decision.reason, decision.best ? { best: decision.best } : undefined);
  }
}

const MASTER_GROUPS: readonly FieldGroup[] = ['name', 'phone', 'email'];

/** A linked customer with Windward → Infosoft enabled: changes flow whichever side they came from. */
async function syncBothWays(deps: SyncCustomerDeps, settings: TwoWaySettings, customer: InfosoftCustomer, link: LinkRecord): Promise<SyncOutcome> {
  const region = deps.defaultCountryCode;
  const unique = link.windwardUnique;
  const outcome = (action: SyncAction, reason: string, evidence?: unknown): SyncOutcome => ({
    customerNumber: customer.customerNumber,
    action,
    windwardUnique: unique,
    reason,
    shipToCreated: 0,
    ...(evidence === undefined ? {} : { evidence }),
  });
  // Nothing new in Infosoft and the mirror shows the Windward record as we left it: no calls at all.
  const infosoftUnchanged = link.fingerprint === fingerprintDraft(toBillToDraft(customer, region));
  if (infosoftUnchanged && link.windwardFingerprint && deps.mirror.fingerprintOf(unique) === link.windwardFingerprint) {
    return outcome('unchanged', 'neither system changed since the last sync');
  }
  const current = await deps.windward.getCustomer(unique);
  if (!current) throw new PermanentError(`linked Windward customer ${unique} no longer exists`, { code: 'linked_customer_missing' });
  const baseline =
    link.infosoftState && link.windwardState
      ? { infosoft: link.infosoftState as SyncedValues, windward: link.windwardState as SyncedValues }
      : null;
  const plan = reconcile(
    { infosoft: toValuesFromInfosoft(customer, region), windward: toValuesFromWindward(current, region) },
    baseline,
    settings.conflictPolicy,
    region,
  );

  let windward = current;
  if (plan.toWindward.length > 0) {
    const base = toBillToDraft(customer, region);
    const t = plan.windwardTarget;
    windward = await writeUpdate(deps, unique, {
      ...base,
      name: toDisplayName({ kind: customer.kind, firstName: t.firstName, lastName: t.lastName }),
      firstName: t.firstName,
      lastName: t.lastName,
      email: t.email === '' ? null : t.email,
      phones: [t.phone, ...current.phones.slice(1)].filter((p) => p !== ''),
      address: t.address,
    });
  }

  let infosoft = customer;
  if (plan.toInfosoft.length > 0) {
    const t = plan.infosoftTarget;
    if (plan.toInfosoft.some((group) => MASTER_GROUPS.includes(group))) {
      await deps.infosoft.updateCustomerDetails(
        customer.customerNumber,
        { firstName: t.firstName, lastName: t.lastName, phone: t.phone === '' ? null : t.phone, email: t.email === '' ? null : t.email, birthDate: customer.birthDate },
        settings.signature,
      );
    }
    if (plan.toInfosoft.includes('address')) {
      // Addresses are per title in Infosoft and change by a move from the next distribution date;
      // titles delivered elsewhere keep their own delivery address.
      const startDate = toNextDistributionDate(settings.now(), settings.distributionWeekdays);
      for (const titleCode of groupDeliveries(customer, region).deliveredHome) {
        await deps.infosoft.savePermanentMove(customer.customerNumber, titleCode, t.address, startDate, settings.signature);
      }
    }
    // Read back what Infosoft now holds: that is the new baseline, so our write is not seen as a change.
    infosoft = await deps.infosoft.getCustomer(customer.customerNumber, deps.titleCodes);
  }

  recordSynced(deps, infosoft, windward);
  for (const conflict of plan.conflicts) {
    deps.reviews.openConflict({
      customerNumber: customer.customerNumber,
      reason: `${conflict.group} changed in both systems since the last sync; ${conflict.winner} won (policy)`,
      details: { group: conflict.group, winner: conflict.winner },
    });
  }
  const wrote = plan.toWindward.length + plan.toInfosoft.length > 0;
  const parts = [
    plan.toWindward.length > 0 ? `to Windward: ${plan.toWindward.join(', ')}` : '',
    plan.toInfosoft.length > 0 ? `to Infosoft: ${plan.toInfosoft.join(', ')}` : '',
    plan.conflicts.length > 0 ? `conflicts: ${plan.conflicts.map((c) => `${c.group} (${c.winner} won)`).join(', ')}` : '',
  ].filter(Boolean);
  return outcome(wrote ? 'updated' : 'unchanged', wrote ? parts.join('; ') : 'both systems agree', plan.conflicts.length > 0 ? { conflicts: plan.conflicts } : undefined);
}
