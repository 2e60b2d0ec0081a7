import { NO_FAULTS, type FaultSettings, type ScriptedFaultKind } from '../faults.js';

// Decides, per vendor call, which fault (if any) the simulator plays. Scripted faults are
// consumed first so tests are deterministic; random ones only happen with a non-zero rate.

const RANDOM_KINDS: readonly ScriptedFaultKind[] = ['http500', 'html502', 'http503', 'timeout', 'reset', 'malformed'];

interface PendingFault {
  kind: ScriptedFaultKind;
  operation: string | undefined;
  remaining: number;
}

export interface FaultPlan {
  settings(): FaultSettings;
  apply(update: Partial<FaultSettings>): void;
  reset(): void;
  /** The fault for this call, consuming a scripted one if it applies. */
  decide(operation: string, isWrite: boolean): ScriptedFaultKind | null;
}

export function createFaultPlan(initial: Partial<FaultSettings> = {}, random: () => number = Math.random): FaultPlan {
  let current: FaultSettings = { ...NO_FAULTS };
  let pending: PendingFault[] = [];

  function apply(update: Partial<FaultSettings>): void {
    current = { ...current, ...update, script: update.script ?? current.script };
    if (update.script !== undefined) {
      pending = update.script.map((fault) => ({
        kind: fault.kind,
        operation: fault.operation,
        remaining: Math.max(1, fault.times ?? 1),
      }));
    }
  }

  function takeScripted(operation: string, isWrite: boolean): ScriptedFaultKind | null {
    const index = pending.findIndex(
      (fault) =>
        (fault.operation === undefined || fault.operation === operation) && (fault.kind !== 'lost-response' || isWrite),
    );
    const fault = pending[index];
    if (fault === undefined) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) pending.splice(index, 1);
    return fault.kind;
  }

  apply(initial);

  return {
    settings: () => ({ ...current, script: pending.map((f) => ({ kind: f.kind, operation: f.operation, times: f.remaining })) }),
    apply,
    reset() {
      current = { ...NO_FAULTS };
      pending = [];
    },
    decide(operation, isWrite) {
      const scripted = takeScripted(operation, isWrite);
      if (scripted !== null) return scripted;
      if (current.faultRate > 0 && random() < current.faultRate) {
        return RANDOM_KINDS[Math.floor(random() * RANDOM_KINDS.length)] ?? 'http500';
      }
      if (isWrite && current.lostResponseRate > 0 && random() < current.lostResponseRate) return 'lost-response';
      return null;
    },
  };
}
