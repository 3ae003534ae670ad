import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { format } from './format.js';
import { parseOrThrow } from './parse-or-throw.js';
import { version as versionArb } from './test-utils/arbitraries.js';

const v = parseOrThrow;

describe('compare', () => {
  it.each([
    ['2.664.8271', '2.664.8271', 0],
    ['2.664.8271.5', '2.664.8271.5', 0],
    ['2.664.8271', '2.664.8271.0', -1],
    ['2.664.8271.0', '2.664.8271', 1],
    ['2.664.8270.43199', '2.664.8271', -1],
    ['2.664.8271', '2.664.8272', -1],
    ['2.664.9999', '2.665.0', -1],
    ['2.665.0', '2.664.9999.9999', 1],
    ['3.0.0', '2.65534.65534.65534', 1],
    ['2.664.8271.9', '2.664.8271.10', -1],
    ['10.0.0', '9.0.0', 1],
  ] as const)('compare(%s, %s) === %i', (a, b, expected) => {
    expect(compare(v(a), v(b))).toBe(expected);
  });

  it('sorts an array of versions', () => {
    const texts = ['2.665.1', '2.664.8271.1', '2.664.8271', '1.999.1', '2.664.8270.40000'];
    expect(texts.map(v).sort(compare).map(format)).toEqual([
      '1.999.1',
      '2.664.8270.40000',
      '2.664.8271',
      '2.664.8271.1',
      '2.665.1',
    ]);
  });

  it('is reflexive: compare(a, a) === 0, also for an equal copy', () => {
    fc.assert(
      fc.property(versionArb, (a) => {
        expect(compare(a, a)).toBe(0);
        expect(compare(a, { ...a })).toBe(0);
      }),
    );
  });

  it('is antisymmetric: compare(a, b) === -compare(b, a), and 0 only for equal versions', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        expect(compare(a, b)).toBe(-compare(b, a) || 0);
        expect(compare(a, b) === 0).toBe(
          a.major === b.major && a.db === b.db && a.build === b.build && a.revision === b.revision,
        );
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(versionArb, versionArb, versionArb, (a, b, c) => {
        if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
        if (compare(a, b) < 0 && compare(b, c) <= 0) expect(compare(a, c)).toBe(-1);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the order of the canonical strings when every part has the same number of digits', () => {
    const fixed = fc.integer({ min: 10000, max: 65534 });
    const arb = fc.tuple(fixed, fixed, fixed, fc.option(fixed, { nil: undefined }));
    fc.assert(
      fc.property(arb, arb, ([m1, d1, b1, r1], [m2, d2, b2, r2]) => {
        const s1 = [m1, d1, b1, r1].filter((x) => x !== undefined).join('.');
        const s2 = [m2, d2, b2, r2].filter((x) => x !== undefined).join('.');
        const byString = s1 < s2 ? -1 : s1 > s2 ? 1 : 0;
        expect(compare(v(s1), v(s2))).toBe(byString);
      }),
    );
  });
});
