import fc from 'fast-check';
import type { Version } from '../version.js';

/** A version part, biased towards small values and the limits so that ties are common. */
export const part: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom(0, 9, 10, 65534),
  fc.integer({ min: 0, max: 65534 }),
);

/** A valid Version, with or without a revision. */
export const version: fc.Arbitrary<Version> = fc
  .tuple(part, part, part, fc.option(part, { nil: undefined }))
  .map(([major, db, build, revision]) =>
    revision === undefined ? { major, db, build } : { major, db, build, revision },
  );

/** Strings over the characters a version is made of, plus a few near-misses. */
export const versionish: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'0123456789. \tv-'),
  maxLength: 40,
});

const blanks = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 });
const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 });

/** Dotted digit groups with optional surrounding blanks: often valid, often nearly so. */
export const dotted: fc.Arbitrary<string> = fc
  .tuple(blanks, fc.array(digits, { minLength: 1, maxLength: 5 }), blanks)
  .map(([before, groups, after]) => before + groups.join('.') + after);

/** Any UTF-16 string, lone surrogates included. */
export const utf16: fc.Arbitrary<string> = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 30,
});
