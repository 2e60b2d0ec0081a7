// What the sync use cases need from the outside world. Adapters in infosoft/, windward/ and store/
// implement these; app.ts wires them. Nothing here knows about SOAP, JSON or SQL.
import type {
  Address,
  CustomerNumber,
  InfosoftCustomer,
  WindwardCustomer,
  WindwardCustomerDraft,
  WindwardUnique,
} from '../domain/customer.js';

export interface GetCustomerOptions {
  /**
   * Called with the master data (no titles yet) as soon as it is read, while the title and move
   * reads are still under way: lets the caller start work that needs only the master data.
   */
  onMasterData?: (customer: InfosoftCustomer) => void;
  /**
   * The customer has been synced before (it is linked), so it almost surely exists: read the master
   * data, the titles and the pending moves at once, one round trip instead of two. By default the
   * master data comes first, so an unknown customer number costs a single call.
   */
  knownToExist?: boolean;
}

export interface InfosoftPort {
  /**
   * Master data and billing address, plus the delivery address of each given title.
   * Throws PermanentError(code 'customer_not_found') for an unknown customer number,
   * TransientError for anything worth retrying.
   */
  getCustomer(customerNumber: CustomerNumber, titleCodes: readonly string[], options?: GetCustomerOptions): Promise<InfosoftCustomer>;
  /** Customer numbers changed in [from, to) according to the installation's change feed. */
  getChangedCustomers(from: Date, to: Date): Promise<CustomerNumber[]>;
  /** Master data (two-way sync). A stale concurrency token fails transiently: the job re-reads and re-applies. */
  updateCustomerDetails(
    customerNumber: CustomerNumber,
    details: { firstName: string; lastName: string; phone: string | null; email: string | null; birthDate: string | null },
    signature: string,
  ): Promise<unknown>;
  /** A permanent move of one title from startDate (YYYY-MM-DD, never before the next distribution date). */
  savePermanentMove(customerNumber: CustomerNumber, titleCode: string, address: Address, startDate: string, signature: string): Promise<void>;
}

export interface WindwardPage {
  customers: WindwardCustomer[];
  /** False when this page was the last one. */
  hasMore: boolean;
}

export interface WindwardPort {
  /** null when no customer has that Unique. */
  getCustomer(unique: WindwardUnique): Promise<WindwardCustomer | null>;
  findByEmail(email: string): Promise<WindwardCustomer[]>;
  /** One page of the full listing (PageNumber starts at 1). */
  listCustomers(pageNumber: number, pageSize: number): Promise<WindwardPage>;
  addCustomer(draft: WindwardCustomerDraft): Promise<WindwardCustomer>;
  updateCustomer(unique: WindwardUnique, draft: WindwardCustomerDraft): Promise<WindwardCustomer>;
}

export type LinkRole = 'bill_to' | 'ship_to';

export interface LinkRecord {
  customerNumber: CustomerNumber;
  customerId: number | null;
  role: LinkRole;
  titleCode: string | null;
  windwardUnique: WindwardUnique;
  fingerprint: string | null;
  /** Two-way baselines: what each system held after the last sync (see sync/two-way.ts). */
  infosoftState?: unknown;
  windwardState?: unknown;
  windwardFingerprint?: string | null;
  active: boolean;
}

/** The mapping table, as the sync use cases need it. */
export interface LinkRepository {
  find(customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null): LinkRecord | null;
  /** Links (of any customer) pointing at this Windward customer. */
  findByUnique(windwardUnique: WindwardUnique): LinkRecord[];
  /**
   * Records the link. Refuses (returns false, writes nothing) when the Unique is already the bill-to
   * of another Infosoft customer: one Windward customer must never stand for two people.
   */
  claim(link: Omit<LinkRecord, 'active'> & { active?: boolean }): boolean;
  saveState(
    customerNumber: CustomerNumber,
    role: LinkRole,
    titleCode: string | null,
    state: { fingerprint: string; infosoftState: unknown; windwardState: unknown; windwardFingerprint: string },
  ): void;
  /** Marks a link inactive (the Windward record stays: we never delete there). */
  deactivate(customerNumber: CustomerNumber, role: LinkRole, titleCode: string | null): void;
}

