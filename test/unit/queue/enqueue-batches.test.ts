import { describe, expect, it } from 'vitest';
import { enqueueBatches } from '../../../src/queue/queues.js';

describe('enqueueBatches', () => {
  it.each([
    // customers, expected [start, end) batches
    [0, []],
    [1, [[0, 1]]],
    [50, [[0, 50]]],
    [51, [[0, 50], [50, 51]]],
    [550, [[0, 50], [50, 550]]],
    [1000, [[0, 50], [50, 550], [550, 1000]]],
    [1051, [[0, 50], [50, 550], [550, 1050], [1050, 1051]]],
  ] as Array<[number, Array<[number, number]>]>)('%i customers → %j', (count, expected) => {
    expect(enqueueBatches(count)).toEqual(expected);
  });

  it('covers every customer once, in order, for any count', () => {
    for (const count of [2, 49, 499, 500, 501, 12_345]) {
      const batches = enqueueBatches(count);
      expect(batches[0]?.[0]).toBe(0);
      expect(batches.at(-1)?.[1]).toBe(count);
      for (let i = 1; i < batches.length; i++) expect(batches[i]?.[0]).toBe(batches[i - 1]?.[1]);
      expect(batches.every(([start, end]) => end > start && end - start <= 500)).toBe(true);
    }
  });
});
