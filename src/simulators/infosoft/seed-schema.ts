// Validation of Infosoft seed records (seed files and PUT /__sim/customers/{n}).
import { z } from 'zod';
import type { InfosoftSeedAddress, InfosoftSeedRecord } from './seed-record.js';

// Seeds written by hand often carry numbers where Infosoft has strings (zip codes, phones);
// accept them as strings rather than reject the file.
const text = z.union([z.string(), z.number()]).transform(String);

export const seedAddressSchema = z.object({
  StreetName: text,
  HouseNumber: text,
  Entrance: text.optional(),
  Floor: text.optional(),
  Apartment: text.optional(),
  ApartmentIdentity: text.optional(),
  CoAddress: text.optional(),
  ZipCode: text,
  ZipText: text,
  CountryCode: text.optional(),
  AddressExtension1: text.optional(),
  AddressExtension2: text.optional(),
  AddressExtension3: text.optional(),
}) satisfies z.ZodType<InfosoftSeedAddress, unknown>;

const seedTitleSchema = z.object({
  TitleCode: z.string().min(1),
  Address: seedAddressSchema.optional(),
  StartDate: z.string().optional(),
});

const customerNumber = z.coerce.number().int().positive();

export const seedRecordSchema = z.object({
  CustomerNumber: customerNumber,
  FirstName: z.string(),
  LastName: z.string(),
  CustomerTypeCode: z.string().optional(),
  Email: z.string().optional(),
  Telephone1: text.optional(),
  Telephone2: text.optional(),
  Telephone3: text.optional(),
  BirthDate: z.string().optional(),
  Address: seedAddressSchema,
  Titles: z.array(seedTitleSchema).optional(),
}) satisfies z.ZodType<InfosoftSeedRecord, unknown>;

/** A change to merge over a stored record: every field optional. */
export const seedPatchSchema = seedRecordSchema.partial();

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
}
