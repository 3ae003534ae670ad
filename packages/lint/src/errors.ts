/**
 * The library's errors carry facts; each front end words them for its user (the CLI names its
 * options, the interactive checker its screens). Every one means the run itself cannot go on.
 */

/** The base of the errors a front end reports as a usage problem (the CLI: exit status 2). */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

export type ConfigProblem =
  | 'unreadable'
  | 'syntax'
  | 'invalid'
  | 'unknown-rule'
  | 'bad-severity'
  | 'bad-options'
  | 'not-changeable'
  | 'bad-minimum-builds';

/**
 * A config file (or the rule settings given to the linter) that cannot be used. `file` is undefined
 * for the settings given directly (the CLI's --rule). `where` is the place in the file, in words
 * ("rules > oauth2/scope", "overrides #2 > files"), `line`/`column` where known.
 */
export class ConfigError extends UsageError {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly facts: {
      readonly problem: ConfigProblem;
      readonly file?: string;
      readonly where?: string;
      readonly line?: number;
      readonly column?: number;
      /** The rule ID concerned, when one is. */
      readonly rule?: string;
      readonly received?: string;
      readonly suggestions?: readonly string[];
    },
  ) {
    super(message);
  }
}

/** A path given to lint that does not exist or cannot be read. */
export class PathError extends UsageError {
  override readonly name = 'PathError';
  constructor(
    message: string,
    readonly facts: { readonly path: string; readonly code?: string },
  ) {
    super(message);
  }
}

/** Folders given to lint that hold no manifest. */
export class NoManifestError extends UsageError {
  override readonly name = 'NoManifestError';
  constructor(
    message: string,
    readonly facts: { readonly folders: readonly string[]; readonly skipped: number },
  ) {
    super(message);
  }
}

/** Standard input, named as `-`, that is empty or cannot be read. */
export class StdinError extends UsageError {
  override readonly name = 'StdinError';
  constructor(
    message: string,
    readonly facts: { readonly empty: boolean },
  ) {
    super(message);
  }
}

/** An option given to the linter with a value it cannot take (the date to judge expiry against, say). */
export class OptionError extends UsageError {
  override readonly name = 'OptionError';
  constructor(
    message: string,
    readonly facts: { readonly option: string; readonly received: string; readonly expected: string },
  ) {
    super(message);
  }
}

/** Names close to `name` among `candidates`, closest first (case-insensitive edit distance). */
export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const target = name.toLowerCase();
  const scored: Array<[number, string]> = [];
  for (const c of candidates) {
    const d = distance(target, c.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(target.length, c.length) / 3));
    if (d <= limit || c.toLowerCase().includes(target) || target.includes(c.toLowerCase())) scored.push([d, c]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return scored.slice(0, max).map(([, c]) => c);
}

/** Levenshtein distance with adjacent transpositions; inputs here are short names. */
function distance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Math.abs(a.length - b.length) + 200;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = d;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
