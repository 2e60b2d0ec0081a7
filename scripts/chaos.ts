// The reliability proof of DESIGN §4.2 (issue 5): exactly-once effects on Windward under
// at-least-once delivery. Both simulators run in this process with faults on every call (5xx, HTML
// 502, 503, timeouts, resets, SOAP faults, malformed bodies, lost write responses); the real worker
// runs as a child process and is killed with SIGKILL at random moments and restarted. When the
// queue has drained, the faults are turned off and the effects are checked:
//   - no Windward customer created twice (two records with the same Number reference);
//   - every Infosoft customer linked to the Windward record carrying "IS-<n>", or waiting for
//     review, or in the dead letters with a reason;
//   - no job lost (a customer with no outcome at all).
//
//   npm run chaos -- [--customers 2000] [--kills 5] [--fault-rate 0.1] [--lost-response-rate 0.05] [--json]
//
// Exit code 0 when all three figures are 0, else 1 (2 for a usage error). tests in
// test/integration/reliability/ run the same engine on a smaller scale.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { createPrng } from '../src/evaluation/prng.js';
import { countJobs } from '../src/queue/queues.js';
import type { Db } from '../src/store/db.js';
import { listDeadLetters } from '../src/store/dead-letters.js';
import { countOpenIntents } from '../src/store/intents.js';
import { listAllLinks } from '../src/store/links.js';
import { listReviews } from '../src/store/reviews.js';
import { countOutcomesSince } from '../src/store/sync-log.js';
import type { WindwardSeedRecord } from '../src/simulators/windward/seed-record.js';
import { OUTCOME_ACTIONS } from '../src/sync/sync-customer.js';
import { runCli } from '../test/support/cli.js';
import { startWorkerStack, waitUntil, type WorkerProcess, type WorkerStack } from '../test/support/processes.js';

export interface ChaosOptions {
  customers: number;
  overlap: number;
  shipToShare: number;
  faultRate: number;
  lostResponseRate: number;
  kills: number;
  seed: number;
  /** SYNC_CONCURRENCY of the worker; undefined = its configured default. */
  concurrency?: number;
  /** Worker config profile (NODE_ENV); undefined = config/default.json as shipped. */
  profile?: string;
  /** Gives up waiting for the queue to drain after this long (the report then shows what is missing). */
  limitMs: number;
  /** After the checks, retry the dead letters with the faults off and check again (default true). */
  retryDeadLetters: boolean;
  /** Copy the SQLite file, the worker log and Windward's records here before cleaning up. */
  keepDir?: string;
  /** Progress lines (stderr in the CLI, nothing in tests). */
  progress?: (line: string) => void;
}

export const DEFAULT_CHAOS_OPTIONS: ChaosOptions = {
  customers: 2000,
  overlap: 0.3,
  shipToShare: 0.1,
  faultRate: 0.1,
  lostResponseRate: 0.05,
  kills: 5,
  seed: 1,
  concurrency: 32,
  retryDeadLetters: true,
  limitMs: 20 * 60_000,
};

export interface DeadLetterSummary {
  customerNumber: number | null;
  errorClass: string;
  errorCode: string | null;
  reason: string;
  attempts: number;
}

export interface EffectsCheck {
  /** Number references held by more than one Windward record. */
  duplicates: Array<{ number: string; uniques: number[] }>;
  /** Customers without an active bill-to link to the record carrying "IS-<n>", not in review nor dead letters. */
  unlinked: Array<{ customerNumber: number; problem: string }>;
  /** Customers with no outcome at all: no link, no review item, no dead letter. */
  lost: number[];
  /**
   * Windward records carrying one of our references that no link points to, with the state of
   * their customer: a create whose response was lost and whose job then gave up leaves one behind
   * until the dead letter is retried (expected); for any other customer it is a leak.
   */
  orphanRecords: Array<{ unique: number; number: string; customer: 'dead-letter' | 'review' | 'settled' | 'unknown' }>;
  /** Open dead letters: the customers that gave up. */
  deadLetters: DeadLetterSummary[];
  /** Dead letters a later sync of the same customer resolved (e.g. the poll's re-sync). */
  resolvedDeadLetters: DeadLetterSummary[];
  pendingReviews: number;
  /** Pending review items by reason (numbers folded). */
  reviewsByReason: Array<{ reason: string; count: number }>;
}

