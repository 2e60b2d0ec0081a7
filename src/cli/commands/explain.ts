// explain <customerNumber>: the last matcher decision for a customer, with its evidence.
import type { App } from '../../app.js';
import { listSyncLogOfCustomer } from '../../store/sync-log.js';
import { CliError, printJson } from '../context.js';

interface FieldEvidenceView {
  field: string;
  level: string;
  weight: number;
}
interface EvidenceView {
  fields: FieldEvidenceView[];
  prior: number;
  total: number;
  contradictions: string[];
}
interface CandidateView {
  id: string;
  score: number;
  evidence: EvidenceView;
}

function formatEvidence(evidence: EvidenceView): string {
  const lines = evidence.fields.map((f) => `    ${f.field.padEnd(12)} ${f.level.padEnd(10)} ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(2)}`);
  lines.push(`    ${'prior'.padEnd(23)} ${evidence.prior.toFixed(2)}`, `    ${'total'.padEnd(23)} ${evidence.total.toFixed(2)}`);
  if (evidence.contradictions.length > 0) lines.push(`    contradictions: ${evidence.contradictions.join('; ')}`);
  return lines.join('\n');
}

export async function runExplain(app: App, customerNumber: number, options: { json?: boolean }): Promise<number> {
  const entries = listSyncLogOfCustomer(app.db, customerNumber, 50);
  const decision = entries.find((e) => ['created', 'linked', 'review'].includes(e.action));
  if (!decision) throw new CliError(`no matcher decision recorded for customer ${customerNumber}`);
  const details = (decision.details ?? {}) as { evidence?: EvidenceView | { best?: CandidateView; candidates?: CandidateView[] } };
  if (options.json) {
    printJson(decision);
    return 0;
  }
  process.stdout.write(`customer ${customerNumber}: ${decision.action}${decision.windwardUnique ? ` → Windward ${decision.windwardUnique}` : ''} at ${decision.at}\n`);
  process.stdout.write(`  reason: ${decision.reason}\n`);
  const evidence = details.evidence;
  if (evidence && 'fields' in evidence) process.stdout.write(`  evidence:\n${formatEvidence(evidence)}\n`);
  else if (evidence && 'candidates' in evidence && evidence.candidates) {
    for (const candidate of evidence.candidates) process.stdout.write(`  candidate ${candidate.id} (score ${candidate.score.toFixed(2)}):\n${formatEvidence(candidate.evidence)}\n`);
  } else if (evidence && 'best' in evidence && evidence.best) {
    process.stdout.write(`  best candidate ${evidence.best.id} (score ${evidence.best.score.toFixed(2)}, below the thresholds):\n${formatEvidence(evidence.best.evidence)}\n`);
  }
  return 0;
}
