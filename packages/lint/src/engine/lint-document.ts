import { validateManifest } from '@tmcheck/schemas';
import { compareFindings, summarize, type DocumentResult, type Finding, type Fix, type Range, type Severity } from '../finding.js';
import { tooLargeMessage } from '../files/collect.js';
import { decode } from '../load/decode.js';
import { DEFAULT_LIMITS, parseDocuments, type Limits, type ParsedDocument } from '../load/parse-documents.js';
import { getAt } from '../load/pointer.js';
import { dropNulls, isObj } from '../model/data.js';
import { mailSections, type MailSection } from '../model/sections.js';
import { manifestView, type ManifestView } from '../model/view.js';
import { collectSecrets, collectSecretsFromText, isSecretKey, Scrubber } from '../secrets/scrub.js';
import { fixValueShowable, ours, showValue } from '../secrets/show.js';
import { detach } from '../text/detach.js';
import { escapeControls } from '../text/escape.js';
import type { ResolvedConfig } from './config.js';
import type { AnyRule, MessageData, Report, RuleContext } from './define-rule.js';
import { readDirectives, type Directive } from './directives.js';
import { formatMessage, withField } from './messages.js';
import { schemaReports } from './schema-findings.js';
import { PARSE_MESSAGES } from '../rules/parse.js';
import { SCHEMA_MESSAGES } from '../rules/schema.js';
import { UNUSED_DISABLE_MESSAGES } from '../rules/unused-disable.js';

export interface LintOptions {
  readonly config: ResolvedConfig;
  /** The date secret expiry is judged against, `YYYY-MM-DD`. */
  readonly today: string;
  readonly limits?: Partial<Limits>;
  /** The rules to run (the registry's RULES, or a subset). */
  readonly rules: readonly AnyRule[];
  /**
   * Sees each report with its message as the rule built it, before the scrub: for the rule tester,
   * which checks that no rule quotes a secret in the first place.
   */
  readonly onReport?: (ruleId: string, report: Report, message: string) => void;
  /** Sees each document as it was read, beside its result: for front ends that need the values (the probe, grant-script, the form). */
  readonly onDocument?: (document: InspectedDocument) => void;
}

/** A document as lint read it: its result, its typed view (absent when it does not load), its sections and the secrets it holds. */
export interface InspectedDocument {
  readonly result: DocumentResult;
  /** Undefined when the document could not be read (its result has the parse finding). */
  readonly view: ManifestView | undefined;
  readonly sections: readonly MailSection[];
  /** The secret values the document holds (never references): for front ends that scrub their own output. */
  readonly secrets: ReadonlySet<string>;
}

export interface LintInput {
  /** The path as the user gave it, used in reports. */
  readonly filePath: string;
  /** Parse as JSON (no `---` document splitting). */
  readonly json?: boolean;
}

/** Message IDs of findings the engine makes itself. */
const INTERNAL_ERROR = 'internalError';
const AND_MORE = 'andMore';

/** The most findings a document reports; the rest are counted in one last finding. */
export const MAX_FINDINGS_PER_DOCUMENT = 1000;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

interface Messages {
  readonly id: string;
  readonly messages: Readonly<Record<string, string>>;
}

const PARSE: Messages = { id: 'parse', messages: PARSE_MESSAGES };
const SCHEMA: Messages = { id: 'schema', messages: SCHEMA_MESSAGES };
const UNUSED_DISABLE: Messages = { id: 'unused-disable', messages: UNUSED_DISABLE_MESSAGES };

/** Rules whose findings inline comments cannot silence. */
const NOT_SUPPRESSIBLE = new Set(['parse', 'unused-disable']);

const AT_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function severityOf(config: ResolvedConfig, id: string, fallback?: Severity): Severity | undefined {
  const setting = config.rules.get(id);
  if (setting === undefined) return fallback;
  return setting.severity === 'off' ? undefined : setting.severity;
}

