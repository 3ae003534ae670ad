export type { DocumentResult, Finding, Fix, Range, RemoveFix, RenameFix, SetFix, Severity, SeveritySetting, Suppression } from './finding.js';
export { SEVERITIES, compareFindings, summarize } from './finding.js';
export { ConfigError, NoManifestError, OptionError, PathError, StdinError, UsageError, closest, type ConfigProblem } from './errors.js';
export { createLinter, type ConfigExplanation, type Linter, type LinterOptions, type LintRun } from './linter.js';
export { CACHE_FILE_NAME, type CacheReport } from './cache/cache.js';
export {
  defineRule,
  type AnyRule,
  type MessageData,
  type Report,
  type Rule,
  type RuleContext,
  type RuleMeta,
  type RuleOption,
} from './engine/define-rule.js';
export {
  CONFIG_FILE_NAMES,
  findConfigFile,
  minimumBuildsOf,
  normalizeSeverity,
  parseRuleOverride,
  readConfigFile,
  resolveConfig,
  type ResolvedConfig,
  type RuleSetting,
} from './engine/config.js';
export { escapeControls } from './text/escape.js';
export { isCalendarDate, localToday } from './model/date.js';
export { lintBytes, lintFile, lintText, type InspectedDocument, type LintInput, type LintOptions } from './engine/lint-document.js';
export { mailSections, sectionCloud, type Channel, type MailSection, type SectionId, type TabField } from './model/sections.js';
export { manifestView, type ManifestView, type View } from './model/view.js';
export { collectSecrets, collectSecretsFromText, REDACTED, Scrubber } from './secrets/scrub.js';
export { HIDDEN, looksLikeSecret, ours, showKey, showValue, type Shown } from './secrets/show.js';
export { isEmail, isSecretReference } from './model/values.js';
export { CLOUDS, CLOUD_IDS, hostInfo, type Cloud, type HostInfo, type HostRole } from './model/microsoft.js';
export { pipelineSyntax, type PipelineSyntax } from './model/secret-reference.js';
export { guidKey, isGuid, isPlaceholderGuid } from './model/guid.js';
export { collectManifests, describeFsError, looksLikeManifest, type Collected, type ManifestFile } from './files/collect.js';
export { decode, type DecodedText, type Encoding } from './load/decode.js';
export { DEFAULT_LIMITS, parseDocuments, type Limits, type ParsedDocument } from './load/parse-documents.js';
export { getAt, joinPointer, splitPointer } from './load/pointer.js';
export { FORMATTERS, json, stylish, summaryLine, totals, type Formatter, type FormatterContext, type Totals } from './formatters/index.js';
export { FORMAT_NAMES, isFormatName, loadFormatter, type FormatName } from './formatters/load.js';
export { RULES, findRule } from './rules/index.js';
export { ruleDocPage } from './rule-docs.js';
export {
  describeRefusal,
  encode,
  fixDiff,
  fixFile,
  fixText,
  fixUntilStable,
  FixWriteError,
  isJsonPath,
  isSecretKeyName,
  maskSecretLines,
  MASK,
  MAX_PASSES,
  writeFileAtomic,
  type AppliedFix,
  type FixDiffOptions,
  type FixedText,
  type FixFileOptions,
  type FixFileResult,
  type FixRecord,
  type FixRun,
  type FixTextOptions,
  type FixUntilStableOptions,
  type RefusalReason,
  type RefusedFix,
} from './fix/index.js';

/** Where a rule's documentation page is, relative to the repository's and the package's root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
export { DEFAULT_DISPLAY_NAME, GrantScriptError, grantScript, grantScriptForText, psQuote, type GrantScript, type GrantScriptOptions, type GrantScriptProblem } from './grant/grant-script.js';
