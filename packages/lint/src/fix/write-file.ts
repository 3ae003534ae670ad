/** Writes a fixed manifest so that no reader ever sees half of it. */
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
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
export function writeFileAtomic(path: string, bytes: Uint8Array, options: { readonly expected?: Uint8Array } = {}): void {
  const fail = (error: unknown): FixWriteError => {
    const code = (error as NodeJS.ErrnoException).code;
    return new FixWriteError(`cannot write the fixes to ${path}: ${describeFsError(error)}`, { path, problem: 'write', ...(code ? { code } : {}) });
  };
  let target: string;
  let mode: number;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
    if (options.expected && !Buffer.from(readFileSync(target)).equals(Buffer.from(options.expected))) {
      throw new FixWriteError(`${path} changed while it was being fixed: nothing was written; run the fix again`, { path, problem: 'changed' });
    }
  } catch (error) {
    if (error instanceof FixWriteError) throw error;
    throw fail(error);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
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
