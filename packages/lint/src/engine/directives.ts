/**
 * Inline exceptions (shared/spec/cli.md): in a YAML document,
 *   # tmcheck-disable-next-line RULE-ID[, RULE-ID] -- reason   silences those rules on the next line
 *   # tmcheck-disable RULE-ID[, RULE-ID] -- reason             silences them in the whole document
 * "The next line" is the next one that holds more than a comment. Read from the text line by line:
 * a `#` that starts a comment stands at the start of a line or after a space.
 */

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

const DIRECTIVE = /(?:^|[ \t])#[ \t]*tmcheck-disable(-next-line)?(?=[ \t]|$)(.*)$/;

function isContentLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
}

/** The directives in lines `first`..`last` (1-based, inclusive) of `lines`. */
export function readDirectives(lines: readonly string[], first: number, last: number): Directive[] {
  const out: Directive[] = [];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1] ?? '';
    if (!text.includes('tmcheck-disable')) continue;
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const hash = m.index + (m[0].startsWith('#') ? 0 : 1);
    const [ids = '', ...reason] = (m[2] ?? '').split(/[ \t]--(?:[ \t]|$)/);
    const rules = ids
      .trim()
      .split(/[\s,]+/)
      .filter((r) => r !== '');
    let target = 0;
    if (m[1]) {
      target = -1;
      for (let k = n + 1; k <= last; k++) {
        if (isContentLine(lines[k - 1] ?? '')) {
          target = k;
          break;
        }
      }
    }
    out.push({
      kind: m[1] ? 'next-line' : 'document',
      line: n,
      column: hash + 1,
      endColumn: Math.max(hash + 1, text.replace(/[ \t\r]+$/, '').length),
      target,
      rules,
      justification: reason.join(' -- ').trim(),
    });
  }
  return out;
}
