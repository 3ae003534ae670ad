/**
 * The report for pipelines (docs/cli.md, "tmcheck probe", the json format): the report object, with the
 * tool, and on each step the first cause's `field` and `fix` beside the full `causes` list.
 */
import type { ProbeReport } from '../report.js';

export interface JsonContext {
  readonly toolName: string;
  readonly toolVersion: string;
}

export function formatJson(report: ProbeReport, context: JsonContext): string {
  const out = {
    tool: { name: context.toolName, version: context.toolVersion },
    filePath: report.filePath,
    exitCode: report.exitCode,
    ok: report.exitCode === 0,
    totals: report.totals,
    problems: report.problems,
    installations: report.installations.map((inst) => ({
      document: inst.document,
      installation: inst.installation,
      sections: inst.sections.map((section) => ({
        section: section.name,
        id: section.id,
        pointer: section.pointer,
        channel: section.channel,
        steps: section.steps.map((s) => {
          const first = s.causes[0];
          return {
            step: s.id,
            name: s.name,
            status: s.status,
            summary: s.summary,
            ...(first ? { field: first.field ?? first.place ?? null, pointer: first.pointer ?? null, fix: first.fix } : {}),
            causes: s.causes,
            ...(s.details ? { details: s.details } : {}),
            ...(s.durationMs !== undefined ? { durationMs: s.durationMs } : {}),
          };
        }),
      })),
    })),
    lint: report.lint,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
