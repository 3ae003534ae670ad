import { UsageError, escapeControls } from '@tmcheck/lint';
import { formatJson, formatText, probe, ProbeSetupError, SECTION_NAMES } from '@tmcheck/probe';
import { EXIT, useColor, type ExitCode, type Io } from '../io.js';
import { TOOL_VERSION } from '../version.js';

export interface ProbeCommandOptions {
  readonly sendTest?: boolean;
  readonly to?: string;
  readonly section?: string;
  readonly timeout?: string;
  readonly caFile?: string;
  readonly format?: string;
  readonly color?: boolean;
}

const FORMATS = ['text', 'json'];

function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!/^\d{1,3}(?:\.\d{1,3})?$/.test(t) || Number(t) <= 0 || Number(t) > 600) {
    throw new UsageError(`--timeout expects the time limit of each network step in seconds, above 0 and at most 600, such as --timeout 30; received "${text}"`);
  }
  return Number(t);
}

/** The library's setup errors in the words of this command line: the option to change is named. */
function worded(error: ProbeSetupError): UsageError {
  switch (error.facts.problem) {
    case 'unknown-section':
      return new UsageError(`--section ${error.message}, such as --section "TM Exchange POP3"`);
    case 'section-absent':
      return new UsageError(`--section: ${error.message}; leave --section out to probe every section the manifest has`);
    case 'ca-file':
      return new UsageError(`--ca-file: ${error.message}`);
    case 'timeout':
      return new UsageError(`--timeout: ${error.message}`);
    case 'to':
      return new UsageError(`--to: ${error.message}`);
    default:
      return new UsageError(error.message);
  }
}

/** `tmcheck probe MANIFEST [--send-test --to ADDRESS] [--section NAME] [--timeout SECONDS] [--ca-file FILE] [--format text|json]` */
export async function probeCommand(manifest: string, options: ProbeCommandOptions, io: Io): Promise<ExitCode> {
  const format = (options.format ?? 'text').trim().toLowerCase();
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${options.format ?? ''}": choose text or json, such as --format json`);
  if (options.sendTest && (options.to === undefined || options.to.trim() === '')) {
    throw new UsageError('--send-test needs the address to send the test message to: --send-test --to support@example.com');
  }
  if (!options.sendTest && options.to !== undefined) {
    throw new UsageError('--to names where the test message goes, and only --send-test sends one: add --send-test, or leave --to out');
  }
  if (options.section !== undefined && options.section.trim() === '') {
    throw new UsageError(`--section expects a section: ${SECTION_NAMES.map((n) => `"${n}"`).join(', ')}`);
  }
  const timeoutSeconds = parseTimeout(options.timeout);
  // a progress line per step on a terminal; none in a pipeline, where stderr is a log
  const progress = io.stderr.isTTY === true ? (line: string) => io.stderr.write(`tmcheck probe: ${escapeControls(line)} ...\n`) : undefined;
  let report: Awaited<ReturnType<typeof probe>>;
  try {
    report = await probe({
      filePath: manifest,
      cwd: io.cwd,
      env: io.env,
      ...(options.section !== undefined ? { section: options.section } : {}),
      ...(options.sendTest && options.to !== undefined ? { sendTestTo: options.to.trim() } : {}),
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      ...(options.caFile !== undefined ? { caFile: options.caFile } : {}),
      ...(progress ? { onProgress: progress } : {}),
    });
  } catch (error) {
    if (error instanceof ProbeSetupError) throw worded(error);
    throw error;
  }
  io.stdout.write(
    format === 'json'
      ? formatJson(report, { toolName: 'tmcheck', toolVersion: TOOL_VERSION })
      : formatText(report, { color: useColor(options.color, io.stdout, io.env) }),
  );
  return report.exitCode === 0 ? EXIT.ok : report.exitCode === 1 ? EXIT.failed : EXIT.usage;
}
