/**
 * Configuration: the config file nearest each manifest (or one named), its rules, minimum builds,
 * `overrides` for some paths and `ignores`, and the settings given directly (the CLI's --rule).
 * Every setting remembers where it came from, for --print-config.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { CORE_SCHEMA, load, type LoadOptions } from 'js-yaml';
import { validateConfig, type SchemaError } from '@tmcheck/schemas';
import { DEFAULT_MINIMUM_BUILDS, minimumBuildTable, type MinimumBuildTable } from '@tmcheck/versions';
import { ConfigError, closest } from '../errors.js';
import type { SeveritySetting } from '../finding.js';
import { describeFsError } from '../files/fs-errors.js';
import { decode } from '../load/decode.js';
import { DEFAULT_LIMITS, expandedSize } from '../load/parse-documents.js';
import { isObj } from '../model/data.js';
import { getAt, splitPointer } from '../load/pointer.js';
import type { AnyRule } from './define-rule.js';

export { CONFIG_FILE_NAMES, findConfigFile } from '../files/config-files.js';

export interface RuleSetting {
  readonly severity: SeveritySetting;
  readonly options: Readonly<Record<string, number>>;
}

/** Every rule's effective setting, and the minimum-build table. */
export interface ResolvedConfig {
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly minimumBuilds: MinimumBuildTable;
  /** The config file read, if any. */
  readonly filePath?: string;
  /** Where each rule's setting and each minimum build came from (for --print-config). */
  readonly sources?: {
    readonly rules: ReadonlyMap<string, string>;
    readonly minimumBuilds: ReadonlyMap<number, string>;
  };
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** ESLint's words and numbers for severities, accepted as aliases. */
const SEVERITY_ALIASES: Readonly<Record<string, SeveritySetting>> = { warn: 'warning', '0': 'off', '1': 'warning', '2': 'error' };

/** A severity as written (`warning`, `warn`, `1`, 1) as tmcheck's word, or undefined when it is none. */
export function normalizeSeverity(value: unknown): SeveritySetting | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? SEVERITY_ALIASES[String(value)] : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if ((SEVERITY_SETTINGS as readonly string[]).includes(v)) return v as SeveritySetting;
  return SEVERITY_ALIASES[v];
}


/** `rules > oauth2/scope`, `overrides #2 > files` for a JSON Pointer into a config. */
function whereOf(pointer: string): string {
  const tokens = splitPointer(pointer);
  if (tokens.length === 0) return 'the top level';
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (/^\d+$/.test(t) && i > 0) words[words.length - 1] = `${words[words.length - 1]} #${Number(t) + 1}`;
    else words.push(t);
  }
  return words.join(' > ');
}

function schemaProblem(file: string, data: unknown, errors: readonly SchemaError[]): ConfigError {
  // the most telling error: an enum or type failure beats the anyOf that wraps it
  const first = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf') ?? errors[0];
  const pointer = first?.instancePath ?? '';
  const tokens = splitPointer(pointer);
  const value = getAt(data, pointer);
  const where = whereOf(pointer);
  const received = JSON.stringify(value) ?? String(value);
  let detail: string;
  let suggestions: string[] = [];
  if (first?.keyword === 'additionalProperties') {
    const name = String((first.params as { additionalProperty?: string }).additionalProperty);
    const allowed = tokens[0] === 'overrides' ? ['files', 'rules', 'minimumBuilds'] : ['rules', 'minimumBuilds', 'overrides', 'ignores', '$schema'];
    suggestions = closest(name, allowed, 1);
    detail = `unknown property "${name}"${suggestions.length > 0 ? `: did you mean "${suggestions[0]}"?` : ''}; allowed: ${allowed.filter((a) => a !== '$schema').join(', ')}`;
  } else if (tokens.includes('rules')) {
    suggestions = typeof value === 'string' ? closest(value, [...SEVERITY_SETTINGS, 'warn'], 1) : [];
    detail = `received ${received}${suggestions.length > 0 ? ` (did you mean "${suggestions[0]}"?)` : ''}; a rule's setting is one of ${SEVERITY_SETTINGS.join(', ')} (or ESLint's warn, 0, 1, 2), or [severity, { options }]`;
  } else if (tokens.includes('minimumBuilds')) {
    detail = `received ${received}; write a DB version and its minimum build, such as "minimumBuilds": { "666": 8400 }`;
  } else if (tokens[0] === 'overrides') {
    detail = `received ${received}; an override is { "files": ["vessels/legacy/**"], "rules": { ... }, "minimumBuilds": { ... } }`;
  } else if (tokens[0] === 'ignores') {
    detail = `received ${received}; ignores is a list of globs, such as "ignores": ["drafts/**"]`;
  } else if (tokens.length === 0 && first?.keyword === 'type') {
    detail = `received ${received}; a config file is a mapping, such as { "rules": { "oauth2/secret-plaintext": "off" } }`;
  } else {
    detail = first?.message ?? 'invalid';
  }
  return new ConfigError(`the config file ${file} is invalid at ${where}: ${detail}`, {
    problem: 'invalid',
    file,
    where,
    received,
    suggestions,
  });
}

