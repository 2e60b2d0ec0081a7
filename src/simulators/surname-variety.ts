// The forms a generated surname can take (`sim --surname-variety K`): itself, or a compound with a
// farm-name prefix (Nordhagen, Sørberg), so fewer customers share a full name. A module of its own
// so that the CLI can state the bound without loading the generator.
export const SURNAME_PREFIXES = ['Nord', 'Sør', 'Øst', 'Vest', 'Stor', 'Lille', 'Ny', 'Øvre', 'Nedre', 'Mel', 'Sol', 'Fjell', 'Bjørk', 'Eike', 'Lind'] as const;
/** The most forms a surname can take: itself and one compound per prefix. */
export const MAX_SURNAME_VARIETY = SURNAME_PREFIXES.length + 1;

export function isSurnameVariety(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_SURNAME_VARIETY;
}
