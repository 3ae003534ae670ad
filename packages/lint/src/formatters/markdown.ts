import type { DocumentResult, Finding, Severity } from '../finding.js';
import { escapeControls } from '../text/escape.js';
import type { Formatter } from './types.js';
import { reportPath, ruleDocsUrl, severalDocuments, totals } from './types.js';

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text for a Markdown table cell or heading, whatever it holds: control characters (a line break
 * would end the row) as \uXXXX, & < > as entities (no HTML gets in), and every character that
 * Markdown reads as syntax behind a backslash: | (ends a cell), backticks (code), * _ ~ (emphasis),
 * [ ] (links and images), # (a heading's closing sequence), $ (GitHub's math), \ itself.
 */
export function markdownText(text: string): string {
  return escapeControls(text)
    .replace(/[&<>]/g, (c) => HTML[c] as string)
    .replace(/[\\`*_[\]#|~$]/g, '\\$&');
}

/** A link target that cannot end the link or the cell early. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>|`\\]/g, (c) => encodeURIComponent(c));
}

const BADGE: Readonly<Record<Severity, string>> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function field(f: Finding): string {
  const title = f.data?.['field'];
  return typeof title === 'string' ? title : f.pointer === '' ? 'the document' : f.pointer;
}

function installationName(r: DocumentResult): string {
  return r.installation === null ? '(no installation name)' : r.installation;
}

/**
 * A report for `$GITHUB_STEP_SUMMARY` and pull-request comments: the totals, then a table per
 * installation with findings (severity, line, dialog > field, message, the rule linked to its
 * documentation); findings silenced by `tmcheck-disable` comments are listed apart, folded; a
 * clean run is one line. Every value is escaped (markdownText).
 */
export const markdown: Formatter = (results, context) => {
  const t = totals(results);
  const problems = t.errorCount + t.warningCount + t.infoCount;
  const files = new Set(results.map((r) => r.filePath)).size;
  const scope = `${plural(files, 'file')} (${plural(results.length, 'installation')})`;
  const tool = markdownText(context.toolName);
  const several = severalDocuments(results);
  const silenced: Array<{ result: DocumentResult; finding: Finding }> = [];
  for (const r of results) for (const m of r.messages) if (m.suppressed) silenced.push({ result: r, finding: m });
  const where = (r: DocumentResult): string => {
    const path = reportPath(r.filePath, context.cwd).path;
    return `${markdownText(path)}${several(r) ? ` (document ${r.document + 1})` : ''}`;
  };
  const rule = (id: string): string => `[${markdownText(id)}](${linkTarget(ruleDocsUrl(context, id))})`;

  const out: string[] = [];
  if (problems === 0) {
    out.push(`✅ **${tool}**: no problems in ${scope}${silenced.length > 0 ? `; ${plural(silenced.length, 'finding')} silenced by tmcheck-disable comments` : ''}`);
  } else {
    const mark = t.errorCount > 0 ? '❌' : '⚠️';
    out.push(`## ${mark} ${tool}: ${plural(t.errorCount, 'error')}, ${plural(t.warningCount, 'warning')}, ${plural(t.infoCount, 'info')}`);
    out.push('');
    const failing = results.filter((r) => r.messages.some((m) => !m.suppressed)).length;
    const notes = [
      `${plural(problems, 'problem')} in ${scope}`,
      `${plural(failing, 'installation')} with problems, ${results.length - failing} without`,
      ...(t.fixableCount > 0 ? [`${t.fixableCount} with a safe fix (\`tmcheck lint --fix\`)`] : []),
      ...(silenced.length > 0 ? [`${plural(silenced.length, 'finding')} silenced by tmcheck-disable comments (listed at the end)`] : []),
    ];
    out.push(`${notes.join('; ')}.`);
    for (const r of results) {
      const shown = r.messages.filter((m) => !m.suppressed);
      if (shown.length === 0) continue;
      out.push('', `### ${markdownText(installationName(r))}`, '', where(r), '');
      out.push('| Severity | Line | Field | Message | Rule |', '| --- | --- | --- | --- | --- |');
      for (const m of shown) {
        out.push(`| ${BADGE[m.severity]} | ${m.line} | ${markdownText(field(m))} | ${markdownText(m.message)} | ${rule(m.ruleId)} |`);
      }
    }
  }
  if (silenced.length > 0) {
    out.push('', `<details><summary>${plural(silenced.length, 'finding')} silenced by tmcheck-disable comments</summary>`, '');
    out.push('| Installation | Line | Field | Rule | Reason |', '| --- | --- | --- | --- | --- |');
    for (const { result, finding } of silenced) {
      const reason = finding.suppressed?.justification ? markdownText(finding.suppressed.justification) : '(no reason given)';
      out.push(`| ${markdownText(installationName(result))}, ${where(result)} | ${finding.line} | ${markdownText(field(finding))} | ${rule(finding.ruleId)} | ${reason} |`);
    }
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
};
