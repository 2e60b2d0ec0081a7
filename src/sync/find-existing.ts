// The one place that decides whether an unlinked Infosoft customer already exists in Windward:
// candidates from the mirror's blocking keys plus a live e-mail lookup (the mirror may be minutes
// old), scored by the pure matcher. Doubt goes to review, never to a guess.
import type { InfosoftCustomer, WindwardCustomer } from '../domain/customer.js';
import { blockingKeys, decide, readFiledPreparation, type Candidate, type Evidence, type MatchParams, type MatchRecord, type ScoredCandidate } from '../match/index.js';
import { isShipToReference } from './draft.js';
import { toMatchRecordFromInfosoft } from './match-records.js';
import { toMirrorFiling } from './mirror.js';
import type { LinkRepository, MirrorIndex, WindwardPort } from './ports.js';

export type ExistingDecision =
  | { kind: 'link'; target: WindwardCustomer; reason: string; evidence: Evidence | null }
  | { kind: 'review'; candidates: ScoredCandidate[]; reason: string }
  | { kind: 'create'; reason: string; best?: ScoredCandidate };

/** A Windward e-mail lookup the caller already started (see syncCustomer). */
export interface EmailLookup {
  email: string;
  customers: Promise<WindwardCustomer[]>;
}

export type FindExisting = (customer: InfosoftCustomer, started?: EmailLookup) => Promise<ExistingDecision>;

export interface MatcherLookupDeps {
  windward: Pick<WindwardPort, 'findByEmail' | 'getCustomer'>;
  links: Pick<LinkRepository, 'findByUnique'>;
  mirror: MirrorIndex;
  params: MatchParams;
}

export function createMatcherLookup(deps: MatcherLookupDeps): FindExisting {
  const { params, mirror } = deps;
  return async (customer, started) => {
    const incoming = toMatchRecordFromInfosoft(customer);
    // The live lookup is awaited before the mirror is read: the parsed candidates are then made and
    // dropped in one synchronous stretch instead of living through the await while 63 other jobs
    // run (they outlived young-generation collections and were copied and promoted).
    const live = customer.email ? await (started?.email === customer.email ? started.customers : deps.windward.findByEmail(customer.email)) : [];
    const candidates = new Map<string, Candidate>();
    for (const row of mirror.lookup(blockingKeys(incoming, params), params.blocking.maxPostingSize)) {
      // Our own ship-to records carry another role: never the bill-to of a new customer.
      if (isShipToReference(row.externalRef)) continue;
      // Normalized when filed: compared as it is, without reading or normalizing the record again.
      const id = String(row.windwardUnique);
      const prepared = readFiledPreparation(row.prepared, params.defaultRegion);
      candidates.set(id, prepared ? { id, prepared } : (row.record as MatchRecord));
    }
    // Records read from Windward during this lookup: current already, no need to read them again.
    const fresh = new Map<string, WindwardCustomer>();
    if (live.length > 0) {
      const filings = live.map((c) => toMirrorFiling(c, params));
      // Refile only what the mirror does not already hold as it is (a write per lookup otherwise).
      mirror.file(filings.filter((f) => mirror.fingerprintOf(f.windwardUnique) !== f.fingerprint));
      for (const filing of filings) candidates.set(String(filing.windwardUnique), filing.record as MatchRecord);
      for (const customer of live) fresh.set(String(customer.unique), customer);
    }
    const linkedElsewhere = (id: string) =>
      deps.links.findByUnique(Number(id)).some((link) => link.customerNumber !== customer.customerNumber);
    const decision = decide(incoming, [...candidates.values()], params, {
      storeSize: mirror.count(),
      linkedElsewhere,
      termFrequency: (field, value) => mirror.termFrequency(field, value),
    });
    switch (decision.kind) {
      case 'create':
        return { kind: 'create', reason: decision.reason, ...(decision.best ? { best: decision.best } : {}) };
      case 'review':
        return { kind: 'review', candidates: decision.candidates, reason: decision.reason };
      case 'link': {
        // Link to what Windward holds now, not to the mirror's copy.
        const target = fresh.get(decision.target) ?? (await deps.windward.getCustomer(Number(decision.target)));
        if (!target) return { kind: 'review', candidates: [], reason: `matched Windward customer ${decision.target} no longer exists` };
        return { kind: 'link', target, reason: `matched with score ${decision.score.toFixed(1)}`, evidence: decision.evidence };
      }
    }
  };
}
