/**
 * The lint cache (--cache, as ESLint's): the results of each file linted, kept with what they depend
 * on, so that a file that has not changed is not linted again.
 *
 * A file's results are reused when all of these are as they were:
 * - the run: the tool's version, the date secret expiry is judged against (--now), the limits and
 *   the rules that exist (one key for the whole cache: when it differs, every file is linted again);
 * - the settings that apply to the file (its rules, their options, the minimum-build table), as
 *   resolved from its config file, that file's overrides for its path, and --rule;
 * - the path it is reported under;
 * - its content. Cheaply: its size and modification time are compared first; when both are as
 *   recorded the file is not even read. When either differs (a checkout, a fresh clone, `touch`),
 *   the file is read and a SHA-256 of its bytes decides: same bytes, same results. A file modified
 *   within two seconds before the run that recorded it is always checked by its hash (a file
 *   system with coarse timestamps could otherwise hide a second edit of the same size).
 *
 * The cache holds results only: findings whose messages are already scrubbed of secrets, the
 * file's size, time and hash. Never a value read from a manifest.
 * It is written only when something changed, to a temporary file beside it, then renamed into
 * place: a reader never sees half a cache. A cache that cannot be read or is not one is ignored
 * with a warning in words, and written anew.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { DocumentResult } from '../finding.js';
import type { ResolvedConfig } from '../engine/config.js';
import { describeFsError } from '../files/fs-errors.js';

/** The name of the cache file in the working folder, or in the folder --cache-location names. */
export const CACHE_FILE_NAME = '.tmcheckcache';
/** What marks the file as a tmcheck lint cache, and the version of its layout. */
const MARK = 'tmcheck lint cache';
const FORMAT = 1;
/** A file modified this close to (or after) the start of the run that recorded it is checked by its hash. */
const RACY_MS = 2000;

/** What the whole cache depends on: when any of it differs, no result is reused. */
export interface CacheRunKey {
  /** The tool's version (a new release may find other things). */
  readonly version: string;
  /** The date secret expiry is judged against. */
  readonly today: string;
  readonly limits: unknown;
  /** The IDs of the rules that run. */
  readonly rules: readonly string[];
}

/** A file's size and modification time. */
export interface FileStamp {
  readonly size: number;
  readonly mtime: number;
}

interface Entry {
  /** The path the results report (as given, or joined onto the folder as given). */
  readonly path: string;
  readonly size: number;
  readonly mtime: number;
  /** The stamp was taken too close to the run to be trusted alone: check the hash. */
  readonly verify?: true;
  /** SHA-256 of the bytes (base64url). */
  readonly hash?: string;
  /** The key of the resolved settings (absent for a file that is no manifest). */
  readonly config?: string;
  /** The results (absent: the file is no manifest, it was skipped). */
  readonly results?: readonly DocumentResult[];
}

/** What the cache did in a run, for the front end to tell. */
export interface CacheReport {
  /** The cache file. */
  readonly location: string;
  /** Files whose results came from the cache. */
  readonly reused: number;
  /** Files linted (new, changed, or their settings changed). */
  readonly linted: number;
  /** Whether the cache file was written (only when something changed). */
  readonly written: boolean;
  /** Why the cache could not be used or written, in words (the run went on without it). */
  readonly warnings: readonly string[];
}

/** The cache file for --cache-location PATH: a folder (existing, or written with a trailing slash) holds .tmcheckcache. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined || location === '') return join(cwd, CACHE_FILE_NAME);
  const full = resolve(cwd, location);
  if (location.endsWith('/') || location.endsWith(sep)) return join(full, CACHE_FILE_NAME);
  try {
    if (statSync(full).isDirectory()) return join(full, CACHE_FILE_NAME);
  } catch {
    // not there yet: a file of that name
  }
  return full;
}

/** SHA-256 of a file's bytes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** A short, stable key of the settings that apply to a file: every rule's severity and options, and the minimum builds. */
const configKeys = new WeakMap<ResolvedConfig, string>();
export function configKey(config: ResolvedConfig): string {
  let key = configKeys.get(config);
  if (key === undefined) {
    const rules = [...config.rules]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, s]) => [id, s.severity, Object.entries(s.options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
    const builds = [...config.minimumBuilds].sort(([a], [b]) => a - b);
    key = createHash('sha256').update(JSON.stringify([rules, builds])).digest('base64url').slice(0, 22);
    configKeys.set(config, key);
  }
  return key;
}

