import { describe, expect, it } from 'vitest';
import { memoizeByKey } from '../../../src/match/memo.js';

describe('memoizeByKey', () => {
  it('computes a key once, and starts over when full', () => {
    const computed: string[] = [];
    const memo = memoizeByKey(2, (key) => {
      computed.push(key);
      return { key };
    });
    const a = memo('a');
    expect(memo('a')).toBe(a);
    memo('b');
    expect(computed).toEqual(['a', 'b']);
    memo('c'); // full: the cache is cleared, then holds c
    expect(memo('c')).toEqual({ key: 'c' });
    expect(memo('a')).not.toBe(a);
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
