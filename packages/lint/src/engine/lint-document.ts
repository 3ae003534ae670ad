import { validateManifest } from '@tmcheck/schemas';
import { compareFindings, summarize, type DocumentResult, type Finding, type Severity } from '../finding.js';
import { tooLargeMessage } from '../files/collect.js';
import { decode } from '../load/decode.js';
import { DEFAULT_LIMITS, parseDocuments, type Limits, type ParsedDocument } from '../load/parse-documents.js';
import { dropNulls, isObj, obj, str, type Obj } from '../model/access.js';
import { mailSections } from '../model/sections.js';
import { isSecretReference } from '../model/values.js';
import type { ResolvedConfig } from './config.js';
import type { Report, Rule, RuleContext } from './define-rule.js';
import { schemaReports } from './schema-findings.js';

export interface LintOptions {
  readonly config: ResolvedConfig;
  /** The date secret expiry is judged against, `YYYY-MM-DD`. */
  readonly today: string;
  readonly limits?: Partial<Limits>;
  /** The rules to run (the registry's RULES, or a subset). */
  readonly rules: readonly Rule[];
}

export interface LintInput {
  /** The path as the user gave it, used in reports. */
  readonly filePath: string;
  /** Parse as JSON (no `---` document splitting). */
  readonly json?: boolean;
}

/** Every literal secret in a document, so that no message can ever carry one. */
function literalSecrets(manifest: unknown): string[] {
  const secrets: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || !isObj(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'clientSecret' || key === 'password') && typeof child === 'string') {
        const s = child.trim();
        if (s.length >= 4 && !isSecretReference(s)) secrets.push(s);
      } else visit(child, depth + 1);
    }
  };
  visit(manifest, 0);
  return secrets;
}

