import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import {
  FORMATTERS,
  RULES,
  ConfigError,
  OptionError,
  StdinError,
  UsageError,
  closest,
  createLinter,
  describeFsError,
  summaryLine,
  totals,
  type ConfigExplanation,
  type DocumentResult,
} from '@tmcheck/lint';
import { EXIT, useColor, type ExitCode, type Io } from '../io.js';
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
  readonly printConfig?: string;
}

/** Formats that arrive with the pipeline-reports issue. */
const PLANNED_FORMATS = ['sarif', 'junit', 'markdown'];

function parseMaxWarnings(text: string | undefined): number {
  if (text === undefined) return Number.POSITIVE_INFINITY;
  if (!/^\d{1,9}$/.test(text.trim())) {
    throw new UsageError(`--max-warnings expects a whole number of warnings (0 or more); received "${text}"`);
  }
  return Number(text);
}

function formatterFor(name: string | undefined) {
  const key = (name ?? 'stylish').trim().toLowerCase();
  const formatter = FORMATTERS[key];
  if (formatter) return formatter;
  if (PLANNED_FORMATS.includes(key)) {
    throw new UsageError(`the ${key} format is not available in this version yet; use --format json or stylish`);
  }
  const near = closest(key, [...Object.keys(FORMATTERS), ...PLANNED_FORMATS]);
  throw new UsageError(
    `unknown format "${name ?? ''}": choose ${Object.keys(FORMATTERS).join(' or ')}, such as --format json${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}`,
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

/**
 * Writes the report. A regular file is written beside its target, then renamed into place, so a
 * reader never sees half a file; a device or a pipe (`-o /dev/null`, `-o /dev/stdout`) or a link
 * is written through as it is, never replaced.
 */
function writeReport(target: string, shown: string, text: string): void {
  const fail = (error: unknown): UsageError => new UsageError(`cannot write the report to ${shown}: ${describeFsError(error)}`);
  let existing: Stats | undefined;
  try {
    existing = statSync(target);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory() || /[\\/]$/.test(shown)) {
    throw new UsageError(
      `-o expects a file to write the report to; ${shown} ${existing?.isDirectory() ? 'is' : 'names'} a folder: name a file in it, such as ${join(shown, 'tmcheck-report.json')}`,
    );
  }
  let link = false;
  try {
    link = lstatSync(target).isSymbolicLink();
  } catch {
    link = false;
  }
  if ((existing && !existing.isFile()) || link) {
    try {
      writeFileSync(target, text);
    } catch (error) {
      throw fail(error);
    }
    return;
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new UsageError(`cannot write the report to ${shown}: a part of the path is a file, not a folder (${code})`);
    }
    throw fail(error);
  }
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    // Windows refuses to rename over a file another program has open: write it in place then
    if (existing && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) {
      try {
        writeFileSync(target, text);
        return;
      } catch (again) {
        throw fail(again);
      }
    }
    throw fail(error);
  }
}

/** The --config file; a Windows path (backslashes) is read with slashes where folders are separated by /. */
function configFile(given: string, cwd: string): string {
  const full = resolve(cwd, given);
  if (sep === '/' && given.includes('\\') && !existsSync(full)) {
    const slashed = resolve(cwd, given.replaceAll('\\', '/'));
    if (existsSync(slashed)) return slashed;
  }
  return full;
}

/**
 * The library's errors in the words of this command line: its options are named, so the user
 * knows which one to change.
 */
