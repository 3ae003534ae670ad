/** The fix writer: applies findings' fixes to manifests, keeping everything else byte for byte. */
export { fixDiff, isSecretKeyName, maskSecretLines, MASK, type FixDiffOptions } from './diff.js';
export { encode } from './encode.js';
export { fixFile, isJsonPath, type FixFileOptions, type FixFileResult } from './fix-file.js';
export {
  describeRefusal,
  fixText,
  fixUntilStable,
  MAX_PASSES,
  type AppliedFix,
  type FixedText,
  type FixRecord,
  type FixRun,
  type FixTextOptions,
  type FixUntilStableOptions,
  type RefusedFix,
} from './fix-text.js';
export type { RefusalReason } from './plan-edit.js';
export { FixWriteError, writeFileAtomic } from './write-file.js';
