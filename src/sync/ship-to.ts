// Ship-to customers (issue: addresses done right). Windward holds one address per customer, so a
// title delivered somewhere other than the billing address needs its own Windward customer with the
// same name. Titles delivered to the same place share one. Nothing is ever deleted in Windward: a
// ship-to that is no longer needed only has its link marked inactive.
import type { Address, InfosoftCustomer, WindwardCustomer, WindwardCustomerDraft, WindwardUnique } from '../domain/customer.js';
import { EMPTY_ADDRESS, toDisplayName, toShipToReference } from './draft.js';
import { fingerprintDraft } from './fingerprint.js';
import { toMirrorFiling } from './mirror.js';
import { createOnce } from './create-once.js';
import type { Atomically, IntentStore, LinkRepository, MirrorIndex, WindwardPort } from './ports.js';
import type { MatchParams } from '../match/index.js';

/** Case, spacing and punctuation do not make two addresses different. */
function toComparable(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function toAddressKey(address: Address, defaultCountryCode: string): string {
  return [
    address.street,
    address.houseNumber,
    address.entrance,
    address.unit,
    address.coAddress,
    address.postalCode,
    address.city,
    address.countryCode || defaultCountryCode,
  ]
    .map(toComparable)
    .join('|');
}

export function isSameAddress(a: Address, b: Address, defaultCountryCode: string): boolean {
  return toAddressKey(a, defaultCountryCode) === toAddressKey(b, defaultCountryCode);
}

export function toShipToDraft(customer: InfosoftCustomer, address: Address, externalRef: string, defaultCountryCode: string): WindwardCustomerDraft {
  return {
    externalRef,
    name: toDisplayName(customer),
    firstName: customer.firstName,
    lastName: customer.lastName,
    // No e-mail or phones: a ship-to record is an address to deliver to; an e-mail on it would make
    // Get_Customer_By_Email find two records for one person.
    email: null,
    phones: [],
    address: address.countryCode ? address : { ...address, countryCode: defaultCountryCode },
  };
}

export interface DeliveryGroup {
  /** Title codes sharing this delivery address, sorted. */
  titleCodes: string[];
  address: Address;
}

/** Titles delivered elsewhere than the billing address, grouped by delivery address. */
export function groupDeliveries(customer: InfosoftCustomer, defaultCountryCode: string): { groups: DeliveryGroup[]; deliveredHome: string[] } {
  const billing = customer.address ?? EMPTY_ADDRESS;
  const groups = new Map<string, DeliveryGroup>();
  const deliveredHome: string[] = [];
  for (const title of [...customer.titles].sort((a, b) => a.titleCode.localeCompare(b.titleCode))) {
    if (!title.address || isSameAddress(title.address, billing, defaultCountryCode)) {
      deliveredHome.push(title.titleCode);
      continue;
    }
    const key = toAddressKey(title.address, defaultCountryCode);
    const group = groups.get(key);
    if (group) group.titleCodes.push(title.titleCode);
    else groups.set(key, { titleCodes: [title.titleCode], address: title.address });
  }
  return { groups: [...groups.values()], deliveredHome };
}

export interface ShipToDeps {
  windward: WindwardPort;
  links: LinkRepository;
  mirror: MirrorIndex;
  matchParams: MatchParams;
  intents: IntentStore;
  atomically: Atomically;
  listingPageSize: number;
  defaultCountryCode: string;
}

export interface ShipToResult {
  created: number;
  updated: number;
  deactivated: number;
}

export async function syncShipTos(deps: ShipToDeps, customer: InfosoftCustomer): Promise<ShipToResult> {
  const { customerNumber } = customer;
  const result: ShipToResult = { created: 0, updated: 0, deactivated: 0 };
  const { groups, deliveredHome } = groupDeliveries(customer, deps.defaultCountryCode);
  const groupOfTitle = new Map(groups.flatMap((g, index) => g.titleCodes.map((t) => [t, index] as const)));
  const fileInMirror = (c: WindwardCustomer) => deps.mirror.file([toMirrorFiling(c, deps.matchParams)]);

  for (const [index, group] of groups.entries()) {
    const firstTitle = group.titleCodes[0] as string;
    const draft = toShipToDraft(customer, group.address, toShipToReference(customerNumber, firstTitle), deps.defaultCountryCode);
    const fingerprint = fingerprintDraft(draft);
    const activeLinks = group.titleCodes
      .map((titleCode) => deps.links.find(customerNumber, 'ship_to', titleCode))
      .filter((link) => link !== null && link.active);

    let unique: WindwardUnique | null = activeLinks.find((link) => link?.fingerprint === fingerprint)?.windwardUnique ?? null;
    if (unique === null) {
      // A record a title of this group already uses follows the new address — unless a title of
      // another group still uses it (the titles split up): then that group keeps it.
      const keptByAnotherGroup = (candidate: WindwardUnique) =>
        deps.links.findByUnique(candidate).some((other) => {
          const otherGroup = other.titleCode === null ? undefined : groupOfTitle.get(other.titleCode);
          return other.active && other.role === 'ship_to' && otherGroup !== undefined && otherGroup !== index;
        });
      const reusable = activeLinks.find((link) => link && !keptByAnotherGroup(link.windwardUnique));
      if (reusable) {
        fileInMirror(await deps.windward.updateCustomer(reusable.windwardUnique, draft));
        unique = reusable.windwardUnique;
        result.updated += 1;
      }
    }
    if (unique === null) {
      // Created by an earlier attempt whose link was never written? Adopt it.
      for (const candidate of deps.mirror.findByExternalRef(draft.externalRef)) {
        const existing = await deps.windward.getCustomer(candidate);
        if (existing?.externalRef === draft.externalRef) {
          if (fingerprintDraft(existing) !== fingerprint) fileInMirror(await deps.windward.updateCustomer(existing.unique, draft));
          unique = existing.unique;
          break;
        }
      }
    }
    let created: WindwardCustomer | null = null;
    if (unique === null) {
      // Adopted or not, the record was created for this change (an adopted one by a lost attempt).
      created = (await createOnce(deps, customerNumber, draft)).customer;
      unique = created.unique;
      result.created += 1;
    }
    const shipTo = unique;
    // One commit: the new record in the mirror, the links of the group's titles, the intent closed.
    const allClaimed = deps.atomically(() => {
      if (created) fileInMirror(created);
      for (const titleCode of group.titleCodes) {
        const claimed = deps.links.claim({ customerNumber, customerId: customer.customerId, role: 'ship_to', titleCode, windwardUnique: shipTo, fingerprint, active: true });
        if (!claimed) return false;
      }
      deps.intents.close(draft.externalRef);
      return true;
    });
    if (!allClaimed) throw new Error(`ship-to Windward customer ${shipTo} is linked to another Infosoft customer`);
  }

  for (const titleCode of deliveredHome) {
    const link = deps.links.find(customerNumber, 'ship_to', titleCode);
    if (link?.active) {
      deps.links.deactivate(customerNumber, 'ship_to', titleCode);
      result.deactivated += 1;
    }
  }
  return result;
}
