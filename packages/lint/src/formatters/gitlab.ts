import type { Severity } from '../finding.js';
import { escapeControls } from '../text/escape.js';
import type { Formatter } from './types.js';
import { fingerprints, jsonText, reportPath } from './types.js';

/** GitLab's severities are info, minor, major, critical, blocker. */
const SEVERITY: Readonly<Record<Severity, string>> = { error: 'critical', warning: 'major', info: 'info' };

export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: string;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

/**
 * GitLab's Code Quality report (`artifacts:reports:codequality`): a JSON array with an issue per
 * finding: `description` (the message), `check_name` (the rule ID), `fingerprint` (stable across
 * runs, as sarif's: not made of line numbers), `severity` (error critical, warning major, info
 * info) and `location` (`path` relative to the working folder with forward slashes, `lines.begin`
 * and `lines.end`). Findings silenced by `tmcheck-disable` comments are left out.
 */
export const gitlab: Formatter = (results, context) => {
  const issues: CodeQualityIssue[] = [];
  for (const r of results) {
    const where = reportPath(r.filePath, context.cwd);
    const prints = fingerprints(r, where.path);
    for (const m of r.messages) {
      if (m.suppressed) continue;
      issues.push({
        description: escapeControls(m.message),
        check_name: m.ruleId,
        fingerprint: prints.get(m) as string,
        severity: SEVERITY[m.severity],
        location: { path: where.path, lines: { begin: m.line, end: Math.max(m.endLine, m.line) } },
      });
    }
  }
  return jsonText(issues);
};
