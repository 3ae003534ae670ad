import { describe, expect, it } from 'vitest';
import { memoize } from './memo.js';

describe('memoize', () => {
  it('computes each text once and returns the same result, undefined included', () => {
    const seen: string[] = [];
    const f = memoize((t: string) => {
      seen.push(t);
      return t === 'none' ? undefined : t.length;
    });
    expect([f('abc'), f('abc'), f('none'), f('none')]).toEqual([3, 3, undefined, undefined]);
    expect(seen).toEqual(['abc', 'none']);
  });

  it('stays within its bound', () => {
    let calls = 0;
    const f = memoize((t: string) => ++calls + t.length, 2);
    f('a');
    f('b');
    f('c'); // starts over
    f('a');
    expect(calls).toBe(4);
  });
});
