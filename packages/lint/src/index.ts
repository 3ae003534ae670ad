export type { DocumentResult, Finding, Fix, Range, Severity, SeveritySetting } from './finding.js';
export { SEVERITIES, compareFindings, summarize } from './finding.js';
export { UsageError, closest } from './errors.js';
export { defineRule, type Report, type Rule, type RuleContext, type RuleMeta, type RuleOption } from './engine/define-rule.js';
export {
  CONFIG_FILE_NAMES,
  findConfigFile,
  parseRuleOverride,
  readConfigFile,
  resolveConfig,
  type ResolvedConfig,
  type RuleSetting,
} from './engine/config.js';
export { lintBytes, lintFile, lintText, type LintInput, type LintOptions } from './engine/lint-document.js';
export { collectManifests, describeFsError, looksLikeManifest, type Collected, type ManifestFile } from './files/collect.js';
export { decode, type DecodedText, type Encoding } from './load/decode.js';
export { DEFAULT_LIMITS, parseDocuments, type Limits, type ParsedDocument } from './load/parse-documents.js';
export { getAt, joinPointer, splitPointer } from './load/pointer.js';
export { FORMATTERS, json, stylish, summaryLine, totals, type Formatter, type FormatterContext, type Totals } from './formatters/index.js';
export { RULES, findRule } from './rules/index.js';

/** Where a rule's documentation lives in the repository. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
