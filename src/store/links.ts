// Repository for customer_link. Callers see title codes as string | null; '' is only the storage form.

import type { CustomerNumber, WindwardUnique } from '../domain/customer.js';
import type { Db } from './db.js';
import { preparedPerDatabase } from './prepared.js';
import { inImmediateTransaction } from './transactions.js';
import { customerLink } from './schema.js';

export type LinkRole = 'bill_to' | 'ship_to';

export interface CustomerLink {
  customerNumber: CustomerNumber;
  customerId: number | null;
  role: LinkRole;
  titleCode: string | null;
  windwardUnique: WindwardUnique;
  fingerprint: string | null;
  infosoftState: unknown;
  windwardState: unknown;
  windwardFingerprint: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

type Row = typeof customerLink.$inferSelect;

function toLink(row: Row): CustomerLink {
  return {
    customerNumber: row.customerNumber,
    customerId: row.customerId,
    role: row.role,
    titleCode: row.titleCode === '' ? null : row.titleCode,
    windwardUnique: row.windwardUnique,
    fingerprint: row.fingerprint,
    infosoftState: row.infosoftState === null ? null : (JSON.parse(row.infosoftState) as unknown),
    windwardState: row.windwardState === null ? null : (JSON.parse(row.windwardState) as unknown),
    windwardFingerprint: row.windwardFingerprint,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Column list in the order LinkRow declares it (snake_case, as stored). */
const LINK_COLUMNS =
  'customer_number, customer_id, role, title_code, windward_unique, fingerprint, infosoft_state, windward_state, windward_fingerprint, active, created_at, updated_at';

interface LinkRow {
  customer_number: number;
  customer_id: number | null;
  role: LinkRole;
  title_code: string;
  windward_unique: number;
  fingerprint: string | null;
  infosoft_state: string | null;
  windward_state: string | null;
  windward_fingerprint: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

function fromRow(row: LinkRow): CustomerLink {
  return toLink({
    id: 0,
    customerNumber: row.customer_number,
    customerId: row.customer_id,
    role: row.role,
    titleCode: row.title_code,
    windwardUnique: row.windward_unique,
    fingerprint: row.fingerprint,
    infosoftState: row.infosoft_state,
    windwardState: row.windward_state,
    windwardFingerprint: row.windward_fingerprint,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

const statements = preparedPerDatabase((sqlite) => ({
  find: sqlite.prepare<[number, string, string], LinkRow>(
    `select ${LINK_COLUMNS} from customer_link where customer_number = ? and role = ? and title_code = ?`,
  ),
  ofCustomer: sqlite.prepare<[number], LinkRow>(`select ${LINK_COLUMNS} from customer_link where customer_number = ?`),
  ofUnique: sqlite.prepare<[number], LinkRow>(`select ${LINK_COLUMNS} from customer_link where windward_unique = ?`),
  ownedByAnother: sqlite.prepare<[number, number], { one: number }>(
    'select 1 as one from customer_link where windward_unique = ? and customer_number <> ? limit 1',
  ),
  upsert: sqlite.prepare<[number, number | null, string, string, number, string | null, number, string]>(
    `insert into customer_link (customer_number, customer_id, role, title_code, windward_unique, fingerprint, active, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (customer_number, role, title_code) do update set
       customer_id = coalesce(excluded.customer_id, customer_link.customer_id), windward_unique = excluded.windward_unique,
       fingerprint = excluded.fingerprint, active = excluded.active, updated_at = excluded.updated_at`,
  ),
  deactivate: sqlite.prepare<[string, number, string, string]>(
    'update customer_link set active = 0, updated_at = ? where customer_number = ? and role = ? and title_code = ?',
  ),
  saveState: sqlite.prepare<[string, string, string, string, string, number, string, string]>(
    `update customer_link set fingerprint = ?, infosoft_state = ?, windward_state = ?, windward_fingerprint = ?, updated_at = ?
     where customer_number = ? and role = ? and title_code = ?`,
  ),
}));

export function findLink(db: Db, customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null): CustomerLink | null {
  const row = statements(db).find.get(customerNumber, role, titleCode ?? '');
  return row ? fromRow(row) : null;
}

export function listLinksOfCustomer(db: Db, customerNumber: CustomerNumber): CustomerLink[] {
  return statements(db).ofCustomer.all(customerNumber).map(fromRow);
}

export function listLinksOfUnique(db: Db, windwardUnique: WindwardUnique): CustomerLink[] {
  return statements(db).ofUnique.all(windwardUnique).map(fromRow);
}

export function listAllLinks(db: Db): CustomerLink[] {
  return db.select().from(customerLink).orderBy(customerLink.customerNumber, customerLink.role, customerLink.titleCode).all().map(toLink);
}

export function listLinkedCustomerNumbers(db: Db): CustomerNumber[] {
  return db
    .selectDistinct({ customerNumber: customerLink.customerNumber })
    .from(customerLink)
    .all()
    .map((row) => row.customerNumber);
}

export interface UpsertLinkInput {
  customerNumber: CustomerNumber;
  customerId?: number | null;
  role: LinkRole;
  titleCode: string | null;
  windwardUnique: WindwardUnique;
  fingerprint: string | null;
  active?: boolean;
}

/** Inserts or replaces the one link of (customer, role, title). */
export function upsertLink(db: Db, input: UpsertLinkInput, now: Date = new Date()): void {
  statements(db).upsert.run(
    input.customerNumber,
    input.customerId ?? null,
    input.role,
    input.titleCode ?? '',
    input.windwardUnique,
    input.fingerprint,
    input.active === false ? 0 : 1,
    now.toISOString(),
  );
}

/**
 * Records a link unless the Windward customer already stands for another Infosoft customer.
 * Check and write happen in one IMMEDIATE transaction, so two processes cannot both claim it.
 */
export function claimLink(db: Db, input: UpsertLinkInput, now: Date = new Date()): boolean {
  return inImmediateTransaction(db.$client, () => {
    if (statements(db).ownedByAnother.get(input.windwardUnique, input.customerNumber)) return false;
    upsertLink(db, input, now);
    return true;
  });
}

export function deactivateLink(db: Db, customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null, now: Date = new Date()): void {
  statements(db).deactivate.run(now.toISOString(), customerNumber, role, titleCode ?? '');
}

export interface SyncState {
  fingerprint: string;
  infosoftState: unknown;
  windwardState: unknown;
  windwardFingerprint: string;
}

/** Records what both systems hold after a sync (the two-way baselines) and what we wrote. */
export function saveSyncState(db: Db, customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null, state: SyncState, now: Date = new Date()): void {
  statements(db).saveState.run(
    state.fingerprint,
    JSON.stringify(state.infosoftState),
    JSON.stringify(state.windwardState),
    state.windwardFingerprint,
    now.toISOString(),
    customerNumber,
    role,
    titleCode ?? '',
  );
}

/** The link repository the sync use cases depend on (structurally their LinkRepository port). */
export function createLinkRepository(db: Db) {
  return {
    find: (customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null) => findLink(db, customerNumber, role, titleCode),
    findByUnique: (windwardUnique: WindwardUnique) => listLinksOfUnique(db, windwardUnique),
    claim: (input: UpsertLinkInput) => claimLink(db, input),
    deactivate: (customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null) => deactivateLink(db, customerNumber, role, titleCode),
    saveState: (customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null, state: SyncState) =>
      saveSyncState(db, customerNumber, role, titleCode, state),
  };
}
