import type { RuleMeta } from '../engine/define-rule.js';
import type { DocumentResult } from '../finding.js';

export interface FormatterContext {
  /** Use ANSI colours (stylish only). */
  readonly color: boolean;
  readonly toolName: string;
  readonly toolVersion: string;
  /** The rules that ran, for formats that describe them. */
  readonly rules: readonly RuleMeta[];
}

/** A formatter is a pure function of the results. */
export type Formatter = (results: readonly DocumentResult[], context: FormatterContext) => string;

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
