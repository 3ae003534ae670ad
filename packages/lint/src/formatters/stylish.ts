import { createColors } from 'picocolors';
import type { DocumentResult, Finding } from '../finding.js';
import { escapeControls } from '../text/escape.js';
import type { Formatter } from './types.js';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** The widest of the texts (a loop: a file may have a hundred thousand findings, too many to spread). */
function widest(findings: readonly Finding[], text: (f: Finding) => string): number {
  let width = 0;
  for (const f of findings) width = Math.max(width, text(f).length);
  return width;
}

/**
 * Findings grouped by file and installation, one per line:
 * `line:col  severity  message  rule-id`, in the manner of ESLint's stylish. Findings silenced by
 * an inline comment are not shown (the summary counts them).
 */
export const stylish: Formatter = (results, context) => {
  const c = createColors(context.color);
  const byFile = new Map<string, DocumentResult[]>();
  for (const r of results) {
    if (!r.messages.some((m) => !m.suppressed)) continue;
    const list = byFile.get(r.filePath) ?? [];
    list.push(r);
    byFile.set(r.filePath, list);
  }
  const out: string[] = [];
  for (const [filePath, docs] of byFile) {
    const all: Finding[] = [];
    for (const d of docs) for (const m of d.messages) if (!m.suppressed) all.push(m);
    const posWidth = widest(all, (m) => `${m.line}:${m.column}`);
    const sevWidth = widest(all, (m) => m.severity);
    const msgWidth = Math.min(100, widest(all, (m) => m.message));
    out.push(c.underline(escapeControls(filePath)));
    const several = docs.length > 1 || docs[0]?.document !== 0;
    for (const doc of docs) {
      const name = doc.installation === null ? '(no installation name)' : escapeControls(shorten(doc.installation));
      out.push(several ? `  ${c.bold(name)} ${c.dim(`(document ${doc.document + 1})`)}` : `  ${c.bold(name)}`);
      for (const m of doc.messages) {
        if (m.suppressed) continue;
        const sev = m.severity === 'error' ? c.red(pad(m.severity, sevWidth)) : m.severity === 'warning' ? c.yellow(pad(m.severity, sevWidth)) : c.blue(pad(m.severity, sevWidth));
        out.push(`    ${c.dim(pad(`${m.line}:${m.column}`, posWidth))}  ${sev}  ${pad(escapeControls(m.message), msgWidth)}  ${c.dim(m.ruleId)}`);
      }
    }
    out.push('');
  }
  return out.length === 0 ? '' : out.join('\n') + '\n';
};
