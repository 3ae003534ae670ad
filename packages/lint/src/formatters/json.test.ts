import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../linter.js';
import type { DocumentResult } from '../finding.js';
import { json } from './json.js';
import { jsonText, type FormatterContext } from './types.js';

const CONTEXT: FormatterContext = { color: false, toolName: 'tmcheck', toolVersion: '1.2.3', rules: [] };
const example = (name: string): string => readFileSync(new URL(`../../../../examples/fleet/${name}`, import.meta.url), 'utf8');

/** The report as one object, stringified whole: what the pieces must add up to. */
function whole(results: readonly DocumentResult[]): string {
  const sum = (key: 'errorCount' | 'warningCount' | 'infoCount'): number => results.reduce((n, r) => n + r[key], 0);
  return jsonText({
    tool: { name: 'tmcheck', version: '1.2.3' },
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
        ...(m.fix ? { fix: m.fix } : {}),
        ...(m.suppressed ? { suppressed: m.suppressed } : {}),
        ...(m.internal ? { internal: true } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      fixableCount: r.fixableCount,
    })),
    errorCount: sum('errorCount'),
    warningCount: sum('warningCount'),
    infoCount: sum('infoCount'),
  });
}

describe('json', () => {
  const linter = createLinter({ now: '2026-11-29' });
  const results = [
    ...linter.lintText(example('scopes-swapped.yaml'), { filePath: 'fleet/scopes-swapped.yaml' }),
    // fixes, an inline exception, a multi-line text, C1 controls and a bidi control in values and the file name
    ...linter.lintText(`${example('nordic-star.yaml').replace('    timeoutSeconds: 100', '    # tmcheck-disable-next-line exchange/timeout -- a slow relay\u0085 \u202e\n    timeoutSeconds: 5').replace('MV Nordic Star', 'MV Nordic\u0085Star')}`, { filePath: 'fleet/a\u009bb\n.yaml' }),
    ...linter.lintText('schemaVersion: 1\n---\n- a list\n', { filePath: 'two.yaml' }),
  ];

  it('gives, a result at a time, the same text as the whole report stringified', () => {
    expect(results.some((r) => r.messages.some((m) => m.fix))).toBe(true);
    expect(results.some((r) => r.messages.some((m) => m.suppressed))).toBe(true);
    expect(json(results, CONTEXT)).toBe(whole(results));
    expect([...(json.chunks?.(results, CONTEXT) ?? [])].join('')).toBe(whole(results));
    // and it parses back to the report, with nothing raw that a terminal acts on
    const text = json(results, CONTEXT);
    expect((JSON.parse(text) as { results: unknown[] }).results).toHaveLength(results.length);
    expect(text).not.toMatch(/[\u0080-\u009f\u202e]/);
  });

  it('writes no result as an empty list, and one piece per result', () => {
    expect(json([], CONTEXT)).toBe(whole([]));
    expect(JSON.parse(json([], CONTEXT))).toEqual({ tool: { name: 'tmcheck', version: '1.2.3' }, results: [], errorCount: 0, warningCount: 0, infoCount: 0 });
    expect([...(json.chunks?.(results, CONTEXT) ?? [])].length).toBe(results.length + 4);
  });
});
