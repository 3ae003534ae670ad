import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from './format.js';
import { parse } from './parse.js';
import { version as versionArb } from './test-utils/arbitraries.js';
import type { Version } from './version.js';

describe('format', () => {
  it.each([
    [{ major: 2, db: 664, build: 8271, revision: 20345 }, '2.664.8271.20345'],
    [{ major: 2, db: 664, build: 8271 }, '2.664.8271'],
    [{ major: 2, db: 664, build: 8271, revision: undefined }, '2.664.8271'],
    [{ major: 2, db: 664, build: 8271, revision: 0 }, '2.664.8271.0'],
    [{ major: 0, db: 0, build: 0 }, '0.0.0'],
    [{ major: 65534, db: 65534, build: 65534, revision: 65534 }, '65534.65534.65534.65534'],
  ] as ReadonlyArray<readonly [Version, string]>)('%j -> %s', (v, text) => {
    expect(format(v)).toBe(text);
  });

  it.each([
    { major: -1, db: 664, build: 8271 },
    { major: 2, db: 664.5, build: 8271 },
    { major: 2, db: 664, build: 65535 },
    { major: 2, db: 664, build: Number.NaN },
    { major: 2, db: 664, build: 8271, revision: 1e21 },
  ] as Version[])('throws a RangeError for %j', (v) => {
    expect(() => format(v)).toThrow(RangeError);
  });

  it('parse(format(v)) gives v back', () => {
    fc.assert(
      fc.property(versionArb, (v) => {
        expect(parse(format(v))).toEqual({ ok: true, version: v });
      }),
    );
  });
});
