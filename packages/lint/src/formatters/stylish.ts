import { createColors } from 'picocolors';
import type { DocumentResult, Finding } from '../finding.js';
import type { Formatter } from './types.js';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** One line per control character, so that a value quoted in a message cannot rewrite the terminal. */
function safe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/**
 * Findings grouped by file and installation, one per line:
 * `line:col  severity  message  rule-id`, in the manner of ESLint's stylish.
 */
export const stylish: Formatter = (results, context) => {
  const c = createColors(context.color);
  const byFile = new Map<string, DocumentResult[]>();
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const list = byFile.get(r.filePath) ?? [];
    list.push(r);
    byFile.set(r.filePath, list);
  }
  const out: string[] = [];
  for (const [filePath, docs] of byFile) {
    const all: Finding[] = docs.flatMap((d) => [...d.messages]);
    const posWidth = Math.max(...all.map((m) => `${m.line}:${m.column}`.length));
    const sevWidth = Math.max(...all.map((m) => m.severity.length));
    const msgWidth = Math.min(100, Math.max(...all.map((m) => m.message.length)));
    out.push(c.underline(safe(filePath)));
    const several = docs.length > 1 || docs[0]?.document !== 0;
    for (const doc of docs) {
      const name = doc.installation === null ? '(no installation name)' : safe(shorten(doc.installation));
      out.push(several ? `  ${c.bold(name)} ${c.dim(`(document ${doc.document + 1})`)}` : `  ${c.bold(name)}`);
      for (const m of doc.messages) {
        const sev = m.severity === 'error' ? c.red(pad(m.severity, sevWidth)) : m.severity === 'warning' ? c.yellow(pad(m.severity, sevWidth)) : c.blue(pad(m.severity, sevWidth));
        out.push(`    ${c.dim(pad(`${m.line}:${m.column}`, posWidth))}  ${sev}  ${pad(safe(m.message), msgWidth)}  ${c.dim(m.ruleId)}`);
      }
    }
    out.push('');
  }
  return out.length === 0 ? '' : out.join('\n') + '\n';
};
