// Repository for customer_link. Callers see title codes as string | null; '' is only the storage form.
import { and, eq, sql } from 'drizzle-orm';
import type { CustomerNumber, WindwardUnique } from '../domain/customer.js';
import type { Db } from './db.js';
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

export function findLink(db: Db, customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null): CustomerLink | null {
  const row = db
    .select()
    .from(customerLink)
    .where(
      and(
        eq(customerLink.customerNumber, customerNumber),
        eq(customerLink.role, role),
        eq(customerLink.titleCode, titleCode ?? ''),
      ),
    )
    .get();
  return row ? toLink(row) : null;
}

export function listLinksOfCustomer(db: Db, customerNumber: CustomerNumber): CustomerLink[] {
  return db.select().from(customerLink).where(eq(customerLink.customerNumber, customerNumber)).all().map(toLink);
}

export function listLinksOfUnique(db: Db, windwardUnique: WindwardUnique): CustomerLink[] {
  return db.select().from(customerLink).where(eq(customerLink.windwardUnique, windwardUnique)).all().map(toLink);
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
  const updatedAt = now.toISOString();
  const values = {
    customerNumber: input.customerNumber,
    customerId: input.customerId ?? null,
    role: input.role,
    titleCode: input.titleCode ?? '',
    windwardUnique: input.windwardUnique,
    fingerprint: input.fingerprint,
    active: input.active ?? true,
    updatedAt,
  };
  db.insert(customerLink)
    .values(values)
    .onConflictDoUpdate({
      target: [customerLink.customerNumber, customerLink.role, customerLink.titleCode],
      set: {
        customerId: sql`coalesce(excluded.customer_id, ${customerLink.customerId})`,
        windwardUnique: values.windwardUnique,
        fingerprint: values.fingerprint,
        active: values.active,
        updatedAt,
      },
    })
    .run();
}

/**
 * Records a link unless the Windward customer already stands for another Infosoft customer.
 * Check and write happen in one IMMEDIATE transaction, so two processes cannot both claim it.
 */
export function claimLink(db: Db, input: UpsertLinkInput, now: Date = new Date()): boolean {
  const claim = db.$client.transaction(() => {
    const taken = listLinksOfUnique(db, input.windwardUnique).some((link) => link.customerNumber !== input.customerNumber);
    if (taken) return false;
    upsertLink(db, input, now);
    return true;
  });
  return claim.immediate();
}

export function deactivateLink(db: Db, customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null, now: Date = new Date()): void {
  db.update(customerLink)
    .set({ active: false, updatedAt: now.toISOString() })
    .where(
      and(
        eq(customerLink.customerNumber, customerNumber),
        eq(customerLink.role, role),
        eq(customerLink.titleCode, titleCode ?? ''),
      ),
    )
    .run();
}

export interface SyncState {
  fingerprint: string;
  infosoftState: unknown;
  windwardState: unknown;
  windwardFingerprint: string;
}

/** Records what both systems hold after a sync (the two-way baselines) and what we wrote. */
export function saveSyncState(db: Db, customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null, state: SyncState, now: Date = new Date()): void {
  db.update(customerLink)
    .set({
      fingerprint: state.fingerprint,
      infosoftState: JSON.stringify(state.infosoftState),
      windwardState: JSON.stringify(state.windwardState),
      windwardFingerprint: state.windwardFingerprint,
      updatedAt: now.toISOString(),
    })
    .where(and(eq(customerLink.customerNumber, customerNumber), eq(customerLink.role, role), eq(customerLink.titleCode, titleCode ?? '')))
    .run();
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
