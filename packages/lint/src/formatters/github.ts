import type { Severity } from '../finding.js';
import { escapeControls } from '../text/escape.js';
import type { Formatter } from './types.js';
import { reportPath } from './types.js';

/** A workflow command's message, escaped as GitHub's toolkit does (`escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value (`escapeProperty`): also `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one line per finding:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE` (`warning`, `notice`
 * for the other severities; `col` and `endColumn` only for a range within one line, as GitHub
 * requires), which GitHub turns into annotations on the file and the pull
 * request. File paths are relative to the working folder (run from the repository's root).
 * Control characters are written as \uXXXX first, so a value can never start a command of its
 * own. Findings silenced by `tmcheck-disable` comments are not printed.
 */
export const github: Formatter = (results, context) => {
  const out: string[] = [];
  for (const r of results) {
    const where = reportPath(r.filePath, context.cwd);
    for (const m of r.messages) {
      if (m.suppressed) continue;
      const properties = [
        ...(where.stdin
          ? []
          : [
              `file=${escapeProperty(escapeControls(where.path))}`,
              `line=${m.line}`,
              // GitHub takes columns only for a range on one line
              ...(m.endLine <= m.line ? [`col=${m.column}`, `endLine=${m.line}`, `endColumn=${Math.max(m.endColumn, m.column)}`] : [`endLine=${m.endLine}`]),
            ]),
        `title=${escapeProperty(escapeControls(m.ruleId))}`,
      ];
      out.push(`::${COMMAND[m.severity]} ${properties.join(',')}::${escapeData(escapeControls(m.message))}`);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
};
