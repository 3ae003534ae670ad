import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

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

/** Whether a file found in a folder is a manifest: its text has a top-level `schemaVersion` key. */
export function looksLikeManifest(bytes: Uint8Array, json: boolean): boolean {
  // BOM-less UTF-16 and other encodings are decided by the loader; for detection, strip NULs
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.charCodeAt(1) === 0 || text.charCodeAt(0) === 0 || text.startsWith('\xff\xfe') || text.startsWith('\xfe\xff')) {
    text = text.replace(/\0/g, '');
  }
  return json ? JSON_KEY.test(text) : TOP_LEVEL_YAML.test(text);
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

function walk(dir: string, shown: string, out: ManifestFile[], counts: { skipped: number }): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ filePath: shown, readError: readError(error), json: false });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const display = join(shown, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(full, display, out, counts);
      continue;
    }
    if (!EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const json = isJson(entry.name);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(full);
    } catch (error) {
      out.push({ filePath: display, readError: readError(error), json });
      continue;
    }
    if (looksLikeManifest(bytes, json)) out.push({ filePath: display, bytes, json });
    else counts.skipped++;
  }
}

/**
 * The manifests that PATHs name: a file named is always linted; a folder is searched
 * recursively (skipping node_modules and dot-folders) for YAML/JSON files with a
 * top-level `schemaVersion`. A PATH that does not exist is a usage error.
 */
export function collectManifests(paths: readonly string[], options: { readonly cwd?: string } = {}): Collected {
  const cwd = options.cwd ?? process.cwd();
  const files: ManifestFile[] = [];
  const counts = { skipped: 0 };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(resolve(cwd, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `${path}: no such file or folder` : `${path}: cannot be read (${code ?? String(error)})`,
      );
    }
    if (stat.isDirectory()) {
      walk(resolve(cwd, path), path, files, counts);
      continue;
    }
    try {
      files.push({ filePath: path, bytes: readFileSync(resolve(cwd, path)), json: isJson(path) });
    } catch (error) {
      files.push({ filePath: path, readError: readError(error), json: isJson(path) });
    }
  }
  return { files, skipped: counts.skipped };
}
