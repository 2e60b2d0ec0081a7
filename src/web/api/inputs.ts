// zod schemas for the operator API's path parameters and bodies.
import { z } from 'zod';

const customerNumber = z
  .string()
  .regex(/^\d{1,12}$/, 'a customer number is a positive whole number of at most 12 digits')
  .transform(Number)
  .refine((n) => n > 0, 'a customer number is a positive whole number');

export const customerParams = z.object({ customerNumber });

export const idParams = z.object({ id: z.string().regex(/^\d{1,15}$/, 'an id is a positive whole number').transform(Number) });

export const reviewDecisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('link'), unique: z.number().int().positive() }).strict(),
  z.object({ decision: z.literal('create') }).strict(),
  z.object({ decision: z.literal('dismiss') }).strict(),
]);

/** Push notification of changed customers (DESIGN §4.1 `notify`). Duplicates are harmless. */
export const changesBody = z
  .object({ customerNumbers: z.array(z.number().int().positive().max(999_999_999_999)).min(1).max(10_000) })
  .strict();
