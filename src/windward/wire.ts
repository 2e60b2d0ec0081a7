import { z } from 'zod';

// Zod schemas for the WebAPI's JSON. Lenient on purpose: unknown fields never fail an answer, text
// fields may be missing or null (a Fields projection leaves most out), and only Unique must be a
// real number. A customer's unknown fields (about 50 of the 63 a full record has) are dropped, not
// copied: nothing reads them, and copying them was most of the parse (7 → 1 µs per record).

const wireText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? '' : String(value)));

const wireUnique = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/u).transform(Number)]);

export const wireCustomerSchema = z.object({
  Unique: wireUnique,
  Name: wireText,
  FirstName: wireText,
  LastName: wireText,
  Addr1: wireText,
  Addr2: wireText,
  City: wireText,
  Postal: wireText,
  State: wireText,
  Country: wireText,
  Phone1: wireText,
  Phone2: wireText,
  Phone3: wireText,
  Email: wireText,
  Number: wireText,
});

export type WireCustomer = z.output<typeof wireCustomerSchema>;

/** Resource endpoints: {"Customers":[...]}. */
export const customersEnvelopeSchema = z.looseObject({
  Customers: z.array(wireCustomerSchema),
});

/** DataSnap server methods: {"result":[{"Customers":[...]}]}. */
export const dataSnapCustomersSchema = z.looseObject({
  result: z.array(z.looseObject({ Customers: z.array(wireCustomerSchema) })),
});

/** The fields customer-sync writes (a subset of the vendor's customer JSON). */
export interface WireCustomerFields {
  Name: string;
  FirstName: string;
  LastName: string;
  Addr1: string;
  Addr2: string;
  City: string;
  Postal: string;
  State: string;
  Country: string;
  Phone1: string;
  Phone2: string;
  Phone3: string;
  Email: string;
  Number: string;
}

/** Request envelope of addCustomer and update_Retail_Customer. */
export interface WireWriteEnvelope {
  Customers: Array<WireCustomerFields & { Unique: number }>;
  ConnectionInfo: { TerminalNumber: number };
}

/** The fields a listing asks for (Fields projection): what the mapper reads, nothing more. */
export const LISTING_FIELDS: readonly string[] = Object.keys(wireCustomerSchema.shape);
