/**
 * The one entry every front end uses (ESLint's `ESLint` class, for tmcheck): config discovery,
 * collecting files from paths and folders, standard input, the lint loop, inline exceptions, and
 * results. Front ends only parse their arguments, render results and choose an exit status.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { DocumentResult, SeveritySetting } from './finding.js';
import { ConfigError, OptionError, PathError, StdinError } from './errors.js';
import { isFolder, parseRuleOverride, type ResolvedConfig } from './engine/config.js';
import type { AnyRule } from './engine/define-rule.js';
import { lintBytes, lintFile, lintText as lintDocumentText, type InspectedDocument, type LintOptions } from './engine/lint-document.js';
import { cacheFilePath, configKey, contentHash, LintCache, stampOf, type CacheReport, type FileStamp } from './cache/cache.js';
import { noManifestError, readCandidate, walkPaths, type Candidate, type ManifestFile } from './files/collect.js';
import { describeFsError, readError } from './files/fs-errors.js';
import { DEFAULT_LIMITS, type Limits } from './load/parse-documents.js';
import { isCalendarDate, localToday } from './model/date.js';
import { RULES } from './rules/index.js';
import { LintSettings, type SettingsInput } from './run/settings.js';
import { defaultWorkerCount, LintPool } from './workers/pool.js';

/**
 * With concurrency 'auto', a run starts worker threads once the walk finds more files than this. A
 * worker costs its start (loading the code) and its own compiler warming up, a few tenths of a
 * second of CPU: on two cores (bench/RESULTS.md) that pays back from a few thousand files, not from
 * a thousand. The same number decides when the cache has left enough files to lint.
 */
const WORKERS_FROM_FILES = 2000;

export interface LinterOptions {
  /** The folder relative paths are read from (default: the process's). */
  readonly cwd?: string;
  /** A config file for every manifest; without it, the config nearest each manifest (its folder or above). */
  readonly configFile?: string;
  /** Rule settings over any config: `ID:SEVERITY` texts (as --rule gives them) or a map. */
  readonly overrides?: readonly string[] | Readonly<Record<string, SeveritySetting>>;
  /** The date secret expiry is judged against, `YYYY-MM-DD` (default: today, local time). */
  readonly now?: string;
  /** Standard input, read when a path is `-`. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  readonly limits?: Partial<Limits>;
  /** The rules (default: all of them). */
  readonly rules?: readonly AnyRule[];
  /**
   * Worker threads for run() and lintPaths(): `'auto'` (the default) starts workers when the walk
   * finds more than 2,000 files, one per core but one (at most 8), and this thread lints too whenever
   * they are all busy; a number: that many workers lint every file of any run, this thread only
   * reads and collects; `'off'` or 0: this thread only. The results are the same either way, in the
   * same order. Rules that are not the registry's run on this thread only.
   */
  readonly concurrency?: number | 'auto' | 'off';
  /**
   * The module a worker thread runs: by default the library's own file that starts the workers. A
   * front end that bundles the library into one file (the CLI) needs nothing here: the bundle is
   * that file. For a bundle whose workers must run another file.
   */
  readonly workerEntry?: URL;
  /** Skip files unchanged since the last run with the cache (ESLint's --cache): see cache/cache.ts. */
  readonly cache?: boolean;
  /** The cache file, or a folder to hold `.tmcheckcache` in (default: `.tmcheckcache` in cwd). */
  readonly cacheLocation?: string;
  /** The front end's version, part of what cached results depend on (a new release lints every file again). */
  readonly toolVersion?: string;
}

