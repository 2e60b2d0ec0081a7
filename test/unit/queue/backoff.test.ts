import { describe, expect, it } from 'vitest';
import { TransientError } from '../../../src/errors.js';
import { computeBackoffMs } from '../../../src/queue/backoff.js';

const settings = { baseMs: 1000, maxMs: 60_000, jitter: 0.5 };
const plain = new Error('x');
const retryAfter = (seconds: number) => new Error('wrapped', { cause: new TransientError('busy', { code: 'http_503', retryAfterSeconds: seconds }) });

describe('computeBackoffMs', () => {
  it.each([
    // attemptsMade, error, random, expected
    [1, plain, 1, 1000],
    [1, plain, 0, 500],
    [2, plain, 1, 2000],
    [3, plain, 0.5, 3000],
    [10, plain, 1, 60_000], // capped
    [1, retryAfter(30), 0, 30_000], // Retry-After beats a shorter backoff
    [3, retryAfter(1), 1, 4000], // a shorter Retry-After does not shorten the backoff
    [1, retryAfter(120), 1, 120_000], // and may exceed the cap: the remote said so
  ])('attempt %i → %i ms', (attemptsMade, error, random, expected) => {
    expect(computeBackoffMs(attemptsMade, error, settings, () => random)).toBe(expected);
  });
});
