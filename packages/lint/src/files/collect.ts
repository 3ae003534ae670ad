import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { DEFAULT_LIMITS } from '../load/parse-documents.js';

export interface ManifestFile {
  /** The path for reports: as given, or joined onto the folder as given. */
  readonly filePath: string;
  readonly bytes?: Uint8Array;
  /** Why the file could not be read (reported as a `parse` finding, not skipped). */
  readonly readError?: string;
  readonly json: boolean;
}

export interface Collected {
  readonly files: readonly ManifestFile[];
  /** YAML/JSON files in folders that are not manifests (no top-level `schemaVersion`). */
  readonly skipped: number;
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const TOP_LEVEL_YAML = /^(?:schemaVersion|"schemaVersion"|'schemaVersion')[ \t]*:/m;
const JSON_KEY = /"schemaVersion"[ \t\r\n]*:/;
/** How much of a file too large to lint is read to tell whether it is a manifest. */
const SNIFF_BYTES = 64 * 1024;

/** Whether a file found in a folder is a manifest: its text has a top-level `schemaVersion` key. */
export function looksLikeManifest(bytes: Uint8Array, json: boolean): boolean {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // UTF-16 text: the ASCII key reads once its NUL bytes are dropped
  if (text.includes('\0')) text = text.replace(/\0/g, '');
  // a byte order mark (UTF-8 or UTF-16, as latin1) stands before the first key
  text = text.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  return json ? JSON_KEY.test(text) : TOP_LEVEL_YAML.test(text);
}

/** The message for a file over the size limit (the same as the loader's). */
export function tooLargeMessage(size: number, maxBytes: number): string {
  return `the file is ${size} bytes, over the limit of ${maxBytes} bytes: a manifest is a few kilobytes; split a fleet into one file per installation`;
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read: permission denied';
  if (code === 'EISDIR') return 'this is a folder, not a file';
  return `the file cannot be read (${code ?? String(error)})`;
}

function isJson(path: string): boolean {
  return extname(path).toLowerCase() === '.json';
}

function readHead(path: string, length: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

interface Walk {
  readonly out: ManifestFile[];
  skipped: number;
  readonly maxBytes: number;
}

/** Reads one file found in a folder: a manifest, a file too large, or one to skip. */
function visitFile(full: string, display: string, stat: Stats, walk: Walk): void {
  const json = isJson(full);
  try {
    if (stat.size > walk.maxBytes) {
      if (looksLikeManifest(readHead(full, SNIFF_BYTES), json)) {
        walk.out.push({ filePath: display, readError: tooLargeMessage(stat.size, walk.maxBytes), json });
      } else walk.skipped++;
      return;
    }
    const bytes = readFileSync(full);
    if (looksLikeManifest(bytes, json)) walk.out.push({ filePath: display, bytes, json });
    else walk.skipped++;
  } catch (error) {
    walk.out.push({ filePath: display, readError: readError(error), json });
  }
}

function walkFolder(dir: string, shown: string, walk: Walk): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    walk.out.push({ filePath: shown, readError: readError(error), json: false });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const display = join(shown, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walkFolder(full, display, walk);
      continue;
    }
    // symbolic links to folders are not followed (no cycles); links to files are read
    if (!EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
    let stat: Stats;
    try {
      stat = statSync(full);
    } catch (error) {
      walk.out.push({ filePath: display, readError: readError(error), json: isJson(full) });
      continue;
    }
    if (stat.isFile()) visitFile(full, display, stat, walk);
  }
}

/**
 * The manifests that PATHs name: a file named is always linted; a folder is searched
 * recursively (skipping node_modules and dot-folders) for YAML/JSON files with a
 * top-level `schemaVersion`. A PATH that does not exist, or is neither a file nor a
 * folder, is a usage error.
 */
export function collectManifests(
  paths: readonly string[],
  options: { readonly cwd?: string; readonly maxBytes?: number } = {},
): Collected {
  const cwd = options.cwd ?? process.cwd();
  const walk: Walk = { out: [], skipped: 0, maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes };
  for (const path of paths) {
    const full = resolve(cwd, path);
    let stat: Stats;
    try {
      stat = statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `${path}: no such file or folder` : `${path}: cannot be read (${code ?? String(error)})`,
      );
    }
    if (stat.isDirectory()) {
      walkFolder(full, path, walk);
      continue;
    }
    if (!stat.isFile()) throw new UsageError(`${path}: not a file or a folder; name a manifest file, or - for standard input`);
    const json = isJson(path);
    if (stat.size > walk.maxBytes) {
      walk.out.push({ filePath: path, readError: tooLargeMessage(stat.size, walk.maxBytes), json });
      continue;
    }
    try {
      walk.out.push({ filePath: path, bytes: readFileSync(full), json });
    } catch (error) {
      throw new UsageError(`${path}: ${readError(error)}`);
    }
  }
  return { files: walk.out, skipped: walk.skipped };
}
