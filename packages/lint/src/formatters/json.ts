import type { DocumentResult } from '../finding.js';
import type { Formatter, FormatterContext } from './types.js';
import { jsonText, totals } from './types.js';

/** One result as the report gives it, key for key. */
function reportResult(r: DocumentResult): unknown {
  return {
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
  };
}

/** Indented JSON of a value that stands `depth` levels in (JSON text holds no raw line break inside a string). */
function nested(value: unknown, depth: number): string {
  return jsonText(value).slice(0, -1).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/**
 * The JSON report of shared/spec/cli.md in pieces, a result at a time: the same text as
 * `JSON.stringify(report, null, 2)`, without the whole report as one object or one string.
 */
function* jsonChunks(results: readonly DocumentResult[], context: FormatterContext): Generator<string> {
  const t = totals(results);
  yield `{\n  "tool": ${nested({ name: context.toolName, version: context.toolVersion }, 1)},\n  "results": `;
  if (results.length === 0) yield '[]';
  else {
    yield '[\n';
    for (let i = 0; i < results.length; i++) yield `    ${nested(reportResult(results[i] as DocumentResult), 2)}${i < results.length - 1 ? ',' : ''}\n`;
    yield '  ]';
  }
  yield `,\n  "errorCount": ${t.errorCount},\n  "warningCount": ${t.warningCount},\n  "infoCount": ${t.infoCount}\n}\n`;
}

/** The JSON report of shared/spec/cli.md, key for key. */
export const json: Formatter = Object.assign((results: readonly DocumentResult[], context: FormatterContext): string => [...jsonChunks(results, context)].join(''), {
  chunks: jsonChunks,
});
