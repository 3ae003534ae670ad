/** How much a finding matters. `off` exists only in configuration. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A safe change that resolves a finding: set the value at `pointer`, remove the field, or rename its key. */
export type Fix = SetFix | RemoveFix | RenameFix;

export interface SetFix {
  readonly pointer: string;
  readonly value: string | number | boolean;
}

export interface RemoveFix {
  readonly pointer: string;
  readonly remove: true;
}

/** Renames the key at `pointer` (a misspelt property) to `rename`, keeping its value. */
export interface RenameFix {
  readonly pointer: string;
  readonly rename: string;
}

/** Where a finding is, 1-based; `endColumn` is the column of the last character (inclusive). */
export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A finding silenced where it stands, by a `# tmcheck-disable...` comment. */
export interface Suppression {
  readonly kind: 'inline';
  /** The reason written after `--` in the comment; empty when none was given. */
  readonly justification: string;
}

/** The one finding type that every output renders. */
export interface Finding extends Range {
  readonly ruleId: string;
  /** The rule's message ID (stable across releases, for tools that match on it). */
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  /** RFC 6901 JSON Pointer of the field the finding is about. */
  readonly pointer: string;
  readonly fix?: Fix;
  /** The message's data, as shown (for tests and tools; formats print `message`). */
  readonly data?: Readonly<Record<string, string | number>>;
  /** Present when an inline comment silenced the finding: it counts in no total. */
  readonly suppressed?: Suppression;
  /** A rule failed (a bug in tmcheck): the run exits 2. */
  readonly internal?: true;
}

/** The findings for one document (one installation) of one file. */
export interface DocumentResult {
  /** The path as given (relative stays relative), or `<stdin>`. */
  readonly filePath: string;
  /** Index of the YAML document in the file, from 0. */
  readonly document: number;
  /** `installation.name`, or null when there is none. */
  readonly installation: string | null;
  readonly messages: readonly Finding[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly fixableCount: number;
}

export function summarize(
  base: { filePath: string; document: number; installation: string | null },
  messages: readonly Finding[],
): DocumentResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableCount = 0;
  for (const m of messages) {
    if (m.suppressed) continue;
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
    if (m.fix) fixableCount++;
  }
  return { ...base, messages, errorCount, warningCount, infoCount, fixableCount };
}

/** Sort findings by position, then rule, so every output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
