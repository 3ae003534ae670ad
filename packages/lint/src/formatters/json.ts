import type { Formatter } from './types.js';
import { jsonText, totals } from './types.js';

/** The JSON report of shared/spec/cli.md, key for key. */
export const json: Formatter = (results, context) => {
  const t = totals(results);
  const report = {
    tool: { name: context.toolName, version: context.toolVersion },
    results: results.map((r) => ({
      filePath: r.filePath,
      document: r.document,
      installation: r.installation,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        messageId: m.messageId,
        severity: m.severity,
        message: m.message,
        pointer: m.pointer,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.fix ? { fix: { ...m.fix } } : {}),
        ...(m.suppressed ? { suppressed: { kind: m.suppressed.kind, justification: m.suppressed.justification } } : {}),
        ...(m.internal ? { internal: true } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      fixableCount: r.fixableCount,
    })),
    errorCount: t.errorCount,
    warningCount: t.warningCount,
    infoCount: t.infoCount,
  };
  return jsonText(report);
};
