import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVersion } from './is-version.js';
import { version as versionArb } from './test-utils/arbitraries.js';

describe('isVersion', () => {
  it('accepts every valid version', () => {
    fc.assert(
      fc.property(versionArb, (v) => {
        expect(isVersion(v)).toBe(true);
      }),
    );
  });

  it.each([
    null,
    undefined,
    '2.664.8271',
    2.664,
    {},
    { major: 2, db: 664 },
    { major: 2, db: 664, build: 8271.5 },
    { major: 2, db: 664, build: 65535 },
    { major: -2, db: 664, build: 8271 },
    { major: 2, db: '664', build: 8271 },
    { major: 2, db: 664, build: 8271, revision: null },
  ])('rejects %j', (value) => {
    expect(isVersion(value)).toBe(false);
  });
});
