import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  FORMATTERS,
  RULES,
  UsageError,
  closest,
  collectManifests,
  findConfigFile,
  lintBytes,
  lintFile,
  readConfigFile,
  resolveConfig,
  summaryLine,
  totals,
  type DocumentResult,
  type LintOptions,
} from '@tmcheck/lint';
import { EXIT, readAll, useColor, type ExitCode, type Io } from '../io.js';
import { TOOL_VERSION } from '../version.js';

export interface LintCommandOptions {
  readonly format?: string;
  readonly output?: string;
  readonly quiet?: boolean;
  readonly maxWarnings?: string;
  readonly rule?: readonly string[];
  readonly config?: string;
  readonly fix?: boolean;
  readonly fixDryRun?: boolean;
  readonly now?: string;
  readonly color?: boolean;
}

/** Formats that arrive with the pipeline-reports issue. */
const PLANNED_FORMATS = ['sarif', 'junit', 'markdown'];

function localToday(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseNow(text: string | undefined): string {
  if (text === undefined) return localToday();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.toISOString().slice(0, 10) !== text.trim()) {
    throw new UsageError(`--now expects a date written YYYY-MM-DD, such as 2026-11-29; received "${text}"`);
  }
  return text.trim();
}

function parseMaxWarnings(text: string | undefined): number {
  if (text === undefined) return Number.POSITIVE_INFINITY;
  if (!/^\d{1,9}$/.test(text.trim())) {
    throw new UsageError(`--max-warnings expects a whole number of warnings (0 or more); received "${text}"`);
  }
  return Number(text);
}

function formatterFor(name: string | undefined) {
  const key = name ?? 'stylish';
  const formatter = FORMATTERS[key];
  if (formatter) return formatter;
  if (PLANNED_FORMATS.includes(key)) {
    throw new UsageError(`the ${key} format is not available in this version yet; use --format json or stylish`);
  }
  const near = closest(key, [...Object.keys(FORMATTERS), ...PLANNED_FORMATS]);
  throw new UsageError(
    `unknown format "${key}": choose ${Object.keys(FORMATTERS).join(' or ')}${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}`,
  );
}

function onlyErrors(result: DocumentResult): DocumentResult {
  const messages = result.messages.filter((m) => m.severity === 'error');
  return {
    ...result,
    messages,
    warningCount: 0,
    infoCount: 0,
    fixableCount: messages.filter((m) => m.fix).length,
  };
}

/** Writes the report beside its target, then renames it into place, so a reader never sees half a file. */
function writeReport(path: string, text: string): void {
  const target = resolve(path);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    throw new UsageError(`cannot write the report to ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** `tmcheck lint [PATH ...]` */
export async function lintCommand(paths: readonly string[], options: LintCommandOptions, io: Io): Promise<ExitCode> {
  if (options.fix || options.fixDryRun) {
    throw new UsageError(
      `${options.fix ? '--fix' : '--fix-dry-run'} is not available in this version yet; the fixes are in the JSON report (--format json, "fix" on each fixable finding)`,
    );
  }
  const formatter = formatterFor(options.format);
  const today = parseNow(options.now);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const configPath = options.config ? resolve(io.cwd, options.config) : findConfigFile(io.cwd);
  const config = resolveConfig(RULES, {
    ...(configPath ? { config: readConfigFile(configPath), configPath } : {}),
    overrides: options.rule ?? [],
  });
  const lintOptions: LintOptions = { config, today, rules: RULES };

  const targets = paths.length === 0 ? ['.'] : paths;
  const results: DocumentResult[] = [];
  let files = 0;
  let skipped = 0;
  const onDisk = targets.filter((p) => p !== '-');
  if (onDisk.length < targets.length) {
    results.push(...lintBytes(await readAll(io.stdin), { filePath: '<stdin>' }, lintOptions));
    files++;
  }
  if (onDisk.length > 0) {
    const collected = collectManifests(onDisk, { cwd: io.cwd });
    skipped = collected.skipped;
    for (const file of collected.files) {
      results.push(...lintFile(file, lintOptions));
      files++;
    }
  }
  if (files === 0) {
    throw new UsageError(
      `no manifest found in ${targets.join(', ')}${skipped > 0 ? ` (${skipped} YAML/JSON files skipped: none has a top-level schemaVersion)` : ''}: name a manifest file, or a folder holding *.yaml, *.yml or *.json manifests`,
    );
  }

  const shown = options.quiet ? results.map(onlyErrors) : results;
  const reportColor = options.output ? false : useColor(options.color, io.stdout, io.env);
  const report = formatter(shown, { color: reportColor, toolName: 'tmcheck', toolVersion: TOOL_VERSION, rules: RULES });
  if (options.output) writeReport(resolve(io.cwd, options.output), report);
  else io.stdout.write(report);
  io.stderr.write(summaryLine(shown, { files, skipped, color: useColor(options.color, io.stderr, io.env) }));

  const t = totals(shown);
  if (t.warningCount > maxWarnings) {
    io.stderr.write(`tmcheck: ${t.warningCount} warnings, more than --max-warnings ${maxWarnings}\n`);
  }
  return t.errorCount > 0 || t.warningCount > maxWarnings ? EXIT.failed : EXIT.ok;
}
