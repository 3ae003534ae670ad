import { existsSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { UsageError, escapeControls } from '@tmcheck/lint/light';
import { EXIT, useColor, type ExitCode, type Io } from './io.js';
import { TOOL_VERSION } from './version.js';

/** A message shown on one line of a terminal: a control character from a path or a file cannot rewrite it. */
function printable(text: string): string {
  return escapeControls(text);
}

/** An error that is ours, not the user's: say so, without a stack trace unless asked. */
function internalError(error: unknown, io: Io): ExitCode {
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `tmcheck: internal error, this is a bug in tmcheck ${TOOL_VERSION}: ${printable(detail)}\n` +
      `Please report it with the command you ran${io.env['TMCHECK_DEBUG'] ? '' : ' (set TMCHECK_DEBUG=1 to see the stack)'}.\n`,
  );
  if (io.env['TMCHECK_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  return EXIT.usage;
}

/**
 * `tmcheck ui`: imports the interactive checker's bundle, dist/tmcheck-ui.js, at run time (beside this bundle in
 * the package; ../dist/ from the sources, in tests). Ink and React live in that bundle only, so that every other
 * command starts without them.
 */
async function startUi(args: readonly string[], io: Io): Promise<ExitCode> {
  // beside the bundle's entry: this module is one of its chunks (dist/chunks/), or the source (src/) in tests
  const bundle = ['../tmcheck-ui.js', './tmcheck-ui.js', '../dist/tmcheck-ui.js'].map((p) => new URL(p, import.meta.url)).find((url) => existsSync(url));
  if (bundle === undefined) {
    io.stderr.write("tmcheck: the interactive checker's bundle dist/tmcheck-ui.js is missing: build it first (pnpm build)\n");
    return EXIT.usage;
  }
  const { runUi } = (await import(bundle.href)) as { runUi(argv: readonly string[], io: unknown): Promise<number> };
  // the UI draws on the process's terminal; a test's captured streams are not one, and it says so on them
  const stdout = io.stdout.isTTY === true ? process.stdout : io.stdout;
  const stderr = io.stderr.isTTY === true ? process.stderr : io.stderr;
  const status = await runUi(args, { stdin: process.stdin, stdout, stderr, cwd: io.cwd, env: io.env });
  return status === 0 ? EXIT.ok : EXIT.usage;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Runs `tmcheck ARGS` and returns the exit status: 0 clean, 1 findings over the
 * threshold, 2 the run itself failed. Nothing here calls process.exit().
 */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = new Command('tmcheck')
    .description('Check a TM Master installation\'s OAuth2 mail settings (Microsoft 365) before the customer finds the mistakes.')
    .version(TOOL_VERSION, '-V, --version', 'print the tmcheck version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run tmcheck --help, or tmcheck COMMAND --help)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // commander's own usage errors read like ours: "tmcheck: unknown option '--bogus'"
      outputError: (s, write) => write(printable(s.replace(/^error: /, 'tmcheck: ').replace(/\n$/, '')) + '\n'),
    });

  program
    .command('lint')
    .description('lint installation manifests (files, folders, or - for standard input)')
    .argument('[path...]', 'manifest files or folders (default: the working folder)')
    .addOption(new Option('-f, --format <name>', 'report format: stylish, json, sarif, junit, markdown, github, gitlab').default('stylish'))
    .option('-o, --output <file>', 'write the report to a file (the summary still goes to stderr)')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--rule <id:severity>', 'set one rule to off, info, warning or error (also warn, 0, 1, 2); repeatable', collect)
    .option('-c, --config <file>', 'config file (default: tmcheck.config.json/.yaml/.yml nearest each manifest)')
    .option('--print-config <file>', 'print the settings that apply to a file and where each came from')
    .option('--cache', 'lint only the files that changed since the last run with --cache; reuse the results of the others')
    .option('--cache-location <path>', 'the cache file, or a folder for it (default: .tmcheckcache in the working folder)')
    .option('--fix', 'apply the safe fixes in place (comments and layout kept) and report what remains')
    .option('--fix-dry-run', 'show the fixes as a unified diff; write nothing')
    .option('--now <date>', 'judge secret expiry against this date, YYYY-MM-DD (default: today)')
    .option('--color', 'force colour on')
    .option('--no-color', 'force colour off')
    .action(async (paths: string[], options) => {
      const { lintCommand } = await import('./commands/lint.js');
      code = await lintCommand(paths, options, io);
    });

  program
    .command('version')
    .description('check one TM Master build number against the minimum-build table')
    .argument('<version>', 'a version such as 2.664.8271.20345')
    .option('--db <n>', 'the database version the build must be for')
    .option('-c, --config <file>', 'config file whose minimumBuilds apply (default: the one nearest the working folder)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (version: string, options: { db?: string; format?: string; config?: string }) => {
      const { versionCommand } = await import('./commands/version.js');
      code = await versionCommand(version, { ...options, color: useColor(undefined, io.stdout, io.env) }, io);
    });

  program
    .command('rules')
    .description('list every rule (ID, default severity, what it checks); with an ID, print its documentation page')
    .argument('[id]', 'a rule ID, such as oauth2/scope')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string | undefined, options: { format?: string }) => {
      const { rulesCommand } = await import('./commands/rules.js');
      code = rulesCommand(id, { ...options, color: useColor(undefined, io.stdout, io.env) }, io);
    });

  program
    .command('schema')
    .description('print a JSON Schema (draft 2020-12) for editors: manifest (default) or config')
    .argument('[name]', 'manifest or config')
    .action(async (name: string | undefined) => {
      const { schemaCommand } = await import('./commands/schema.js');
      code = schemaCommand(name, io);
    });

  program
    .command('grant-script')
    .description("print the Exchange Online PowerShell that gives TM Master's app access to the installation's POP3 mailbox")
    .argument('<manifest>', "the installation's manifest file, or - for standard input")
    .option('--policy', "also limit the app's Mail.Send to the installation's sending mailboxes (RBAC for Applications)")
    .option('--display-name <name>', 'the name New-ServicePrincipal gives the app in Exchange Online (default: TMMaster)')
    .option('--document <n>', 'the installation of a file holding several: its document number, from 0')
    .option('-c, --config <file>', 'config file (default: tmcheck.config.json/.yaml/.yml nearest the manifest)')
    .action(async (manifest: string, options: { policy?: boolean; displayName?: string; document?: string; config?: string }) => {
      const { grantScriptCommand } = await import('./commands/grant-script.js');
      code = await grantScriptCommand(manifest, options, io);
    });

  program
    .command('probe')
    .description('talk to Microsoft 365 as TM Master will: token, claims, POP3 sign-in (never reading or deleting mail), optionally a test message')
    .argument('<manifest>', 'the installation manifest to probe')
    .option('--send-test', 'send one test message through each Graph section (needs --to)')
    .option('--to <address>', 'the address the test message goes to')
    .option('--section <name>', 'probe one section: "Mail Settings", "TM Exchange SMTP" or "TM Exchange POP3"')
    .option('--timeout <seconds>', 'time limit of each network step, in seconds (default: 20)')
    .option('--ca-file <file>', "PEM file of CA certificates to trust besides the system's")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--color', 'force colour on')
    .option('--no-color', 'force colour off')
    .action(async (manifest: string, options) => {
      const { probeCommand } = await import('./commands/probe.js');
      code = await probeCommand(manifest, options, io);
    });

  program
    .command('ui')
    .description('start the interactive checker (the same as tmcheck-ui): a manifest file, a fleet folder, or the start screen')
    .argument('[path]', 'a manifest file (its findings) or a folder (the fleet)')
    .option('--version-check', 'open the version checker')
    .option('-c, --config <file>', 'config file (default: tmcheck.config.json/.yaml/.yml nearest each manifest)')
    .option('--now <date>', 'judge secret expiry against this date, YYYY-MM-DD (default: today)')
    .action(async (path: string | undefined, options: { versionCheck?: boolean; config?: string; now?: string }) => {
      const args = [...(path !== undefined ? [path] : []), ...(options.versionCheck ? ['--version-check'] : []), ...(options.config !== undefined ? ['--config', options.config] : []), ...(options.now !== undefined ? ['--now', options.now] : [])];
      code = await startUi(args, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version succeed; help shown because no command was given is a usage error
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`tmcheck: ${printable(error.message)}\n`);
      return EXIT.usage;
    }
    return internalError(error, io);
  }
}
