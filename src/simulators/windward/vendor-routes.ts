import type { CustomerStore } from './customer-store.js';
import { toFieldName } from './customer-template.js';
import { parseEnvelope } from './envelope.js';
import type { WindwardSeedRecord } from './seed-record.js';

// The WebAPI operations the simulator serves (DESIGN §2), named as /__sim/stats reports them.
// Paths are matched case-insensitively: the real service (Delphi DataSnap) does not care either.

export const VENDOR_OPERATIONS = ['addCustomer', 'update_Retail_Customer', 'Get_Customer_By_Email', 'Customers'] as const;
export type VendorOperation = (typeof VENDOR_OPERATIONS)[number];

export interface VendorCall {
  operation: VendorOperation;
  /** The path argument: a Unique for Customers, the decoded email for Get_Customer_By_Email. */
  argument: string;
  query: URLSearchParams;
}

export interface VendorOutcome {
  status: number;
  body: unknown;
}

export type VendorMatch = { ok: true; call: VendorCall } | { ok: false; status: number; message: string };

export function isWriteOperation(operation: VendorOperation): boolean {
  return operation === 'addCustomer' || operation === 'update_Retail_Customer';
}

/** `path` is relative to the WebAPI base, without a leading slash. */
export function matchVendorCall(method: string, path: string, query: URLSearchParams): VendorMatch {
  const segments = path.split('/');
  const [first = '', second = ''] = segments.map((s) => s.toLowerCase());
  const rest = segments.slice(2);
  const route = (operation: VendorOperation, verb: string, argument: string): VendorMatch =>
    method === verb ? { ok: true, call: { operation, argument, query } } : { ok: false, status: 405, message: 'Method not allowed' };

  // The vendor's own pseudocode also says "Customers/Customers/0"; accept both spellings.
  if ((first === 'customer' || first === 'customers') && second === 'customers' && rest.length === 1) {
    return route('Customers', 'GET', rest[0] ?? '');
  }
  if (first === 'tservermethodswebapi' && second === 'get_customer_by_email') {
    try {
      return route('Get_Customer_By_Email', 'GET', decodeURIComponent(rest.join('/')));
    } catch {
      return { ok: false, status: 400, message: 'Malformed URL encoding' };
    }
  }
  if (first === 'customer' && second === 'addcustomer' && rest.length === 0) return route('addCustomer', 'POST', '');
  if (first === 'customer' && second === 'update_retail_customer' && rest.length === 0) {
    return route('update_Retail_Customer', 'POST', '');
  }
  return { ok: false, status: 404, message: 'Not found' };
}

export function runVendorCall(call: VendorCall, body: string, store: CustomerStore): VendorOutcome {
  switch (call.operation) {
    case 'Customers':
      return listCustomers(call, store);
    case 'Get_Customer_By_Email':
      return { status: 200, body: { result: [{ Customers: store.findByEmail(call.argument.trim()) }] } };
    case 'addCustomer':
      return addCustomers(body, store);
    case 'update_Retail_Customer':
      return updateCustomers(body, store);
  }
}

function listCustomers(call: VendorCall, store: CustomerStore): VendorOutcome {
  if (!/^\d+$/u.test(call.argument)) return toErrorOutcome(400, 'Customer unique must be a number');
  const unique = Number(call.argument);
  const params = toLowerCaseParams(call.query);
  const fields = parseFields(params.get('fields'));
  let records: WindwardSeedRecord[];
  if (unique !== 0) {
    const record = store.get(unique);
    records = record === undefined ? [] : [record];
  } else {
    const pageSize = parsePositiveInt(params.get('pagesize'));
    const pageNumber = parsePositiveInt(params.get('pagenumber')) ?? 1;
    if (pageSize === null || pageNumber === null) return toErrorOutcome(400, 'PageSize and PageNumber must be positive integers');
    records = pageSize === undefined ? store.slice(0, undefined) : store.slice((pageNumber - 1) * pageSize, pageSize);
  }
  return { status: 200, body: { Customers: fields === undefined ? records : records.map((r) => project(r, fields)) } };
}

function addCustomers(body: string, store: CustomerStore): VendorOutcome {
  const envelope = parseEnvelope(body);
  if (!envelope.ok) return toErrorOutcome(envelope.status, envelope.message);
  const created = envelope.customers.map((fields) => {
    // Windward assigns Unique; whatever the caller sent there (usually 0) is ignored.
    const { Unique: _ignored, ...rest } = fields;
    return store.add(rest);
  });
  return { status: 200, body: { Customers: created } };
}

function updateCustomers(body: string, store: CustomerStore): VendorOutcome {
  const envelope = parseEnvelope(body);
  if (!envelope.ok) return toErrorOutcome(envelope.status, envelope.message);
  for (const fields of envelope.customers) {
    const unique = fields['Unique'];
    if (typeof unique !== 'number' || !Number.isInteger(unique) || unique <= 0) {
      return toErrorOutcome(400, 'Unique must identify the customer to update');
    }
    if (store.get(unique) === undefined) return toErrorOutcome(404, `Customer ${unique} not found`);
  }
  const updated = envelope.customers.map((fields) => store.update(fields['Unique'] as number, fields));
  return { status: 200, body: { Customers: updated } };
}

function toErrorOutcome(status: number, message: string): VendorOutcome {
  return { status, body: { error: message } };
}

function toLowerCaseParams(query: URLSearchParams): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of query) params.set(key.toLowerCase(), value);
  return params;
}

/** undefined when absent, null when present but not a positive integer. */
function parsePositiveInt(value: string | undefined): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/u.test(value)) return null;
  const parsed = Number(value);
  return parsed > 0 ? parsed : null;
}

function parseFields(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map(toFieldName);
  return ['Unique', ...names.filter((name) => name !== 'Unique')];
}

function project(record: WindwardSeedRecord, fields: readonly string[]): Record<string, unknown> {
  const projected: Record<string, unknown> = {};
  for (const field of fields) {
    if (field in record) projected[field] = record[field];
  }
  return projected;
}
