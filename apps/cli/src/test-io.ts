import { Readable } from 'node:stream';
import type { Io } from './io.js';
import { main } from './main.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tmcheck ARGS` in-process with captured output. */
export async function tmcheck(
  args: readonly string[],
  options: { cwd?: string; stdin?: string | Buffer; env?: Record<string, string | undefined>; tty?: boolean } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
