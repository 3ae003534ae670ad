/** Fixes one manifest file in place: read, decode, fix to a fixed point, encode as it was, write if changed. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { DocumentResult } from '../finding.js';
import { nameOfBytes } from '../files/collect.js';
import { describeFsError } from '../files/fs-errors.js';
import { decode, type DecodedText } from '../load/decode.js';
import type { Linter } from '../linter.js';
import { encode } from './encode.js';
import { fixUntilStable, type FixRun } from './fix-text.js';
import { FixWriteError, writeFileAtomic } from './write-file.js';

export interface FixFileOptions {
  /** The path as reports show it (default: `path`; a path given as bytes: its name with the bytes that are not UTF-8 escaped). */
  readonly filePath?: string;
  /** A JSON manifest (default: by the extension, `.json`). */
  readonly json?: boolean;
  /** Write the file when the fixes changed it (default true); false shows what would change. */
  readonly write?: boolean;
  readonly maxPasses?: number;
  /** The findings of the file's bytes as they are now, when already linted (else it is linted first). */
  readonly initial?: readonly DocumentResult[];
}

export interface FixFileResult extends FixRun {
  readonly path: string | Buffer;
  readonly filePath: string;
  /** Whether the file was written. */
  readonly written: boolean;
  /** The text as read (decoded), for a diff; undefined when the file could not be decoded. */
  readonly original: string | undefined;
  /** How the file is encoded (kept when it is written). */
  readonly encoding: Omit<DecodedText, 'text'> | undefined;
}

/** Whether a manifest path is read as JSON (as the linter decides). */
export function isJsonPath(path: string): boolean {
  return extname(path).toLowerCase() === '.json';
}

/**
 * Applies the safe fixes of a manifest file, linting it again after each pass until nothing
 * changes, and writes it (atomically, in its encoding, with its line endings) only when its bytes
 * changed. A file that cannot be read is a FixWriteError; one that cannot be decoded is left as
 * it is (its finding says why).
 */
export function fixFile(path: string | Buffer, linter: Pick<Linter, 'lintText' | 'lintBytes'>, options: FixFileOptions = {}): FixFileResult {
  const filePath = options.filePath ?? (typeof path === 'string' ? path : nameOfBytes(path).text);
  const json = options.json ?? isJsonPath(filePath);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FixWriteError(`cannot read ${filePath} to fix it: ${describeFsError(error)}`, { path: filePath, problem: 'write', ...(code ? { code } : {}) });
  }
  const decoded = decode(bytes);
  const initial = options.initial ?? linter.lintBytes(bytes, { filePath, json });
  if (!decoded.ok) {
    return { path, filePath, text: '', changed: false, passes: 0, applied: [], refused: [], remaining: initial, written: false, original: undefined, encoding: undefined };
  }
  const { text, ...encoding } = decoded.value;
  const run = fixUntilStable(text, (t) => linter.lintText(t, { filePath, json }), {
    json,
    initial,
    ...(options.maxPasses !== undefined ? { maxPasses: options.maxPasses } : {}),
  });
  let written = false;
  if (run.changed && options.write !== false) {
    const out = encode(run.text, encoding);
    if (!Buffer.from(out).equals(Buffer.from(bytes))) {
      writeFileAtomic(path, out, { expected: bytes });
      written = true;
    }
  }
  return { ...run, path, filePath, written, original: text, encoding };
}
