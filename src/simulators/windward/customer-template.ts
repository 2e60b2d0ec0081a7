import type { WindwardSeedRecord } from './seed-record.js';

// Every field of the vendor's customer JSON (shared/conformance/windward-customer.json) with the
// empty value a fresh System Five record would have. A Contact only exists when filled in, so
// Contacts starts empty rather than with the sample's placeholder contact.
const CUSTOMER_TEMPLATE: Readonly<Record<string, unknown>> = {
  Unique: 0,
  Name: '',
  FirstName: '',
  LastName: '',
  Addr1: '',
  Addr2: '',
  City: '',
  Postal: '',
  State: '',
  Country: '',
  Phone1: '',
  Phone2: '',
  Phone3: '',
  APDiscount: 0,
  APDiscountRule: 0,
  APDiscountDays: 0,
  Balances: {
    C_BALANCE: 0,
    C_DEPOSIT: 0,
    C_SB_30: 0,
    C_SB_60: 0,
    C_SB_90: 0,
    CN_BALANCE: 0,
    CN_DEPOSIT: 0,
    C_PO_BILLED: 0,
  },
  Duty: '',
  FedTax: '',
  AutoDiscount: '',
  DueDays: 0,
  PriceSchedule: 0,
  ContractDate: '',
  Salesman: 0,
  CSType: '',
  Terms: '',
  Interest: 0,
  TaxStatus: '',
  TaxNumber: '',
  BankInfo: '',
  ShipNo: 0,
  CreditLimit: 0,
  StandingPO: '',
  POExpiryDate: '',
  POMaximumValue: 0,
  POBilledSoFar: 0,
  GSTExempt: '',
  Department: 0,
  TaxCode: '',
  Number: '',
  DisNv: 0,
  DisStat: 0,
  RetailType: '',
  Foreign: '',
  LastVisit: '',
  Email: '',
  WebComments: '',
  Password: '',
  EFTAccount: '',
  EFTBank: '',
  EFTName: '',
  TimeZone: 0,
  ShippingAddress: '',
  Contacts: [],
  FreeFormGroup: [],
  ShipName: '',
  ShipAddr1: '',
  ShipAddr2: '',
  ShipCity: '',
  ShipPostal: '',
  ShipState: '',
  ShipCountry: '',
  ShipPhone1: '',
};

const FIELD_NAMES_BY_LOWER = new Map(Object.keys(CUSTOMER_TEMPLATE).map((name) => [name.toLowerCase(), name]));

/** A complete stored record: template defaults, then the given fields (unknown ones kept as given). */
export function toStoredRecord(fields: Record<string, unknown>, unique: number): WindwardSeedRecord {
  return { ...structuredClone(CUSTOMER_TEMPLATE), ...structuredClone(fields), Unique: unique };
}

/** The template's spelling of a field name, so a Fields projection may be typed in any case. */
export function toFieldName(name: string): string {
  return FIELD_NAMES_BY_LOWER.get(name.toLowerCase()) ?? name;
}
