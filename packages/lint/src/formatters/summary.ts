import { createColors } from 'picocolors';
import type { DocumentResult } from '../finding.js';
import { totals } from './types.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The one-line summary for the terminal (stderr): problems, files, installations, files skipped. */
export function summaryLine(
  results: readonly DocumentResult[],
  info: {
    readonly files: number;
    readonly skipped: number;
    /** Files the config's ignores excluded. */
    readonly ignored?: number;
    readonly color: boolean;
    /** Findings left out of the report by --quiet. */
    readonly hidden?: { readonly warnings: number; readonly infos: number };
  },
): string {
  const c = createColors(info.color);
  const t = totals(results);
  const problems = t.errorCount + t.warningCount + t.infoCount;
  const suppressed = results.reduce((n, r) => n + r.messages.filter((m) => m.suppressed).length, 0);
  const installations = results.length;
  const scope = `${plural(info.files, 'file')} (${plural(installations, 'installation')})`;
  const ignored = info.ignored && info.ignored > 0 ? `; ${plural(info.ignored, 'file')} ignored (the config's ignores)` : '';
  const skipped = `${info.skipped > 0 ? `; ${plural(info.skipped, 'file')} skipped (no top-level schemaVersion)` : ''}${ignored}`;
  const hiddenParts = [
    ...(info.hidden && info.hidden.warnings > 0 ? [plural(info.hidden.warnings, 'warning')] : []),
    ...(info.hidden && info.hidden.infos > 0 ? [plural(info.hidden.infos, 'info')] : []),
  ];
  const hidden =
    (hiddenParts.length > 0 ? `; ${hiddenParts.join(' and ')} not shown (--quiet)` : '') +
    (suppressed > 0 ? `; ${plural(suppressed, 'finding')} silenced by tmcheck-disable comments` : '');
  if (problems === 0) return `${c.green('✔')} no ${hidden ? 'errors' : 'problems'} in ${scope}${skipped}${hidden}\n`;
  const mark = t.errorCount > 0 ? c.red('✖') : c.yellow('⚠');
  const counts = `${plural(t.errorCount, 'error')}, ${plural(t.warningCount, 'warning')}, ${plural(t.infoCount, 'info')}`;
  const fixable = t.fixableCount > 0 ? `; ${t.fixableCount} with a safe fix (run with --fix)` : '';
  return `${mark} ${plural(problems, 'problem')} (${counts}) in ${scope}${skipped}${hidden}${fixable}\n`;
}
