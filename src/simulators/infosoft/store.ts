// In-memory customer store of the Infosoft simulator: a Map, so thousands of calls per second stay cheap.
import { randomBytes } from 'node:crypto';
import type { InfosoftSeedAddress, InfosoftSeedRecord } from './seed-record.js';

export interface StoredCustomer {
  record: InfosoftSeedRecord;
  /** Infosoft's internal id, deliberately in another range than customer numbers so mix-ups show. */
  customerId: number;
  concurrencyToken: string;
  lastChangedDate: Date;
  lastChangedBy: string | null;
  /** When the change feed last saw a change (ms since epoch); the feed reports last-change time only. */
  changedAt: number;
}

export interface RecordedMove {
  customerNumber: number;
  titleCode: string;
  /** YYYY-MM-DD */
  startDate: string;
  address: InfosoftSeedAddress;
  signature: string;
  recordedAt: string;
}

export interface CustomerDetailsChange {
  FirstName?: string;
  LastName?: string;
  Telephone1?: string;
  Email?: string;
  /** YYYY-MM-DD, or null to clear. */
  BirthDate?: string | null;
}

export interface CustomerStore {
  get(customerNumber: number): StoredCustomer | undefined;
  list(): InfosoftSeedRecord[];
  /** Creates the customer or merges the given fields over it; marks it changed. */
  upsert(patch: Partial<InfosoftSeedRecord> & { CustomerNumber: number }): { customer: StoredCustomer; created: boolean };
  updateDetails(customerNumber: number, change: CustomerDetailsChange, signature: string): StoredCustomer;
  listChanged(fromMs: number, toMs: number): number[];
  /** Replaces an earlier move of the same customer and title. */
  recordMove(move: RecordedMove): void;
  listMoves(customerNumber?: number): RecordedMove[];
  getMove(customerNumber: number, titleCode: string): RecordedMove | undefined;
  /** A customer service agent cancels a registered move; returns false when there was none. */
  cancelMove(customerNumber: number, titleCode: string): boolean;
}

const FIRST_CUSTOMER_ID = 700_001;

export function createCustomerStore(seed: readonly InfosoftSeedRecord[], now: () => Date): CustomerStore {
  const customers = new Map<number, StoredCustomer>();
  const moves = new Map<string, RecordedMove>();
  let nextCustomerId = FIRST_CUSTOMER_ID;

  function markChanged(customer: StoredCustomer, by: string | null): void {
    const at = now();
    customer.lastChangedDate = at;
    customer.lastChangedBy = by;
    customer.changedAt = at.getTime();
    customer.concurrencyToken = createConcurrencyToken();
  }

  function upsert(patch: Partial<InfosoftSeedRecord> & { CustomerNumber: number }) {
    const existing = customers.get(patch.CustomerNumber);
    if (existing) {
      existing.record = { ...existing.record, ...dropUndefined(patch), CustomerNumber: patch.CustomerNumber };
      markChanged(existing, null);
      return { customer: existing, created: false };
    }
    const record: InfosoftSeedRecord = {
      FirstName: '',
      LastName: '',
      Address: { StreetName: '', HouseNumber: '', ZipCode: '', ZipText: '' },
      ...dropUndefined(patch),
      CustomerNumber: patch.CustomerNumber,
    };
    const at = now();
    const customer: StoredCustomer = {
      record,
      customerId: nextCustomerId++,
      concurrencyToken: createConcurrencyToken(),
      lastChangedDate: at,
      lastChangedBy: null,
      changedAt: at.getTime(),
    };
    customers.set(record.CustomerNumber, customer);
    return { customer, created: true };
  }

  for (const record of seed) upsert(record);

  return {
    get: (customerNumber) => customers.get(customerNumber),
    list: () => [...customers.values()].map((c) => c.record),
    upsert,
    updateDetails(customerNumber, change, signature) {
      const customer = customers.get(customerNumber);
      if (!customer) throw new Error(`customer ${customerNumber} does not exist`);
      const record = { ...customer.record };
      if (change.FirstName !== undefined) record.FirstName = change.FirstName;
      if (change.LastName !== undefined) record.LastName = change.LastName;
      if (change.Telephone1 !== undefined) record.Telephone1 = change.Telephone1;
      if (change.Email !== undefined) record.Email = change.Email;
      if (change.BirthDate !== undefined) {
        if (change.BirthDate === null) delete record.BirthDate;
        else record.BirthDate = change.BirthDate;
      }
      customer.record = record;
      markChanged(customer, signature);
      return customer;
    },
    listChanged(fromMs, toMs) {
      const numbers: number[] = [];
      for (const [n, c] of customers) if (c.changedAt >= fromMs && c.changedAt < toMs) numbers.push(n);
      return numbers;
    },
    recordMove(move) {
      moves.set(`${move.customerNumber}|${move.titleCode}`, move);
      const customer = customers.get(move.customerNumber);
      if (customer) markChanged(customer, move.signature);
    },
    getMove: (customerNumber, titleCode) => moves.get(`${customerNumber}|${titleCode}`),
    cancelMove(customerNumber, titleCode) {
      const removed = moves.delete(`${customerNumber}|${titleCode}`);
      const customer = customers.get(customerNumber);
      if (removed && customer) markChanged(customer, 'SIM');
      return removed;
    },
    listMoves(customerNumber) {
      const all = [...moves.values()];
      return customerNumber === undefined ? all : all.filter((m) => m.customerNumber === customerNumber);
    },
  };
}

/** Opaque like WCF's rowversion tokens: base64 of 16 random bytes. */
function createConcurrencyToken(): string {
  return randomBytes(16).toString('base64');
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