/** A fix whose texts hold none of the document's text (see text/detach.ts). */
function detachFix(fix: Fix | undefined): Fix | undefined {
  if (!fix) return undefined;
  const pointer = detach(fix.pointer);
  if ('rename' in fix) return { ...fix, pointer, rename: detach(fix.rename) };
  if ('value' in fix && typeof fix.value === 'string') return { ...fix, pointer, value: detach(fix.value) };
  return { ...fix, pointer };
}

/** Findings of a document, built from reports: messages filled in, secrets scrubbed. */
class FindingList {
  readonly findings: Finding[] = [];
  /** For each finding, the rules it supersedes and the pointers it speaks for. */
  readonly #supersede = new Map<Finding, { rules: readonly string[]; pointers: readonly string[] }>();

  constructor(
    private readonly doc: Pick<ParsedDocument, 'locate'>,
    private readonly scrubber: Scrubber,
    private readonly onReport?: LintOptions['onReport'],
  ) {}

  #scrubFix(fix: Fix | undefined): Fix | undefined {
    if (!fix) return undefined;
    // a pointer is made of the file's keys: one that holds a secret (`password:Sommer2024`, a key) takes no fix
    if (this.scrubber.scrub(fix.pointer) !== fix.pointer) return undefined;
    if ('value' in fix) {
      if (!fixValueShowable(fix.pointer, fix.value)) return undefined;
      if (typeof fix.value === 'string' && this.scrubber.scrub(fix.value) !== fix.value) return undefined;
    }
    if ('rename' in fix && this.scrubber.scrub(fix.rename) !== fix.rename) return undefined;
    // a key that holds a secret (`client_secret`, `passwd`) is never renamed to one that does not: its value,
    // a secret, would then be a field's value that messages quote (`client_secret` misspelt for `client`)
    if ('rename' in fix) {
      const from = fix.pointer.slice(fix.pointer.lastIndexOf('/') + 1);
      if (isSecretKey(from, true) && !isSecretKey(fix.rename, true)) return undefined;
    }
    return fix;
  }

  push(rule: Messages, severity: Severity, report: Report, supersedes?: readonly string[], range?: Range): void {
    const template = rule.messages[report.messageId];
    if (template === undefined) throw new Error(`${rule.id} reported the message ID "${report.messageId}", which its messages do not declare`);
    const data = withField(report.pointer, report.data);
    const shown: Record<string, string | number> = {};
    // detached: a finding outlives its document, and must not keep the document's text alive (text/detach.ts)
    for (const [key, value] of Object.entries(data)) shown[key] = typeof value === 'number' ? value : detach(this.scrubber.scrub(value));
    const built = formatMessage(template, data, rule.id, report.messageId);
    this.onReport?.(rule.id, report, built);
    const message = detach(this.scrubber.scrub(built));
    const fix = detachFix(this.#scrubFix(report.fix));
    const finding: Finding = {
      ruleId: rule.id,
      messageId: report.messageId,
      severity,
      message,
      // the last line of defence for pointers too: they are made of the file's keys
      pointer: detach(this.scrubber.scrub(report.pointer)),
      ...(range ?? this.doc.locate(report.pointer, report.at ?? 'value')),
      ...(fix ? { fix } : {}),
      data: shown,
    };
    this.findings.push(finding);
    const covers = report.covers ?? [];
    if ((supersedes && supersedes.length > 0) || covers.length > 0) {
      this.#supersede.set(finding, { rules: supersedes ?? [], pointers: [report.pointer, ...covers] });
    }
  }

  internalError(ruleId: string, filePath: string, error: unknown): void {
    const detail = escapeControls(this.scrubber.scrub(error instanceof Error ? error.message : String(error)));
    this.findings.push({
      ruleId,
      messageId: INTERNAL_ERROR,
      severity: 'error',
      message: `internal error in the rule ${ruleId} while linting ${escapeControls(this.scrubber.scrub(filePath))}: ${detail}; this is a bug in tmcheck, please report it (the rest of the file was linted)`,
      pointer: '',
      ...AT_START,
      internal: true,
    });
  }

  /**
   * Keeps the first `max` findings (in position order) and counts the rest in one last finding, of
   * the rule most of them come from and the highest severity among them.
   */
  cap(max: number): void {
    if (this.findings.length <= max) return;
    const dropped = this.findings.splice(max);
    const byRule = new Map<string, number>();
    let severity: Severity = 'info';
    for (const f of dropped) {
      byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[severity]) severity = f.severity;
    }
    let ruleId = '';
    let most = 0;
    for (const [id, n] of byRule) {
      if (n > most) [ruleId, most] = [id, n];
    }
    const first = dropped[0] as Finding;
    const others = byRule.size > 1 ? ` (${most} of ${ruleId}, the rest of ${byRule.size - 1} other rule${byRule.size === 2 ? '' : 's'})` : ` (all of ${ruleId})`;
    this.findings.push({
      ruleId,
      messageId: AND_MORE,
      severity,
      message: `and ${dropped.length} more findings in this document${others}, not listed: a document with this many is mostly not a manifest yet; fix the findings above, then lint again`,
      pointer: '',
      line: first.line,
      column: first.column,
      endLine: first.line,
      endColumn: first.column,
      data: { count: dropped.length },
    });
  }

  /** Drops the findings that another rule's finding at the same field supersedes. */
  applySupersedes(): void {
    if (this.#supersede.size === 0) return;
    const dropped = new Map<string, Set<string>>();
    for (const [finding, { rules, pointers }] of this.#supersede) {
      for (const pointer of pointers) {
        const set = dropped.get(pointer) ?? new Set<string>();
        for (const r of rules) set.add(`${finding.ruleId}\u0000${r}`);
        dropped.set(pointer, set);
      }
    }
    /** Whether a finding of rule `by` at `pointer` supersedes rule `target`'s finding there. */
    const supersedes = (pointer: string, by: string, target: string): boolean => {
      const set = dropped.get(pointer);
      return set !== undefined && (set.has(`${by}\u0000${target}`) || set.has(`${by}\u0000*`));
    };
    const keep = this.findings.filter((f) => {
      const set = dropped.get(f.pointer);
      if (!set || f.internal) return true;
      for (const entry of set) {
        const [by, target] = entry.split('\u0000') as [string, string];
        if (by === f.ruleId || (target !== f.ruleId && target !== '*')) continue;
        // two findings that each supersede the other (schema and env-reference at one field) both stay
        if (supersedes(f.pointer, f.ruleId, by)) continue;
        return false;
      }
      return true;
    });
    // in place, one by one: a spread of a file's findings (hundreds of thousands) is too many arguments
    this.findings.length = 0;
    for (const f of keep) this.findings.push(f);
  }
}

