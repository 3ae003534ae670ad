import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
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
  /** The folders named that hold no manifest at all. */
  readonly emptyFolders: readonly string[];
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const TOP_LEVEL_YAML = /^(?:schemaVersion|"schemaVersion"|'schemaVersion')[ \t]*:/m;
const JSON_KEY = /"schemaVersion"[ \t\r\n]*:/;
const JSON_KEY_OR_PLAIN = /schemaVersion["']?[ \t\r\n]*:/;
/** How much of a file too large to lint is read to tell whether it is a manifest. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Whether a JSON text, or a YAML flow mapping (`{ ... }`), has `schemaVersion` as a key of its
 * outermost mapping: a JSON Schema that describes the field (`"properties": { "schemaVersion": ...`)
 * or any file that nests it is not a manifest. A scan of brackets and quoted strings, so that a
 * file with a syntax error further on still counts (and gets its `parse` finding).
 */
function topLevelKeyInFlow(text: string): boolean {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'") {
      // a quoted string: a key when it stands in the outermost mapping and a colon follows
      let j = i + 1;
      while (j < n && text.charAt(j) !== ch) j += ch === '"' && text.charAt(j) === '\\' ? 2 : 1;
      const body = text.slice(i + 1, j);
      i = j + 1;
      if (depth === 1 && body === 'schemaVersion' && /^[ \t\r\n]*:/.test(text.slice(i, i + 64))) return true;
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '#' && (i === 0 || /\s/.test(text.charAt(i - 1)))) {
      // a YAML comment runs to the end of the line
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl;
      continue;
    } else if (depth === 1 && text.startsWith('schemaVersion', i) && /[\s,{]/.test(text.charAt(i - 1))) {
      // a plain (unquoted) key, as YAML flow style allows
      if (/^[ \t\r\n]*:/.test(text.slice(i + 13, i + 77))) return true;
    }
    i++;
  }
  return false;
}

