/** File-system errors in words, with their code (for a search). */

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'this is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'too many symbolic links (a link that points to itself?)',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is locked by another program',
  EEXIST: 'a file of that name is in the way',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EMFILE: 'too many files open at once',
  ENXIO: 'no device or reader at the other end (a FIFO with no writer?)',
};

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return Object.hasOwn(WORDS, code) ? `${WORDS[code]} (${code})` : `error ${code}`;
}

/** Why a file found in a folder or named could not be read, as a `parse` finding says it. */
export function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'this is a folder, not a file';
  if (code === 'ENOENT') return 'the file cannot be read: it disappeared, or it is a link to nothing (ENOENT)';
  return `the file cannot be read: ${describeFsError(error)}`;
}