/** Applies the document's inline exceptions; reports those that silence nothing or name no known rule. */
function applyDirectives(
  list: FindingList,
  directives: readonly Directive[],
  knownRules: ReadonlySet<string>,
  severity: Severity | undefined,
): void {
  if (directives.length === 0) return;
  const used = new Set<Directive>();
  const findings = list.findings.map((f): Finding => {
    if (f.internal || NOT_SUPPRESSIBLE.has(f.ruleId)) return f;
    for (const d of directives) {
      if (!d.rules.includes(f.ruleId)) continue;
      if (d.kind === 'next-line' && d.target !== f.line) continue;
      used.add(d);
      return { ...f, suppressed: { kind: 'inline', justification: d.justification } };
    }
    return f;
  });
  // in place, one by one: a spread of a file's findings (hundreds of thousands) is too many arguments
  for (let i = 0; i < findings.length; i++) list.findings[i] = findings[i] as Finding;
  if (severity === undefined) return;
  for (const d of directives) {
    const range: Range = { line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn };
    const directive = ours(d.kind === 'next-line' ? 'tmcheck-disable-next-line' : 'tmcheck-disable');
    const unknown = d.rules.filter((r) => !knownRules.has(r));
    if (d.rules.length === 0) {
      list.push(UNUSED_DISABLE, severity, { messageId: 'noRule', pointer: '', data: { directive, field: directive } }, undefined, range);
    } else if (unknown.length > 0) {
      const shown = ours(unknown.map((r) => showValue('', r)).join(', '));
      list.push(UNUSED_DISABLE, severity, { messageId: 'unknownRule', pointer: '', data: { directive, field: directive, rules: shown } }, undefined, range);
    } else if (d.kind === 'next-line' && d.target === -1) {
      list.push(UNUSED_DISABLE, severity, { messageId: 'noNextLine', pointer: '', data: { directive, field: directive } }, undefined, range);
    } else if (!used.has(d)) {
      const rules = ours(d.rules.join(', '));
      list.push(UNUSED_DISABLE, severity, { messageId: 'unused', pointer: '', data: { directive, field: directive, rules } }, undefined, range);
    }
  }
}

