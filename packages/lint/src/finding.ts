/** How much a finding matters. `off` exists only in configuration. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A safe change that resolves a finding: set the value at `pointer`. */
export interface Fix {
  readonly pointer: string;
  readonly value: string | number | boolean;
}

/** Where a finding is, 1-based; `endColumn` is the column of the last character (inclusive). */
export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The one finding type that every output renders. */
export interface Finding extends Range {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** RFC 6901 JSON Pointer of the field the finding is about. */
  readonly pointer: string;
  readonly fix?: Fix;
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
