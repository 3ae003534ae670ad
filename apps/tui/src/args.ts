/** The command line of tmcheck-ui: `tmcheck-ui [FILE | FOLDER | --version-check [VERSION]] [options]`. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeControls } from '@tmcheck/lint';
import type { Route } from './services.js';

export interface UiOptions {
  readonly config?: string;
  readonly now?: string;
}

export type Parsed =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'run'; readonly start: Route; readonly options: UiOptions; readonly version?: string };

export const USAGE = `Usage: tmcheck-ui [FILE | FOLDER] [options]

The interactive checker for TM Master OAuth2 mail installations (a terminal of at least 80x24).
  tmcheck-ui                  the start screen: check a file, fill in a new installation, check a build
  tmcheck-ui FILE             the findings of a manifest, by section; fix them, open them in the form
  tmcheck-ui FOLDER           the fleet: every installation in the folder, worst first
  tmcheck-ui --version-check  the version checker

Options:
  -c, --config <file>  config file (default: tmcheck.config.json/.yaml/.yml nearest each manifest)
  --now <date>         judge secret expiry against this date, YYYY-MM-DD (default: today)
  -V, --version        print the tmcheck version
  -h, --help           show this help

Without a terminal (in a pipeline, a script), use tmcheck lint: the same findings.
Colour follows NO_COLOR. Documentation: docs/tui.md.
`;

/** Reads the arguments; a path is checked here, so that a typo is said on the command line, not in the app. */
export function parseArgs(argv: readonly string[], cwd: string): Parsed {
  let config: string | undefined;
  let now: string | undefined;
  let versionCheck = false;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (name: string): string | { error: string } => {
      const v = argv[++i];
      return v === undefined ? { error: `${name} needs a value` } : v;
    };
    if (a === '-h' || a === '--help') return { kind: 'help' };
    if (a === '-V' || a === '--version') return { kind: 'version' };
    if (a === '--version-check') versionCheck = true;
    else if (a === '-c' || a === '--config' || a.startsWith('--config=')) {
      const v = a.startsWith('--config=') ? a.slice(9) : value(a);
      if (typeof v !== 'string') return { kind: 'error', message: v.error };
      config = v;
    } else if (a === '--now' || a.startsWith('--now=')) {
      const v = a.startsWith('--now=') ? a.slice(6) : value(a);
      if (typeof v !== 'string') return { kind: 'error', message: v.error };
      now = v;
    } else if (a.startsWith('-') && a !== '-') return { kind: 'error', message: `unknown option '${escapeControls(a)}'` };
    else paths.push(a);
  }
  const options: UiOptions = { ...(config !== undefined ? { config } : {}), ...(now !== undefined ? { now } : {}) };
  if (versionCheck) {
    if (paths.length > 1) return { kind: 'error', message: '--version-check takes at most one version' };
    return { kind: 'run', start: { screen: 'version' }, options, ...(paths[0] !== undefined ? { version: paths[0] } : {}) };
  }
  if (paths.length > 1) return { kind: 'error', message: 'give one manifest file or one folder (tmcheck lint takes several)' };
  const path = paths[0];
  if (path === undefined) return { kind: 'run', start: { screen: 'start' }, options };
  if (path === '-') return { kind: 'error', message: 'standard input is the keyboard here: give a file (tmcheck lint - reads a manifest from standard input)' };
  let folder: boolean;
  try {
    folder = statSync(resolve(cwd, path)).isDirectory();
  } catch {
    return { kind: 'error', message: `${escapeControls(path)}: no such file or folder` };
  }
  return { kind: 'run', start: folder ? { screen: 'fleet', folder: path } : { screen: 'results', file: path }, options };
}
