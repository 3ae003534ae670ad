/**
 * The one entry every front end uses (ESLint's `ESLint` class, for tmcheck): config discovery,
 * collecting files from paths and folders, standard input, the lint loop, inline exceptions, and
 * results. Front ends only parse their arguments, render results and choose an exit status.
 */
import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { DocumentResult, SeveritySetting } from './finding.js';
import { ConfigError, OptionError, PathError, StdinError } from './errors.js';
import { ConfigFile, findConfigFile, isFolder, parseRuleOverride, resolveLayers, type ConfigLayer, type ResolvedConfig } from './engine/config.js';
import type { AnyRule } from './engine/define-rule.js';
import { lintBytes, lintFile, lintText as lintDocumentText, type InspectedDocument, type LintOptions } from './engine/lint-document.js';
import { noManifestError, readCandidate, walkPaths } from './files/collect.js';
import { describeFsError, readError } from './files/fs-errors.js';
import { DEFAULT_LIMITS, type Limits } from './load/parse-documents.js';
import { isCalendarDate, localToday } from './model/date.js';
import { RULES } from './rules/index.js';

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

export function createLinter(options: LinterOptions = {}): Linter {
  const cwd = resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? RULES;
  const today = checkNow(options.now);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };

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
  const directLayer: ConfigLayer | undefined = Object.keys(direct).length > 0 ? { source: '--rule', rules: direct } : undefined;

  const given = options.configFile === undefined ? undefined : ConfigFile.read(resolve(cwd, options.configFile));
  const files = new Map<string, ConfigFile>();
  const nearest = new Map<string, ConfigFile | undefined>();
  const resolved = new Map<string, ResolvedConfig>();

  /** The config file that applies to a manifest at `full`: the one given, or the nearest. */
  const configFileFor = (full: string): ConfigFile | undefined => {
    if (given) return given;
    const dir = dirname(full);
    if (nearest.has(dir)) return nearest.get(dir);
    const path = findConfigFile(dir);
    let file: ConfigFile | undefined;
    if (path !== undefined) {
      file = files.get(path);
      if (!file) {
        file = ConfigFile.read(path);
        files.set(path, file);
      }
    }
    nearest.set(dir, file);
    return file;
  };

  const configFor = (file: string): ResolvedConfig => {
    const full = resolve(cwd, file);
    const config = configFileFor(full);
    const key = config ? `${config.path}\u0000${config.overrideKey(full)}` : '';
    const known = resolved.get(key);
    if (known) return known;
    const layers = [...(config ? config.layersFor(full) : []), ...(directLayer ? [directLayer] : [])];
    const result = resolveLayers(rules, layers, config?.path);
    resolved.set(key, result);
    return result;
  };

  const lintOptions = (file: string, onDocument?: LintOptions['onDocument']): LintOptions => ({
    config: configFor(file),
    today,
    rules,
    limits,
    ...(onDocument ? { onDocument } : {}),
  });
  const whereOf = (filePath: string | undefined): string =>
    filePath === undefined || filePath === '<stdin>' ? resolve(cwd, 'manifest.yaml') : resolve(cwd, filePath);

  // a config named or found next to the working folder is checked at once, so a broken one stops the run early
  if (given) configFor(resolve(cwd, 'manifest.yaml'));

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
      const results: DocumentResult[] = [];
      const linted: string[] = [];
      let skipped = 0;
      let ignored = 0;
      let count = 0;
      const found = new Map<number, number>();
      const manifests = new Set<string>();
      // every PATH is checked first (walkPaths throws a PathError before yielding anything)
      const walk = onDisk.length > 0 ? walkPaths(onDisk, { cwd }) : undefined;
      const first = walk?.next();
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
        results.push(...linter.lintBytes(bytes, { filePath: '<stdin>' }));
        count++;
      }
      if (walk && first) {
        for (let step = first; !step.done; step = walk.next()) {
          const c = step.value;
          if (c.repeat) {
            if (manifests.has(c.full)) found.set(c.root, (found.get(c.root) ?? 0) + 1);
            continue;
          }
          if (!c.named && configFileFor(c.full)?.ignores(c.full)) {
            ignored++;
            continue;
          }
          if (c.named && configFileFor(c.full)?.ignores(c.full)) {
            ignored++;
            found.set(c.root, (found.get(c.root) ?? 0) + 1);
            continue;
          }
          const file = readCandidate(c, limits.maxBytes);
          if (!file) {
            skipped++;
            continue;
          }
          manifests.add(c.full);
          found.set(c.root, (found.get(c.root) ?? 0) + 1);
          results.push(...lintFile(file, lintOptions(c.full)));
          linted.push(c.full);
          count++;
        }
      }
      // a folder named that holds no manifest is a mistake (a typo, a moved folder), also beside others that do
      const empty = onDisk.filter((p, i) => !found.has(i) && isFolder(resolve(cwd, p)));
      if (empty.length > 0) throw noManifestError(empty, count === 0 ? skipped : 0);
      if (count === 0 && ignored === 0) throw noManifestError(targets, skipped);
      return { results, files: count, skipped, ignored, paths: linted };
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
