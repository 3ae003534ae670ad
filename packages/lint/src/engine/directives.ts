/**
 * Inline exceptions (shared/spec/cli.md): in a YAML document,
 *   # tmcheck-disable-next-line RULE-ID[, RULE-ID] -- reason   silences those rules on the next line
 *   # tmcheck-disable RULE-ID[, RULE-ID] -- reason             silences them in the whole document
 * "The next line" is the next one that holds more than a comment. Read from the text line by line:
 * a `#` that starts a comment stands at the start of a line or after a space.
 */
import { trimEndBlanks } from '../load/comment.js';

export interface Directive {
  readonly kind: 'next-line' | 'document';
  /** 1-based line of the comment. */
  readonly line: number;
  /** 1-based column of the `#`. */
  readonly column: number;
  readonly endColumn: number;
  /** The line it silences (next-line), or 0 for the whole document. */
  readonly target: number;
  /** The rule IDs as written. */
  readonly rules: readonly string[];
  readonly justification: string;
}

const NAME = 'tmcheck-disable';
const NEXT_LINE = '-next-line';

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * The directive of a line, found by a scan (a pattern with `.*$` and `[ \t\r]+$` backtracks over a
 * line of 100,000 tabs): the first `#` that starts the line or follows a blank, then blanks, then
 * `tmcheck-disable` or `tmcheck-disable-next-line` followed by a blank or the end of the line.
 */
function findDirective(text: string): { hash: number; nextLine: boolean; rest: string } | undefined {
  for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) {
    if (i > 0 && !isBlank(text.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (j < text.length && isBlank(text.charCodeAt(j))) j++;
    if (!text.startsWith(NAME, j)) continue;
    j += NAME.length;
    const nextLine = text.startsWith(NEXT_LINE, j) && (j + NEXT_LINE.length === text.length || isBlank(text.charCodeAt(j + NEXT_LINE.length)));
    if (nextLine) j += NEXT_LINE.length;
    if (j < text.length && !isBlank(text.charCodeAt(j))) continue;
    return { hash: i, nextLine, rest: text.slice(j) };
  }
  return undefined;
}

function isContentLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
}

/** For each line `first + i` (i from 0), the first line from it on that holds more than a comment, or -1: one pass from the end. */
function nextContentLines(lines: readonly string[], first: number, last: number): Int32Array {
  const out = new Int32Array(last - first + 2).fill(-1);
  for (let k = last; k >= first; k--) out[k - first] = isContentLine(lines[k - 1] ?? '') ? k : (out[k - first + 1] as number);
  return out;
}

/** The directives in lines `first`..`last` (1-based, inclusive) of `lines`. */
export function readDirectives(lines: readonly string[], first: number, last: number): Directive[] {
  const out: Directive[] = [];
  let next: Int32Array | undefined;
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1] ?? '';
    if (!text.includes('tmcheck-disable')) continue;
    const m = findDirective(text);
    if (!m) continue;
    const hash = m.hash;
    const [ids = '', ...reason] = m.rest.split(/[ \t]--(?:[ \t]|$)/);
    const rules = ids
      .trim()
      .split(/[\s,]+/)
      .filter((r) => r !== '');
    let target = 0;
    if (m.nextLine) {
      // the next line holding more than a comment: found once for all directives (thousands of directive
      // lines in a row would otherwise each read on to the end)
      next ??= nextContentLines(lines, first, last);
      target = next[n - first + 1] ?? -1;
    }
    out.push({
      kind: m.nextLine ? 'next-line' : 'document',
      line: n,
      column: hash + 1,
      endColumn: Math.max(hash + 1, trimEndBlanks(text).length),
      target,
      rules,
      justification: reason.join(' -- ').trim(),
    });
  }
  return out;
}
