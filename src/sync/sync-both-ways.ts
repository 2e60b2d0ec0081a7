// A linked customer with Windward → Infosoft enabled: changes flow whichever side they came from
// (see two-way.ts for the rules; this is the part that reads and writes).
import type { InfosoftCustomer } from '../domain/customer.js';
import { PermanentError } from '../errors.js';
import { toBillToDraft, toDisplayName } from './draft.js';
import { fingerprintDraft } from './fingerprint.js';
import type { LinkRecord } from './ports.js';
import { groupDeliveries } from './ship-to.js';
import type { SyncAction, SyncCustomerDeps, SyncOutcome, TwoWaySettings } from './sync-deps.js';
import { reconcile, toNextDistributionDate, toValuesFromInfosoft, toValuesFromWindward, type FieldGroup, type SyncedValues } from './two-way.js';
import { fileInMirror, recordSynced } from './windward-writes.js';

const MASTER_GROUPS: readonly FieldGroup[] = ['name', 'phone', 'email'];

export async function syncBothWays(deps: SyncCustomerDeps, settings: TwoWaySettings, customer: InfosoftCustomer, link: LinkRecord): Promise<SyncOutcome> {
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
    windward = await deps.windward.updateCustomer(unique, {
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

  deps.atomically(() => {
    if (windward !== current) fileInMirror(deps, windward);
    recordSynced(deps, infosoft, windward);
    for (const conflict of plan.conflicts) {
      deps.reviews.openConflict({
        customerNumber: customer.customerNumber,
        reason: `${conflict.group} changed in both systems since the last sync; ${conflict.winner} won (policy)`,
        details: { group: conflict.group, winner: conflict.winner },
      });
    }
  });
  const wrote = plan.toWindward.length + plan.toInfosoft.length > 0;
  const parts = [
    plan.toWindward.length > 0 ? `to Windward: ${plan.toWindward.join(', ')}` : '',
    plan.toInfosoft.length > 0 ? `to Infosoft: ${plan.toInfosoft.join(', ')}` : '',
    plan.conflicts.length > 0 ? `conflicts: ${plan.conflicts.map((c) => `${c.group} (${c.winner} won)`).join(', ')}` : '',
  ].filter(Boolean);
  return outcome(wrote ? 'updated' : 'unchanged', wrote ? parts.join('; ') : 'both systems agree', plan.conflicts.length > 0 ? { conflicts: plan.conflicts } : undefined);
}
