// Keeping the Windward mirror current: a full refresh from the paged listing, and filing single
// customers right after our own writes so the next lookup already sees them.
import type { WindwardCustomer } from '../domain/customer.js';
import { blockingKeys, listTermValues, toFiledPreparation, type MatchParams } from '../match/index.js';
import { fingerprintDraft } from './fingerprint.js';
import { toMatchRecordFromWindward } from './match-records.js';
import type { MirrorFiling, MirrorIndex, WindwardPort } from './ports.js';

export function toMirrorFiling(customer: WindwardCustomer, params: MatchParams): MirrorFiling {
  const record = toMatchRecordFromWindward(customer);
  return {
    windwardUnique: customer.unique,
    externalRef: customer.externalRef,
    record,
    prepared: toFiledPreparation(record, params.defaultRegion),
    fingerprint: fingerprintDraft(customer),
    keys: blockingKeys(record, params),
    terms: listTermValues(record, params),
  };
}

export interface RefreshMirrorDeps {
  windward: Pick<WindwardPort, 'listCustomers'>;
  mirror: MirrorIndex;
  params: MatchParams;
  pageSize: number;
  now: () => Date;
  onPage?: (filed: number) => void;
  /** Called with each page as filed (two-way sync looks for edits made in Windward). */
  onFiled?: (filings: readonly MirrorFiling[]) => Promise<void>;
}

/** Reads every Windward customer page by page; forgets customers that are gone. */
export async function refreshMirror(deps: RefreshMirrorDeps): Promise<{ customers: number; removed: number }> {
  const startedAt = deps.now();
  let customers = 0;
  for (let page = 1; ; page += 1) {
    const { customers: batch, hasMore } = await deps.windward.listCustomers(page, deps.pageSize);
    const filings = batch.map((customer) => toMirrorFiling(customer, deps.params));
    deps.mirror.file(filings);
    await deps.onFiled?.(filings);
    customers += batch.length;
    deps.onPage?.(customers);
    if (!hasMore || batch.length === 0) break;
  }
  // Rows are stamped when filed; a complete pass that did not stamp a row means it is gone.
  const removed = deps.mirror.removeNotSeenSince(startedAt);
  return { customers, removed };
}