const toSummary = ({ customerNumber, errorClass, errorCode, reason, attempts }: DeadLetterSummary): DeadLetterSummary => ({
  customerNumber,
  errorClass,
  errorCode,
  reason,
  attempts,
});

/** The three figures of the proof (and what explains them), from the store and Windward's records as they are. */
export function checkEffects(db: Db, customerNumbers: readonly number[], windward: readonly WindwardSeedRecord[]): EffectsCheck {
  const byNumber = new Map<string, number[]>();
  for (const record of windward) {
    if (!record.Number?.startsWith('IS-')) continue;
    byNumber.set(record.Number, [...(byNumber.get(record.Number) ?? []), record.Unique ?? -1]);
  }
  const duplicates = [...byNumber].filter(([, uniques]) => uniques.length > 1).map(([number, uniques]) => ({ number, uniques }));

  const links = listAllLinks(db);
  const recordByUnique = new Map(windward.map((record) => [record.Unique, record]));
  const billTo = new Map(links.filter((l) => l.role === 'bill_to').map((l) => [l.customerNumber, l]));
  const anyLink = new Set(links.map((l) => l.customerNumber));
  const reviews = listReviews(db, ['open', 'decided', 'done']);
  const pendingReview = new Set(reviews.filter((r) => r.status !== 'done').map((r) => r.customerNumber));
  const anyReview = new Set(reviews.map((r) => r.customerNumber));
  const allDeadLetters = listDeadLetters(db, ['open', 'retried', 'discarded', 'resolved'], 1_000_000);
  const openDeadLetters = allDeadLetters.filter((d) => d.status === 'open');
  const openDead = new Set(openDeadLetters.map((d) => d.customerNumber));
  const anyDead = new Set(allDeadLetters.map((d) => d.customerNumber));

  const unlinked: EffectsCheck['unlinked'] = [];
  const lost: number[] = [];
  for (const customerNumber of customerNumbers) {
    if (!anyLink.has(customerNumber) && !anyReview.has(customerNumber) && !anyDead.has(customerNumber)) lost.push(customerNumber);
    if (pendingReview.has(customerNumber) || openDead.has(customerNumber)) continue;
    const link = billTo.get(customerNumber);
    const expected = `IS-${customerNumber}`;
    const record = link ? recordByUnique.get(link.windwardUnique) : undefined;
    if (!link) unlinked.push({ customerNumber, problem: 'no bill-to link' });
    else if (!link.active) unlinked.push({ customerNumber, problem: `bill-to link to ${link.windwardUnique} is inactive` });
    else if (!record) unlinked.push({ customerNumber, problem: `linked to Windward ${link.windwardUnique}, which does not exist` });
    else if (record.Number !== expected) {
      unlinked.push({ customerNumber, problem: `linked to Windward ${link.windwardUnique}, whose Number is "${record.Number ?? ''}", not "${expected}"` });
    }
  }

  const linkedUniques = new Set(links.map((l) => l.windwardUnique));
  const orphanRecords = windward
    .filter((r) => r.Number?.startsWith('IS-') && !linkedUniques.has(r.Unique ?? -1))
    .map((r) => {
      const owner = Number(/^IS-(\d+)/.exec(r.Number ?? '')?.[1]);
      const customer = openDead.has(owner) ? 'dead-letter' : pendingReview.has(owner) ? 'review' : customerNumbers.includes(owner) ? 'settled' : 'unknown';
      return { unique: r.Unique ?? -1, number: r.Number ?? '', customer } as const;
    });

  return {
    duplicates,
    unlinked,
    lost,
    orphanRecords,
    deadLetters: openDeadLetters.map(toSummary),
    resolvedDeadLetters: allDeadLetters.filter((d) => d.status === 'resolved').map(toSummary),
    pendingReviews: pendingReview.size,
    reviewsByReason: groupReasons(reviews.filter((r) => r.status !== 'done').map((r) => r.reason)),
  };
}

