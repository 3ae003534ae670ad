import { buildDate, buildTime, checkBuild, type BuildVerdict, type MinimumBuildTable } from '@tmcheck/versions';
import { UsageError, findConfigFile } from '@tmcheck/lint/light';
import { resolve } from 'node:path';
import { createColors } from 'picocolors';
import { EXIT, type ExitCode, type Io } from '../io.js';

export interface VersionOptions {
  readonly db?: string;
  readonly format?: string;
  readonly color: boolean;
  /** A config file; else the one nearest the working folder, as lint finds it. */
  readonly config?: string;
}

/** The verdict in words, by status: "too old" only where the build is below the minimum. */
const VERDICT_WORDS: Readonly<Record<BuildVerdict['status'], string>> = {
  ok: 'OK:',
  'below-minimum': 'too old:',
  'db-mismatch': 'wrong DB:',
  'unsupported-db': 'DB too old:',
  'unknown-db': 'unknown:',
  'wrong-major': 'not TM Master V2:',
  invalid: 'not a version:',
};

/** The JSON shape of shared/spec/cli.md. */
interface VersionReport {
  readonly input: string;
  readonly valid: boolean;
  readonly major?: number;
  readonly db?: number;
  readonly build?: number;
  readonly revision?: number | null;
  readonly buildDate?: string;
  readonly minimumBuild?: number | null;
  readonly ok: boolean;
  readonly reason: string;
  readonly column?: number;
}

function parseDb(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^(?:0|[1-9]\d{0,4})$/.test(text.trim()) || Number(text) > 65534) {
    throw new UsageError(`--db expects a DB version, a whole number such as 664; received "${text}"`);
  }
  return Number(text);
}

function exitFor(verdict: BuildVerdict): ExitCode {
  if (verdict.status === 'invalid') return EXIT.usage;
  return verdict.ok ? EXIT.ok : EXIT.failed;
}

function report(input: string, verdict: BuildVerdict): VersionReport {
  const v = verdict.version;
  if (verdict.status === 'invalid' || !v) {
    return { input, valid: false, ok: false, reason: verdict.error?.message ?? verdict.reason, ...(verdict.error ? { column: verdict.error.column } : {}) };
  }
  return {
    input,
    valid: true,
    major: v.major,
    db: v.db,
    build: v.build,
    revision: v.revision ?? null,
    buildDate: buildDate(v.build),
    minimumBuild: verdict.minimumBuild,
    ok: verdict.ok,
    reason: verdict.reason,
  };
}

function text(input: string, verdict: BuildVerdict, color: boolean): string {
  const c = createColors(color);
  const v = verdict.version;
  if (verdict.status === 'invalid' || !v) {
    const column = verdict.error?.column;
    const lines = [`${c.red('✖ not a version:')} ${verdict.error?.message ?? verdict.reason}`];
    if (column !== undefined && input.length <= 120) {
      lines.push(`  ${input}`, `  ${' '.repeat(column - 1)}${c.red('^')}`);
    }
    lines.push('  A TM Master V2 version is MAJOR.DB.BUILD[.REVISION], for example 2.664.8271.20345');
    return lines.join('\n') + '\n';
  }
  const time = v.revision === undefined ? undefined : buildTime(v.revision);
  const built = `built on ${buildDate(v.build)}${time ? ` at ${time}` : ''} (build ${v.build} = days since 2000-01-01)`;
  const words = VERDICT_WORDS[verdict.status];
  const verdictLine =
    verdict.status === 'ok'
      ? `${c.green(`✔ ${words}`)} ${verdict.reason}`
      : verdict.status === 'unknown-db'
        ? `${c.yellow(`⚠ ${words}`)} ${verdict.reason}`
        : `${c.red(`✖ ${words}`)} ${verdict.reason}`;
  const lines = [verdictLine, `  ${input.trim()}: ${built}`];
  if (verdict.minimumBuild !== null) {
    lines.push(`  minimum for DB ${verdict.db}: build ${verdict.minimumBuild}, built on ${buildDate(verdict.minimumBuild)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The minimum-build table of the config that lint would use in the working folder (the one named, else
 * the nearest): the config machinery (a YAML reader, the config schema) is loaded only when there is one.
 */
async function minimumBuilds(options: VersionOptions, io: Io): Promise<MinimumBuildTable | undefined> {
  const path = options.config !== undefined ? resolve(io.cwd, options.config) : findConfigFile(io.cwd);
  if (path === undefined) return undefined;
  const { minimumBuildsOf } = await import('@tmcheck/lint');
  return minimumBuildsOf(path);
}

/** `tmcheck version VERSION [--db N] [--format text|json] [--config FILE]` */
export async function versionCommand(input: string, options: VersionOptions, io: Io): Promise<ExitCode> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format for tmcheck version is text or json; received "${format}"`);
  }
  const db = parseDb(options.db);
  const table = await minimumBuilds(options, io);
  const verdict = checkBuild({ version: input, ...(db === undefined ? {} : { db }), ...(table ? { table } : {}) });
  io.stdout.write(format === 'json' ? JSON.stringify(report(input, verdict), null, 2) + '\n' : text(input, verdict, options.color));
  return exitFor(verdict);
}
