import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { validateConfig } from '@tmcheck/schemas';
import { minimumBuildTable, type MinimumBuildTable } from '@tmcheck/versions';
import { UsageError, closest } from '../errors.js';
import type { SeveritySetting } from '../finding.js';
import { describeFsError } from '../files/collect.js';
import { decode } from '../load/decode.js';
import { isObj } from '../model/access.js';
import { getAt, splitPointer } from '../load/pointer.js';
import type { Rule } from './define-rule.js';

export const CONFIG_FILE_NAMES = ['tmcheck.config.json', 'tmcheck.config.yaml', 'tmcheck.config.yml'] as const;

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
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** The config file in `cwd` or the nearest folder above it. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function unknownRule(id: string, where: string, rules: readonly Rule[]): UsageError {
  const ids = rules.map((r) => r.id);
  const near = closest(id, ids);
  const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '';
  return new UsageError(`unknown rule "${id}" ${where}${hint} (tmcheck rules lists them all)`);
}

function checkOptions(rule: Rule, options: unknown, where: string): Record<string, number> {
  const result: Record<string, number> = {};
  const spec = rule.options ?? {};
  for (const [name, opt] of Object.entries(spec)) result[name] = opt.default;
  if (options === undefined) return result;
  if (!isObj(options)) throw new UsageError(`the options of ${rule.id} ${where} must be an object, such as { "days": 45 }`);
  for (const [name, value] of Object.entries(options)) {
    const opt = spec[name];
    if (!opt) {
      const known = Object.keys(spec);
      throw new UsageError(
        `${rule.id} has no option "${name}" ${where}; ${known.length > 0 ? `its options: ${known.join(', ')}` : 'it takes no options'}`,
      );
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < opt.minimum || value > opt.maximum) {
      throw new UsageError(
        `the option "${name}" of ${rule.id} ${where} must be a whole number from ${opt.minimum} to ${opt.maximum} (${opt.description}); received ${JSON.stringify(value)}`,
      );
    }
    result[name] = value;
  }
  return result;
}

/** Reads and validates a config file. Every problem is a UsageError naming the file and the field. */
export function readConfigFile(filePath: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    throw new UsageError(`cannot read the config file ${filePath}: ${describeFsError(error)}`);
  }
  // the same encodings as a manifest: UTF-8, or UTF-16 with a byte order mark (Windows editors write it)
  const decoded = decode(bytes);
  if (!decoded.ok) throw new UsageError(`the config file ${filePath} cannot be read: ${decoded.message}`);
  const text = decoded.value.text;
  let data: unknown;
  try {
    data = load(text.replace(/^\uFEFF/, ''), { schema: CORE_SCHEMA, filename: filePath });
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number; column: number } };
    const at = e.mark ? `:${e.mark.line + 1}:${e.mark.column + 1}` : '';
    throw new UsageError(`the config file ${filePath}${at} is not valid JSON/YAML: ${e.reason ?? String(error)}`);
  }
  if (data === undefined || data === null) return {};
  const verdict = validateConfig(data);
  if (!verdict.valid) {
    // the most telling error: an enum or type failure beats the anyOf that wraps it
    const first = verdict.errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf') ?? verdict.errors[0];
    const tokens = first ? splitPointer(first.instancePath) : [];
    const field = tokens.length === 0 ? 'the top level' : tokens.join(' > ');
    const value = first ? getAt(data, first.instancePath) : undefined;
    let detail: string;
    if (first?.keyword === 'additionalProperties') {
      const name = String((first.params as { additionalProperty?: string }).additionalProperty);
      const near = closest(name, ['rules', 'minimumBuilds', '$schema'], 1);
      detail = `unknown property "${name}"${near.length > 0 ? `: did you mean "${near[0]}"?` : ''}; allowed: rules, minimumBuilds`;
    } else if (tokens[0] === 'rules') {
      const near = typeof value === 'string' ? closest(value, SEVERITY_SETTINGS, 1) : [];
      detail = `received ${JSON.stringify(value)}${near.length > 0 ? ` (did you mean "${near[0]}"?)` : ''}; a rule's setting is one of ${SEVERITY_SETTINGS.join(', ')}, or [severity, { options }]`;
    } else if (tokens[0] === 'minimumBuilds') {
      detail = `received ${JSON.stringify(value)}; write a DB version and its minimum build, such as "minimumBuilds": { "666": 8400 }`;
    } else if (tokens.length === 0 && first?.keyword === 'type') {
      detail = `received ${JSON.stringify(data)}; a config file is a mapping, such as { "rules": { "oauth2/secret-plaintext": "off" } }`;
    } else {
      detail = first?.message ?? 'invalid';
    }
    throw new UsageError(`the config file ${filePath} is invalid at ${field}: ${detail}`);
  }
  return data;
}

