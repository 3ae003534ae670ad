/**
 * tmcheck-ui: reads the command line, makes sure a person is at a terminal, and starts the app.
 * Ink (and React) are loaded only past that point, so that `tmcheck-ui --help` and the answer
 * without a terminal are immediate. Nothing here calls process.exit(): the exit status is returned.
 */
import { createLinter, escapeControls, ruleDocPage, type Linter } from '@tmcheck/lint';
import { parseArgs, USAGE } from './args.js';
import type { Services } from './services.js';
import { colorWanted } from './ui/theme.js';

declare const __TMCHECK_VERSION__: string;
const VERSION: string = typeof __TMCHECK_VERSION__ === 'string' ? __TMCHECK_VERSION__ : '0.0.0-dev';

export interface UiIo {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The one line said when there is no terminal to draw on. */
export const NO_TTY =
  'tmcheck-ui: needs an interactive terminal (standard input and output must both be one); to check manifests in a pipeline or a script, run tmcheck lint FILE_OR_FOLDER';

function processIo(): UiIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** Runs `tmcheck-ui ARGS`; resolves to the exit status: 0 after quitting, 2 when it could not start. */
export async function runUi(argv: readonly string[], io: UiIo = processIo()): Promise<number> {
  const parsed = parseArgs(argv, io.cwd);
  if (parsed.kind === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr.write(`tmcheck-ui: ${parsed.message} (run tmcheck-ui --help)\n`);
    return 2;
  }
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) {
    io.stderr.write(`${NO_TTY}\n`);
    return 2;
  }
  const options = parsed.options;
  const make = (): Linter => createLinter({ cwd: io.cwd, ...(options.config !== undefined ? { configFile: options.config } : {}), ...(options.now !== undefined ? { now: options.now } : {}) });
  try {
    // a broken config file or a bad --now is said here, on one line, before the screen is taken over
    make();
  } catch (error) {
    io.stderr.write(`tmcheck-ui: ${escapeControls(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
  const services: Services = { cwd: io.cwd, color: colorWanted(io.env), createLinter: make, docPage: ruleDocPage };
  const start = parsed.start.screen === 'version' && parsed.version !== undefined ? { screen: 'version' as const, initial: parsed.version } : parsed.start;
  // Ink draws only a last frame, at exit, when it believes it runs in CI (is-in-ci reads CI when Ink is
  // loaded). Both ends are a terminal here, so a person is watching: load Ink without that belief.
  const saved = { CI: process.env['CI'], CONTINUOUS_INTEGRATION: process.env['CONTINUOUS_INTEGRATION'] };
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  let startApp: typeof import('./start-app.js').startApp;
  try {
    ({ startApp } = await import('./start-app.js'));
  } finally {
    for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
  }
  return startApp(start, services, io);
}
