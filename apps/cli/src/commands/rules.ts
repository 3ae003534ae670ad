import { RULES, UsageError, closest, escapeControls, ruleDocPage, ruleDocsPath } from '@tmcheck/lint';
import { createColors } from 'picocolors';
import { EXIT, type ExitCode, type Io } from '../io.js';

export interface RulesOptions {
  readonly format?: string;
  readonly color: boolean;
}

/** A Markdown page for a terminal: headings bold, controls escaped, nothing else changed. */
function render(page: string, color: boolean): string {
  const c = createColors(color);
  return page
    .split('\n')
    .map((line) => {
      const safe = escapeControls(line);
      return /^#{1,6} /.test(safe) ? c.bold(safe) : safe;
    })
    .join('\n');
}

/** `tmcheck rules [ID] [--format text|json]`: every rule, or one rule's documentation page. */
export function rulesCommand(id: string | undefined, options: RulesOptions, io: Io): ExitCode {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format for tmcheck rules is text or json; received "${format}"`);
  }
  if (id !== undefined) {
    const rule = RULES.find((r) => r.id === id);
    if (!rule) {
      const near = closest(id, RULES.map((r) => r.id));
      throw new UsageError(`unknown rule "${id}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (tmcheck rules lists them all)`);
    }
    const page = ruleDocPage(rule.id);
    if (page === undefined) throw new UsageError(`the documentation page of ${rule.id} is not installed with this tmcheck (${ruleDocsPath(rule.id)})`);
    if (format === 'json') {
      io.stdout.write(JSON.stringify({ id: rule.id, severity: rule.severity, fixable: rule.fixable, description: rule.docs.description, page }, null, 2) + '\n');
    } else io.stdout.write(render(page, options.color) + (page.endsWith('\n') ? '' : '\n'));
    return EXIT.ok;
  }
  const rows = RULES.map((r) => ({
    id: r.id,
    severity: r.severity,
    description: r.docs.description,
    fixable: r.fixable,
    docs: ruleDocsPath(r.id),
    ...(r.options ? { options: r.options } : {}),
  }));
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ rules: rows }, null, 2) + '\n');
    return EXIT.ok;
  }
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.description}`);
  io.stdout.write(`${lines.join('\n')}\n\nRead a rule's page with: tmcheck rules <id>, such as tmcheck rules oauth2/scope\n`);
  return EXIT.ok;
}
