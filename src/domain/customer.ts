// Shared domain types. Wire shapes (SOAP elements, Windward JSON fields) never appear here:
// adapters map to and from these types. This module imports nothing.

/** Infosoft's public customer identifier. */
export type CustomerNumber = number;
/** Windward's CustomerUnique. */
export type WindwardUnique = number;

export type CustomerKind = 'person' | 'company' | 'retailer';

/** A postal address in structured form (Norwegian conventions, works for foreign ones). */
export interface Address {
  street: string;
  houseNumber: string;
  /** Entrance letter, e.g. "B" in "Østensjøveien 36 B". */
  entrance: string;
  /** Unit inside the building: floor/apartment or bolignummer such as "H0101". */
  unit: string;
  /** "c/o ..." line without the "c/o " prefix. */
  coAddress: string;
  /** Always a string: Norwegian postcodes have leading zeros ("0667"). For foreign addresses the real postcode. */
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case; '' when unknown. */
  countryCode: string;
}

/** The delivery address Infosoft holds for one title (newspaper) of a customer. */
export interface TitleDelivery {
  titleCode: string;
  address: Address | null;
  /** A permanent move registered for a future date, if Infosoft reports one. */
  pendingMove?: { startDate: string; address: Address } | null;
}

/** A customer as read from Infosoft (master data + billing address + per-title delivery addresses). */
export interface InfosoftCustomer {
  customerNumber: CustomerNumber;
  /** Infosoft's internal Customer_Id when the operation returned it. */
  customerId: number | null;
  kind: CustomerKind;
  firstName: string;
  lastName: string;
  email: string | null;
  /** Non-empty phone numbers as Infosoft holds them (Telephone1..n). */
  phones: string[];
  /** YYYY-MM-DD, or null when unknown (Infosoft's 0001-01-01). */
  birthDate: string | null;
  /** The customer's main (billing) address. */
  address: Address | null;
  titles: TitleDelivery[];
}

/** The fields customer-sync writes to a Windward customer. */
export interface WindwardCustomerDraft {
  /** Stable external reference stored in Windward's Number field, e.g. "IS-123456" or "IS-123456-S-IT". */
  externalRef: string;
  /** Display name as Windward shows it ("First Last" or a company name). */
  name: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phones: string[];
  address: Address;
}

/** A customer as read from Windward. */
export interface WindwardCustomer extends WindwardCustomerDraft {
  unique: WindwardUnique;
}
