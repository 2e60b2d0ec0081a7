import { readFile } from 'node:fs/promises';
import type { WindwardSeedRecord } from './seed-record.js';

/** Reads a JSON Lines seed file (one customer JSON object per line; blank lines skipped). */
export async function readWindwardSeedFile(path: string): Promise<WindwardSeedRecord[]> {
  const text = await readFile(path, 'utf8');
  const records: WindwardSeedRecord[] = [];
  const lines = text.split(/\r?\n/u);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    records.push(parseSeedLine(line, `${path}:${index + 1}`));
  }
  return records;
}

function parseSeedLine(line: string, where: string): WindwardSeedRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new Error(`Windward seed file ${where}: invalid JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Windward seed file ${where}: expected a JSON object`);
  }
  const unique = (parsed as Record<string, unknown>)['Unique'];
  if (unique !== undefined && (typeof unique !== 'number' || !Number.isInteger(unique) || unique < 0)) {
    throw new Error(`Windward seed file ${where}: Unique must be a non-negative integer`);
  }
  return parsed as WindwardSeedRecord;
}
