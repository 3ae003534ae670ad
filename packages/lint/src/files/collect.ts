import { closeSync, fstatSync, openSync, readSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from './config-files.js';
import { NoManifestError, PathError } from '../errors.js';
import { DEFAULT_LIMITS } from '../load/parse-documents.js';
import { describeFsError, readError } from './fs-errors.js';

export { describeFsError } from './fs-errors.js';

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

/** A file the walk found: a manifest if named, or if its text says so. */
export interface Candidate {
  /** The path for reports: as given, or joined onto the folder as given. */
  readonly filePath: string;
  /** The absolute path (a name that is not UTF-8 has its bytes that are not escaped as `\xE9`: see `raw`). */
  readonly full: string;
  /** The absolute path as the system's bytes, when a name on it is not UTF-8: what the file is opened by. */
  readonly raw?: Buffer;
  readonly json: boolean;
  /** Named on the command line: always linted. */
  readonly named: boolean;
  /** Index of the PATH it was found under. */
  readonly root: number;
  /** Why it could not be examined (a finding). */
  readonly error?: string;
  /** Met before: not linted again, but it counts as found in this folder if it was a manifest. */
  readonly repeat?: 'met';
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);
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
  // YAML written in flow style (JSON in a YAML file) has no key at the start of a line
  return TOP_LEVEL_YAML.test(text) || (/^(?:[ \t\r\n]|#[^\n]*\n|---[ \t]*\r?\n)*\{/.test(text) && JSON_KEY_OR_PLAIN.test(text) && topLevelKeyInFlow(text));
}

/** The message for a file over the size limit (the same as the loader's). */
export function tooLargeMessage(size: number, maxBytes: number): string {
  return `the file is ${size} bytes, over the limit of ${maxBytes} bytes: a manifest is a few kilobytes; split a fleet into one file per installation`;
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

/** The key of a path in a set of those met: on Windows, whatever the letter case. */
function keyOf(full: string): string {
  return process.platform === 'win32' ? full.toLowerCase() : full;
}

/** What `readdirSync` could not read as UTF-8 text (a name from an old Windows share, Latin-1 "café" as 63 61 66 E9). */
const REPLACEMENT = '\uFFFD';
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const SEP_BYTE = sep.charCodeAt(0);

/**
 * A file name as the system's bytes, in words a report can show: the UTF-8 in it as text, each byte
 * that is not UTF-8 as `\xE9`; `exact` when it is all UTF-8 (the text names the file).
 */
export function nameOfBytes(raw: Uint8Array): { readonly text: string; readonly exact: boolean } {
  try {
    return { text: STRICT_UTF8.decode(raw), exact: true };
  } catch {
    // a byte at a time: the longest valid sequence at each place, else the byte escaped
  }
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const b = raw[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= raw.length) {
      try {
        text += STRICT_UTF8.decode(raw.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // not a sequence: escaped below
      }
    }
    text += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    i++;
  }
  return { text, exact: false };
}

interface Entry {
  readonly name: string;
  /** The name's bytes, when it is not UTF-8 (or a folder above is not). */
  readonly raw?: Buffer;
  readonly dirent: Dirent | Dirent<Buffer>;
}

/** A folder's entries, in name order; names that are not UTF-8 by their bytes (`rawDir` set: the folder's own name is not). */
function entriesOf(dir: string, rawDir: Buffer | undefined): Entry[] {
  let entries: Entry[] | undefined;
  if (rawDir === undefined) {
    const listed = readdirSync(dir, { withFileTypes: true });
    if (!listed.some((d) => d.name.includes(REPLACEMENT))) entries = listed.map((dirent) => ({ name: dirent.name, dirent }));
  }
  if (entries === undefined) {
    // read again as bytes: each name that is not UTF-8 is opened by its bytes and shown escaped
    const base = rawDir ?? Buffer.from(dir);
    const prefix = base.at(-1) === SEP_BYTE ? base : Buffer.concat([base, Buffer.from(sep)]);
    entries = readdirSync(base, { withFileTypes: true, encoding: 'buffer' }).map((dirent) => {
      const named = nameOfBytes(dirent.name);
      return named.exact && rawDir === undefined ? { name: named.text, dirent } : { name: named.text, raw: Buffer.concat([prefix, dirent.name]), dirent };
    });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What a folder entry is, in words, when it is neither a file nor a folder (a FIFO named *.yaml). */
function notAFile(stat: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  const what = stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a file';
  return `the file cannot be read: it is not a regular file (${what}); a manifest is a file of text`;
}

/**
 * The files of a folder and its subfolders, in name order. `shown` is the folder as reports give it;
 * the paths of what is inside are joined onto it (and onto the absolute `dir`) by concatenation,
 * without path.join's normalising for each entry: `dir` is absolute and normalised, and `shown` is
 * normalised from the first level down (see the callers). `rawDir`: the folder's path as bytes, when
 * a name on it is not UTF-8.
 */
function* walkFolder(dir: string, rawDir: Buffer | undefined, shown: string, root: number, depth: number, normalized: boolean): Generator<Candidate> {
  let entries: Entry[];
  try {
    entries = entriesOf(dir, rawDir);
  } catch (error) {
    yield { filePath: shown, full: dir, ...(rawDir ? { raw: rawDir } : {}), json: false, named: false, root, error: readError(error) };
    return;
  }
  const dirPrefix = dir.endsWith(sep) ? dir : dir + sep;
  const shownPrefix = normalized ? (shown.endsWith(sep) ? shown : shown + sep) : '';
  for (const { name, raw, dirent: entry } of entries) {
    const full = dirPrefix + name;
    const display = normalized ? shownPrefix + name : join(shown, name);
    const where = raw ? { raw } : {};
    if (entry.isDirectory()) {
      if (name === 'node_modules' || name.charCodeAt(0) === 0x2e /* . */) continue;
      // folders deeper than any fleet is organised: a loop of bind mounts or a runaway tree
      if (depth < 64) yield* walkFolder(full, raw, display, root, depth + 1, true);
      continue;
    }
    // symbolic links to folders are not followed (no cycles); links to files are read; config files are no manifests
    const ext = extname(name).toLowerCase();
    if (!EXTENSIONS.has(ext) || CONFIG_NAMES.has(name)) continue;
    const json = ext === '.json';
    if (entry.isFile()) {
      yield { filePath: display, full, ...where, json, named: false, root };
      continue;
    }
    // a link, or a type the folder listing does not give: look at what it is
    let stat: Stats;
    try {
      stat = statSync(raw ?? full);
    } catch (error) {
      yield { filePath: display, full, ...where, json, named: false, root, error: readError(error) };
      continue;
    }
    if (stat.isFile()) yield { filePath: display, full, ...where, json, named: false, root };
    // a FIFO, a socket or a device named like a manifest: its own finding (reading it could wait for ever)
    else if (!stat.isDirectory()) yield { filePath: display, full, ...where, json, named: false, root, error: notAFile(stat) };
  }
}

/**
 * The files that PATHs name, lazily: a file named is always linted; a folder is searched
 * recursively (skipping node_modules and dot-folders) for *.yaml, *.yml and *.json files. A PATH
 * that does not exist, or is neither a file nor a folder, is a PathError. Each file once, however
 * often it is named or found.
 */
export function* walkPaths(paths: readonly string[], options: { readonly cwd?: string } = {}): Generator<Candidate> {
  const cwd = options.cwd ?? process.cwd();
  const named = new Set<string>();
  const resolved: Array<{ path: string; full: string; stat: Stats }> = [];
  // every PATH is checked before anything is read: a typo is a usage error, not half a report
  for (const given of paths) {
    const full = resolve(cwd, given);
    try {
      resolved.push({ path: given, full, stat: statSync(full) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const found = code === 'ENOENT' ? withSlashes(given, cwd) : undefined;
      if (!found) {
        throw new PathError(
          code === 'ENOENT' ? `${given}: no such file or folder${backslashHint(given)}` : `${given}: cannot be read: ${describeFsError(error)}`,
          { path: given, ...(code ? { code } : {}) },
        );
      }
      resolved.push(found);
    }
  }
  for (const r of resolved) {
    if (!r.stat.isDirectory() && !r.stat.isFile()) {
      throw new PathError(`${r.path}: not a file or a folder; name a manifest file, or - for standard input`, { path: r.path });
    }
    if (r.stat.isFile()) named.add(keyOf(r.full));
  }
  const met = new Set<string>();
  for (const [root, r] of resolved.entries()) {
    if (r.stat.isFile()) {
      const key = keyOf(r.full);
      if (met.has(key)) {
        yield { filePath: r.path, full: r.full, json: isJson(r.path), named: true, root, repeat: 'met' };
        continue;
      }
      met.add(key);
      yield { filePath: r.path, full: r.full, json: isJson(r.path), named: true, root };
      continue;
    }
    for (const c of walkFolder(r.full, undefined, r.path, root, 0, false)) {
      const key = keyOf(c.full);
      if (met.has(key)) {
        yield { ...c, repeat: 'met' };
        continue;
      }
      met.add(key);
      // a file also named on the command line is always linted, wherever it is met first
      yield named.has(key) ? { ...c, named: true } : c;
    }
  }
}

/**
 * Reads a file through one descriptor: its size from the descriptor (no second look-up of the path),
 * then the whole file when it is within `max`, else only its first `head` bytes. `whole` says which.
 */
function readBounded(path: string | Buffer, max: number, head: number): { bytes: Uint8Array; size: number; whole: boolean } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = size > max ? Math.min(head, size) : size;
    // a buffer of its own (not a slice of Node's shared pool): it may be sent to a worker thread, which copies all of it
    const buffer = Buffer.allocUnsafeSlow(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read), size, whole: size <= max };
  } finally {
    closeSync(fd);
  }
}

/** What reading a candidate gave: a manifest to lint (its bytes, or why they cannot be read), or nothing (not a manifest). */
export function readCandidate(c: Candidate, maxBytes: number = DEFAULT_LIMITS.maxBytes): ManifestFile | undefined {
  if (c.error) return { filePath: c.filePath, readError: c.error, json: c.json };
  try {
    const { bytes, size, whole } = readBounded(c.raw ?? c.full, maxBytes, SNIFF_BYTES);
    if (!whole) {
      if (c.named || looksLikeManifest(bytes, c.json)) {
        return { filePath: c.filePath, readError: tooLargeMessage(size, maxBytes), json: c.json };
      }
      return undefined;
    }
    if (!c.named && !looksLikeManifest(bytes, c.json)) return undefined;
    return { filePath: c.filePath, bytes, json: c.json };
  } catch (error) {
    // named or found, a file that cannot be read once the run has begun (deleted meanwhile) is its own finding
    return { filePath: c.filePath, readError: readError(error), json: c.json };
  }
}

/** The message for folders named that hold no manifest. */
export function noManifestError(folders: readonly string[], skipped: number): NoManifestError {
  const why =
    skipped === 0 ? '' : skipped === 1 ? ' (1 YAML/JSON file skipped: it has no top-level schemaVersion)' : ` (${skipped} YAML/JSON files skipped: none has a top-level schemaVersion)`;
  return new NoManifestError(
    `no manifest found in ${folders.join(', ')}${why}: name a manifest file, or a folder holding *.yaml, *.yml or *.json manifests (a manifest starts with schemaVersion: 1)`,
    { folders, skipped },
  );
}

/**
 * The manifests that PATHs name, read (for tests and small runs; the linter reads them one at a
 * time): see walkPaths and readCandidate.
 */
export function collectManifests(
  paths: readonly string[],
  options: { readonly cwd?: string; readonly maxBytes?: number } = {},
): Collected {
  const files: ManifestFile[] = [];
  let skipped = 0;
  const cwd = options.cwd ?? process.cwd();
  const found = new Map<number, number>();
  const manifests = new Set<string>();
  for (const c of walkPaths(paths, { cwd })) {
    if (c.repeat) {
      if (manifests.has(c.full)) found.set(c.root, (found.get(c.root) ?? 0) + 1);
      continue;
    }
    const file = readCandidate(c, options.maxBytes);
    if (!file) {
      skipped++;
      continue;
    }
    files.push(file);
    manifests.add(c.full);
    found.set(c.root, (found.get(c.root) ?? 0) + 1);
  }
  const emptyFolders = paths.filter((p, i) => !found.has(i) && isFolderPath(resolve(cwd, p)));
  return { files, skipped, emptyFolders };
}

function isFolderPath(full: string): boolean {
  try {
    return statSync(full).isDirectory();
  } catch {
    return false;
  }
}