/** The largest config file read: a config is a few hundred bytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A file's bytes, when it is a regular file within `max` bytes: a FIFO (whose open would wait for a writer for
 * ever: opened without waiting, then refused), a device such as /dev/zero (that never ends) or a file of
 * gigabytes is a ConfigError, not a hang.
 */
function readBoundedFile(filePath: string, max: number): Uint8Array {
  const fd = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    if (!stat.isFile()) {
      throw new ConfigError(`the config file ${filePath} is not a file (a FIFO or a device): name a tmcheck.config.json or .yaml file`, { problem: 'unreadable', file: filePath });
    }
    if (stat.size > max) {
      throw new ConfigError(`the config file ${filePath} is ${stat.size} bytes, over the limit of ${max} bytes: a config file is a few hundred bytes`, { problem: 'unreadable', file: filePath });
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Reads and validates a config file's data. Every problem is a ConfigError naming the file and the field. */
export function readConfigFile(filePath: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = readBoundedFile(filePath, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`cannot read the config file ${filePath}: ${describeFsError(error)}`, { problem: 'unreadable', file: filePath });
  }
  // the same encodings as a manifest: UTF-8, or UTF-16 with a byte order mark (Windows editors write it)
  const decoded = decode(bytes);
  if (!decoded.ok) {
    throw new ConfigError(`the config file ${filePath} cannot be read: ${decoded.message}`, { problem: 'unreadable', file: filePath });
  }
  let data: unknown;
  try {
    // the loader's limits for manifests: no nesting that overflows a stack, no alias bomb for the validator to walk
    data = load(decoded.value.text.replace(/^\uFEFF/, ''), { schema: CORE_SCHEMA, filename: filePath, maxDepth: DEFAULT_LIMITS.maxDepth } as LoadOptions);
    if (expandedSize(data, DEFAULT_LIMITS.maxExpandedNodes) > DEFAULT_LIMITS.maxExpandedNodes) {
      throw Object.assign(new Error('aliases'), { reason: `aliases expand it to more than ${DEFAULT_LIMITS.maxExpandedNodes} nodes: a config file needs none` });
    }
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number; column: number } };
    const at = e.mark ? `:${e.mark.line + 1}:${e.mark.column + 1}` : '';
    throw new ConfigError(`the config file ${filePath}${at} is not valid JSON/YAML: ${e.reason ?? 'syntax error'}`, {
      problem: 'syntax',
      file: filePath,
      ...(e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : {}),
    });
  }
  if (data === undefined || data === null) return {};
  const verdict = validateConfig(data);
  if (!verdict.valid) throw schemaProblem(filePath, data, verdict.errors);
  return data;
}

/** One source of settings, in the order they apply (later layers win). */
export interface ConfigLayer {
  /** Where the settings come from, in words: `tmcheck.config.json`, `tmcheck.config.json, overrides #2`, `--rule`. */
  readonly source: string;
  /** The file, for messages; undefined for settings given directly. */
  readonly file?: string;
  /** Where in the file (`overrides #2 > rules`), for messages. */
  readonly where?: string;
  readonly rules?: Readonly<Record<string, unknown>>;
  readonly minimumBuilds?: Readonly<Record<string, number>>;
}

