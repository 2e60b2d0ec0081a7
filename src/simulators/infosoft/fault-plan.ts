// Decides which fault (if any) the next SOAP call gets: scripted ones first, then random ones.
import { NO_FAULTS, type FaultSettings, type ScriptedFault, type ScriptedFaultKind } from '../faults.js';

export const WRITE_OPERATIONS: ReadonlySet<string> = new Set(['UpdateCustomerDetails', 'SavePermanentMove']);

const RANDOM_KINDS: readonly ScriptedFaultKind[] = ['server-fault', 'html502', 'http503', 'timeout', 'reset', 'malformed'];

export interface FaultPlan {
  settings(): FaultSettings;
  /** Merges over the current settings; a given script replaces the remaining one. */
  update(patch: Partial<FaultSettings>): void;
  reset(): void;
  /** The fault for this call, consuming a scripted one when it applies. */
  next(operation: string): ScriptedFaultKind | null;
}

export function createFaultPlan(initial: Partial<FaultSettings> = {}, random: () => number = Math.random): FaultPlan {
  let current: FaultSettings = { ...NO_FAULTS, script: [] };
  let script: Array<ScriptedFault & { remaining: number }> = [];

  function update(patch: Partial<FaultSettings>): void {
    current = { ...current, ...patch, script: patch.script ?? current.script };
    if (patch.script) script = patch.script.map((f) => ({ ...f, remaining: f.times ?? 1 }));
  }
  update(initial);

  return {
    settings: () => ({ ...current, script: script.filter((f) => f.remaining > 0).map(({ remaining, ...f }) => ({ ...f, times: remaining })) }),
    update,
    reset() {
      current = { ...NO_FAULTS, script: [] };
      script = [];
    },
    next(operation) {
      const isWrite = WRITE_OPERATIONS.has(operation);
      const scripted = script.find(
        (f) =>
          f.remaining > 0 &&
          (f.operation === undefined || f.operation === operation) &&
          // A lost response only makes sense where something was written.
          (f.kind !== 'lost-response' || isWrite),
      );
      if (scripted) {
        scripted.remaining--;
        script = script.filter((f) => f.remaining > 0);
        return scripted.kind;
      }
      if (current.faultRate > 0 && random() < current.faultRate) {
        return RANDOM_KINDS[Math.floor(random() * RANDOM_KINDS.length)] ?? 'server-fault';
      }
      if (isWrite && current.lostResponseRate > 0 && random() < current.lostResponseRate) return 'lost-response';
      return null;
    },
  };
}
