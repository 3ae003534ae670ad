import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import {
  DEFAULT_LIMITS,
  FORMATTERS,
  RULES,
  UsageError,
  closest,
  collectManifests,
  describeFsError,
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
  const written = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  if (!m) throw new UsageError(`--now expects a date written YYYY-MM-DD, such as 2026-11-29; received "${text}"`);
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (date.toISOString().slice(0, 10) !== written) {
    throw new UsageError(`--now expects a day of the calendar, YYYY-MM-DD, such as 2026-11-29; "${text}" has no such day`);
  }
  return written;
}

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

/** Reads standard input, stopping once it is over the size limit (the loader then reports it). */
async function readStdin(io: Io): Promise<Uint8Array> {
  if (io.stdin.isTTY) {
    io.stderr.write('tmcheck: reading a manifest from standard input; end it with Ctrl+D (Ctrl+Z, Enter on Windows)\n');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readAll(io.stdin, DEFAULT_LIMITS.maxBytes + 1);
  } catch (error) {
    throw new UsageError(`cannot read standard input for -: ${describeFsError(error)}`);
  }
  if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw new UsageError(
      'standard input is empty: - reads a manifest piped in, such as tmcheck lint - < manifest.yaml, or cat manifest.yaml | tmcheck lint -',
    );
  }
  return bytes;
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

function noManifest(folders: readonly string[], skipped: number): UsageError {
  const why =
    skipped === 0 ? '' : skipped === 1 ? ' (1 YAML/JSON file skipped: it has no top-level schemaVersion)' : ` (${skipped} YAML/JSON files skipped: none has a top-level schemaVersion)`;
  return new UsageError(
    `no manifest found in ${folders.join(', ')}${why}: name a manifest file, or a folder holding *.yaml, *.yml or *.json manifests (a manifest starts with schemaVersion: 1)`,
  );
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
  const today = parseNow(options.now);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const configPath = options.config ? configFile(options.config, io.cwd) : findConfigFile(io.cwd);
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
  const collected = onDisk.length > 0 ? collectManifests(onDisk, { cwd: io.cwd }) : { files: [], skipped: 0, emptyFolders: [] };
  // a folder named that holds no manifest is a mistake (a typo, a moved folder), also beside others that do
  if (collected.emptyFolders.length > 0) {
    throw noManifest(collected.emptyFolders, collected.files.length === 0 ? collected.skipped : 0);
  }
  const outputPath = output === undefined ? undefined : resolve(io.cwd, output);
  if (outputPath !== undefined) {
    const input = collected.files.find((f) => resolve(io.cwd, f.filePath) === outputPath);
    if (input) {
      throw new UsageError(`-o ${output} would overwrite ${input.filePath}, a manifest being linted: write the report to another file, such as -o tmcheck-report.json`);
    }
  }
  if (onDisk.length < targets.length) {
    results.push(...lintBytes(await readStdin(io), { filePath: '<stdin>' }, lintOptions));
    files++;
  }
  if (onDisk.length > 0) {
    skipped = collected.skipped;
    for (const file of collected.files) {
      results.push(...lintFile(file, lintOptions));
      files++;
    }
  }
  if (files === 0) throw noManifest(targets, skipped);

  const shown = options.quiet ? results.map(onlyErrors) : results;
  const reportColor = outputPath !== undefined ? false : useColor(options.color, io.stdout, io.env);
  const report = formatter(shown, { color: reportColor, toolName: 'tmcheck', toolVersion: TOOL_VERSION, rules: RULES });
  if (outputPath !== undefined && output !== undefined) writeReport(outputPath, output, report);
  else io.stdout.write(report);
  const all = totals(results);
  const hidden = options.quiet ? { warnings: all.warningCount, infos: all.infoCount } : undefined;
  io.stderr.write(summaryLine(shown, { files, skipped, color: useColor(options.color, io.stderr, io.env), ...(hidden ? { hidden } : {}) }));

  const t = totals(shown);
  if (t.warningCount > maxWarnings) {
    io.stderr.write(`tmcheck: ${t.warningCount} warnings, more than --max-warnings ${maxWarnings}\n`);
  }
  return t.errorCount > 0 || t.warningCount > maxWarnings ? EXIT.failed : EXIT.ok;
}