/** How the field at `pointer` is written: absent, of a wrong type, or a value the view has. */
function writtenIn(data: unknown, view: unknown): (pointer: string) => 'absent' | 'invalid' | 'value' {
  return (pointer) => {
    // the view holds only values of the right type: most fields asked about are there
    if (getAt(view, pointer) !== undefined) return 'value';
    const raw = getAt(data, pointer);
    return raw === undefined || raw === null ? 'absent' : 'invalid';
  };
}

interface DocumentText {
  /** The file's lines, split on first use (only a document with an inline exception needs them). */
  lines(): readonly string[];
}

/**
 * A document's secrets: those of its fields as parsed, and those its text shows in a secret field's line
 * wherever the parser put that line (a comment, or a block of text a broken indentation swallowed:
 * `x: |` above `clientSecret: ...` makes the secret part of x's text, still a secret to whoever reads it).
 */
function secretsOf(doc: ParsedDocument): Set<string> {
  return doc.data === undefined ? collectSecretsFromText(doc.text) : collectSecretsFromText(doc.text, collectSecrets(doc.data));
}

/** The rule IDs an inline exception may name, per rule list (built once for a fleet, not per document). */
const KNOWN_RULES = new WeakMap<readonly AnyRule[], ReadonlySet<string>>();

function knownRulesOf(rules: readonly AnyRule[]): ReadonlySet<string> {
  let known = KNOWN_RULES.get(rules);
  if (known === undefined) {
    known = new Set([...rules.map((r) => r.id), 'parse', 'schema', 'unused-disable']);
    KNOWN_RULES.set(rules, known);
  }
  return known;
}

/**
 * Lints one document. `secrets` are its own (for front ends); `scrubber` knows those of every
 * document of the file: the file name and every message of one document are scrubbed of the others'
 * secrets too (a fleet file whose second installation's secret names the file, or is typed into the
 * first one's fields).
 */
function lintParsed(doc: ParsedDocument, input: LintInput, options: LintOptions, text: DocumentText, secrets: ReadonlySet<string>, scrubber: Scrubber): DocumentResult {
  const config = options.config;
  const base = { filePath: input.filePath, document: doc.index };
  const filePath = scrubber.scrub(input.filePath);
  const list = new FindingList(doc, scrubber, options.onReport);
  const done = (result: DocumentResult, view?: ManifestView): DocumentResult => {
    options.onDocument?.({ result, view, sections: view ? mailSections(view) : [], secrets });
    return result;
  };
  if (doc.problem) {
    list.push(PARSE, 'error', { messageId: doc.problem.messageId, pointer: '', data: doc.problem.data }, undefined, doc.problem.range);
    return done(summarize({ ...base, filePath, installation: null }, list.findings));
  }
  const data = dropNulls(doc.data);
  const schemaSeverity = severityOf(config, 'schema', 'error');
  const directives = input.json || !doc.text.includes('tmcheck-disable') ? [] : readDirectives(text.lines(), doc.firstLine, doc.lastLine);
  if (!isObj(data)) {
    if (schemaSeverity) {
      list.push(SCHEMA, schemaSeverity, { messageId: 'notMapping', pointer: '' });
    }
    return done(summarize({ ...base, filePath, installation: null }, list.findings));
  }
  if (schemaSeverity) {
    const verdict = validateManifest(data);
    if (!verdict.valid) {
      for (const r of schemaReports(verdict.errors, data)) list.push(SCHEMA, schemaSeverity, r, ['*']);
    }
  }
  const view = manifestView(data);
  // one context for the document; the rule it speaks for changes as the rules run
  let current: AnyRule | undefined;
  let currentSeverity: Severity = 'error';
  const context: { -readonly [K in keyof RuleContext]: RuleContext[K] } = {
    manifest: view,
    sections: mailSections(view),
    options: {},
    today: options.today,
    minimumBuilds: config.minimumBuilds,
    written: writtenIn(data, view),
    report: (report) => {
      if (current) list.push(current, currentSeverity, report, report.supersedes ?? current.supersedes);
    },
  };
  for (const rule of options.rules) {
    const setting = config.rules.get(rule.id);
    const severity = setting ? severityOf(config, rule.id) : rule.severity;
    if (!severity) continue;
    current = rule;
    currentSeverity = severity;
    context.options = setting?.options ?? {};
    try {
      rule.check(context);
    } catch (error) {
      list.internalError(rule.id, input.filePath, error);
    }
  }
  current = undefined;
  list.applySupersedes();
  if (directives.length > 0) applyDirectives(list, directives, knownRulesOf(options.rules), severityOf(config, 'unused-disable', 'warning'));
  list.findings.sort(compareFindings);
  list.cap(MAX_FINDINGS_PER_DOCUMENT);
  const name = view.installation?.name;
  return done(summarize({ ...base, filePath, installation: name === undefined ? null : detach(scrubber.scrub(name)) }, list.findings), view);
}