/** Counts per reason, numbers folded (so one cause is one line), most frequent first. */
function groupReasons(reasons: readonly string[]): Array<{ reason: string; count: number }> {
  const groups = new Map<string, number>();
  for (const text of reasons) {
    const reason = text.replace(/\d+(\.\d+)?/g, 'N').slice(0, 200);
    groups.set(reason, (groups.get(reason) ?? 0) + 1);
  }
  return [...groups].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

/** Dead letters grouped by what went wrong. */
export function groupDeadLetters(deadLetters: readonly DeadLetterSummary[]): Array<{ reason: string; count: number }> {
  return groupReasons(deadLetters.map((d) => `${d.errorClass}: ${d.reason}`));
}

export interface ChaosReport {
  ok: boolean;
  seed: number;
  settings: Omit<ChaosOptions, 'progress'>;
  seconds: number;
  /** The three figures that must be 0. */
  duplicates: number;
  unlinked: number;
  lost: number;
  /** True when the queue did not drain within the limit. */
  timedOut: boolean;
  outcomes: Record<string, number>;
  pendingReviews: number;
  reviewsByReason: Array<{ reason: string; count: number }>;
  /** Open dead letters at the end, by reason. */
  deadLetters: { total: number; byReason: Array<{ reason: string; count: number }> };
  /** Dead letters recorded during the run that a later sync of the customer resolved. */
  resolvedDeadLetters: { total: number; byReason: Array<{ reason: string; count: number }> };
  calls: { infosoft: Record<string, number>; windward: Record<string, number> };
  kills: Array<{ atSeconds: number; outcomes: number; pid: number }>;
  /** Worker exits nobody asked for (crashes), with the end of its output. */
  unexpectedExits: Array<{ atSeconds: number; code: number | null; signal: string | null; tail: string }>;
  /**
   * The same figures after `dead-letters retry-all` with the faults off (0 open dead letters and
   * 0 records without a link expected: the gave-up creates are adopted, not repeated).
   */
  afterRetry?: { retried: number; duplicates: number; unlinked: number; lost: number; deadLetters: number; orphanRecords: number; openIntents: number };
  /** Exit code of the last worker, stopped with SIGTERM after the checks' quiet period. */
  finalExitCode: number | null;
  /** Extra evidence: should all be 0 or empty when the figures are 0. */
  details: {
    duplicateNumbers: EffectsCheck['duplicates'];
    unlinkedCustomers: EffectsCheck['unlinked'];
    lostCustomers: number[];
    orphanRecords: EffectsCheck['orphanRecords'];
    openIntents: number;
    failedJobsWithoutDeadLetter: number[];
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Customers settled: linked, waiting for review or dead-lettered (what "drained" means for the proof). */
export function countSettled(db: Db, customerNumbers: readonly number[]): number {
  const settled = new Set<number>();
  for (const link of listAllLinks(db)) if (link.role === 'bill_to' && link.active) settled.add(link.customerNumber);
  for (const review of listReviews(db, ['open', 'decided'])) settled.add(review.customerNumber);
  for (const dead of listDeadLetters(db, ['open'], 1_000_000)) if (dead.customerNumber !== null) settled.add(dead.customerNumber);
  return customerNumbers.filter((n) => settled.has(n)).length;
}

function countOutcomes(db: Db): Record<string, number> {
  return countOutcomesSince(db, 0, OUTCOME_ACTIONS);
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Kill points as numbers of customers with an outcome: one in each equal slice of the run, at a random place in it. */
function planKills(kills: number, customers: number, random: () => number): number[] {
  return Array.from({ length: kills }, (_, i) => Math.max(1, Math.floor(((i + 0.1 + random() * 0.8) / (kills + 1)) * customers)));
}

export async function runChaos(input: Partial<ChaosOptions> = {}): Promise<ChaosReport> {
  const options: ChaosOptions = { ...DEFAULT_CHAOS_OPTIONS, ...input };
  const { progress: onProgress, ...settings } = options;
  const progress = onProgress ?? (() => undefined);
  const random = createPrng(options.seed);
  const startedAt = Date.now();
  const elapsed = () => Math.round((Date.now() - startedAt) / 100) / 10;
  const faults = { faultRate: options.faultRate, lostResponseRate: options.lostResponseRate };

  const stack: WorkerStack = await startWorkerStack({
    sims: { customers: options.customers, overlap: options.overlap, shipToShare: options.shipToShare, seed: options.seed, faults },
    profile: options.profile,
    concurrency: options.concurrency,
  });
  const { app, sims } = stack.harness;
  let worker: WorkerProcess | null = null;
  try {
    const customerNumbers = stack.customerNumbers;
    await stack.enqueue(customerNumbers, 'chaos');
    progress(`seed ${options.seed}: ${customerNumbers.length} customers enqueued (queue prefix ${app.config.redis.queuePrefix}), faults ${JSON.stringify(faults)}`);

    const killAt = planKills(options.kills, customerNumbers.length, random);
    const kills: ChaosReport['kills'] = [];
    const unexpectedExits: ChaosReport['unexpectedExits'] = [];
    worker = stack.spawnWorker();
    let idleSince: number | null = null;
    let lastProgress = 0;
    let timedOut = false;

    for (;;) {
      const outcomes = sum(countOutcomes(app.db));
      const current: WorkerProcess = worker;
      const exit = current.exitStatus();
      if (exit) {
        unexpectedExits.push({ atSeconds: elapsed(), code: exit.code, signal: exit.signal, tail: current.tail(15) });
        progress(`worker ${current.pid} exited by itself (code ${exit.code}, signal ${exit.signal}): restarting`);
        if (unexpectedExits.length > 50) throw new Error(`the worker keeps exiting by itself:\n${current.tail(30)}`);
        await sleep(1000);
        worker = stack.spawnWorker();
        continue;
      }
      const nextKill = killAt[kills.length];
      if (nextKill !== undefined && outcomes >= nextKill) {
        await current.stop('SIGKILL');
        kills.push({ atSeconds: elapsed(), outcomes, pid: current.pid });
        progress(`SIGKILL ${kills.length}/${options.kills}: worker ${current.pid} after ${outcomes} outcomes`);
        await sleep(Math.floor(random() * 2000));
        worker = stack.spawnWorker();
        continue;
      }

      const counts = await countJobs(app.queues.sync);
      const busy = counts.waiting + counts.active + counts.delayed;
      if (Date.now() - lastProgress > 5000) {
        lastProgress = Date.now();
        progress(`[${elapsed()}s] outcomes ${outcomes}/${customerNumbers.length} · waiting ${counts.waiting} active ${counts.active} delayed ${counts.delayed} failed ${counts.failed} · kills ${kills.length}/${options.kills}`);
      }
      if (busy === 0) {
        idleSince ??= Date.now();
        // Drained when everyone is settled; a queue idle for long without that means jobs were lost.
        const settled = countSettled(app.db, customerNumbers) === customerNumbers.length;
        if ((settled && kills.length >= options.kills) || Date.now() - idleSince > 15_000) break;
      } else idleSince = null;
      if (Date.now() - startedAt > options.limitMs) {
        timedOut = true;
        progress(`gave up after ${elapsed()}s: the queue did not drain`);
        break;
      }
      await sleep(200);
    }

    // Faults off, then a quiet moment: anything still retrying finishes against healthy systems.
    sims.infosoft.setFaults({ faultRate: 0, lostResponseRate: 0 });
    sims.windward.setFaults({ faultRate: 0, lostResponseRate: 0 });
    await sleep(2000);
    for (let quiet = 0; quiet < 5 && !timedOut; ) {
      const c = await countJobs(app.queues.sync);
      quiet = c.waiting + c.active + c.delayed === 0 ? quiet + 1 : 0;
      await sleep(200);
    }
    const final = await worker.stop('SIGTERM');
    worker = null;

    const effects = checkEffects(app.db, customerNumbers, sims.windward.customers());
    const deadLettered = new Set([...effects.deadLetters, ...effects.resolvedDeadLetters].map((d) => d.customerNumber));
    const failedJobs = await app.queues.sync.getFailed(0, -1);
    const failedJobsWithoutDeadLetter = [...new Set(failedJobs.map((job) => job.data.customerNumber))].filter((n) => !deadLettered.has(n)).sort((a, b) => a - b);
    const report: ChaosReport = {
      ok: false,
      seed: options.seed,
      settings,
      seconds: elapsed(),
      duplicates: effects.duplicates.length,
      unlinked: effects.unlinked.length,
      lost: effects.lost.length,
      timedOut,
      outcomes: countOutcomes(app.db),
      pendingReviews: effects.pendingReviews,
      reviewsByReason: effects.reviewsByReason,
      deadLetters: { total: effects.deadLetters.length, byReason: groupDeadLetters(effects.deadLetters) },
      resolvedDeadLetters: { total: effects.resolvedDeadLetters.length, byReason: groupDeadLetters(effects.resolvedDeadLetters) },
      calls: { infosoft: sims.infosoft.stats(), windward: sims.windward.stats() },
      kills,
      unexpectedExits,
      finalExitCode: final.code,
      details: {
        duplicateNumbers: effects.duplicates,
        unlinkedCustomers: effects.unlinked,
        lostCustomers: effects.lost,
        orphanRecords: effects.orphanRecords,
        openIntents: countOpenIntents(app.db),
        failedJobsWithoutDeadLetter,
      },
    };
    report.ok = report.duplicates === 0 && report.unlinked === 0 && report.lost === 0 && !timedOut;

    if (options.retryDeadLetters && effects.deadLetters.length > 0 && !timedOut) {
      // What an operator does next: retry the dead letters against healthy systems. The records
      // that gave-up creates left behind must be adopted (open intents), never created again.
      const retryWorker = stack.spawnWorker();
      worker = retryWorker;
      const retried = await runCli(['dead-letters', 'retry-all', '--json'], stack.workerEnv);
      if (retried.code !== 0) throw new Error(`dead-letters retry-all failed: ${retried.stderr}`);
      await waitUntil(
        async () => {
          if (retryWorker.exitStatus()) throw new Error(`the worker exited during the retry:\n${retryWorker.tail()}`);
          const c = await countJobs(app.queues.sync);
          return c.waiting + c.active + c.delayed === 0 && countSettled(app.db, customerNumbers) === customerNumbers.length;
        },
        'the retried dead letters to settle',
        5 * 60_000,
      );
      await retryWorker.stop('SIGTERM');
      worker = null;
      const after = checkEffects(app.db, customerNumbers, sims.windward.customers());
      report.afterRetry = {
        retried: effects.deadLetters.length,
        duplicates: after.duplicates.length,
        unlinked: after.unlinked.length,
        lost: after.lost.length,
        deadLetters: after.deadLetters.length,
        orphanRecords: after.orphanRecords.length,
        openIntents: countOpenIntents(app.db),
      };
      report.details.duplicateNumbers.push(...after.duplicates);
      report.ok &&= after.duplicates.length === 0 && after.unlinked.length === 0 && after.lost.length === 0;
    }
    if (options.keepDir) {
      mkdirSync(options.keepDir, { recursive: true });
      await app.db.$client.backup(join(options.keepDir, 'sync.db'));
      copyFileSync(stack.logFile, join(options.keepDir, 'worker.log'));
      writeFileSync(join(options.keepDir, 'windward.json'), JSON.stringify(sims.windward.customers()));
      writeFileSync(join(options.keepDir, 'report.json'), JSON.stringify(report, null, 1));
    }
    return report;
  } finally {
    await worker?.stop('SIGKILL');
    await stack.close();
  }
}

export function formatReport(report: ChaosReport): string {
  const mark = (n: number) => (n === 0 ? 'ok' : 'FAIL');
  const calls = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ');
  const lines = [
    `chaos run: ${report.settings.customers} customers, seed ${report.seed}, fault rate ${report.settings.faultRate}, lost responses ${report.settings.lostResponseRate}, ${report.kills.length} kills, ${report.seconds}s`,
    '',
    `  Windward customers created twice                  ${String(report.duplicates).padStart(6)}  ${mark(report.duplicates)}`,
    `  Infosoft customers without a correct link          ${String(report.unlinked).padStart(6)}  ${mark(report.unlinked)}`,
    `    (and not in review or the dead letters)`,
    `  jobs lost                                          ${String(report.lost).padStart(6)}  ${mark(report.lost)}`,
    '',
    `outcomes (last per customer): ${Object.entries(report.outcomes).map(([a, n]) => `${a} ${n}`).join(', ')}; pending reviews ${report.pendingReviews}`,
    ...report.reviewsByReason.map((g) => `  ${String(g.count).padStart(5)}  review: ${g.reason}`),
    `dead letters: ${report.deadLetters.total}`,
    ...report.deadLetters.byReason.map((g) => `  ${String(g.count).padStart(5)}  ${g.reason}`),
    `dead letters resolved later by a re-sync of the customer: ${report.resolvedDeadLetters.total}`,
    ...report.resolvedDeadLetters.byReason.map((g) => `  ${String(g.count).padStart(5)}  ${g.reason}`),
    `calls Infosoft: ${calls(report.calls.infosoft)}`,
    `calls Windward: ${calls(report.calls.windward)}`,
    `kills (SIGKILL): ${report.kills.map((k) => `${k.atSeconds}s after ${k.outcomes} outcomes`).join('; ') || 'none'}`,
    `worker exits nobody asked for: ${report.unexpectedExits.length}${report.unexpectedExits.map((e) => `\n  at ${e.atSeconds}s code ${e.code} signal ${e.signal}\n    ${e.tail.split('\n').join('\n    ')}`).join('')}`,
    `last worker stopped with SIGTERM: exit code ${report.finalExitCode}`,
    `open intents ${report.details.openIntents}, Windward records with a reference and no link ${report.details.orphanRecords.length}, failed jobs without a dead letter ${report.details.failedJobsWithoutDeadLetter.length}`,
  ];
  if (report.duplicates > 0) lines.push(`duplicates: ${JSON.stringify(report.details.duplicateNumbers.slice(0, 20))}`);
  if (report.unlinked > 0) lines.push(`unlinked: ${JSON.stringify(report.details.unlinkedCustomers.slice(0, 20))}`);
  if (report.lost > 0) lines.push(`lost: ${report.details.lostCustomers.slice(0, 50).join(', ')}`);
  if (report.details.orphanRecords.length > 0) {
    const byState = groupReasons(report.details.orphanRecords.map((o) => `customer ${o.customer === 'dead-letter' ? 'in the dead letters' : o.customer}`));
    lines.push(`records without link: ${byState.map((g) => `${g.count} ${g.reason}`).join(', ')}`);
  }
  if (report.afterRetry) {
    const a = report.afterRetry;
    lines.push(
      `after dead-letters retry-all (faults off): ${a.retried} retried → created twice ${a.duplicates}, without a correct link ${a.unlinked}, lost ${a.lost}, dead letters ${a.deadLetters}, records without link ${a.orphanRecords}, open intents ${a.openIntents}`,
    );
  }
  if (report.timedOut) lines.push('the queue did not drain within the limit');
  lines.push('', report.ok ? 'PASS' : 'FAIL');
  return lines.join('\n');
}

function toNumber(min: number, max: number, integer: boolean) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
    return n;
  };
}

export async function main(argv: string[]): Promise<number> {
  const d = DEFAULT_CHAOS_OPTIONS;
  const program = new Command('chaos')
    .description('sync generated customers through faulty simulators while the worker is killed and restarted; verify exactly-once effects')
    .option('--customers <n>', 'generated Infosoft customers', toNumber(1, 1_000_000, true), d.customers)
    .option('--overlap <rate>', 'share of them already in Windward', toNumber(0, 1, false), d.overlap)
    .option('--ship-to-share <rate>', 'share with a ship-to title', toNumber(0, 1, false), d.shipToShare)
    .option('--fault-rate <rate>', 'share of calls answered with a fault, on both systems', toNumber(0, 1, false), d.faultRate)
    .option('--lost-response-rate <rate>', 'share of writes committed whose response is lost', toNumber(0, 1, false), d.lostResponseRate)
    .option('--kills <n>', 'times the worker is killed with SIGKILL and restarted', toNumber(0, 1000, true), d.kills)
    .option('--seed <n>', 'seed for data, kill points and delays (default: random)', toNumber(0, 2 ** 31, true))
    .option('--concurrency <n>', 'SYNC_CONCURRENCY of the worker', toNumber(1, 256, true), d.concurrency)
    .option('--no-retry-dead-letters', 'skip the second phase: retry-all of the dead letters with faults off, checked again')
    .option('--profile <name>', 'worker config profile (NODE_ENV), e.g. test (default: config/default.json)')
    .option('--limit-minutes <n>', 'give up waiting for the queue after this long', toNumber(1, 24 * 60, false), d.limitMs / 60_000)
    .option('--keep <dir>', 'keep the SQLite file, worker log and Windward records of the run in this directory')
    .option('--json', 'print one JSON document on stdout')
    .showHelpAfterError()
    .exitOverride();
  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? 0 : 2;
    throw error;
  }
  const o = program.opts<{
    customers: number;
    overlap: number;
    shipToShare: number;
    faultRate: number;
    lostResponseRate: number;
    kills: number;
    seed?: number;
    concurrency?: number;
    profile?: string;
    limitMinutes: number;
    retryDeadLetters: boolean;
    keep?: string;
    json?: boolean;
  }>();
  const report = await runChaos({
    customers: o.customers,
    overlap: o.overlap,
    shipToShare: o.shipToShare,
    faultRate: o.faultRate,
    lostResponseRate: o.lostResponseRate,
    kills: o.kills,
    seed: o.seed ?? Math.floor(Math.random() * 2 ** 31),
    concurrency: o.concurrency,
    profile: o.profile,
    limitMs: o.limitMinutes * 60_000,
    keepDir: o.keep,
    retryDeadLetters: o.retryDeadLetters,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
  return report.ok ? 0 : 1;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`chaos: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