function worded(error: unknown): unknown {
  if (error instanceof OptionError && error.facts.option === 'now') {
    return new UsageError(
      error.facts.expected === 'YYYY-MM-DD'
        ? `--now expects a date written YYYY-MM-DD, such as 2026-11-29; received "${error.facts.received}"`
        : `--now expects a day of the calendar, YYYY-MM-DD, such as 2026-11-29; "${error.facts.received}" has no such day`,
    );
  }
  if (error instanceof ConfigError && error.facts.file === undefined) {
    if (error.facts.problem === 'bad-severity' && error.facts.received?.includes(',')) {
      return new UsageError(`--rule takes one rule: repeat it for each, such as --rule oauth2/secret-plaintext:off --rule exchange/timeout:error; received "${error.facts.received}"`);
    }
    return new UsageError(`--rule ${error.message}`);
  }
  if (error instanceof StdinError) {
    return new UsageError(
      error.facts.empty
        ? 'standard input is empty: - reads a manifest piped in, such as tmcheck lint - < manifest.yaml, or cat manifest.yaml | tmcheck lint -'
        : `cannot read standard input for -: ${error.message.replace(/^cannot read standard input: /, '')}`,
    );
  }
  return error;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `--print-config FILE`: the settings that apply to a file and where each came from. */
function printConfig(explanation: ConfigExplanation): string {
  const lines = [
    `Settings for ${explanation.file}`,
    `  config file: ${explanation.configFile ?? '(none: the defaults)'}`,
    ...(explanation.ignored ? ['  ignored: yes (the config file\'s ignores match it; tmcheck lint skips it)'] : []),
    '  rules:',
  ];
  const width = Math.max(...explanation.rules.map((r) => r.id.length));
  for (const r of explanation.rules) {
    const options = Object.keys(r.options).length > 0 ? ` ${JSON.stringify(r.options)}` : '';
    lines.push(`    ${r.id.padEnd(width)}  ${(r.severity + options).padEnd(8)}  from ${r.source}`);
  }
  lines.push('  minimum builds:');
  for (const m of explanation.minimumBuilds) lines.push(`    DB ${m.db}: build ${m.build}  from ${m.source}`);
  return `${lines.join('\n')}\n`;
}

/** `tmcheck lint [PATH ...]` */
export async function lintCommand(paths: readonly string[], options: LintCommandOptions, io: Io): Promise<ExitCode> {
  if (options.fix || options.fixDryRun) {
    throw new UsageError(
      `${options.fix ? '--fix' : '--fix-dry-run'} is not available in this version yet; the fixes are in the JSON report (--format json, "fix" on each fixable finding)`,
    );
  }
  const formatter = formatterFor(options.format);
  if (options.output !== undefined && options.output.trim() === '') {
    throw new UsageError('-o expects a file to write the report to, such as -o tmcheck-report.json; received an empty name');
  }
  // -o - is standard output, as - is standard input
  const output = options.output === undefined || options.output === '-' ? undefined : options.output;
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  try {
    const linter = createLinter({
      cwd: io.cwd,
      ...(options.config ? { configFile: configFile(options.config, io.cwd) } : {}),
      overrides: options.rule ?? [],
      ...(options.now !== undefined ? { now: options.now } : {}),
      stdin: io.stdin,
    });
    if (options.printConfig !== undefined) {
      io.stdout.write(printConfig(linter.resolveConfigFor(options.printConfig)));
      return EXIT.ok;
    }
    if (paths.includes('-') && io.stdin.isTTY) {
      io.stderr.write('tmcheck: reading a manifest from standard input; end it with Ctrl+D (Ctrl+Z, Enter on Windows)\n');
    }
    const run = await linter.run(paths);
    const outputPath = output === undefined ? undefined : resolve(io.cwd, output);
    if (outputPath !== undefined) {
      if (run.paths.includes(outputPath)) {
        const shownInput = run.results.find((r) => resolve(io.cwd, r.filePath) === outputPath)?.filePath ?? output;
        throw new UsageError(`-o ${output} would overwrite ${shownInput}, a manifest being linted: write the report to another file, such as -o tmcheck-report.json`);
      }
    }
    const results = run.results;
    const shown = options.quiet ? results.map(onlyErrors) : results;
    const reportColor = outputPath !== undefined ? false : useColor(options.color, io.stdout, io.env);
    const report = formatter(shown, { color: reportColor, toolName: 'tmcheck', toolVersion: TOOL_VERSION, rules: RULES });
    if (outputPath !== undefined && output !== undefined) writeReport(outputPath, output, report);
    else io.stdout.write(report);
    const all = totals(results);
    const hidden = options.quiet ? { warnings: all.warningCount, infos: all.infoCount } : undefined;
    io.stderr.write(
      summaryLine(shown, {
        files: run.files,
        skipped: run.skipped,
        ignored: run.ignored,
        color: useColor(options.color, io.stderr, io.env),
        ...(hidden ? { hidden } : {}),
      }),
    );
    const internal = results.some((r) => r.messages.some((m) => m.internal));
    const t = totals(shown);
    if (t.warningCount > maxWarnings) {
      io.stderr.write(`tmcheck: ${plural(t.warningCount, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    }
    if (internal) {
      io.stderr.write(`tmcheck: a rule failed with an internal error (a bug in tmcheck ${TOOL_VERSION}; the finding names the rule and the file): please report it\n`);
      return EXIT.usage;
    }
    return t.errorCount > 0 || t.warningCount > maxWarnings ? EXIT.failed : EXIT.ok;
  } catch (error) {
    throw worded(error);
  }
}