function runKeyText(key: CacheRunKey): string {
  return JSON.stringify([FORMAT, key.version, key.today, key.limits, [...key.rules].sort()]);
}

function isEntry(value: unknown): value is Entry {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return typeof e['path'] === 'string' && typeof e['size'] === 'number' && typeof e['mtime'] === 'number' && (e['results'] === undefined || Array.isArray(e['results']));
}

/** The stamp of a file, or undefined when it cannot be looked at (it is read, and the reading reports why). */
export function stampOf(full: string | Buffer): FileStamp | undefined {
  try {
    const s = statSync(full);
    return { size: s.size, mtime: s.mtimeMs };
  } catch {
    return undefined;
  }
}

export class LintCache {
  readonly location: string;
  readonly #key: string;
  /** When this run started: what later runs judge recent modifications against. */
  readonly #started = Date.now();
  /** The entries read from the file (all of them, for the files this run does not meet). */
  readonly #old = new Map<string, Entry>();
  /** The entries of this run. */
  readonly #now = new Map<string, Entry>();
  readonly #warnings: string[] = [];
  #changed = false;
  #reused = 0;
  #linted = 0;
  #written = false;

  constructor(location: string, key: CacheRunKey) {
    this.location = location;
    this.#key = runKeyText(key);
    this.#load();
  }

