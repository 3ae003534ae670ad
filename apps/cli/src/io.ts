/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: AsyncIterable<Buffer | string> & { readonly isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Writable {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Exit statuses of shared/spec/cli.md. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Reads a stream to its end, or until it holds more than `max` bytes (then stops reading it). */
export async function readAll(stream: AsyncIterable<Buffer | string>, max = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(buffer);
    size += buffer.length;
    if (size > max) break;
  }
  return Buffer.concat(chunks);
}

/** Colour: forced by --color / --no-color, else on for a terminal unless NO_COLOR is set. */
export function useColor(flag: boolean | undefined, stream: Writable, env: Io['env']): boolean {
  if (flag !== undefined) return flag;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return stream.isTTY === true;
}
