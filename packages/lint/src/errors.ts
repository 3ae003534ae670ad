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
    const candidate = c.toLowerCase();
    const limit = Math.max(2, Math.floor(Math.max(target.length, candidate.length) / 3));
    const contains = candidate.includes(target) || target.includes(candidate);
    // a name that contains the other is scored by its whole distance; any other only needs to be known within the limit
    const d = distance(target, candidate, contains ? Number.POSITIVE_INFINITY : limit);
    if (d <= limit || contains) scored.push([d, c]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return scored.slice(0, max).map(([, c]) => c);
}

/** Three rows of the distance table, reused (a file of thousands of unknown keys asks for thousands of distances). */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Levenshtein distance with adjacent transpositions; inputs here are short names. Past `max` it stops and
 * answers `max + 1` (the lengths alone, or a row whose every cell is over it, say no closer name is there).
 */
function distance(a: string, b: string, max: number): number {
  if (a.length > 200 || b.length > 200) return Math.abs(a.length - b.length) + 200;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [before, prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  let prevLeast = 0;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, (before[j - 2] as number) + 1);
      }
      row[j] = d;
      if (d < least) least = d;
    }
    // a transposition reaches back two rows, so a row over the limit is final only with the one before it
    if (least > max && prevLeast > max) return max + 1;
    prevLeast = least;
    const spare = before;
    before = prev;
    prev = row;
    row = spare;
  }
  return prev[b.length] as number;
}
