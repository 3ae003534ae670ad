import { closeSync, existsSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  DEFAULT_LIMITS,
  FORMAT_NAMES,
  RULES,
  ConfigError,
  OptionError,
  StdinError,
  UsageError,
  closest,
  createLinter,
  decode,
  describeFsError,
  escapeControls,
  loadFormatter,
  ruleDocPage,
  summaryLine,
  totals,
  type CacheReport,
  type ConfigExplanation,
  type DocumentResult,
  type Formatter,
  type FormatterContext,
  type Linter,
  type LintRun,
} from '@tmcheck/lint/core';
// the fix writer (and the YAML document library it uses) is loaded only with --fix or --fix-dry-run
import type { FixRun, RefusedFix } from '@tmcheck/lint/fix';
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
  readonly printConfig?: string;
  /** --cache: lint only the files that changed since the last run with --cache. */
  readonly cache?: boolean;
  /** --cache-location PATH: the cache file, or a folder to hold it. */
  readonly cacheLocation?: string;
}

function parseMaxWarnings(text: string | undefined): number {
  if (text === undefined) return Number.POSITIVE_INFINITY;
  if (!/^\d{1,9}$/.test(text.trim())) {
    throw new UsageError(`--max-warnings expects a whole number of warnings (0 or more); received "${text}"`);
  }
  return Number(text);
}

