import type { VersionSyntaxErrorCode } from '../version-syntax-error.js';

/** Every error code, checked at compile time against the type. */
export const ALL_CODES = [
  'not-a-string',
  'empty',
  'too-long',
  'unexpected-character',
  'leading-zero',
  'out-of-range',
  'missing-part',
  'trailing-dot',
  'too-many-parts',
] as const satisfies readonly VersionSyntaxErrorCode[];

type Missing = Exclude<VersionSyntaxErrorCode, (typeof ALL_CODES)[number]>;
// Fails to compile when a code is added to the type but not to ALL_CODES.
export const allCodesListed: [Missing] extends [never] ? true : false = true;