function unknownRule(id: string, layer: ConfigLayer, rules: readonly AnyRule[]): ConfigError {
  const near = closest(id, rules.map((r) => r.id));
  const at = layer.file ? ` in ${layer.file}${layer.where ? ` (${layer.where})` : ''}` : '';
  return new ConfigError(`unknown rule "${id}"${at}${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}`, {
    problem: 'unknown-rule',
    ...(layer.file ? { file: layer.file } : {}),
    ...(layer.where ? { where: layer.where } : {}),
    rule: id,
    suggestions: near,
  });
}

function inLayer(layer: ConfigLayer): string {
  return layer.file ? ` in ${layer.file}${layer.where ? ` (${layer.where})` : ''}` : '';
}

function checkOptions(rule: AnyRule, options: unknown, layer: ConfigLayer): Record<string, number> {
  const result: Record<string, number> = {};
  const spec = rule.options ?? {};
  for (const [name, opt] of Object.entries(spec)) result[name] = opt.default;
  if (options === undefined) return result;
  const fail = (message: string, received?: string): ConfigError =>
    new ConfigError(message, { problem: 'bad-options', ...(layer.file ? { file: layer.file } : {}), rule: rule.id, ...(received ? { received } : {}) });
  if (!isObj(options)) throw fail(`the options of ${rule.id}${inLayer(layer)} must be an object, such as { "days": 45 }`);
  for (const [name, value] of Object.entries(options)) {
    const opt = spec[name];
    if (!opt) {
      const known = Object.keys(spec);
      throw fail(`${rule.id} has no option "${name}"${inLayer(layer)}; ${known.length > 0 ? `its options: ${known.join(', ')}` : 'it takes no options'}`);
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < opt.minimum || value > opt.maximum) {
      throw fail(
        `the option "${name}" of ${rule.id}${inLayer(layer)} must be a whole number from ${opt.minimum} to ${opt.maximum} (${opt.description}); received ${JSON.stringify(value)}`,
        JSON.stringify(value),
      );
    }
    result[name] = value;
  }
  return result;
}

function checkChangeable(id: string, severity: SeveritySetting, layer: ConfigLayer): void {
  if (id === 'parse' && severity !== 'error') {
    throw new ConfigError(`parse cannot be set to ${severity}${inLayer(layer)}: a file that cannot be read is always an error`, {
      problem: 'not-changeable',
      ...(layer.file ? { file: layer.file } : {}),
      rule: id,
    });
  }
}

