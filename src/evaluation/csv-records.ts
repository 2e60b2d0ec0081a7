// Reading the matcher evaluation CSV (DESIGN §5.4) into MatchRecords, with errors that name the line.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { MatchRecord } from '../match/index.js';

export const MATCH_CSV_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'company',
  'street',
  'house_number',
  'entrance',
  'postal_code',
  'city',
  'country',
  'phone',
  'email',
  'birth_date',
] as const;

type Column = (typeof MATCH_CSV_COLUMNS)[number];

export class MatchCsvError extends Error {
  constructor(
    readonly path: string,
    readonly line: number | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}${line === null ? '' : `: line ${line}`}: ${message}`, options);
    this.name = 'MatchCsvError';
  }
}

export async function readMatchCsv(path: string): Promise<MatchRecord[]> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: false }),
  );
  const records: MatchRecord[] = [];
  const seen = new Set<string>();
  let header: Map<Column, number> | null = null;
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = row.info.lines;
      if (header === null) {
        header = readHeader(path, line, row.record);
        continue;
      }
      const record = toMatchRecord(path, line, row.record, header);
      if (seen.has(record.id)) throw new MatchCsvError(path, line, `duplicate id "${record.id}"`);
      seen.add(record.id);
      records.push(record);
    }
  } catch (error) {
    if (error instanceof MatchCsvError) throw error;
    const line = (error as { lines?: unknown }).lines;
    const message = error instanceof Error ? error.message : String(error);
    throw new MatchCsvError(path, typeof line === 'number' ? line : null, message, { cause: error });
  }
  if (header === null) throw new MatchCsvError(path, 1, 'empty file: expected a header row');
  return records;
}

function readHeader(path: string, line: number, cells: string[]): Map<Column, number> {
  const positions = new Map<Column, number>();
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    if ((MATCH_CSV_COLUMNS as readonly string[]).includes(name)) positions.set(name as Column, i);
  });
  const missing = MATCH_CSV_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length > 0) throw new MatchCsvError(path, line, `header lacks column(s): ${missing.join(', ')}`);
  return positions;
}

function toMatchRecord(path: string, line: number, cells: string[], header: Map<Column, number>): MatchRecord {
  const get = (column: Column): string => cells[header.get(column) ?? -1]?.trim() ?? '';
  const id = get('id');
  if (id === '') throw new MatchCsvError(path, line, 'empty id');
  const birthDate = get('birth_date');
  const isoDate = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(birthDate);
  if (birthDate !== '' && !isoDate) {
    throw new MatchCsvError(path, line, `birth_date "${birthDate}" is not YYYY-MM-DD`);
  }
  const firstName = get('first_name');
  const lastName = get('last_name');
  const companyName = get('company');
  return {
    id,
    kind: companyName !== '' && firstName === '' && lastName === '' ? 'company' : 'person',
    firstName,
    lastName,
    companyName,
    street: get('street'),
    houseNumber: get('house_number'),
    entrance: get('entrance'),
    unit: '',
    postalCode: get('postal_code'),
    city: get('city'),
    countryCode: get('country').toUpperCase(),
    // Several numbers in one cell are separated by ';' or '|' (commas would clash with CSV habits).
    phones: get('phone')
      .split(/[;|]/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    email: get('email'),
    birthDate: isoDate ? `${isoDate[1]}-${isoDate[2]}-${isoDate[3]}` : '',
  };
}
