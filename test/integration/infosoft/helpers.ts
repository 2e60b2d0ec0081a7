// Shared setup of the Infosoft integration tests: seed, raw SOAP posts and a movable clock.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { readInfosoftSeedFile } from '../../../src/simulators/infosoft/seed-file.js';
import type { InfosoftSeedRecord } from '../../../src/simulators/infosoft/seed-record.js';

export function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/infosoft/${name}`, import.meta.url), 'utf8');
}

export function readSeed(): Promise<InfosoftSeedRecord[]> {
  return readInfosoftSeedFile(fileURLToPath(new URL('../../fixtures/infosoft/customers.jsonl', import.meta.url)));
}

/** A clock tests can move; the simulator reads it for distribution dates and the change feed. */
export function createClock(start: string) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso: string) => {
      current = new Date(iso);
    },
  };
}

export function wrapInEnvelope(body: string, namespaces = ''): string {
  return (
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"${namespaces}>` +
    `<soapenv:Header/><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

export async function postSoap(url: string, envelope: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: envelope });
  return { status: res.status, body: await res.text() };
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });

export function parseXml(xml: string): unknown {
  return parser.parse(xml);
}

/** Every element path ("Envelope/Body/.../Address/ZipCode") in a parsed document. */
export function listElementPaths(node: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  if (typeof node !== 'object' || node === null) return paths;
  for (const [name, value] of Object.entries(node)) {
    if (name === '?xml') continue;
    const path = prefix === '' ? name : `${prefix}/${name}`;
    paths.add(path);
    for (const item of Array.isArray(value) ? value : [value]) {
      for (const child of listElementPaths(item, path)) paths.add(child);
    }
  }
  return paths;
}