export interface SyncLogPort {
  record(entry: {
    customerNumber: CustomerNumber | null;
    jobId?: string | null;
    action: string;
    windwardUnique?: WindwardUnique | null;
    reason: string;
    details?: unknown;
  }): void;
}

/** Where the last change-feed window ended. */
export interface CursorStore {
  read(name: string): string | null;
  write(name: string, value: string): void;
}

/** Puts work on the queue. Payloads carry ids only. */
export interface SyncScheduler {
  enqueueCustomer(customerNumber: CustomerNumber, reason: string): Promise<void>;
  /** Many at once (one round trip per batch): a poll that finds a thousand changes starts them together. */
  enqueueCustomers(customerNumbers: readonly CustomerNumber[], reason: string): Promise<void>;
}

/** An entry of the Windward mirror, keyed for candidate lookup (see store/mirror.ts). */
export interface MirrorFiling {
  windwardUnique: WindwardUnique;
  externalRef: string;
  record: unknown;
  /** The matcher's normalized record, kept beside it (see match/prepare.ts). */
  prepared: unknown;
  fingerprint: string;
  keys: readonly string[];
  terms: ReadonlyArray<readonly [string, string]>;
}

/** The Windward mirror the matcher searches instead of scanning Windward. */
export interface MirrorIndex {
  file(entries: readonly MirrorFiling[]): void;
  lookup(
    keys: readonly string[],
    maxPostingSize: number,
  ): Array<{ windwardUnique: WindwardUnique; externalRef: string; record: unknown; prepared: unknown }>;
  termFrequency(field: string, value: string): number | undefined;
  findByExternalRef(externalRef: string): WindwardUnique[];
  removeNotSeenSince(since: Date): number;
  count(): number;
  /** Fingerprint of the Windward record as last filed (refresh or our own write), null when unknown. */
  fingerprintOf(windwardUnique: WindwardUnique): string | null;
  /** How many mirrored customers have a Unique at or below this one: roughly its listing position. */
  countUpTo(windwardUnique: WindwardUnique): number;
}

export interface PendingReview {
  id: number;
  status: 'open' | 'decided' | 'done';
  decision: 'link' | 'create' | null;
  decidedUnique: WindwardUnique | null;
}

export interface ReviewQueue {
  findPending(customerNumber: CustomerNumber): PendingReview | null;
  open(input: { customerNumber: CustomerNumber; reason: string; candidates: unknown }): PendingReview;
  openConflict(input: { customerNumber: CustomerNumber; reason: string; details: unknown }): void;
  complete(id: number): void;
}

/** A move Infosoft has registered for a future date. */
export interface FutureMove {
  titleCode: string;
  /** YYYY-MM-DD */
  startDate: string;
}

/**
 * Plans a sync of the customer for the day each move takes effect. Called on every sync with the
 * moves Infosoft reports now, so changed moves are re-planned and cancelled ones dropped.
 */
export interface MovePlanner {
  plan(customerNumber: CustomerNumber, moves: readonly FutureMove[]): Promise<void>;
}

/**
 * Runs local writes that belong together in one SQLite transaction: one commit instead of one per
 * write (the benchmark's profile showed ~8 commits per created customer). Synchronous on purpose:
 * no remote call can happen inside, so no lock is held while waiting on the network.
 */
export type Atomically = <T>(work: () => T) => T;

/** Create intents (DESIGN §4.2): written before addCustomer, closed when the link is stored. */
export interface IntentStore {
  /** The open intent for this reference, with the highest Windward Unique known when it was opened. */
  find(externalRef: string): { maxUniqueBefore: WindwardUnique; attempts: number } | null;
  /** Resolves once the intent is durable: only then may addCustomer be sent. */
  open(externalRef: string, customerNumber: CustomerNumber): Promise<void>;
  close(externalRef: string): void;
}
