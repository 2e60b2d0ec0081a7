// Writing to Windward from a sync, and remembering what both systems hold afterwards.
import type { InfosoftCustomer, WindwardCustomer } from '../domain/customer.js';
import { toBillToDraft } from './draft.js';
import { fingerprintDraft } from './fingerprint.js';
import { toMirrorFiling } from './mirror.js';
import type { SyncCustomerDeps } from './sync-deps.js';
import { toValuesFromInfosoft, toValuesFromWindward } from './two-way.js';

/** Our own writes go into the mirror at once (in the caller's transaction), so the next lookup sees them. */
export function fileInMirror(deps: SyncCustomerDeps, customer: WindwardCustomer): void {
  deps.mirror.file([toMirrorFiling(customer, deps.matchParams)]);
}

/**
 * After a write to Windward (or finding it already right): files what Windward holds in the mirror
 * and stores both systems' state, with any other local writes of the step, in one commit.
 */
export function recordWritten(deps: SyncCustomerDeps, infosoft: InfosoftCustomer, windward: WindwardCustomer, alsoWrite: () => void = () => {}): void {
  deps.atomically(() => {
    fileInMirror(deps, windward);
    recordSynced(deps, infosoft, windward);
    alsoWrite();
  });
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