/** What a run over paths found. `results` is the JSON report's `results`. */
export interface LintRun {
  readonly results: readonly DocumentResult[];
  /** Manifests linted (files, and standard input). */
  readonly files: number;
  /** YAML/JSON files in folders that are not manifests (no top-level schemaVersion). */
  readonly skipped: number;
  /** Files the config's `ignores` excluded. */
  readonly ignored: number;
  /** Absolute paths of the files linted. */
  readonly paths: readonly string[];
  /** The system's bytes of each path in `paths` with a name that is not UTF-8 (shown with `\xE9` escapes): what to open it by. */
  readonly rawPaths: ReadonlyMap<string, Buffer>;
  /** Worker threads that linted files (0: this thread linted them all). */
  readonly workers: number;
  /** What the cache did (with the `cache` option). */
  readonly cache?: CacheReport;
}

/** The settings that apply to a file, and where each came from (for --print-config). */
export interface ConfigExplanation {
  readonly file: string;
  /** The config file that applies, if any. */
  readonly configFile?: string;
  /** Whether `ignores` excludes the file. */
  readonly ignored: boolean;
  readonly rules: ReadonlyArray<{
    readonly id: string;
    readonly severity: SeveritySetting;
    readonly options: Readonly<Record<string, number>>;
    readonly source: string;
  }>;
  readonly minimumBuilds: ReadonlyArray<{ readonly db: number; readonly build: number; readonly source: string }>;
}

export interface Linter {
  /** Lints files and folders (`-` is standard input); resolves to the JSON report's `results`. */
  lintPaths(paths: readonly string[]): Promise<readonly DocumentResult[]>;
  /** lintPaths, with what the run found besides the results. */
  run(paths: readonly string[]): Promise<LintRun>;
  /** Lints a manifest's text, with the settings that apply to `filePath`. */
  lintText(text: string, options?: { readonly filePath?: string; readonly json?: boolean }): readonly DocumentResult[];
  /** Lints a manifest's bytes (decoding, size limit), with the settings that apply to `filePath`. */
  lintBytes(bytes: Uint8Array, options?: { readonly filePath?: string; readonly json?: boolean }): readonly DocumentResult[];
  /**
   * Lints a manifest's bytes and gives each document as read, beside its result: its typed view,
   * its mail sections and the secrets it holds (for front ends that use the values: the probe,
   * grant-script, the interactive checker's form).
   */
  inspectBytes(bytes: Uint8Array, options?: { readonly filePath?: string; readonly json?: boolean }): readonly InspectedDocument[];
  /** inspectBytes for a file on disk (its path as given, relative to cwd). */
  inspectFile(path: string): readonly InspectedDocument[];
  /** Which settings apply to a file and where they came from. */
  resolveConfigFor(file: string): ConfigExplanation;
  /** The resolved settings for a file (what lint uses). */
  configFor(file: string): ResolvedConfig;
}

/** Reads a stream to its end, or until it holds more than `max` bytes (then stops reading it). */
async function readAll(stream: AsyncIterable<Uint8Array | string>, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    chunks.push(buffer);
    size += buffer.length;
    if (size > max) break;
  }
  return Buffer.concat(chunks);
}

function checkNow(now: string | undefined): string {
  if (now === undefined) return localToday();
  const written = now.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(written)) {
    throw new OptionError(`the date to judge secret expiry against must be written YYYY-MM-DD, such as 2026-11-29; received "${now}"`, {
      option: 'now',
      received: now,
      expected: 'YYYY-MM-DD',
    });
  }
  if (!isCalendarDate(written)) {
    throw new OptionError(`the date to judge secret expiry against must be a day of the calendar, YYYY-MM-DD; "${now}" has no such day`, {
      option: 'now',
      received: now,
      expected: 'a day of the calendar',
    });
  }
  return written;
}

function checkConcurrency(value: LinterOptions['concurrency']): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 64) {
    throw new OptionError(`concurrency is 'auto', 'off' or a number of worker threads from 0 to 64; received ${JSON.stringify(value)}`, {
      option: 'concurrency',
      received: String(value),
      expected: "'auto', 'off' or 0 to 64",
    });
  }
  return value;
}