/** The formatter of --format, loaded (the large ones only when asked for). */
async function formatterFor(name: string | undefined): Promise<Formatter> {
  const key = (name ?? 'stylish').trim().toLowerCase();
  const formatter = await loadFormatter(key);
  if (formatter) return formatter;
  const names = [...FORMAT_NAMES];
  const near = closest(key, names);
  throw new UsageError(
    `unknown format "${name ?? ''}": choose ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, such as --format sarif${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}`,
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
 * is written through as it is, never replaced. The report is written as its pieces come (see writePieces).
 */
function writeReport(target: string, shown: string, report: () => Iterable<string>): void {
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
      writePieces(target, 'w', report());
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
    writePieces(temp, 'wx', report());
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    // Windows refuses to rename over a file another program has open: write it in place then
    if (existing && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) {
      try {
        writePieces(target, 'w', report());
        return;
      } catch (again) {
        throw fail(again);
      }
    }
    throw fail(error);
  }
}

/** At least this much of a report is gathered before it is written (fewer, larger writes). */
const WRITE_BATCH = 1 << 20;

/** Report pieces gathered into writes of about WRITE_BATCH characters. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= WRITE_BATCH) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** Writes a report's pieces to a file as they come: the report is never whole in memory. */
function writePieces(path: string, flags: 'w' | 'wx', pieces: Iterable<string>): void {
  const fd = openSync(path, flags);
  try {
    for (const text of batched(pieces)) writeSync(fd, text);
  } finally {
    closeSync(fd);
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

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
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

/** What --fix or --fix-dry-run did. */
interface FixOutcome {
  /** The report's results: each fixed file's findings are those of its final text. */
  readonly results: readonly DocumentResult[];
  /** Fixes applied (or, with --fix-dry-run, that would be), and the files they are in. */
  readonly applied: number;
  readonly files: number;
  readonly refused: readonly RefusedFix[];
  /** A unified diff per changed file (--fix-dry-run). */
  readonly diffs: readonly string[];
  /** The manifest read from standard input, fixed (--fix with -). */
  readonly stdinText: string | undefined;
  /** Files that could not be written (the run exits 2). */
  readonly failures: readonly string[];
}

/** Standard input read once, handed to the linter as many times as it asks. */
function replayable(bytes: () => Uint8Array | undefined, stdin: Io['stdin']): AsyncIterable<Uint8Array | string> {
  return {
    [Symbol.asyncIterator]() {
      const read = bytes();
      if (read === undefined) return stdin[Symbol.asyncIterator]();
      return (async function* () {
        yield read;
      })();
    },
  };
}

/**
 * Applies the safe fixes of every linted file with a fixable finding (--fix writes them, each file
 * atomically and only when it changed; --fix-dry-run keeps a diff instead). Each file is linted
 * again after each pass until nothing changes; its findings in the report are those that remain.
 */
async function applyFixes(run: LintRun, linter: Linter, write: boolean, cwd: string, stdinBytes: Uint8Array | undefined): Promise<FixOutcome> {
  const { FixWriteError, fixDiff, fixFile, fixUntilStable, isJsonPath } = await import('@tmcheck/lint/fix');
  const byFile = new Map<string, DocumentResult[]>();
  for (const r of run.results) {
    const list = byFile.get(r.filePath) ?? [];
    list.push(r);
    byFile.set(r.filePath, list);
  }
  const linted = new Set(run.paths);
  const remaining = new Map<string, readonly DocumentResult[]>();
  const refused: RefusedFix[] = [];
  const diffs: string[] = [];
  const failures: string[] = [];
  let applied = 0;
  let files = 0;
  let stdinText: string | undefined;
  const record = (filePath: string, fixed: FixRun, original: string, json: boolean): void => {
    remaining.set(filePath, fixed.remaining);
    for (const r of fixed.refused) refused.push(r);
    if (fixed.applied.length > 0) {
      applied += fixed.applied.length;
      files++;
    }
    if (!write && fixed.changed) diffs.push(fixDiff(filePath, original, fixed.text, { json }));
  };
  for (const [filePath, results] of byFile) {
    if (filePath === '<stdin>' && stdinBytes !== undefined) {
      const decoded = decode(stdinBytes);
      if (!decoded.ok) continue;
      const { text, bom, encoding } = decoded.value;
      const fixed = results.some((r) => r.fixableCount > 0)
        ? fixUntilStable(text, (t) => linter.lintText(t, { filePath }), { initial: results })
        : undefined;
      if (fixed) record(filePath, fixed, text, false);
      // the manifest goes out as UTF-8 (a UTF-8 byte order mark stays), whether or not a fix changed it
      if (write) stdinText = `${bom && encoding === 'utf-8' ? '\uFEFF' : ''}${fixed?.text ?? text}`;
      continue;
    }
    if (!results.some((r) => r.fixableCount > 0)) continue;
    const path = resolve(cwd, filePath);
    if (!linted.has(path)) continue;
    try {
      // linted again from its bytes as they are now, not as the report saw them
      // a name that is not UTF-8 is opened by its bytes
      const fixed = fixFile(run.rawPaths.get(path) ?? path, linter, { filePath, write });
      record(filePath, fixed, fixed.original ?? '', isJsonPath(path));
    } catch (error) {
      if (!(error instanceof FixWriteError)) throw error;
      failures.push(escapeControls(error.message));
    }
  }
  const out: DocumentResult[] = [];
  const done = new Set<string>();
  for (const r of run.results) {
    const fixed = remaining.get(r.filePath);
    if (!fixed) out.push(r);
    else if (!done.has(r.filePath)) {
      done.add(r.filePath);
      // one by one: a file of many documents has too many results for a spread
      for (const r of fixed) out.push(r);
    }
  }
  return { results: out, applied, files, refused, diffs, stdinText, failures };
}

/** The lines --fix and --fix-dry-run add to the summary: how many fixes, and each one refused. */
function fixSummary(outcome: FixOutcome, write: boolean): string {
  const flag = write ? '--fix' : '--fix-dry-run';
  const lines: string[] = [];
  const where = `in ${plural(outcome.files, 'file')}`;
  if (outcome.applied === 0) lines.push(`tmcheck ${flag}: no fix to apply${write ? '' : '; nothing was written'}`);
  else if (write) lines.push(`tmcheck ${flag}: ${plural(outcome.applied, 'fix', 'fixes')} applied ${where}`);
  else lines.push(`tmcheck ${flag}: ${plural(outcome.applied, 'fix', 'fixes')} would be applied ${where}; nothing was written`);
  if (outcome.refused.length > 0) {
    lines.push(`tmcheck ${flag}: ${plural(outcome.refused.length, 'fix', 'fixes')} not applied:`);
    for (const r of outcome.refused) lines.push(`  ${escapeControls(r.filePath)}:${r.line}:${r.column}  ${r.ruleId}  ${r.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What --cache did: the files whose results were reused, those linted, and any problem with the cache file (in words). */
function cacheSummary(report: CacheReport, cwd: string): string {
  const rel = relative(cwd, report.location);
  const where = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : report.location;
  const lines = report.warnings.map((w) => `tmcheck: warning: ${escapeControls(w)}`);
  const reused = report.reused === 1 ? '1 file unchanged since the last run (its results reused)' : `${report.reused} files unchanged since the last run (their results reused)`;
  const state = report.written ? `written to ${where}` : `${where} unchanged`;
  lines.push(`tmcheck --cache: ${reused}, ${plural(report.linted, 'file')} linted; cache ${escapeControls(state)}`);
  return `${lines.join('\n')}\n`;
}

/** `tmcheck lint [PATH ...]` */
export async function lintCommand(paths: readonly string[], options: LintCommandOptions, io: Io): Promise<ExitCode> {
  if (options.fix && options.fixDryRun) {
    throw new UsageError('--fix and --fix-dry-run do not go together: --fix writes the fixes into the files, --fix-dry-run only shows them as a diff');
  }
  const formatter = await formatterFor(options.format);
  const formatName = (options.format ?? 'stylish').trim().toLowerCase();
  const reportToFile = options.output !== undefined && options.output !== '-';
  // --fix-dry-run prints its diff on standard output: only the stylish report may follow it there
  if (options.fixDryRun && formatName !== 'stylish' && !reportToFile) {
    throw new UsageError(`--fix-dry-run prints the diff on standard output: write the ${formatName} report to a file with -o, such as -o tmcheck-report.${formatName === 'json' ? 'json' : 'txt'}`);
  }
  // --fix with - prints the fixed manifest on standard output; the report goes to -o FILE or standard error
  const stdinFixed = options.fix === true && paths.includes('-');
  if (stdinFixed && options.output === '-') {
    throw new UsageError('--fix with - prints the fixed manifest on standard output: write the report to a file with -o FILE, or leave -o out to get it on standard error');
  }
  if (options.output !== undefined && options.output.trim() === '') {
    throw new UsageError('-o expects a file to write the report to, such as -o tmcheck-report.json; received an empty name');
  }
  // -o - is standard output, as - is standard input
  const output = options.output === undefined || options.output === '-' ? undefined : options.output;
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  if (options.cacheLocation !== undefined && !options.cache) {
    throw new UsageError(`--cache-location names the file --cache keeps its results in: add --cache, such as tmcheck lint --cache --cache-location ${options.cacheLocation} .`);
  }
  if (options.cacheLocation !== undefined && options.cacheLocation.trim() === '') {
    throw new UsageError('--cache-location expects a file or a folder for the cache, such as --cache-location .cache/tmcheck; received an empty name');
  }
  /** Standard input, read here when it is to be fixed (the linter reads it otherwise). */
  let stdinBytes: Uint8Array | undefined;
  try {
    const linter = createLinter({
      cwd: io.cwd,
      ...(options.config ? { configFile: configFile(options.config, io.cwd) } : {}),
      overrides: options.rule ?? [],
      ...(options.now !== undefined ? { now: options.now } : {}),
      stdin: replayable(() => stdinBytes, io.stdin),
      ...(options.cache ? { cache: true, toolVersion: TOOL_VERSION } : {}),
      ...(options.cache && options.cacheLocation !== undefined ? { cacheLocation: options.cacheLocation } : {}),
    });
    if (options.printConfig !== undefined) {
      io.stdout.write(printConfig(linter.resolveConfigFor(options.printConfig)));
      return EXIT.ok;
    }
    if (paths.includes('-') && io.stdin.isTTY) {
      io.stderr.write('tmcheck: reading a manifest from standard input; end it with Ctrl+D (Ctrl+Z, Enter on Windows)\n');
    }
    if ((options.fix || options.fixDryRun) && paths.includes('-')) {
      try {
        stdinBytes = await readAll(io.stdin, DEFAULT_LIMITS.maxBytes + 1);
      } catch (error) {
        throw new StdinError(`cannot read standard input: ${describeFsError(error)}`, { empty: false });
      }
    }
    const run = await linter.run(paths);
    const outputPath = output === undefined ? undefined : resolve(io.cwd, output);
    if (outputPath !== undefined) {
      if (run.paths.includes(outputPath)) {
        const shownInput = run.results.find((r) => resolve(io.cwd, r.filePath) === outputPath)?.filePath ?? output;
        throw new UsageError(`-o ${output} would overwrite ${shownInput}, a manifest being linted: write the report to another file, such as -o tmcheck-report.json`);
      }
    }
    const fixing = options.fix || options.fixDryRun ? await applyFixes(run, linter, options.fix === true, io.cwd, stdinBytes) : undefined;
    const results = fixing?.results ?? run.results;
    const shown = options.quiet ? results.map(onlyErrors) : results;
    // with --fix and -, standard output carries the fixed manifest and the report goes to standard error
    const reportStream = stdinFixed ? io.stderr : io.stdout;
    const reportColor = outputPath !== undefined ? false : useColor(options.color, reportStream, io.env);
    const context: FormatterContext = {
      color: reportColor,
      toolName: 'tmcheck',
      toolVersion: TOOL_VERSION,
      rules: RULES,
      cwd: io.cwd,
      ruleDocs: ruleDocPage,
      ...(Number.isFinite(maxWarnings) ? { maxWarnings } : {}),
    };
    // a format that comes in pieces (json) is written as it is produced; the others are one text
    const chunks = formatter.chunks;
    const whole = chunks ? undefined : formatter(shown, context);
    const report = (): Iterable<string> => (chunks ? chunks(shown, context) : [whole as string]);
    for (const diff of fixing?.diffs ?? []) io.stdout.write(diff);
    // a blank line between the last diff and the report that follows it
    if ((fixing?.diffs.length ?? 0) > 0 && outputPath === undefined && whole !== '') io.stdout.write('\n');
    if (fixing?.stdinText !== undefined) io.stdout.write(fixing.stdinText);
    if (outputPath !== undefined && output !== undefined) writeReport(outputPath, output, report);
    else for (const text of batched(report())) reportStream.write(text);
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
    if (fixing) io.stderr.write(fixSummary(fixing, options.fix === true));
    if (run.cache) io.stderr.write(cacheSummary(run.cache, io.cwd));
    if (io.env['TMCHECK_DEBUG']) io.stderr.write(`tmcheck: ${run.workers === 0 ? 'linted on the main thread only' : `linted on ${plural(run.workers, 'worker thread')} and the main thread`}\n`);
    for (const failure of fixing?.failures ?? []) io.stderr.write(`tmcheck: ${failure}\n`);
    const internal = results.some((r) => r.messages.some((m) => m.internal));
    const t = totals(shown);
    if (t.warningCount > maxWarnings) {
      io.stderr.write(`tmcheck: ${plural(t.warningCount, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    }
    if (internal) {
      io.stderr.write(`tmcheck: a rule failed with an internal error (a bug in tmcheck ${TOOL_VERSION}; the finding names the rule and the file): please report it\n`);
      return EXIT.usage;
    }
    if (fixing && fixing.failures.length > 0) return EXIT.usage;
    return t.errorCount > 0 || t.warningCount > maxWarnings ? EXIT.failed : EXIT.ok;
  } catch (error) {
    throw worded(error);
  }
}
