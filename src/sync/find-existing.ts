// The one place that decides whether an unlinked Infosoft customer already exists in Windward.
// v0 (walking skeleton): exact e-mail lookup. The full matcher replaces the body of this module.
import type { InfosoftCustomer, WindwardCustomer, WindwardUnique } from '../domain/customer.js';
import type { LinkRepository, WindwardPort } from './ports.js';

export type ExistingDecision =
  | { kind: 'link'; target: WindwardCustomer; reason: string; evidence?: unknown }
  | { kind: 'review'; candidates: WindwardUnique[]; reason: string; evidence?: unknown }
  | { kind: 'create'; reason: string; evidence?: unknown };

export type FindExisting = (customer: InfosoftCustomer) => Promise<ExistingDecision>;

export function createEmailLookup(deps: { windward: WindwardPort; links: LinkRepository }): FindExisting {
  return async (customer) => {
    const email = customer.email?.trim();
    if (!email) return { kind: 'create', reason: 'no e-mail address to look up' };
    const found = await deps.windward.findByEmail(email);
    if (found.length === 0) return { kind: 'create', reason: 'no Windward customer with this e-mail' };
    if (found.length > 1) {
      return { kind: 'review', candidates: found.map((c) => c.unique), reason: `${found.length} Windward customers share this e-mail` };
    }
    const [target] = found as [WindwardCustomer];
    const linkedToOther = deps.links
      .findByUnique(target.unique)
      .some((link) => link.customerNumber !== customer.customerNumber);
    if (linkedToOther) {
      return { kind: 'review', candidates: [target.unique], reason: 'the e-mail match is already linked to another Infosoft customer' };
    }
    return { kind: 'link', target, reason: 'exactly one Windward customer with this e-mail' };
  };
}
