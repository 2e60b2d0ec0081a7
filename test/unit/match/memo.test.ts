import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../src/match/memo.js';

describe('boundedMemo', () => {
  it('computes a key once, and starts over when full', () => {
    const computed: string[] = [];
    const memo = boundedMemo<{ key: string }>(2);
    const get = (key: string) =>
      memo(key, () => {
        computed.push(key);
        return { key };
      });
    const a = get('a');
    expect(get('a')).toBe(a);
    get('b');
    expect(computed).toEqual(['a', 'b']);
    get('c'); // full: the cache is cleared, then holds c
    expect(get('c')).toEqual({ key: 'c' });
    expect(get('a')).not.toBe(a);
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
