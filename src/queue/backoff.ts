// Retry timing: exponential with jitter, never sooner than a remote's Retry-After, capped.
import { SyncError } from '../errors.js';

export const SYNC_BACKOFF_TYPE = 'sync-backoff';

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
  /** 0..1: share of the delay that is randomised, so retries of many jobs spread out. */
  jitter: number;
}

function findSyncError(error: unknown): SyncError | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (e instanceof SyncError) return e;
  }
  return null;
}

export function computeBackoffMs(attemptsMade: number, error: unknown, settings: BackoffSettings, random: () => number = Math.random): number {
  const exponential = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = exponential * (1 - settings.jitter + settings.jitter * random());
  const retryAfterMs = (findSyncError(error)?.retryAfterSeconds ?? 0) * 1000;
  return Math.round(Math.min(Math.max(jittered, retryAfterMs), Math.max(settings.maxMs, retryAfterMs)));
}
