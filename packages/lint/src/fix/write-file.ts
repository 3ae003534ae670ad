/** Writes a fixed manifest so that no reader ever sees half of it. */
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { nameOfBytes } from '../files/collect.js';
import { describeFsError } from '../files/fs-errors.js';

/** A fixed file that could not be written; the file is as it was. */
export class FixWriteError extends UsageError {
  override readonly name = 'FixWriteError';
  constructor(
    message: string,
    readonly facts: {
      readonly path: string;
      /** `changed`: another program changed the file while it was being fixed; `write`: the file system refused. */
      readonly problem: 'changed' | 'write';
      readonly code?: string;
    },
  ) {
    super(message);
  }
}

/** Codes with which Windows refuses to rename over a file another program holds open. */
const RENAME_REFUSED = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Writes `bytes` to `path`: to a temporary file in the same folder, then renamed over it (a link is
 * followed, so it stays a link; the file's permissions are kept). When the rename is refused
 * (Windows, the file open in an editor), the file is written in place. With `expected`, the file
 * must still hold those bytes, else nothing is written.
 */
export function writeFileAtomic(path: string | Buffer, bytes: Uint8Array, options: { readonly expected?: Uint8Array } = {}): void {
  // a path as bytes: a name that is not UTF-8, shown with its bytes escaped
  const shown = typeof path === 'string' ? path : nameOfBytes(path).text;
  const fail = (error: unknown): FixWriteError => {
    const code = (error as NodeJS.ErrnoException).code;
    return new FixWriteError(`cannot write the fixes to ${shown}: ${describeFsError(error)}`, { path: shown, problem: 'write', ...(code ? { code } : {}) });
  };
  let target: string | Buffer;
  let mode: number;
  try {
    // realpathSync reads a path given as bytes as UTF-8 text; its native form keeps the bytes
    target = typeof path === 'string' ? realpathSync(path) : realpathSync.native(path, { encoding: 'buffer' });
    mode = statSync(target).mode & 0o7777;
    if (options.expected && !Buffer.from(readFileSync(target)).equals(Buffer.from(options.expected))) {
      throw new FixWriteError(`${shown} changed while it was being fixed: nothing was written; run the fix again`, { path: shown, problem: 'changed' });
    }
  } catch (error) {
    if (error instanceof FixWriteError) throw error;
    throw fail(error);
  }
  const temp = temporaryBeside(target);
  try {
    writeFileSync(temp, bytes, { flag: 'wx', mode });
    chmodSync(temp, mode);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fail(error);
  }
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    if (!RENAME_REFUSED.has((error as NodeJS.ErrnoException).code ?? '')) throw fail(error);
    try {
      writeFileSync(target, bytes);
    } catch (again) {
      throw fail(again);
    }
  }
}

/** A name for the temporary file, in the target's folder (as bytes when the target's path is). */
function temporaryBeside(target: string | Buffer): string | Buffer {
  const suffix = `.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  if (typeof target === 'string') return join(dirname(target), `.${basename(target)}${suffix}`);
  const cut = target.lastIndexOf(sep.charCodeAt(0));
  return Buffer.concat([target.subarray(0, cut + 1), Buffer.from('.'), target.subarray(cut + 1), Buffer.from(suffix)]);
}
