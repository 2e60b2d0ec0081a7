// Date handling of the simulator. Infosoft works in dates (distribution days); we use UTC days.

/** YYYY-MM-DD of the UTC day of `date`. */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDay(d);
}

/** Accepts "YYYY-MM-DD" or a dateTime starting with it; null when it is not a real date. */
export function parseIsoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const day = value.trim().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && toIsoDay(d) === day ? day : null;
}

/** .NET's DateTime.MinValue, which Infosoft sends for "no date". */
export const NO_DATE = '0001-01-01T00:00:00';

export function toWireDateTime(day: string | undefined | null): string {
  return day ? `${day}T00:00:00` : NO_DATE;
}
