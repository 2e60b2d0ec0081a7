// Windward does not document its column sizes. These are conservative guesses, kept in one place:
// a longer value is cut to fit (and reported by field name) rather than rejected by the server.
export const WINDWARD_FIELD_LIMITS = {
  Name: 60,
  FirstName: 30,
  LastName: 30,
  Addr1: 60,
  Addr2: 60,
  City: 40,
  Postal: 12,
  State: 20,
  Country: 30,
  Phone1: 20,
  Phone2: 20,
  Phone3: 20,
  Email: 100,
  Number: 20,
} as const;

export type WindwardLimitedField = keyof typeof WINDWARD_FIELD_LIMITS;

/** Cuts by code points, so an emoji or other astral character is never split in half. */
export function truncateText(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  const codePoints = Array.from(value);
  if (codePoints.length <= maxLength) return value;
  return codePoints.slice(0, maxLength).join('').trimEnd();
}
