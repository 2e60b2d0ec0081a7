// The bad-input catalogue (DESIGN §4.4): every case goes through the simulators and ends as a correct
// sync or a dead letter with a clear reason; the worker never crashes or hangs, and no other customer
// is affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptedFault } from '../../src/simulators/faults.js';
import type { InfosoftSeedRecord } from '../../src/simulators/infosoft/seed-record.js';
import { listDeadLetters } from '../../src/store/dead-letters.js';
import { findLink, listAllLinks } from '../../src/store/links.js';
import { lastSyncLogId } from '../../src/store/sync-log.js';
import { fetchJson, lastOutcome, simBase, startHarness, waitUntil, type Harness } from '../support/harness.js';

interface WindwardRecord {
  Unique: number;
  Number: string;
  Name: string;
  FirstName: string;
  LastName: string;
  Addr1: string;
  Addr2: string;
  Postal: string;
  Phone1: string;
  Email: string;
}

// Distinct people in different places, so that only the field under test is unusual.
const SURNAMES = ['Haugen', 'Lunde', 'Bakken', 'Moe', 'Dahl', 'Strand', 'Aas', 'Vik', 'Berge', 'Hagen', 'Eide', 'Foss', 'Holm', 'Lie', 'Sand'];
const FIRST_NAMES = ['Ola', 'Kari', 'Per', 'Liv', 'Nils', 'Eva', 'Jon', 'Siri', 'Tor', 'Ane', 'Geir', 'Mona', 'Leif', 'Rut', 'Odd'];
const ZIPS = ['0153', '5003', '7010', '4006', '9008', '2000', '1337', '3015', '4612', '8006', '6002', '2609', '1530', '0667', '0355'];
const home = { StreetName: 'Kirkegata', HouseNumber: '4', ZipCode: '0153', ZipText: 'OSLO', CountryCode: 'NO' };
let next = 0;
const aCustomer = (fields: Partial<InfosoftSeedRecord>): InfosoftSeedRecord => {
  const i = next++;
  return {
    CustomerNumber: 900000 + i,
    FirstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
    LastName: SURNAMES[i % SURNAMES.length]!,
    Email: `p${900000 + i}@example.no`,
    Address: { ...home, HouseNumber: String(i + 1), ZipCode: ZIPS[i % ZIPS.length]! },
    Titles: [{ TitleCode: 'IT' }],
    ...fields,
  };
};

// Data cases: each must end as a correct sync.
const DATA_CASES: Array<{ name: string; customer: InfosoftSeedRecord; expect: Partial<WindwardRecord> }> = [
  { name: 'Norwegian letters', customer: aCustomer({ FirstName: 'Æsa Øydis', LastName: 'Åsgårdstrand' }), expect: { Name: 'Æsa Øydis Åsgårdstrand' } },
  { name: 'accents and emoji', customer: aCustomer({ FirstName: 'Zoë 🦊', LastName: 'Müller-Lüdenscheidt' }), expect: { Name: 'Zoë 🦊 Müller-Lüdenscheidt' } },
  { name: "'%', quotes and a backslash", customer: aCustomer({ FirstName: '100% "Ekte"', LastName: "O'Neil \\ Sønn" }), expect: { Name: `100% "Ekte" O'Neil \\ Sønn` } },
  { name: 'markup-like text', customer: aCustomer({ FirstName: '<b>Ola</b>', LastName: '&amp; Co' }), expect: { FirstName: '<b>Ola</b>', LastName: '&amp; Co' } },
  {
    name: 'over-long name and street (truncated to Windward limits)',
    customer: aCustomer({ FirstName: 'Kari'.repeat(20), LastName: 'Nordmann'.repeat(10), Address: { ...home, StreetName: 'Gate'.repeat(30) } }),
    expect: { FirstName: 'Kari'.repeat(20).slice(0, 30), LastName: 'Nordmann'.repeat(10).slice(0, 30) },
  },
  { name: 'an invalid e-mail address', customer: aCustomer({ Email: 'not-an-email' }), expect: { Email: 'not-an-email' } },
  { name: 'an invalid phone number', customer: aCustomer({ Telephone1: 'call me maybe' }), expect: { Phone1: 'call me maybe' } },
  { name: 'no e-mail and no phone', customer: aCustomer({ Email: undefined }), expect: { Email: '' } },
  { name: 'a postcode with leading zeros', customer: aCustomer({ Address: { ...home, HouseNumber: '77', ZipCode: '0001', ZipText: 'OSLO' } }), expect: { Postal: '0001' } },
  { name: 'an empty street', customer: aCustomer({ Address: { ...home, StreetName: '', HouseNumber: '', ZipCode: '3015' } }), expect: { Addr1: '' } },
];