/** Replaces every occurrence of `find` in `text`, ignoring case; with `toTokenEnd`, up to the next space or quote. */
function replaceAll(text: string, find: string, toTokenEnd: boolean): string {
  const lower = text.toLowerCase();
  const needle = find.toLowerCase();
  // toLowerCase can change the length of some scripts' text: then compare exactly
  const hay = lower.length === text.length ? lower : text;
  const key = lower.length === text.length ? needle : find;
  let out = '';
  let from = 0;
  for (let i = hay.indexOf(key); i !== -1; i = hay.indexOf(key, from)) {
    let end = i + key.length;
    if (toTokenEnd) while (end < text.length && !/[\s"']/.test(text.charAt(end))) end++;
    out += text.slice(from, i) + '[secret]';
    from = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Replaces any literal secret in a message, whatever the letter case. A long one wherever
 * it stands, also when a message quotes only its start (a shortened quote); a short one (a
 * password like "Sommer24") only where it is quoted, so that ordinary words survive.
 */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 8) {
      out = replaceAll(out, s, false);
      if (s.length > 16) out = replaceAll(out, s.slice(0, 16), true);
    } else {
      for (const q of [`"${s}"`, `'${s}'`]) out = replaceAll(out, q, false);
    }
  }
  return out;
}

function installationName(data: unknown): string | null {
  const name = str(obj(data, 'installation'), 'name');
  return name === undefined ? null : name;
}

function lintParsed(doc: ParsedDocument, input: LintInput, options: LintOptions): DocumentResult {
  const settings = options.config.rules;
  const findings: Finding[] = [];
  const severityOf = (id: string): Severity | undefined => {
    const s = settings.get(id)?.severity;
    return s === undefined || s === 'off' ? undefined : s;
  };
  const base = { filePath: input.filePath, document: doc.index };
  if (doc.problem) {
    const severity = severityOf('parse') ?? 'error';
    findings.push({ ruleId: 'parse', severity, message: doc.problem.message, pointer: '', ...doc.problem.range });
    return summarize({ ...base, installation: null }, findings);
  }
  const data = dropNulls(doc.data);
  const secrets = literalSecrets(data);
  const push = (ruleId: string, severity: Severity, report: Report): void => {
    const range = doc.locate(report.pointer, report.at ?? 'value');
    const finding: Finding = {
      ruleId,
      severity,
      message: scrub(report.message, secrets),
      pointer: report.pointer,
      ...range,
      ...(report.fix ? { fix: report.fix } : {}),
    };
    findings.push(finding);
  };
  const schemaSeverity = severityOf('schema');
  if (!isObj(data)) {
    push('schema', schemaSeverity ?? 'error', {
      pointer: '',
      message:
        data === null
          ? 'the document is empty: a manifest starts with schemaVersion: 1 and describes one installation'
          : 'a manifest is a mapping of fields (schemaVersion: 1, installation: ..., ...), not a single value or a list',
    });
    return summarize({ ...base, installation: null }, findings);
  }
  if (schemaSeverity) {
    const verdict = validateManifest(data);
    if (!verdict.valid) for (const r of schemaReports(verdict.errors, data)) push('schema', schemaSeverity, r);
  }
  const manifest: Obj = data;
  // one context for the document; the rule it speaks for changes as the rules run
  let ruleId = '';
  let ruleSeverity: Severity = 'error';
  const context: { -readonly [K in keyof RuleContext]: RuleContext[K] } = {
    manifest,
    sections: mailSections(manifest),
    options: {},
    today: options.today,
    minimumBuilds: options.config.minimumBuilds,
    report: (report) => push(ruleId, ruleSeverity, report),
  };
  for (const rule of options.rules) {
    const setting = settings.get(rule.id);
    const severity = setting ? severityOf(rule.id) : rule.severity;
    if (!severity) continue;
    ruleId = rule.id;
    ruleSeverity = severity;
    context.options = setting?.options ?? {};
    rule.check(context);
  }
  findings.sort(compareFindings);
  return summarize({ ...base, installation: installationName(data) }, findings);
}

/** Lints a text holding one or more manifests. */
export function lintText(text: string, input: LintInput, options: LintOptions): DocumentResult[] {
  const docs = parseDocuments(text, { json: input.json ?? false, limits: options.limits ?? {} });
  if (docs.length === 0) {
    const schemaSeverity = options.config.rules.get('schema')?.severity;
    const severity: Severity = schemaSeverity === undefined || schemaSeverity === 'off' ? 'error' : schemaSeverity;
    return [
      summarize({ filePath: input.filePath, document: 0, installation: null }, [
        {
          ruleId: 'schema',
          severity,
          message: 'the file holds no manifest: it is empty or only comments; a manifest starts with schemaVersion: 1',
          pointer: '',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
        },
      ]),
    ];
  }
  return docs.map((doc) => lintParsed(doc, input, options));
}

/** Lints a file's bytes: decodes them (UTF-8, UTF-16 with BOM), checks the size limit, then lints the text. */
export function lintBytes(bytes: Uint8Array, input: LintInput, options: LintOptions): DocumentResult[] {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const fail = (message: string): DocumentResult[] => [
    summarize({ filePath: input.filePath, document: 0, installation: null }, [
      { ruleId: 'parse', severity: 'error', message, pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 },
    ]),
  ];
  if (bytes.length > limits.maxBytes) return fail(tooLargeMessage(bytes.length, limits.maxBytes));
  const decoded = decode(bytes);
  if (!decoded.ok) return fail(decoded.message);
  return lintText(decoded.value.text, input, options);
}

/** Lints a file found by `collectManifests`; a file that could not be read is one `parse` finding. */
export function lintFile(
  file: { readonly filePath: string; readonly bytes?: Uint8Array; readonly readError?: string; readonly json: boolean },
  options: LintOptions,
): DocumentResult[] {
  if (file.bytes === undefined) {
    return [
      summarize({ filePath: file.filePath, document: 0, installation: null }, [
        {
          ruleId: 'parse',
          severity: 'error',
          message: file.readError ?? 'the file cannot be read',
          pointer: '',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
        },
      ]),
    ];
  }
  return lintBytes(file.bytes, { filePath: file.filePath, json: file.json }, options);
}
