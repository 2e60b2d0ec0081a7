import { hash } from 'node:crypto';
import type { WindwardCustomerDraft } from '../domain/customer.js';

/**
 * A hash of exactly the fields we write. Equal fingerprints mean Windward already holds what we
 * would write, so the sync makes no call. Keys are listed explicitly so that field order or new
 * optional fields never change the hash by accident.
 */
export function fingerprintDraft(draft: WindwardCustomerDraft): string {
  const a = draft.address;
  const canonical = [
    draft.externalRef,
    draft.name,
    draft.firstName,
    draft.lastName,
    draft.email ?? '',
    draft.phones.join('\u0001'),
    a.street,
    a.houseNumber,
    a.entrance,
    a.unit,
    a.coAddress,
    a.postalCode,
    a.city,
    a.countryCode,
  ].join('\u0000');
  // crypto.hash: the same digest as createHash().update().digest() without a Hash object per call.
  return hash('sha256', canonical, 'base64url').slice(0, 22);
}
