// Windward's Country is free text. We write either the ISO code or an English name, and read
// back whatever a clerk typed, so the table also knows Norwegian names and a few aliases.

interface CountryEntry {
  code: string;
  name: string;
  aliases: readonly string[];
}

const COUNTRIES: readonly CountryEntry[] = [
  { code: 'NO', name: 'Norway', aliases: ['Norge', 'Noreg'] },
  { code: 'SE', name: 'Sweden', aliases: ['Sverige'] },
  { code: 'DK', name: 'Denmark', aliases: ['Danmark'] },
  { code: 'FI', name: 'Finland', aliases: ['Suomi'] },
  { code: 'IS', name: 'Iceland', aliases: ['Island'] },
  { code: 'DE', name: 'Germany', aliases: ['Tyskland', 'Deutschland'] },
  { code: 'GB', name: 'United Kingdom', aliases: ['UK', 'Great Britain', 'England', 'Storbritannia'] },
  { code: 'IE', name: 'Ireland', aliases: ['Irland'] },
  { code: 'US', name: 'United States', aliases: ['USA', 'United States of America', 'Amerika'] },
  { code: 'CA', name: 'Canada', aliases: [] },
  { code: 'NL', name: 'Netherlands', aliases: ['Nederland', 'Holland'] },
  { code: 'BE', name: 'Belgium', aliases: ['Belgia'] },
  { code: 'FR', name: 'France', aliases: ['Frankrike'] },
  { code: 'ES', name: 'Spain', aliases: ['Spania', 'España'] },
  { code: 'PT', name: 'Portugal', aliases: [] },
  { code: 'IT', name: 'Italy', aliases: ['Italia'] },
  { code: 'CH', name: 'Switzerland', aliases: ['Sveits'] },
  { code: 'AT', name: 'Austria', aliases: ['Østerrike'] },
  { code: 'PL', name: 'Poland', aliases: ['Polen'] },
  { code: 'LT', name: 'Lithuania', aliases: ['Litauen'] },
  { code: 'LV', name: 'Latvia', aliases: [] },
  { code: 'EE', name: 'Estonia', aliases: ['Estland'] },
  { code: 'GR', name: 'Greece', aliases: ['Hellas'] },
  { code: 'SJ', name: 'Svalbard and Jan Mayen', aliases: ['Svalbard'] },
];

const BY_CODE = new Map(COUNTRIES.map((entry) => [entry.code, entry]));
const BY_LOWER_NAME = new Map(
  COUNTRIES.flatMap((entry) => [entry.name, ...entry.aliases].map((name) => [name.toLowerCase(), entry.code] as const)),
);

/** English name for an ISO code; an unknown code is returned as given, since it still identifies the country. */
export function toCountryName(code: string): string {
  return BY_CODE.get(code.toUpperCase())?.name ?? code;
}

/** ISO code for what a Country line holds: a code, an English/Norwegian name, or ''. Unknown names → ''. */
export function toCountryCode(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const byName = BY_LOWER_NAME.get(trimmed.toLowerCase());
  if (byName !== undefined) return byName;
  // Any two letters are taken as a code, known to the table or not, so format(code) round-trips.
  if (/^\p{L}{2}$/u.test(trimmed)) return trimmed.toUpperCase();
  return '';
}
