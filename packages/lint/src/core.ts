/**
 * What a command-line run of lint needs (`@tmcheck/lint/core`), and nothing it can load later: the
 * SARIF and JUnit formats come through loadFormatter, the fix writer through `@tmcheck/lint/fix`.
 * A bundle that imports this entry parses neither at start.
 */
export type { DocumentResult, Finding, Fix, Range, Severity, SeveritySetting, Suppression } from './finding.js';
export { ConfigError, NoManifestError, OptionError, PathError, StdinError, UsageError, closest } from './errors.js';
export { createLinter, type ConfigExplanation, type Linter, type LinterOptions, type LintRun } from './linter.js';
export type { CacheReport } from './cache/cache.js';
export { RULES } from './rules/index.js';
export { ruleDocPage } from './rule-docs.js';
export { decode } from './load/decode.js';
export { DEFAULT_LIMITS, type Limits } from './load/parse-documents.js';
export { describeFsError } from './files/fs-errors.js';
export { escapeControls } from './text/escape.js';
export { summaryLine } from './formatters/summary.js';
export { totals, type Formatter, type FormatterContext } from './formatters/types.js';
export { FORMAT_NAMES, isFormatName, loadFormatter, type FormatName } from './formatters/load.js';
