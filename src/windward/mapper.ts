import { formatAddressLines, parseAddressLines, type CountryStyle } from '../address/index.js';
import type { WindwardCustomer, WindwardCustomerDraft } from '../domain/customer.js';
import { PermanentError } from '../errors.js';
import { truncateText, WINDWARD_FIELD_LIMITS } from './field-limits.js';
import type { WireCustomer, WireCustomerFields } from './wire.js';

const PHONE_FIELDS = ['Phone1', 'Phone2', 'Phone3'] as const;

export function toWindwardCustomer(wire: WireCustomer): WindwardCustomer {
  const email = wire.Email.trim();
  return {
    unique: wire.Unique,
    externalRef: wire.Number.trim(),
    name: wire.Name,
    firstName: wire.FirstName,
    lastName: wire.LastName,
    email: email === '' ? null : email,
    phones: PHONE_FIELDS.map((field) => wire[field].trim()).filter((phone) => phone !== ''),
    address: parseAddressLines({
      addr1: wire.Addr1,
      addr2: wire.Addr2,
      city: wire.City,
      postal: wire.Postal,
      state: wire.State,
      country: wire.Country,
    }),
  };
}

export interface WireDraft {
  customer: WireCustomerFields;
  /** Names of Windward fields that were cut to fit (values are never reported); 'Phones' when more than three. */
  truncated: string[];
}

export interface ToWindwardWireOptions {
  country: CountryStyle;
}

/**
 * The Windward fields for a draft, cut to WINDWARD_FIELD_LIMITS. The external reference is
 * never cut: it is how a lost create is found again, so a too-long one is a PermanentError.
 */
export function toWindwardWire(draft: WindwardCustomerDraft, options: ToWindwardWireOptions): WireDraft {
  const lines = formatAddressLines(draft.address, { country: options.country });
  const phones = draft.phones.map((phone) => phone.trim()).filter((phone) => phone !== '');
  const full: WireCustomerFields = {
    Name: draft.name.trim(),
    FirstName: draft.firstName.trim(),
    LastName: draft.lastName.trim(),
    Addr1: lines.addr1,
    Addr2: lines.addr2,
    City: lines.city,
    Postal: lines.postal,
    State: lines.state,
    Country: lines.country,
    Phone1: phones[0] ?? '',
    Phone2: phones[1] ?? '',
    Phone3: phones[2] ?? '',
    Email: draft.email?.trim() ?? '',
    Number: draft.externalRef.trim(),
  };
  if (Array.from(full.Number).length > WINDWARD_FIELD_LIMITS.Number) {
    throw new PermanentError(
      `External reference is longer than Windward's Number field (${WINDWARD_FIELD_LIMITS.Number} characters)`,
      { code: 'external_ref_too_long' },
    );
  }
  const truncated: string[] = [];
  const customer = { ...full };
  for (const field of Object.keys(WINDWARD_FIELD_LIMITS) as Array<keyof typeof WINDWARD_FIELD_LIMITS>) {
    const cut = truncateText(full[field], WINDWARD_FIELD_LIMITS[field]);
    if (cut !== full[field]) {
      customer[field] = cut;
      truncated.push(field);
    }
  }
  if (phones.length > PHONE_FIELDS.length) truncated.push('Phones');
  return { customer, truncated };
}
