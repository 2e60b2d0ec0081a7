// Circuit breaker per remote system: after `threshold` transient failures in a row the sync worker
// pauses instead of burning every job's attempts on a system that is down; it probes the remote
// every `probeEveryMs` and resumes by itself once a probe succeeds.
import { TransientError } from '../errors.js';
import type { Logger } from '../log.js';

export type RemoteSystem = 'infosoft' | 'windward';

export interface CircuitOptions {
  threshold: number;
  probeEveryMs: number;
  probes: Record<RemoteSystem, () => Promise<unknown>>;
  pause(): Promise<void>;
  resume(): void;
  logger: Logger;
}

/** Failures that say the remote is unwell, not that one customer is odd. */
const CUSTOMER_SPECIFIC_CODES = new Set(['concurrency_conflict', 'customer_busy']);

export class CircuitBreaker {
  private readonly failures: Record<RemoteSystem, number> = { infosoft: 0, windward: 0 };
  private readonly open = new Set<RemoteSystem>();
  private probeTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: CircuitOptions) {}

  isOpen(system?: RemoteSystem): boolean {
    return system ? this.open.has(system) : this.open.size > 0;
  }

  recordSuccess(system: RemoteSystem): void {
    this.failures[system] = 0;
  }

  recordFailure(system: RemoteSystem, error: unknown): void {
    if (!(error instanceof TransientError) || CUSTOMER_SPECIFIC_CODES.has(error.code)) return;
    this.failures[system] += 1;
    if (this.failures[system] >= this.options.threshold && !this.open.has(system)) this.trip(system, error);
  }

  private trip(system: RemoteSystem, error: TransientError): void {
    this.open.add(system);
    this.options.logger.warn({ system, failures: this.failures[system], code: error.code }, 'circuit open: pausing the sync worker');
    void this.options.pause().catch(() => undefined);
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.probeTimer || this.closed) return;
    this.probeTimer = setTimeout(() => void this.probe(), this.options.probeEveryMs);
    this.probeTimer.unref();
  }

  private async probe(): Promise<void> {
    this.probeTimer = null;
    for (const system of [...this.open]) {
      try {
        await this.options.probes[system]();
        this.open.delete(system);
        this.failures[system] = 0;
        this.options.logger.info({ system }, 'circuit closed: remote answers again');
      } catch {
        // still down: keep probing
      }
    }
    if (this.open.size === 0) this.options.resume();
    else this.scheduleProbe();
  }

  stop(): void {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
  }
}

/**
 * Wraps a port so every call reports success or failure of its remote to the breaker. The wrappers
 * are made once, here, for the port's own methods (ports are plain objects), not on every call.
 */
export function guardPort<T extends object>(port: T, system: RemoteSystem, breaker: () => CircuitBreaker | null): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(port)) {
    if (typeof value !== 'function') {
      guarded[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    guarded[name] = async (...args: unknown[]) => {
      try {
        const result: unknown = await method.apply(port, args);
        breaker()?.recordSuccess(system);
        return result;
      } catch (error) {
        breaker()?.recordFailure(system, error);
        throw error;
      }
    };
  }
  return guarded as T;
}
