// Writing to Windward from a sync, and remembering what both systems hold afterwards.
import type { InfosoftCustomer, WindwardCustomer, WindwardCustomerDraft, WindwardUnique } from '../domain/customer.js';
import { toBillToDraft } from './draft.js';
import { fingerprintDraft } from './fingerprint.js';
import { toMirrorFiling } from './mirror.js';
import type { SyncCustomerDeps } from './sync-deps.js';
import { toValuesFromInfosoft, toValuesFromWindward } from './two-way.js';

/** Our own writes go into the mirror at once, so the next lookup sees them. */
export function fileInMirror(deps: SyncCustomerDeps, customer: WindwardCustomer): void {
  deps.mirror.file([toMirrorFiling(customer, deps.matchParams)]);
}

export async function writeUpdate(deps: SyncCustomerDeps, unique: WindwardUnique, draft: WindwardCustomerDraft): Promise<WindwardCustomer> {
  const written = await deps.windward.updateCustomer(unique, draft);
  fileInMirror(deps, written);
  return written;
}

/**
 * Stores what both systems hold now: the fingerprint of the Infosoft-derived draft (an unchanged one
 * means no write) and the two-way baselines, so a later edit on either side is told from our echo.
 */
export function recordSynced(deps: SyncCustomerDeps, infosoft: InfosoftCustomer, windward: WindwardCustomer): void {
  const region = deps.defaultCountryCode;
  deps.links.saveState(infosoft.customerNumber, 'bill_to', null, {
    fingerprint: fingerprintDraft(toBillToDraft(infosoft, region)),
    infosoftState: toValuesFromInfosoft(infosoft, region),
    windwardState: toValuesFromWindward(windward, region),
    windwardFingerprint: fingerprintDraft(windward),
  });
}
