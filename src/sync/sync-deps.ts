// What syncing one customer needs and what it reports: shared by the bill-to, ship-to and two-way parts.
import type { CustomerNumber, WindwardUnique } from '../domain/customer.js';
import type { MatchParams } from '../match/index.js';
import type { FindExisting } from './find-existing.js';
import type { MatchGate } from './match-gate.js';
import type { Atomically, IntentStore, InfosoftPort, LinkRepository, MirrorIndex, MovePlanner, ReviewQueue, SyncLogPort, WindwardPort } from './ports.js';
import type { ConflictPolicy } from './two-way.js';

export type SyncAction = 'created' | 'linked' | 'updated' | 'unchanged' | 'review';
/** Actions that end a customer's sync; 'failed' is recorded by the queue when retries are exhausted. */
export const OUTCOME_ACTIONS = ['created', 'linked', 'updated', 'unchanged', 'review', 'failed'] as const;

export interface SyncOutcome {
  customerNumber: CustomerNumber;
  action: SyncAction;
  windwardUnique: WindwardUnique | null;
  reason: string;
  /** Ship-to customers created in Windward by this run. */
  shipToCreated: number;
  /** Matcher evidence or review candidates, for the sync log and `explain`. */
  evidence?: unknown;
}

export interface SyncCustomerDeps {
  infosoft: InfosoftPort;
  windward: WindwardPort;
  links: LinkRepository;
  syncLog: SyncLogPort;
  mirror: MirrorIndex;
  reviews: ReviewQueue;
  matchParams: MatchParams;
  findExisting: FindExisting;
  /** Serializes the decisions of customers who could be each other's candidates. */
  matchGate: MatchGate;
  movePlanner: MovePlanner;
  intents: IntentStore;
  atomically: Atomically;
  listingPageSize: number;
  titleCodes: readonly string[];
  defaultCountryCode: string;
  twoWay: TwoWaySettings | null;
}

/** Windward → Infosoft settings; null when only Infosoft → Windward runs (the default). */
export interface TwoWaySettings {
  conflictPolicy: ConflictPolicy;
  signature: string;
  distributionWeekdays: readonly number[];
  now: () => Date;
}