/** Combines the rules' defaults with layers of settings, later layers winning; records where each setting came from. */
export function resolveLayers(rules: readonly AnyRule[], layers: readonly ConfigLayer[], filePath?: string): ResolvedConfig {
  const settings = new Map<string, RuleSetting>();
  const ruleSources = new Map<string, string>();
  const noLayer: ConfigLayer = { source: 'default' };
  for (const rule of rules) {
    settings.set(rule.id, { severity: rule.severity, options: checkOptions(rule, undefined, noLayer) });
    ruleSources.set(rule.id, 'default');
  }
  const extra: Record<string, number> = {};
  const buildSources = new Map<number, string>();
  for (const db of Object.keys(DEFAULT_MINIMUM_BUILDS)) buildSources.set(Number(db), 'default');
  for (const layer of layers) {
    for (const [id, value] of Object.entries(layer.rules ?? {})) {
      const rule = rules.find((r) => r.id === id);
      if (!rule) throw unknownRule(id, layer, rules);
      const [written, options] = Array.isArray(value) ? value : [value, undefined];
      const severity = normalizeSeverity(written);
      if (severity === undefined) {
        const near = typeof written === 'string' ? closest(written, [...SEVERITY_SETTINGS, 'warn'], 1) : [];
        throw new ConfigError(
          `${id}${inLayer(layer)}: the severity must be one of ${SEVERITY_SETTINGS.join(', ')} (or ESLint's warn, 0, 1, 2); received ${JSON.stringify(written)}${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}`,
          { problem: 'bad-severity', ...(layer.file ? { file: layer.file } : {}), rule: id, received: JSON.stringify(written), suggestions: near },
        );
      }
      checkChangeable(id, severity, layer);
      const current = settings.get(id);
      settings.set(id, {
        severity,
        options: options === undefined ? (current?.options ?? checkOptions(rule, undefined, layer)) : checkOptions(rule, options, layer),
      });
      ruleSources.set(id, layer.source);
    }
    if (layer.minimumBuilds === undefined) continue;
    try {
      minimumBuildTable(layer.minimumBuilds);
    } catch (error) {
      throw new ConfigError(
        `minimumBuilds${inLayer(layer)}: ${(error as Error).message}; write a DB version and its minimum build, such as "minimumBuilds": { "666": 8400 }`,
        { problem: 'bad-minimum-builds', ...(layer.file ? { file: layer.file } : {}) },
      );
    }
    for (const [db, build] of Object.entries(layer.minimumBuilds)) {
      extra[db] = build;
      buildSources.set(Number(db), layer.source);
    }
  }
  const minimumBuilds: MinimumBuildTable = minimumBuildTable(extra);
  return {
    rules: settings,
    minimumBuilds,
    ...(filePath ? { filePath } : {}),
    sources: { rules: ruleSources, minimumBuilds: buildSources },
  };
}

/** Parses one rule setting given directly, `ID:SEVERITY` (the CLI's --rule). */
export function parseRuleOverride(text: string, rules: readonly AnyRule[]): [string, SeveritySetting] {
  const direct: ConfigLayer = { source: '--rule' };
  if (text.includes(',')) {
    throw new ConfigError(`one rule setting names one rule: give several, one each, such as oauth2/secret-plaintext:off and exchange/timeout:error; received "${text}"`, {
      problem: 'bad-severity',
      received: text,
    });
  }
  const colon = text.lastIndexOf(':');
  if (colon <= 0) {
    throw new ConfigError(`a rule setting is ID:SEVERITY, such as oauth2/secret-plaintext:off; received "${text}"`, {
      problem: 'bad-severity',
      received: text,
    });
  }
  const id = text.slice(0, colon).trim();
  const written = text.slice(colon + 1).trim();
  if (!rules.some((r) => r.id === id)) throw unknownRule(id, direct, rules);
  const severity = normalizeSeverity(written);
  if (severity === undefined) {
    const near = written === '' ? [] : closest(written, [...SEVERITY_SETTINGS, 'warn'], 1);
    throw new ConfigError(
      `${id}: the severity must be one of ${SEVERITY_SETTINGS.join(', ')} (or ESLint's warn, 0, 1, 2), such as ${id}:warning; received "${written}"${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}`,
      { problem: 'bad-severity', rule: id, received: written, suggestions: near },
    );
  }
  checkChangeable(id, severity, direct);
  return [id, severity];
}

/** Combines the defaults, a config file's data (top level only) and rule settings given directly. */
export function resolveConfig(
  rules: readonly AnyRule[],
  input: { config?: unknown; configPath?: string; overrides?: readonly string[] } = {},
): ResolvedConfig {
  const layers: ConfigLayer[] = [];
  const config = isObj(input.config) ? input.config : {};
  layers.push({
    source: input.configPath ?? 'the config',
    ...(input.configPath ? { file: input.configPath } : {}),
    ...(isObj(config['rules']) ? { rules: config['rules'] } : {}),
    ...(isObj(config['minimumBuilds']) ? { minimumBuilds: config['minimumBuilds'] as Record<string, number> } : {}),
  });
  const direct: Record<string, SeveritySetting> = {};
  for (const text of input.overrides ?? []) {
    const [id, severity] = parseRuleOverride(text, rules);
    direct[id] = severity;
  }
  if (Object.keys(direct).length > 0) layers.push({ source: '--rule', rules: direct });
  return resolveLayers(rules, layers, input.configPath);
}

