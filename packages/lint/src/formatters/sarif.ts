import type * as Sarif from 'sarif';
import { stringify } from 'yaml';
import type { RuleMeta } from '../engine/define-rule.js';
import type { DocumentResult, Finding, Fix, Severity } from '../finding.js';
import { escapeControls, hasControls } from '../text/escape.js';
import type { Formatter, FormatterContext, ReportPath } from './types.js';
import { fileUri, fingerprints, jsonText, reportPath, ruleDocsUrl } from './types.js';

/** The base of relative artifact URIs: the working folder (GitHub code scanning resolves it to the checkout). */
export const SRCROOT = '%SRCROOT%';
/** The name of the partial fingerprint (versioned, so that a change of the hash is a new key, not a mismatch). */
export const FINGERPRINT_KEY = 'tmcheckFinding/v1';
/** The schema that `$schema` names, as GitHub's documentation and the SARIF tools use it. */
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://tmcheck.dev';

const LEVEL: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = { error: 'error', warning: 'warning', info: 'note' };

/** `oauth2/scope` -> `Oauth2Scope`: the Pascal-case friendly name SARIF asks of a rule. */
function friendlyName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]?.toUpperCase() + p.slice(1))
    .join('');
}

/** The first paragraph of the page's "What it catches" section, on one line; undefined when there is none. */
function whatItCatches(page: string): string | undefined {
  const lines = page.split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s+What it catches\s*$/.test(l));
  if (start === -1) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (line.startsWith('#')) break;
    paragraph.push(line.trim());
  }
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}

/** Markdown without its emphasis and code marks, for the plain-text variants. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*|`/g, '');
}

function describeRule(rule: RuleMeta, context: FormatterContext): Sarif.ReportingDescriptor {
  const page = context.ruleDocs?.(rule.id);
  const helpUri = ruleDocsUrl(context, rule.id);
  const full = page === undefined ? undefined : whatItCatches(page);
  const name = friendlyName(rule.id);
  return {
    id: rule.id,
    // SARIF wants the friendly name to differ from the ID (`parse` would be `Parse`)
    ...(name.toLowerCase() !== rule.id.toLowerCase() ? { name } : {}),
    shortDescription: { text: rule.docs.description },
    fullDescription: full === undefined ? { text: rule.docs.description } : { text: plain(full), markdown: full },
    help:
      page === undefined
        ? { text: `${rule.docs.description.replace(/\.$/, '')}. Documentation: ${helpUri}` }
        : { text: page, markdown: page },
    helpUri,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [rule.id.includes('/') ? (rule.id.split('/')[0] as string) : rule.id], fixable: rule.fixable },
  };
}

/** A path relative to the working folder, as a URI reference: each segment percent-encoded. */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(where: ReportPath): Sarif.ArtifactLocation {
  if (where.stdin) return { uri: encodeURIComponent(where.path), description: { text: 'standard input' } };
  if (where.relative) return { uri: relativeUri(where.path), uriBaseId: SRCROOT };
  return { uri: where.absolute !== undefined ? fileUri(where.absolute) : relativeUri(where.path) };
}

/** The finding's range as a SARIF region: our endColumn is the last character, SARIF's the one after it. */
function region(f: Finding): Sarif.Region {
  const endColumn = f.endLine === f.line ? Math.max(f.endColumn + 1, f.column) : f.endColumn + 1;
  return { startLine: f.line, startColumn: f.column, endLine: Math.max(f.endLine, f.line), endColumn: Math.max(endColumn, 1) };
}

/** Characters a YAML or JSON double-quoted scalar must not hold as they are (C1, separators, BOM, lone surrogates). */
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE.source);

function quoted(text: string): string {
  return JSON.stringify(text).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value as a YAML scalar: plain where YAML 1.2 and 1.1 both read it back as the same text and
 * it holds no flow indicator (so it is also safe inside `{ ... }`), else double-quoted.
 */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plainOk =
    value !== '' &&
    !/[,[\]{}\t]/.test(value) &&
    !hasControls(value) &&
    !HAS_UNPRINTABLE.test(value) &&
    stringify(value, { lineWidth: 0, blockQuote: false }) === `${value}\n` &&
    stringify(value, { version: '1.1', lineWidth: 0, blockQuote: false }) === `${value}\n`;
  return plainOk ? value : quoted(value);
}

/** The key or value as the file's syntax writes it: JSON for a `.json` file, YAML otherwise. */
function scalarFor(json: boolean, value: string | number | boolean): string {
  if (!json) return yamlScalar(value);
  return typeof value === 'string' ? quoted(value) : String(value);
}

