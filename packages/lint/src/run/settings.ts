/**
 * The settings a run lints with, per file: the config file that applies (the one given, or the one
 * nearest the manifest), its overrides for the file's path, the rules given directly, the date and
 * the limits. One instance per thread: the linter's, and each worker's, built from the same input,
 * so that a file gets the same settings wherever it is linted.
 */
import { dirname } from 'node:path';
import type { SeveritySetting } from '../finding.js';
import { ConfigFile, findConfigFile, resolveLayers, type ConfigLayer, type ResolvedConfig } from '../engine/config.js';
import type { AnyRule } from '../engine/define-rule.js';
import type { LintOptions } from '../engine/lint-document.js';
import type { Limits } from '../load/parse-documents.js';

/** What the settings are built from: plain data, so that a worker receives the same as the linter. */
export interface SettingsInput {
  /** The absolute path of the config file for every manifest; undefined: the nearest to each. */
  readonly configFile?: string;
  /** Rule settings given directly (--rule), already checked. */
  readonly direct: Readonly<Record<string, SeveritySetting>>;
  /** `YYYY-MM-DD`, already checked. */
  readonly today: string;
  readonly limits: Limits;
}

export class LintSettings {
  readonly #rules: readonly AnyRule[];
  readonly #today: string;
  readonly #limits: Limits;
  readonly #direct: ConfigLayer | undefined;
  readonly #given: ConfigFile | undefined;
  /** Config files read, by path. */
  readonly #files = new Map<string, ConfigFile>();
  /** The config file that applies in each folder (undefined: none). */
  readonly #nearest = new Map<string, ConfigFile | undefined>();
  /** Resolved settings, by config file and the overrides that match. */
  readonly #resolved = new Map<string, ResolvedConfig>();
  /** Whether a config file has overrides (when it has none, every file under it shares one resolved config). */
  readonly #hasOverrides = new WeakMap<ConfigFile, boolean>();
  /** The lint options for each resolved config: one object per config, not one per file. */
  readonly #options = new Map<ResolvedConfig, LintOptions>();

  constructor(
    readonly input: SettingsInput,
    rules: readonly AnyRule[],
  ) {
    this.#rules = rules;
    this.#today = input.today;
    this.#limits = input.limits;
    this.#direct = Object.keys(input.direct).length > 0 ? { source: '--rule', rules: input.direct } : undefined;
    this.#given = input.configFile === undefined ? undefined : ConfigFile.read(input.configFile);
  }

  /** The config file that applies to a manifest at the absolute path `full`: the one given, or the nearest. */
  configFileFor(full: string): ConfigFile | undefined {
    if (this.#given) return this.#given;
    const dir = dirname(full);
    if (this.#nearest.has(dir)) return this.#nearest.get(dir);
    const path = findConfigFile(dir);
    let file: ConfigFile | undefined;
    if (path !== undefined) {
      file = this.#files.get(path);
      if (!file) {
        file = ConfigFile.read(path);
        this.#files.set(path, file);
      }
    }
    this.#nearest.set(dir, file);
    return file;
  }

  /** The resolved settings for the manifest at the absolute path `full`. */
  configFor(full: string): ResolvedConfig {
    const config = this.configFileFor(full);
    let key = '';
    if (config) {
      let overrides = this.#hasOverrides.get(config);
      if (overrides === undefined) {
        const list = config.data['overrides'];
        overrides = Array.isArray(list) && list.length > 0;
        this.#hasOverrides.set(config, overrides);
      }
      key = `${config.path}\u0000${overrides ? config.overrideKey(full) : ''}`;
    }
    const known = this.#resolved.get(key);
    if (known) return known;
    const layers = [...(config ? config.layersFor(full) : []), ...(this.#direct ? [this.#direct] : [])];
    const result = resolveLayers(this.#rules, layers, config?.path);
    this.#resolved.set(key, result);
    return result;
  }

  /** The options lintFile takes for the manifest at `full` (shared by every file with the same settings). */
  lintOptions(full: string): LintOptions {
    const config = this.configFor(full);
    let options = this.#options.get(config);
    if (!options) {
      options = { config, today: this.#today, rules: this.#rules, limits: this.#limits };
      this.#options.set(config, options);
    }
    return options;
  }

  /** lintOptions with a callback for each document (not shared). */
  lintOptionsWith(full: string, onDocument: NonNullable<LintOptions['onDocument']>): LintOptions {
    return { ...this.lintOptions(full), onDocument };
  }
}
