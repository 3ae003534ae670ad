import { UsageError, grantScript } from '@tmcheck/lint';
import { EXIT, type ExitCode, type Io } from '../io.js';

export interface GrantScriptCommandOptions {
  readonly policy?: boolean;
  readonly displayName?: string;
  readonly document?: string;
  readonly config?: string;
}

function parseDocument(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text.trim())) {
    throw new UsageError(
      `--document expects the number of a document in the file, from 0 (as tmcheck lint --format json numbers them), such as --document 1; received "${text}"`,
    );
  }
  return Number(text.trim());
}

/**
 * `tmcheck grant-script MANIFEST`: the Exchange Online PowerShell for the installation, on standard
 * output. Exit 0: complete; 1: written, but with placeholders for values the manifest does not give
 * (it does not run until they are replaced); 2: no script (the manifest does not parse, holds no
 * TM Exchange POP3 on OAuth2, or the arguments are wrong).
 */
export async function grantScriptCommand(manifest: string, options: GrantScriptCommandOptions, io: Io): Promise<ExitCode> {
  const document = parseDocument(options.document);
  const script = await grantScript(manifest, {
    cwd: io.cwd,
    stdin: io.stdin,
    ...(options.config !== undefined ? { configFile: options.config } : {}),
    ...(document !== undefined ? { document } : {}),
    ...(options.policy ? { policy: true } : {}),
    ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
  });
  io.stdout.write(script.text);
  const left = script.placeholders;
  if (left.length === 0) return EXIT.ok;
  io.stderr.write(
    `tmcheck: the script is not complete: the manifest does not give ${left.length === 1 ? 'the value of' : 'the values of'} ${left.join(', ')}; ` +
      'replace each placeholder before running the script (a comment above it says why it is there)\n',
  );
  return EXIT.failed;
}
