// Times every method call of a port object (Infosoft, Windward) without the adapters knowing
// about metrics: the wrapper is applied where the app is wired.
import type { Histogram } from 'prom-client';
import { SyncError } from '../errors.js';

type Methods<T> = { [K in keyof T]: T[K] };

/** ok, or how the call failed: the adapters' error classification, else plain "error". */
function toResult(error: unknown): string {
  if (error instanceof SyncError) return error.retryable ? 'transient' : 'permanent';
  return 'error';
}

export function instrumentPort<T extends object>(
  port: T,
  system: string,
  histogram: Histogram<'system' | 'operation' | 'result'>,
  options: { exclude?: readonly string[] } = {},
): T {
  const exclude = new Set(options.exclude ?? []);
  const wrapped: Record<string, unknown> = {};
  for (const key of Object.keys(port) as Array<keyof T & string>) {
    const value = port[key];
    if (typeof value !== 'function' || exclude.has(key)) {
      wrapped[key] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    wrapped[key] = async (...args: unknown[]) => {
      const stop = histogram.startTimer({ system, operation: key });
      try {
        const result = await method.apply(port, args);
        stop({ result: 'ok' });
        return result;
      } catch (error) {
        stop({ result: toResult(error) });
        throw error;
      }
    };
  }
  return wrapped as Methods<T> as T;
}

/** Counts the decisions of a matcher lookup by their `kind` (link, review, create). */
export function countDecisions<A extends unknown[], R extends { kind: string }>(
  lookup: (...args: A) => Promise<R>,
  counter: { inc(labels: { decision: string }): void },
): (...args: A) => Promise<R> {
  return async (...args) => {
    const decision = await lookup(...args);
    counter.inc({ decision: decision.kind });
    return decision;
  };
}
