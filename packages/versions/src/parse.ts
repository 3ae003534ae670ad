import { VERSION_MAX_LENGTH, VERSION_PART_MAX } from './limits.js';
import type { Version } from './version.js';
import type { VersionSyntaxError, VersionSyntaxErrorCode } from './version-syntax-error.js';

export type ParseResult =
  | { readonly ok: true; readonly version: Version }
  | { readonly ok: false; readonly error: VersionSyntaxError };

const EXAMPLE = '2.664.8271.20345';
const PART_NAMES = ['major version', 'DB version', 'build number', 'revision'] as const;

const TAB = 9;
const SPACE = 32;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function restIsBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    if (!isBlank(text.charCodeAt(i))) return false;
  }
  return true;
}

function partName(index: number): string {
  return PART_NAMES[index] ?? 'part';
}

/** The character (a whole code point, or a lone surrogate) at `index`, quoted. */
function quoteAt(text: string, index: number): string {
  if (index >= text.length) return 'the end';
  const cp = text.codePointAt(index) ?? 0;
  const quoted = JSON.stringify(String.fromCodePoint(cp));
  if (cp >= 0x20 && cp <= 0x7e) return quoted;
  return `${quoted} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

function fail(
  code: VersionSyntaxErrorCode,
  column: number,
  expected: string,
  found: string,
  problem: string,
): ParseResult {
  const error: VersionSyntaxError = Object.freeze({
    code,
    column,
    expected,
    found,
    message: `column ${column}: ${problem}`,
  });
  return Object.freeze({ ok: false, error });
}

function succeed(parts: readonly number[]): ParseResult {
  const [major = 0, db = 0, build = 0, revision] = parts;
  const version: Version = Object.freeze(
    revision === undefined ? { major, db, build } : { major, db, build, revision },
  );
  return Object.freeze({ ok: true, version });
}

/**
 * Parse `MAJOR.DB.BUILD[.REVISION]`, e.g. `2.664.8271.20345`, with optional spaces and
 * tabs around it. Never throws. The grammar and the error codes are in grammar.md.
 *
 * A single left-to-right scan; no regular expressions.
 */
export function parse(text: string): ParseResult {
  if (typeof text !== 'string') {
    const type = text === null ? 'null' : typeof text;
    return fail('not-a-string', 1, 'a string', type, `the version is ${type}, not text; expected text such as ${EXAMPLE}`);
  }
  const n = text.length;
  if (n === 0) {
    return fail('empty', 1, `a version such as ${EXAMPLE}`, 'the end', `the text is empty; expected a version such as ${EXAMPLE}`);
  }
  if (n > VERSION_MAX_LENGTH) {
    const column = VERSION_MAX_LENGTH + 1;
    return fail(
      'too-long',
      column,
      `at most ${VERSION_MAX_LENGTH} characters`,
      `${n} characters`,
      `the text is ${n} characters long; expected at most ${VERSION_MAX_LENGTH} characters`,
    );
  }

  let i = 0;
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  if (i === n) {
    return fail(
      'empty',
      n + 1,
      `a version such as ${EXAMPLE}`,
      'the end',
      `the text holds only spaces or tabs; expected a version such as ${EXAMPLE}`,
    );
  }

  const parts: number[] = [];
  for (;;) {
    // A number must start at i.
    const index = parts.length;
    const start = i;
    const c = i < n ? text.charCodeAt(i) : -1;
    if (!isDigit(c)) {
      const found = quoteAt(text, i);
      if (index > 0 && restIsBlank(text, i)) {
        return fail(
          'trailing-dot',
          i + 1,
          'a digit',
          found,
          `the version ends with a "." after the ${partName(index - 1)}; expected a digit starting the ${partName(index)}, such as ${EXAMPLE}`,
        );
      }
      const problem =
        index === 0
          ? `${found} cannot start a version; expected a digit starting the ${partName(0)}, such as ${EXAMPLE}`
          : c === DOT
            ? `the ${partName(index)} is missing between two dots; expected a digit, such as ${EXAMPLE}`
            : `${found} cannot start the ${partName(index)}; expected a digit, such as ${EXAMPLE}`;
      return fail('unexpected-character', i + 1, 'a digit', found, problem);
    }
    if (c === ZERO && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
      return fail(
        'leading-zero',
        i + 1,
        'a number without leading zeros',
        '"0"',
        `"0" starts a number with a leading zero; expected a number without leading zeros, such as ${EXAMPLE}`,
      );
    }
    let value = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (!isDigit(d)) break;
      // Stop accumulating once out of range; the text is at most 256 digits anyway.
      if (value <= VERSION_PART_MAX) value = value * 10 + (d - ZERO);
      i++;
    }
    if (value > VERSION_PART_MAX) {
      const digits = text.slice(start, i);
      return fail(
        'out-of-range',
        start + 1,
        `a number from 0 to ${VERSION_PART_MAX}`,
        JSON.stringify(digits),
        `the ${partName(index)} ${digits} is out of range; expected a number from 0 to ${VERSION_PART_MAX}`,
      );
    }
    parts.push(value);

    // After a number: ".", or (from the third number on) trailing whitespace and the end.
    const next = i < n ? text.charCodeAt(i) : -1;
    if (next === DOT) {
      if (parts.length === 4) {
        return fail(
          'too-many-parts',
          i + 1,
          'the end',
          '"."',
          `a fifth part starts here, but a version has at most four (MAJOR.DB.BUILD.REVISION); expected the end, as in ${EXAMPLE}`,
        );
      }
      i++;
      continue;
    }
    if (parts.length < 3) {
      const found = quoteAt(text, i);
      const wanted = partName(parts.length);
      if (restIsBlank(text, i)) {
        return fail(
          'missing-part',
          i + 1,
          'a "."',
          found,
          `the version stops after the ${partName(parts.length - 1)}, so the ${wanted} is missing; expected a "." and the ${wanted}, such as ${EXAMPLE}`,
        );
      }
      return fail(
        'unexpected-character',
        i + 1,
        'a "."',
        found,
        `${found} cannot follow the ${partName(parts.length - 1)}; expected a "." and the ${wanted}, such as ${EXAMPLE}`,
      );
    }
    let j = i;
    while (j < n && isBlank(text.charCodeAt(j))) j++;
    if (j === n) return succeed(parts);
    const found = quoteAt(text, j);
    const expected = parts.length === 3 && j === i ? 'a "." or the end' : 'the end';
    return fail(
      'unexpected-character',
      j + 1,
      expected,
      found,
      `${found} cannot follow the ${partName(parts.length - 1)}; expected ${expected}, as in ${EXAMPLE}`,
    );
  }
}
