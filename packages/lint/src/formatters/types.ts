import { createHash } from 'node:crypto';
import nodePath, { type PlatformPath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../engine/define-rule.js';
import type { DocumentResult, Finding } from '../finding.js';

export interface FormatterContext {
  /** Use ANSI colours (stylish only). */
  readonly color: boolean;
  readonly toolName: string;
  readonly toolVersion: string;
  /** The rules that ran, for formats that describe them. */
  readonly rules: readonly RuleMeta[];
  /**
   * The working folder. sarif, junit, github and gitlab give each file relative to it, with forward
   * slashes (as code scanning, the test tabs and the annotations expect); without it a relative path
   * stays as given and an absolute one stays absolute.
   */
  readonly cwd?: string;
  /** A rule's documentation page (Markdown), embedded as the rule's help in sarif. */
  readonly ruleDocs?: (ruleId: string) => string | undefined;
  /** `--max-warnings`: once the warnings exceed it, junit reports each warning as a failure too. */
  readonly maxWarnings?: number;
  /** Where a rule's documentation is on the web; default `https://tmcheck.dev/docs/rules/<id>`. */
  readonly docsUrl?: (ruleId: string) => string;
}

/**
 * Characters JSON.stringify leaves raw that a terminal or a viewer may act on: DEL, C1 (U+0085 is a
 * line break, U+009B starts a control sequence), the line and paragraph separators and the
 * bidirectional controls. In JSON text they can only stand inside strings.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value as indented JSON with those characters written as \uXXXX escapes: it parses back to the
 * same value, and printing it can neither forge a line nor rewrite the terminal.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/**
 * A formatter is a pure function of the results. One that can give its report in pieces (`chunks`, whose
 * concatenation is the report) lets a large report be written as it is produced, never whole in memory.
 */
export interface Formatter {
  (results: readonly DocumentResult[], context: FormatterContext): string;
  readonly chunks?: (results: readonly DocumentResult[], context: FormatterContext) => Iterable<string>;
}

export interface Totals {
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly fixableCount: number;
}

export function totals(results: readonly DocumentResult[]): Totals {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableCount = 0;
  for (const r of results) {
    errorCount += r.errorCount;
    warningCount += r.warningCount;
    infoCount += r.infoCount;
    fixableCount += r.fixableCount;
  }
  return { errorCount, warningCount, infoCount, fixableCount };
}

/** The rules' documentation on the web (the project's domain, as the schemas' `$id`). */
export const RULE_DOCS_BASE = 'https://tmcheck.dev/docs/rules/';

export function ruleDocsUrl(context: FormatterContext, ruleId: string): string {
  return context.docsUrl ? context.docsUrl(ruleId) : `${RULE_DOCS_BASE}${ruleId}`;
}

/** The name of standard input in results. */
export const STDIN = '<stdin>';

export interface ReportPath {
  /** Forward slashes: relative to the working folder when `relative`, else absolute (or `<stdin>`). */
  readonly path: string;
  readonly relative: boolean;
  readonly stdin: boolean;
  /** The absolute path as the platform writes it, when known (for a file URI). */
  readonly absolute?: string;
}

/**
 * A result's file as reports give it: relative to the working folder with forward slashes, even
 * for a path given absolute or with backslashes on Windows. A file on another Windows drive (no
 * relative path exists) stays absolute. `path` is the platform's path module (a parameter so that
 * Windows paths are tested everywhere).
 */
export function reportPath(filePath: string, cwd: string | undefined, path: PlatformPath = nodePath): ReportPath {
  if (filePath === STDIN) return { path: STDIN, relative: false, stdin: true };
  const slashes = (p: string): string => (path.sep === '\\' ? p.replace(/\\/g, '/') : p);
  if (cwd === undefined) {
    if (path.isAbsolute(filePath)) return { path: slashes(path.normalize(filePath)), relative: false, stdin: false, absolute: path.normalize(filePath) };
    return { path: slashes(path.normalize(filePath)), relative: true, stdin: false };
  }
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || path.isAbsolute(relative)) return { path: slashes(absolute), relative: false, stdin: false, absolute };
  return { path: slashes(relative), relative: true, stdin: false, absolute };
}

/** A `file:` URI for an absolute path of the given platform. */
export function fileUri(absolute: string, path: PlatformPath = nodePath): string {
  return pathToFileURL(absolute, { windows: path.sep === '\\' }).href;
}

/**
 * Fingerprints of a document's findings that survive edits elsewhere in the file: a hash of the
 * rule, the file (relative), the document, the field's JSON Pointer and the message ID, never of a
 * line number, so that code scanning and GitLab do not reopen an issue because lines moved. Two
 * findings that agree on all of these (two unused disable comments) are told apart by their order.
 */
export function fingerprints(result: DocumentResult, file: string): Map<Finding, string> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const m of result.messages) {
    const base = [m.ruleId, file, String(result.document), m.pointer, m.messageId].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(m, createHash('sha256').update(`${base}\u0000${n}`).digest('hex'));
  }
  return out;
}

/** Whether several documents of the file are reported, so that each is named by its number. */
export function severalDocuments(results: readonly DocumentResult[]): (result: DocumentResult) => boolean {
  const count = new Map<string, number>();
  for (const r of results) count.set(r.filePath, (count.get(r.filePath) ?? 0) + 1);
  return (r) => (count.get(r.filePath) ?? 0) > 1 || r.document !== 0;
}
