import { RULES, UsageError, ruleDocsPath } from '@tmcheck/lint';
import { EXIT, type ExitCode, type Io } from '../io.js';

/** `tmcheck rules [--format text|json]`: every rule, its default severity, what it checks, its docs. */
export function rulesCommand(options: { readonly format?: string }, io: Io): ExitCode {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format for tmcheck rules is text or json; received "${format}"`);
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
  const lines = rows.map(
    (r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.description}\n${' '.repeat(idWidth + 16)}${r.docs}`,
  );
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