  #load(): void {
    let text: string;
    try {
      text = readFileSync(this.location, 'utf8');
    } catch (error) {
      // no cache yet: the first run; anything else is worth a word
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        this.#warn(`the cache ${this.location} cannot be read (${describeFsError(error)}): every file is linted`);
      }
      this.#changed = true;
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      this.#warn(`the cache ${this.location} is damaged (it is not the JSON tmcheck writes): it is ignored, every file is linted and the cache is written anew`);
      this.#changed = true;
      return;
    }
    const d = data as Record<string, unknown> | null;
    if (d === null || typeof d !== 'object' || d['tmcheck'] !== MARK || typeof d['files'] !== 'object' || d['files'] === null) {
      this.#warn(`${this.location} is not a tmcheck cache: it is ignored, every file is linted and it is replaced by the cache`);
      this.#changed = true;
      return;
    }
    // another version, date or rule set: nothing in it applies (not a problem, just a new start)
    if (d['key'] !== this.#key) {
      this.#changed = true;
      return;
    }
    let damaged = false;
    for (const [path, entry] of Object.entries(d['files'] as Record<string, unknown>)) {
      if (isEntry(entry)) this.#old.set(path, entry);
      else damaged = true;
    }
    if (damaged) {
      this.#warn(`the cache ${this.location} is partly damaged: the files whose entries cannot be read are linted again`);
      this.#changed = true;
    }
  }

  #warn(message: string): void {
    this.#warnings.push(message);
  }

  /**
   * The results recorded for a file, when they still hold: the same path reported, the same bytes
   * (judged by size and time, else by `hash()`, which reads the file), and the same settings
   * (`config()`, asked only for a manifest whose bytes are unchanged). `skip` when the file was
   * recorded as no manifest and is unchanged.
   */
  lookup(
    full: string,
    path: string,
    stamp: FileStamp | undefined,
    config: () => string,
    hash: () => string | undefined,
  ): readonly DocumentResult[] | 'skip' | undefined {
    const entry = this.#old.get(full);
    if (entry === undefined || stamp === undefined || entry.path !== path) return undefined;
    let same = entry.verify !== true && entry.size === stamp.size && entry.mtime === stamp.mtime;
    if (!same && entry.hash !== undefined && entry.size === stamp.size) same = hash() === entry.hash;
    if (!same) return undefined;
    if (entry.results !== undefined && entry.config !== config()) return undefined;
    this.#now.set(full, this.#entry(full, path, stamp, entry.hash, entry.config, entry.results));
    if (entry.results === undefined) return 'skip';
    this.#reused++;
    return entry.results;
  }

  /** The entry of a file with its stamp as now: `verify` when it was modified too close to this run. */
  #entry(full: string, path: string, stamp: FileStamp, hash: string | undefined, config: string | undefined, results: readonly DocumentResult[] | undefined): Entry {
    const old = this.#old.get(full);
    const entry: Entry = {
      path,
      size: stamp.size,
      mtime: stamp.mtime,
      ...(stamp.mtime >= this.#started - RACY_MS ? { verify: true as const } : {}),
      ...(hash !== undefined ? { hash } : {}),
      ...(config !== undefined ? { config } : {}),
      ...(results !== undefined ? { results } : {}),
    };
    if (old === undefined || old.size !== entry.size || old.mtime !== entry.mtime || old.verify !== entry.verify) this.#changed = true;
    return entry;
  }

  /** Records a file linted in this run. */
  store(full: string, path: string, stamp: FileStamp | undefined, hash: string, config: string, results: readonly DocumentResult[]): void {
    this.#linted++;
    if (stamp === undefined) return;
    this.#now.set(full, this.#entry(full, path, stamp, hash, config, results));
    this.#changed = true;
  }

  /** Records a file met in a folder that is no manifest (it is not read again while unchanged). */
  storeSkipped(full: string, path: string, stamp: FileStamp | undefined): void {
    if (stamp === undefined) return;
    const old = this.#old.get(full);
    this.#now.set(full, this.#entry(full, path, stamp, undefined, undefined, undefined));
    if (old?.results !== undefined) this.#changed = true;
  }

  /** Counts a file linted whose results are not kept (it could not be read whole). */
  countLinted(): void {
    this.#linted++;
  }

  /**
   * Writes the cache when something changed: this run's entries, and those of files this run did not
   * meet that still exist. A cache that cannot be written is a warning: the run itself succeeded.
   */
  save(): void {
    for (const [full, entry] of this.#old) {
      if (this.#now.has(full)) continue;
      if (existsSync(full)) this.#now.set(full, entry);
      else this.#changed = true;
    }
    if (!this.#changed) return;
    const temporary = `${this.location}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      mkdirSync(dirname(this.location), { recursive: true });
      fd = openSync(temporary, 'w', 0o600);
      const out = fd;
      let chunk = `{"tmcheck":${JSON.stringify(MARK)},"key":${JSON.stringify(this.#key)},"started":${this.#started},"files":{`;
      let first = true;
      for (const [full, entry] of this.#now) {
        chunk += `${first ? '' : ','}${JSON.stringify(full)}:${JSON.stringify(entry)}`;
        first = false;
        if (chunk.length > 1 << 16) {
          writeSync(out, chunk);
          chunk = '';
        }
      }
      writeSync(out, `${chunk}}}\n`);
      closeSync(out);
      fd = undefined;
      renameSync(temporary, this.location);
      this.#written = true;
    } catch (error) {
      try {
        if (fd !== undefined) closeSync(fd);
        rmSync(temporary, { force: true });
      } catch {
        // nothing was written there, or it cannot be removed either
      }
      this.#warn(`the cache cannot be written to ${this.location} (${describeFsError(error)}): the next run lints every file again`);
    }
  }

  report(): CacheReport {
    return { location: this.location, reused: this.#reused, linted: this.#linted, written: this.#written, warnings: [...this.#warnings] };
  }
}
