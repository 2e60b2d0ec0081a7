// Zod schemas of Infosoft's answers, as the soap package hands them over. Lenient where the vendor is:
// empty elements, nil, numbers that arrive as strings, .NET's 0001-01-01 for "no date".
// These shapes never leave src/infosoft/.
import { z } from 'zod';

/** Text element: absent, empty, nil or attribute-only ({}) → ''; numbers/booleans → their text. */
export const text = z.preprocess((v) => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && !(v instanceof Date)) return '';
  return v;
}, z.string());

/** Integer element that must be present; accepts "123" as well as 123. */
export const integer = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v),
  z.number().int(),
);

/** A date or dateTime element reduced to YYYY-MM-DD; null for empty, nil or 0001-01-01. */
export const day = z.preprocess((v) => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v !== 'string') return null;
  const d = v.trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !d.startsWith('0001-') ? d : null;
}, z.string().nullable());

export const addressWire = z.object({
  CoAddress: text,
  StreetName: text,
  HouseNumber: text,
  Entrance: text,
  Floor: text,
  Apartment: text,
  ApartmentIdentity: text,
  ZipCode: text,
  ZipText: text,
  CountryCode: text,
  AddressExtension1: text,
  AddressExtension2: text,
  AddressExtension3: text,
});
export type AddressWire = z.infer<typeof addressWire>;

const phoneWire = z.object({ Telephone1: text, Telephone2: text, Telephone3: text, Telephone4: text });

/** Only what tells whether the call worked; checked before the full schema. */
export const statusWire = z.object({ StatusCode: text });

export const customerInformationWire = z.object({
  StatusCode: text,
  CustomerNumber: integer,
  TitleCode: text,
  Address: addressWire.optional(),
  Phone: phoneWire.optional(),
  Subscription: z.object({ TitleCode: text }).optional(),
  Name: text,
  FirstName: text,
  LastName: text,
  Email: text,
  CustomerTypeCode: text,
  BirthDate: day,
});
export type CustomerInformationWire = z.infer<typeof customerInformationWire>;

export const getCustomerInformationResponse = z.object({ GetCustomerInformationResult: z.unknown() });

export const pendingMoveWire = z.object({
  TitleCode: text.pipe(z.string().min(1)),
  StartDate: day.pipe(z.string()),
  Address: addressWire,
});
export type PendingMoveWire = z.infer<typeof pendingMoveWire>;

/** A repeated element comes as one object when there is one, an array when there are more. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

export const getPendingMovesResponse = z.object({
  PendingMoves: z.preprocess((v) => (typeof v === 'object' && v !== null ? v : {}), z.object({ PendingMove: listOf(pendingMoveWire) })),
});

export const getChangedCustomersResponse = z.object({
  CustomerNumbers: z.preprocess((v) => (typeof v === 'object' && v !== null ? v : {}), z.object({ CustomerNumber: listOf(integer) })),
});

export const updateCustomerDetailsResponse = z.object({
  Customer: z.object({
    ConcurrencyToken: text.pipe(z.string().min(1)),
    Customer_Id: integer,
    LastChangedDate: z.preprocess(
      (v) => (v instanceof Date ? v.toISOString() : typeof v === 'string' && v.trim() !== '' ? v.trim() : null),
      z.string().nullable(),
    ),
  }),
});

export const savePermanentMoveResponse = z.object({
  SavePermanentMoveResult: z.object({ StatusCode: text, StatusMessage: text }),
});