/** Whether a file found in a folder is a manifest: its text has a top-level `schemaVersion` key. */
export function looksLikeManifest(bytes: Uint8Array, json: boolean): boolean {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // UTF-16 text: the ASCII key reads once its NUL bytes are dropped
  if (text.includes('\0')) text = text.replace(/\0/g, '');
  // a byte order mark (UTF-8 or UTF-16, as latin1) stands before the first key
  text = text.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  if (json) return JSON_KEY.test(text) && topLevelKeyInFlow(text);
  // YAML written in flow style (JSON in a .yaml file) has no key at the start of a line
  return TOP_LEVEL_YAML.test(text) || (/^(?:[ \t\r\n]|#[^\n]*\n|---[ \t]*\r?\n)*\{/.test(text) && JSON_KEY_OR_PLAIN.test(text) && topLevelKeyInFlow(text));
}

/** The message for a file over the size limit (the same as the loader's). */
export function tooLargeMessage(size: number, maxBytes: number): string {
  return `the file is ${size} bytes, over the limit of ${maxBytes} bytes: a manifest is a few kilobytes; split a fleet into one file per installation`;
}

/** What a file-system error means, in words, with its code (for a search). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
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
  };
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return Object.hasOwn(words, code) ? `${words[code]} (${code})` : `error ${code}`;
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'this is a folder, not a file';
  if (code === 'ENOENT') return 'the file cannot be read: it disappeared, or it is a link to nothing (ENOENT)';
  return `the file cannot be read: ${describeFsError(error)}`;
}

/**
 * A Windows path (`fleet\\nordic-star.yaml`) typed or pasted where folders are separated by `/`
 * (Linux, macOS, WSL): the same path with slashes, when that exists and the literal name does not.
 */
function withSlashes(given: string, cwd: string): { path: string; full: string; stat: Stats } | undefined {
  if (sep !== '/' || !given.includes('\\') || /^[A-Za-z]:/.test(given)) return undefined;
  const path = given.replaceAll('\\', '/');
  const full = resolve(cwd, path);
  try {
    return { path, full, stat: statSync(full) };
  } catch {
    return undefined;
  }
}

/** The hint for a path written with backslashes where folders are separated by slashes. */
function backslashHint(path: string): string {
  return sep === '/' && path.includes('\\') ? ` (folders are separated by / here: ${path.replaceAll('\\', '/')})` : '';
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
  /**
   * Absolute paths met so far, each with whether it was listed (true) or skipped (false): a
   * file named twice, or also found in a folder named, is linted once.
   */
  readonly seen: Map<string, boolean>;
  /** Files listed, counting again a file met a second time: tells a folder that holds no manifest. */
  found: number;
}

/** The key of a path in `seen`: on Windows, whatever the letter case. */
function keyOf(full: string): string {
  return process.platform === 'win32' ? full.toLowerCase() : full;
}

function list(full: string, file: ManifestFile, walk: Walk): void {
  walk.seen.set(keyOf(full), true);
  walk.out.push(file);
  walk.found++;
}

function skip(full: string, walk: Walk): void {
  walk.seen.set(keyOf(full), false);
  walk.skipped++;
}

/** Whether the walk has met `full` before (counting it as found again if it was listed). */
function metBefore(full: string, walk: Walk): boolean {
  const listed = walk.seen.get(keyOf(full));
  if (listed === undefined) return false;
  if (listed) walk.found++;
  return true;
}

/** Reads one file found in a folder: a manifest, a file too large, or one to skip. */
function visitFile(full: string, display: string, stat: Stats, walk: Walk): void {
  if (metBefore(full, walk)) return;
  const json = isJson(full);
  try {
    if (stat.size > walk.maxBytes) {
      if (looksLikeManifest(readHead(full, SNIFF_BYTES), json)) {
        list(full, { filePath: display, readError: tooLargeMessage(stat.size, walk.maxBytes), json }, walk);
      } else skip(full, walk);
      return;
    }
    const bytes = readFileSync(full);
    if (looksLikeManifest(bytes, json)) list(full, { filePath: display, bytes, json }, walk);
    else skip(full, walk);
  } catch (error) {
    list(full, { filePath: display, readError: readError(error), json }, walk);
  }
}

function walkFolder(dir: string, shown: string, walk: Walk): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    list(dir, { filePath: shown, readError: readError(error), json: false }, walk);
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
      if (!metBefore(full, walk)) list(full, { filePath: display, readError: readError(error), json: isJson(full) }, walk);
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
  const walk: Walk = { out: [], skipped: 0, maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes, seen: new Map(), found: 0 };
  const emptyFolders: string[] = [];
  for (const given of paths) {
    let path = given;
    let full = resolve(cwd, path);
    let stat: Stats;
    try {
      stat = statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const found = code === 'ENOENT' ? withSlashes(given, cwd) : undefined;
      if (!found) {
        throw new UsageError(
          code === 'ENOENT' ? `${given}: no such file or folder${backslashHint(given)}` : `${given}: cannot be read: ${describeFsError(error)}`,
        );
      }
      ({ path, full, stat } = found);
    }
    if (stat.isDirectory()) {
      const before = walk.found;
      walkFolder(full, path, walk);
      if (walk.found === before) emptyFolders.push(path);
      continue;
    }
    if (!stat.isFile()) throw new UsageError(`${path}: not a file or a folder; name a manifest file, or - for standard input`);
    const listed = walk.seen.get(keyOf(full));
    if (listed === true) continue;
    // a file named is always linted, also one a folder named before had skipped
    if (listed === false) walk.skipped--;
    const json = isJson(path);
    if (stat.size > walk.maxBytes) {
      list(full, { filePath: path, readError: tooLargeMessage(stat.size, walk.maxBytes), json }, walk);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(full);
    } catch (error) {
      throw new UsageError(`${path}: ${readError(error)}`);
    }
    list(full, { filePath: path, bytes, json }, walk);
  }
  return { files: walk.out, skipped: walk.skipped, emptyFolders };
}