/**
 * The fix as a replacement in the file, where the finding's range is the text the fix replaces:
 * a set fix replaces the value (not where the field is missing or empty: `notFilledIn` findings
 * point at a key, where a value is to be added), a rename replaces the key, a remove deletes the
 * key's lines (YAML only: in JSON a comma would be left over). Otherwise none: the JSON report and
 * `--fix` still have it.
 */
function fixOf(f: Finding, fix: Fix, where: ReportPath): Sarif.Fix | undefined {
  if (where.stdin || fix.pointer !== f.pointer) return undefined;
  const json = /\.json$/i.test(where.path);
  const location = artifactLocation(where);
  const change = (description: string, deletedRegion: Sarif.Region, text: string): Sarif.Fix => ({
    description: { text: description },
    artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion, insertedContent: { text } }] }],
  });
  const field = typeof f.data?.['field'] === 'string' ? escapeControls(f.data['field']) : fix.pointer;
  if ('value' in fix) {
    if (f.messageId === 'notFilledIn') return undefined;
    const text = scalarFor(json, fix.value);
    return change(`Set ${field} to ${escapeControls(text)}`, region(f), text);
  }
  if ('rename' in fix) {
    const text = scalarFor(json, fix.rename);
    return change(`Rename the key to ${escapeControls(fix.rename)}`, region(f), text);
  }
  if (json) return undefined;
  return change(`Remove ${field}`, { startLine: f.line, startColumn: 1, endLine: Math.max(f.endLine, f.line) + 1, endColumn: 1 }, '');
}

function resultOf(f: Finding, doc: DocumentResult, where: ReportPath, ruleIndex: number, fingerprint: string): Sarif.Result {
  const fix = f.fix ? fixOf(f, f.fix, where) : undefined;
  const field = f.data?.['field'];
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: escapeControls(f.message) },
    locations: [
      {
        physicalLocation: { artifactLocation: artifactLocation(where), region: region(f) },
        ...(f.pointer !== '' ? { logicalLocations: [{ fullyQualifiedName: f.pointer, kind: 'property' }] } : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(f.suppressed
      ? { suppressions: [{ kind: 'inSource' as const, status: 'accepted' as const, ...(f.suppressed.justification !== '' ? { justification: escapeControls(f.suppressed.justification) } : {}) }] }
      : {}),
    ...(fix ? { fixes: [fix] } : {}),
    properties: {
      messageId: f.messageId,
      pointer: f.pointer,
      document: doc.document,
      installation: doc.installation === null ? null : escapeControls(doc.installation),
      ...(typeof field === 'string' ? { field: escapeControls(field) } : {}),
    },
  };
}

/** Builds the SARIF log (an object: the tests validate it as it is, the formatter prints it). */
export function sarifLog(results: readonly DocumentResult[], context: FormatterContext): Sarif.Log {
  const rules = context.rules.map((r) => describeRule(r, context));
  const index = new Map<string, number>();
  rules.forEach((r, i) => index.set(r.id, i));
  const indexOf = (ruleId: string): number => {
    let i = index.get(ruleId);
    if (i === undefined) {
      i = rules.length;
      rules.push({ id: ruleId, shortDescription: { text: ruleId }, helpUri: ruleDocsUrl(context, ruleId) });
      index.set(ruleId, i);
    }
    return i;
  };
  const out: Sarif.Result[] = [];
  let internal = false;
  for (const doc of results) {
    const where = reportPath(doc.filePath, context.cwd);
    const prints = fingerprints(doc, where.path);
    for (const f of doc.messages) {
      if (f.internal) internal = true;
      out.push(resultOf(f, doc, where, indexOf(f.ruleId), prints.get(f) as string));
    }
  }
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: context.toolName,
        version: context.toolVersion,
        semanticVersion: context.toolVersion,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    ...(context.cwd !== undefined ? { originalUriBaseIds: { [SRCROOT]: { uri: fileUri(context.cwd).replace(/\/?$/, '/') } } } : {}),
    invocations: [{ executionSuccessful: !internal }],
    columnKind: 'utf16CodeUnits',
    results: out,
  };
  return { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/**
 * SARIF 2.1.0 for code scanning and SARIF viewers: one run, every rule with its documentation,
 * a result per finding (those silenced inline with an `inSource` suppression), fixes where the
 * range says what to replace.
 */
export const sarif: Formatter = (results, context) => jsonText(sarifLog(results, context));