/** Parses `--rule ID:SEVERITY`. */
export function parseRuleOverride(text: string, rules: readonly Rule[]): [string, SeveritySetting] {
  if (text.includes(',')) {
    throw new UsageError(`--rule takes one rule: repeat it for each, such as --rule oauth2/secret-plaintext:off --rule exchange/timeout:error; received "${text}"`);
  }
  const colon = text.lastIndexOf(':');
  if (colon <= 0) {
    throw new UsageError(`--rule expects ID:SEVERITY, such as oauth2/secret-plaintext:off; received "${text}"`);
  }
  const id = text.slice(0, colon).trim();
  const severity = text.slice(colon + 1).trim() as SeveritySetting;
  if (!rules.some((r) => r.id === id)) throw unknownRule(id, 'in --rule', rules);
  if (!SEVERITY_SETTINGS.includes(severity)) {
    const near = closest(severity, SEVERITY_SETTINGS, 1);
    throw new UsageError(
      `--rule ${id}: the severity must be one of ${SEVERITY_SETTINGS.join(', ')}, such as ${id}:warning; received "${severity}"${near.length > 0 && String(severity) !== '' ? ` (did you mean ${near[0]}?)` : ''}`,
    );
  }
  return [id, severity];
}

function checkChangeable(id: string, severity: SeveritySetting, where: string): void {
  if (id === 'parse' && severity !== 'error') {
    throw new UsageError(`parse cannot be set to ${severity} ${where}: a file that cannot be read is always an error`);
  }
}

/** Combines the defaults, a config file's data and command-line overrides. */
export function resolveConfig(
  rules: readonly Rule[],
  input: { config?: unknown; configPath?: string; overrides?: readonly string[] } = {},
): ResolvedConfig {
  const where = input.configPath ? `in ${input.configPath}` : 'in the config';
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) settings.set(rule.id, { severity: rule.severity, options: checkOptions(rule, undefined, where) });
  const config = isObj(input.config) ? input.config : {};
  const ruleEntries = isObj(config['rules']) ? config['rules'] : {};
  for (const [id, value] of Object.entries(ruleEntries)) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw unknownRule(id, where, rules);
    const [severity, options] = Array.isArray(value) ? value : [value, undefined];
    if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
      throw new UsageError(`${id} ${where}: the severity must be one of ${SEVERITY_SETTINGS.join(', ')}; received ${JSON.stringify(severity)}`);
    }
    checkChangeable(id, severity as SeveritySetting, where);
    settings.set(id, { severity: severity as SeveritySetting, options: checkOptions(rule, options, where) });
  }
  for (const text of input.overrides ?? []) {
    const [id, severity] = parseRuleOverride(text, rules);
    checkChangeable(id, severity, 'in --rule');
    const current = settings.get(id);
    settings.set(id, { severity, options: current?.options ?? {} });
  }
  const extra = isObj(config['minimumBuilds']) ? (config['minimumBuilds'] as Record<string, number>) : undefined;
  let minimumBuilds: MinimumBuildTable;
  try {
    minimumBuilds = minimumBuildTable(extra);
  } catch (error) {
    throw new UsageError(
      `minimumBuilds ${where}: ${(error as Error).message}; write a DB version and its minimum build, such as "minimumBuilds": { "666": 8400 }`,
    );
  }
  const base = { rules: settings, minimumBuilds };
  return input.configPath ? { ...base, filePath: input.configPath } : base;
}
