/**
 * The report as a checklist for a support engineer: lint's findings first (the probe ran every step
 * anyway), then per section each step passed, FAILED (with the field to change and the fix, the likely
 * causes numbered, most likely first), skipped or not run, and a last line with the totals and the exit
 * status. Every string is escaped (no control character from a server or a file reaches the terminal).
 */
import { createColors } from 'picocolors';
import { escapeControls } from '@tmcheck/lint';
import type { Cause, ProbeReport, Step, StepStatus } from '../report.js';

export interface TextContext {
  readonly color: boolean;
}

const LABEL: Readonly<Record<StepStatus, string>> = { passed: 'passed', failed: 'FAILED', skipped: 'skipped', 'not-run': 'NOT RUN' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function causeLine(cause: Cause): string {
  const where = cause.field ?? cause.place;
  return escapeControls(where !== undefined ? `${where}: ${cause.fix}` : cause.fix);
}

/** The lines under a step: the causes, and what the other end said when it is worth reading. */
function stepDetails(s: Step, indent: string): string[] {
  const out: string[] = [];
  const only = s.causes.length === 1 ? (s.causes[0] as Cause) : undefined;
  if (only) out.push(`${indent}${only.field !== undefined ? 'change' : 'in'} ${causeLine(only)}`);
  else if (s.causes.length > 1) {
    out.push(`${indent}likely causes, most likely first:`);
    s.causes.forEach((c, i) => out.push(`${indent}${i + 1}. ${causeLine(c)}`));
  }
  const d = s.details ?? {};
  if (s.status === 'failed' && typeof d['message'] === 'string') {
    const ids = [d['traceId'] ? `trace ID ${String(d['traceId'])}` : '', d['correlationId'] ? `correlation ID ${String(d['correlationId'])}` : '', d['requestId'] ? `request ID ${String(d['requestId'])}` : '']
      .filter((x) => x !== '')
      .join(', ');
    out.push(`${indent}${s.id === 'token' ? 'Entra ID' : 'the server'} said: ${escapeControls(d['message'])}${ids ? ` (${escapeControls(ids)})` : ''}`);
  }
  return out;
}

export function formatText(report: ProbeReport, context: TextContext): string {
  const c = createColors(context.color);
  const out: string[] = [];
  out.push(c.bold(`tmcheck probe ${escapeControls(report.filePath)}`));

  const findings = report.lint.flatMap((r) => r.messages.filter((m) => !m.suppressed));
  if (findings.length > 0) {
    const errors = findings.filter((m) => m.severity === 'error').length;
    const warnings = findings.filter((m) => m.severity === 'warning').length;
    const infos = findings.length - errors - warnings;
    out.push('');
    out.push(`lint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${infos} info` : ''} (listed here; the probe ran every step anyway)`);
    for (const m of findings) {
      const sev = m.severity === 'error' ? c.red(m.severity.padEnd(7)) : m.severity === 'warning' ? c.yellow(m.severity.padEnd(7)) : c.blue(m.severity.padEnd(7));
      out.push(`  ${c.dim(`${m.line}:${m.column}`.padEnd(7))} ${sev} ${escapeControls(m.message)}  ${c.dim(m.ruleId)}`);
    }
  }

  const several = report.installations.length > 1;
  let width = 0;
  for (const inst of report.installations) for (const section of inst.sections) for (const s of section.steps) width = Math.max(width, s.name.length);
  for (const inst of report.installations) {
    if (several || inst.installation !== null) {
      out.push('');
      out.push(c.bold(`${inst.installation === null ? '(no installation name)' : escapeControls(inst.installation)}${several ? c.dim(` (document ${inst.document + 1})`) : ''}`));
    }
    for (const section of inst.sections) {
      out.push('');
      out.push(c.bold(escapeControls(section.name)));
      for (const s of section.steps) {
        const label = LABEL[s.status].padEnd(7);
        const mark = s.status === 'passed' ? c.green(label) : s.status === 'failed' ? c.red(c.bold(label)) : s.status === 'not-run' ? c.yellow(label) : c.dim(label);
        const time = s.durationMs !== undefined && s.durationMs >= 1 ? c.dim(`  (${s.durationMs < 1000 ? `${s.durationMs} ms` : `${(s.durationMs / 1000).toFixed(1)} s`})`) : '';
        out.push(`  ${mark}  ${s.name.padEnd(width)}  ${escapeControls(s.summary)}${time}`);
        for (const line of stepDetails(s, ' '.repeat(2 + 7 + 2 + width + 2))) out.push(line);
      }
    }
  }

  out.push('');
  for (const problem of report.problems) out.push(c.red(`tmcheck probe: ${escapeControls(problem)}`));
  const t = report.totals;
  const verdict =
    report.exitCode === 0 ? c.green('every step passed') : report.exitCode === 1 ? c.red('a check failed') : c.yellow('the probe could not run every step');
  out.push(`${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.notRun} not run: ${verdict}`);
  return `${out.join('\n')}\n`;
}
