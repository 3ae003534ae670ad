// The tmcheck config file (tmcheck.config.json / .yaml / .yml), as typed data.
// Mirrors schemas/config.schema.json.

/** A severity as written: tmcheck's words, or ESLint's `warn` and 0/1/2. */
export type Severity = 'off' | 'info' | 'warning' | 'error' | 'warn' | 0 | 1 | 2;

/** Options of one rule; which ones a rule accepts is checked by the linter, not the schema. */
export type RuleOptions = Readonly<Record<string, unknown>>;

/** `"warning"`, `["warning"]` or `["warning", { days: 45 }]`. */
export type RuleSetting = Severity | readonly [Severity] | readonly [Severity, RuleOptions];

/** Settings for the manifests some globs select. */
export interface ConfigOverride {
  /** Globs relative to the config file's folder. */
  readonly files: readonly string[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly minimumBuilds?: Readonly<Record<string, number>>;
}

export interface TmcheckConfig {
  readonly $schema?: string;
  /** Rule ID -> setting. The schema does not check the IDs: the linter does, with suggestions. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** DB version (digits, e.g. "666") -> minimum build (0..65534). */
  readonly minimumBuilds?: Readonly<Record<string, number>>;
  /** Later entries win. */
  readonly overrides?: readonly ConfigOverride[];
  /** Globs relative to the config file's folder: never linted. */
  readonly ignores?: readonly string[];
}