/** A config file read and validated, with what it says for each manifest path. */
export class ConfigFile {
  readonly dir: string;
  readonly #ignores: Array<(path: string) => boolean>;
  readonly #overrides: Array<{ index: number; match: (path: string) => boolean; files: readonly string[]; data: Record<string, unknown> }>;

  constructor(
    readonly path: string,
    readonly data: Readonly<Record<string, unknown>>,
  ) {
    this.dir = dirname(path);
    const globs = (list: unknown): string[] => (Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : []);
    const matcher = (patterns: readonly string[]): ((path: string) => boolean) =>
      picomatch(patterns.map((p) => p.replace(/^\.\//, '')), { dot: true });
    const ignores = globs(data['ignores']);
    this.#ignores = ignores.length > 0 ? [matcher(ignores)] : [];
    const overrides = Array.isArray(data['overrides']) ? data['overrides'] : [];
    this.#overrides = overrides.filter(isObj).map((o, index) => {
      const files = globs(o['files']);
      return { index, match: matcher(files), files, data: o as Record<string, unknown> };
    });
  }

  static read(path: string): ConfigFile {
    const data = readConfigFile(path);
    return new ConfigFile(path, isObj(data) ? data : {});
  }

  /** The path as the globs see it: relative to the config's folder, with forward slashes. */
  relativePath(file: string): string {
    return relative(this.dir, resolve(file)).split(sep).join('/');
  }

  /** Whether `ignores` excludes the file (or a folder holding it). */
  ignores(file: string): boolean {
    if (this.#ignores.length === 0) return false;
    const rel = this.relativePath(file);
    if (rel.startsWith('../')) return false;
    const parts = rel.split('/');
    for (let i = parts.length; i > 0; i--) {
      const candidate = parts.slice(0, i).join('/');
      if (this.#ignores.some((m) => m(candidate) || m(`${candidate}/`))) return true;
    }
    return false;
  }

  /** The settings that apply to a file: the config's own, then each matching override in order. */
  layersFor(file: string | undefined): ConfigLayer[] {
    const name = this.path;
    const layers: ConfigLayer[] = [
      {
        source: name,
        file: name,
        ...(isObj(this.data['rules']) ? { rules: this.data['rules'] } : {}),
        ...(isObj(this.data['minimumBuilds']) ? { minimumBuilds: this.data['minimumBuilds'] as Record<string, number> } : {}),
      },
    ];
    if (file === undefined) return layers;
    const rel = this.relativePath(file);
    for (const o of this.#overrides) {
      if (!o.match(rel)) continue;
      layers.push({
        source: `${name}, overrides #${o.index + 1} (${o.files.join(', ')})`,
        file: name,
        where: `overrides #${o.index + 1}`,
        ...(isObj(o.data['rules']) ? { rules: o.data['rules'] } : {}),
        ...(isObj(o.data['minimumBuilds']) ? { minimumBuilds: o.data['minimumBuilds'] as Record<string, number> } : {}),
      });
    }
    return layers;
  }

  /** A key naming which overrides match a file: files with the same key share one resolved config. */
  overrideKey(file: string): string {
    const rel = this.relativePath(file);
    return this.#overrides.filter((o) => o.match(rel)).map((o) => o.index).join(',');
  }
}

/** Whether a path names a folder (for config discovery from a manifest's folder). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The minimum-build table a config file gives (its top-level minimumBuilds over the built-in table), or the built-in one. */
export function minimumBuildsOf(configPath: string | undefined): MinimumBuildTable {
  if (configPath === undefined) return minimumBuildTable();
  const file = ConfigFile.read(configPath);
  const layer = file.layersFor(undefined)[0];
  const extra = layer?.minimumBuilds;
  try {
    return minimumBuildTable(extra);
  } catch (error) {
    throw new ConfigError(`minimumBuilds in ${configPath}: ${(error as Error).message}; write a DB version and its minimum build, such as "minimumBuilds": { "666": 8400 }`, {
      problem: 'bad-minimum-builds',
      file: configPath,
    });
  }
}