export function createLinter(options: LinterOptions = {}): Linter {
  const cwd = resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? RULES;
  const today = checkNow(options.now);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const concurrency = checkConcurrency(options.concurrency);

  // settings given directly, checked now: a bad one stops the run before anything is read
  const direct: Record<string, SeveritySetting> = {};
  if (Array.isArray(options.overrides)) {
    for (const text of options.overrides as readonly string[]) {
      const [id, severity] = parseRuleOverride(text, rules);
      direct[id] = severity;
    }
  } else if (options.overrides) {
    for (const [id, severity] of Object.entries(options.overrides as Readonly<Record<string, SeveritySetting>>)) direct[id] = severity;
  }

  const input: SettingsInput = {
    ...(options.configFile === undefined ? {} : { configFile: resolve(cwd, options.configFile) }),
    direct,
    today,
    limits,
  };
  const settings = new LintSettings(input, rules);
  const configFileFor = (full: string) => settings.configFileFor(full);
  const configFor = (file: string): ResolvedConfig => settings.configFor(resolve(cwd, file));
  const lintOptions = (file: string, onDocument?: LintOptions['onDocument']): LintOptions =>
    onDocument ? settings.lintOptionsWith(resolve(cwd, file), onDocument) : settings.lintOptions(resolve(cwd, file));
  const whereOf = (filePath: string | undefined): string =>
    filePath === undefined || filePath === '<stdin>' ? resolve(cwd, 'manifest.yaml') : resolve(cwd, filePath);
  /** The registry's rules by ID, for workers (which build their own); undefined when a rule is not the registry's (none then). */
  const workerRules: readonly string[] | undefined | false =
    rules === RULES ? undefined : rules.every((r) => RULES.includes(r)) ? rules.map((r) => r.id) : false;

  // a config named or found next to the working folder is checked at once, so a broken one stops the run early
  if (options.configFile !== undefined) configFor(resolve(cwd, 'manifest.yaml'));

  const linter: Linter = {
    configFor,

    lintText(text, opts = {}) {
      const filePath = opts.filePath ?? '<text>';
      const where = opts.filePath === undefined || opts.filePath === '<stdin>' ? resolve(cwd, 'manifest.yaml') : resolve(cwd, opts.filePath);
      return lintDocumentText(text, { filePath, json: opts.json ?? false }, lintOptions(where));
    },

    lintBytes(bytes, opts = {}) {
      const filePath = opts.filePath ?? '<stdin>';
      return lintBytes(bytes, { filePath, json: opts.json ?? false }, lintOptions(whereOf(opts.filePath)));
    },

    inspectBytes(bytes, opts = {}) {
      const filePath = opts.filePath ?? '<stdin>';
      const documents: InspectedDocument[] = [];
      const results = lintBytes(bytes, { filePath, json: opts.json ?? false }, lintOptions(whereOf(opts.filePath), (d) => documents.push(d)));
      // a file that could not be decoded or was too large has a result but no document read
      return documents.length === results.length ? documents : results.map((result) => ({ result, view: undefined, sections: [], secrets: new Set<string>() }));
    },

    inspectFile(path) {
      const full = resolve(cwd, path);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(full);
      } catch (error) {
        throw new PathError(`${path}: ${readError(error)}`, { path, ...((error as NodeJS.ErrnoException).code ? { code: (error as NodeJS.ErrnoException).code as string } : {}) });
      }
      return linter.inspectBytes(bytes, { filePath: path, json: extname(path).toLowerCase() === '.json' });
    },

    async run(paths) {
      const targets = paths.length === 0 ? ['.'] : paths;
      const onDisk = targets.filter((p) => p !== '-');
      /** Each file's results, in the order the walk found the files (standard input first). */
      const slots: Array<readonly DocumentResult[] | undefined> = [];
      const linted: string[] = [];
      const rawPaths = new Map<string, Buffer>();
      let skipped = 0;
      let ignored = 0;
      let count = 0;
      const found = new Map<number, number>();
      const manifests = new Set<string>();
      // every PATH is checked first (walkPaths throws a PathError before yielding anything)
      const walk = onDisk.length > 0 ? walkPaths(onDisk, { cwd }) : undefined;
      let step = walk?.next();
      if (targets.includes('-')) {
        if (!options.stdin) throw new StdinError('standard input (-) is not available here', { empty: true });
        let bytes: Uint8Array;
        try {
          bytes = await readAll(options.stdin, limits.maxBytes + 1);
        } catch (error) {
          throw new StdinError(`cannot read standard input: ${describeFsError(error)}`, { empty: false });
        }
        if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
          throw new StdinError('standard input is empty: pipe a manifest in, such as tmcheck lint - < manifest.yaml', { empty: true });
        }
        slots.push(linter.lintBytes(bytes, { filePath: '<stdin>' }));
        count++;
      }
      const cache = options.cache
        ? new LintCache(cacheFilePath(options.cacheLocation, cwd), {
            version: options.toolVersion ?? 'unknown',
            today,
            limits,
            rules: rules.map((r) => r.id),
          })
        : undefined;
      // the first files the walk finds tell whether workers pay for their start
      const ahead: Candidate[] = [];
      while (walk && step && !step.done && ahead.length <= WORKERS_FROM_FILES) {
        ahead.push(step.value);
        step = walk.next();
      }
      const threads = workerRules === false || !isMainThread ? 0 : concurrency === 'auto' ? (step?.done === false ? defaultWorkerCount() : 0) : concurrency;
      const startPool = (): LintPool => new LintPool(threads, { ...input, ...(workerRules ? { rules: workerRules } : {}) }, options.workerEntry);
      // with the cache, most files may need no linting: workers start once enough files do
      const deferred = cache !== undefined && concurrency === 'auto';
      let pool = threads > 0 && !deferred ? startPool() : undefined;
      let toLint = 0;
      /** Files a worker could not lint (it died, or linting threw there): linted here, in order, so that an error is thrown here. */
      const again: Array<() => void> = [];
      const runAgain = (): void => {
        while (again.length > 0) (again.shift() as () => void)();
      };
      try {
        const candidates = function* (): Generator<Candidate> {
          yield* ahead;
          while (walk && step && !step.done) {
            yield step.value;
            step = walk.next();
          }
        };
        for (const c of candidates()) {
          if (c.repeat) {
            if (manifests.has(c.full)) found.set(c.root, (found.get(c.root) ?? 0) + 1);
            continue;
          }
          if (cache && c.full === cache.location) continue;
          if (configFileFor(c.full)?.ignores(c.full)) {
            ignored++;
            if (c.named) found.set(c.root, (found.get(c.root) ?? 0) + 1);
            continue;
          }
          let file: ManifestFile | undefined;
          let read = false;
          const readIt = (): ManifestFile | undefined => {
            if (!read) {
              file = readCandidate(c, limits.maxBytes);
              read = true;
            }
            return file;
          };
          let stamp: FileStamp | undefined;
          let hash: string | undefined;
          if (cache && !c.error) {
            stamp = stampOf(c.raw ?? c.full);
            const cached = cache.lookup(
              c.full,
              c.filePath,
              stamp,
              () => configKey(settings.configFor(c.full)),
              () => {
                const bytes = readIt()?.bytes;
                hash = bytes === undefined ? undefined : contentHash(bytes);
                return hash;
              },
            );
            if (cached === 'skip' && !c.named) {
              skipped++;
              continue;
            }
            if (cached !== undefined && cached !== 'skip') {
              manifests.add(c.full);
              found.set(c.root, (found.get(c.root) ?? 0) + 1);
              slots.push(cached);
              linted.push(c.full);
          if (c.raw) rawPaths.set(c.full, c.raw);
              if (c.raw) rawPaths.set(c.full, c.raw);
              count++;
              continue;
            }
          }
          const manifest = readIt();
          if (!manifest) {
            skipped++;
            if (!c.named) cache?.storeSkipped(c.full, c.filePath, stamp);
            continue;
          }
          // the settings are resolved here, in the order of the walk, so that a broken config stops the run where it would on one thread
          const lintWith = settings.lintOptions(c.full);
          manifests.add(c.full);
          found.set(c.root, (found.get(c.root) ?? 0) + 1);
          linted.push(c.full);
          if (c.raw) rawPaths.set(c.full, c.raw);
          count++;
          const index = slots.length;
          slots.push(undefined);
          if (cache && manifest.bytes !== undefined && hash === undefined) hash = contentHash(manifest.bytes);
          const fileHash = hash;
          const settingsKey = cache ? configKey(lintWith.config) : '';
          const done = (results: readonly DocumentResult[]): void => {
            slots[index] = results;
            if (!cache) return;
            // a file read in part (too large) or not at all is linted again next time
            if (fileHash !== undefined && manifest.bytes !== undefined) cache.store(c.full, c.filePath, stamp, fileHash, settingsKey, results);
            else cache.countLinted();
          };
          const here = (): void => done(lintFile(manifest, lintWith));
          if (!pool && threads > 0 && ++toLint > WORKERS_FROM_FILES) pool = startPool();
          const size = manifest.bytes?.byteLength ?? 0;
          // a number of workers lints every file there (this thread waits for room); 'auto' lints here when they are all busy
          if (pool && concurrency !== 'auto') {
            while (pool.alive && !pool.hasRoom(size)) {
              pool.flush();
              await pool.next();
              runAgain();
            }
          }
          if (pool?.hasRoom(size)) {
            pool.add({ filePath: manifest.filePath, full: c.full, json: manifest.json, ...(manifest.bytes ? { bytes: manifest.bytes } : {}), ...(manifest.readError ? { readError: manifest.readError } : {}) }, (outcome) => {
              if (outcome && 'results' in outcome) done(outcome.results);
              else again.push(here);
            });
          } else {
            // no worker can take it now (none ready yet, or all busy): this thread lints it
            pool?.flush();
            here();
          }
          if (pool) {
            await pool.poll();
            runAgain();
          }
        }
        if (pool) {
          await pool.drain();
          runAgain();
        }
      } finally {
        await pool?.close();
      }
      // a folder named that holds no manifest is a mistake (a typo, a moved folder), also beside others that do
      const empty = onDisk.filter((p, i) => !found.has(i) && isFolder(resolve(cwd, p)));
      if (empty.length > 0) throw noManifestError(empty, count === 0 ? skipped : 0);
      if (count === 0 && ignored === 0) throw noManifestError(targets, skipped);
      cache?.save();
      const results: DocumentResult[] = [];
      for (const slot of slots) if (slot) for (const r of slot) results.push(r);
      return {
        results,
        files: count,
        skipped,
        ignored,
        paths: linted,
        rawPaths,
        workers: pool?.used ?? 0,
        ...(cache ? { cache: cache.report() } : {}),
      };
    },

    async lintPaths(paths) {
      return (await linter.run(paths)).results;
    },

    resolveConfigFor(file) {
      const full = resolve(cwd, file);
      const config = configFileFor(full);
      const result = configFor(full);
      const sources = result.sources;
      return {
        file,
        ...(config ? { configFile: config.path } : {}),
        ignored: config?.ignores(full) ?? false,
        rules: [...result.rules].map(([id, s]) => ({ id, severity: s.severity, options: s.options, source: sources?.rules.get(id) ?? 'default' })),
        minimumBuilds: [...result.minimumBuilds].map(([db, build]) => ({ db, build, source: sources?.minimumBuilds.get(db) ?? 'default' })),
      };
    },
  };
  return linter;
}

export { ConfigError };