// Fault cases: each must end as a dead letter whose reason names the problem.
const FAULT_CASES: Array<{ name: string; system: 'infosoft' | 'windward'; fault: ScriptedFault; reason: RegExp }> = [
  { name: 'malformed XML from Infosoft', system: 'infosoft', fault: { kind: 'malformed', operation: 'GetCustomerInformation', times: 1000 }, reason: /\[malformed_response\]/ },
  { name: 'an HTML error page from Windward', system: 'windward', fault: { kind: 'html502', operation: 'addCustomer', times: 1000 }, reason: /\[http_502\]/ },
  { name: 'invalid JSON from Windward', system: 'windward', fault: { kind: 'malformed', operation: 'addCustomer', times: 1000 }, reason: /\[malformed_response\]/ },
  { name: 'a SOAP fault from Infosoft', system: 'infosoft', fault: { kind: 'server-fault', operation: 'GetCustomerInformation', times: 1000 }, reason: /\[soap_fault\]/ },
];
const faultCustomers = FAULT_CASES.map(() => aCustomer({}));

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ sims: { infosoftSeed: [...DATA_CASES.map((c) => c.customer), ...faultCustomers], windwardSeed: [] } });
  const h = harness;
  const mark = lastSyncLogId(h.app.db);
  for (const c of DATA_CASES) await h.app.enqueueCustomer(c.customer.CustomerNumber, 'test');
  await waitUntil(() => DATA_CASES.every((c) => lastOutcome(h.app, c.customer.CustomerNumber, mark)), 'every data case to finish');
}, 120_000);
afterAll(async () => {
  await harness.close();
});

const windwardRecords = async () => (await fetchJson<{ Customers: WindwardRecord[] }>(`${simBase(harness.sims.env.WINDWARD_URL)}/__sim/customers`)).Customers;

describe('bad input that still syncs', () => {
  it.each(DATA_CASES)('$name', async ({ customer, expect: expected }) => {
    const outcome = lastOutcome(harness.app, customer.CustomerNumber);
    expect(outcome?.action).toBe('created');
    const link = findLink(harness.app.db, customer.CustomerNumber, 'bill_to', null);
    const record = (await windwardRecords()).find((r) => r.Unique === link?.windwardUnique);
    expect(record?.Number).toBe(`IS-${customer.CustomerNumber}`);
    expect(record).toMatchObject(expected);
  });
});

describe('bad input that ends as a dead letter', () => {
  it.each(FAULT_CASES.map((c, i) => ({ ...c, customer: faultCustomers[i]! })))('$name', async ({ system, fault, reason, customer }) => {
    const h = harness;
    const linksBefore = listAllLinks(h.app.db);
    h.sims[system].setFaults({ script: [fault] });
    try {
      const mark = lastSyncLogId(h.app.db);
      await h.app.enqueueCustomer(customer.CustomerNumber, 'test');
      const outcome = await waitUntil(() => lastOutcome(h.app, customer.CustomerNumber, mark), 'the customer to give up');
      expect(outcome.action).toBe('failed');
      const deadLetter = listDeadLetters(h.app.db).find((d) => d.customerNumber === customer.CustomerNumber);
      expect(deadLetter?.reason).toMatch(reason);
      expect(deadLetter?.errorClass).toBe('TransientError');
      expect(deadLetter?.attempts).toBe(3);
    } finally {
      h.sims[system].setFaults({ script: [] });
    }
    // Nobody else was touched, and the worker still works: the same customer now syncs.
    expect(listAllLinks(h.app.db).filter((l) => linksBefore.some((b) => b.customerNumber === l.customerNumber))).toEqual(linksBefore);
    const mark = lastSyncLogId(h.app.db);
    await h.app.enqueueCustomer(customer.CustomerNumber, 'test');
    expect((await waitUntil(() => lastOutcome(h.app, customer.CustomerNumber, mark), 'the retry after the fix')).action).toBe('created');
    expect(listDeadLetters(h.app.db).some((d) => d.customerNumber === customer.CustomerNumber)).toBe(false);
  });
});