function failure(filePath: string, messageId: string, data: MessageData): DocumentResult[] {
  const list = new FindingList({ locate: () => AT_START }, new Scrubber([]));
  list.push(PARSE, 'error', { messageId, pointer: '', data }, undefined, AT_START);
  return [summarize({ filePath, document: 0, installation: null }, list.findings)];
}

/** Lints a text holding one or more manifests. */
export function lintText(text: string, input: LintInput, options: LintOptions): DocumentResult[] {
  const docs = parseDocuments(text, { json: input.json ?? false, limits: options.limits ?? {} });
  if (docs.length === 0) {
    const severity = severityOf(options.config, 'schema', 'error') ?? 'error';
    const list = new FindingList({ locate: () => AT_START }, new Scrubber([]));
    list.push(SCHEMA, severity, { messageId: 'noManifest', pointer: '' }, undefined, AT_START);
    return [summarize({ filePath: input.filePath, document: 0, installation: null }, list.findings)];
  }
  // the loader's line numbers: CRLF, CR and LF each end a line
  let lines: readonly string[] | undefined;
  const documentText: DocumentText = { lines: () => (lines ??= text.split(/\r\n|\r|\n/)) };
  const secrets = docs.map(secretsOf);
  const scrubber = new Scrubber(secrets.length === 1 ? secrets[0] : secrets.flatMap((s) => [...s]));
  return docs.map((doc, i) => lintParsed(doc, input, options, documentText, secrets[i] as Set<string>, scrubber));
}

/** Lints a file's bytes: decodes them (UTF-8, UTF-16 with BOM), checks the size limit, then lints the text. */
export function lintBytes(bytes: Uint8Array, input: LintInput, options: LintOptions): DocumentResult[] {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxBytes) return failure(input.filePath, 'tooLarge', { detail: ours(tooLargeMessage(bytes.length, limits.maxBytes)) });
  const decoded = decode(bytes);
  if (!decoded.ok) return failure(input.filePath, 'encoding', { detail: ours(decoded.message) });
  return lintText(decoded.value.text, input, options);
}

/** Lints a file found by `collectManifests`; a file that could not be read is one `parse` finding. */
export function lintFile(
  file: { readonly filePath: string; readonly bytes?: Uint8Array; readonly readError?: string; readonly json: boolean },
  options: LintOptions,
): DocumentResult[] {
  if (file.bytes === undefined) return failure(file.filePath, 'unreadable', { detail: ours(file.readError ?? 'the file cannot be read') });
  return lintBytes(file.bytes, { filePath: file.filePath, json: file.json }, options);
}
