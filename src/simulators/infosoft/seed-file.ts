// Reads an Infosoft seed file: JSON Lines, one InfosoftSeedRecord per line (DESIGN §5.3).
import { readFile } from 'node:fs/promises';
import type { InfosoftSeedRecord } from './seed-record.js';
import { describeIssues, seedRecordSchema } from './seed-schema.js';

export async function readInfosoftSeedFile(path: string): Promise<InfosoftSeedRecord[]> {
  const text = await readFile(path, 'utf8');
  return parseInfosoftSeedLines(text, path);
}

export function parseInfosoftSeedLines(text: string, source = 'seed'): InfosoftSeedRecord[] {
  const records: InfosoftSeedRecord[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new Error(`${source}: line ${i + 1} is not valid JSON`, { cause });
    }
    const parsed = seedRecordSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`${source}: line ${i + 1} is not an Infosoft seed record: ${describeIssues(parsed.error)}`);
    }
    records.push(parsed.data);
  }
  return records;
}
