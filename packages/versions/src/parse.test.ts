import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from './format.js';
import { parse } from './parse.js';
import { ALL_CODES } from './test-utils/codes.js';
import { dotted, utf16, version as versionArb, versionish } from './test-utils/arbitraries.js';
import type { Version } from './version.js';
import type { VersionSyntaxErrorCode } from './version-syntax-error.js';

describe('parse: valid versions', () => {
  const cases: ReadonlyArray<readonly [string, Version]> = [
    ['2.664.8271.20345', { major: 2, db: 664, build: 8271, revision: 20345 }],
    ['2.664.8271', { major: 2, db: 664, build: 8271 }],
    ['2.664.8271.0', { major: 2, db: 664, build: 8271, revision: 0 }],
    ['0.0.0', { major: 0, db: 0, build: 0 }],
    ['0.0.0.0', { major: 0, db: 0, build: 0, revision: 0 }],
    ['65534.65534.65534.65534', { major: 65534, db: 65534, build: 65534, revision: 65534 }],
    ['10.100.1000.10000', { major: 10, db: 100, build: 1000, revision: 10000 }],
    ['  2.662.8271', { major: 2, db: 662, build: 8271 }],
    ['2.662.8271\t', { major: 2, db: 662, build: 8271 }],
    [' \t 2.665.9000.1 \t ', { major: 2, db: 665, build: 9000, revision: 1 }],
    [' '.repeat(240) + '2.664.8271.1', { major: 2, db: 664, build: 8271, revision: 1 }], // exactly 252
    ['2.664.8271' + ' '.repeat(246), { major: 2, db: 664, build: 8271 }], // exactly 256
  ];

  it.each(cases)('%j', (text, expected) => {
    const result = parse(text);
    expect(result).toEqual({ ok: true, version: expected });
    if (result.ok) {
      // Absent revision is omitted, not set to undefined.
      expect('revision' in result.version).toBe(expected.revision !== undefined);
    }
  });
});

type Bad = readonly [text: string, code: VersionSyntaxErrorCode, column: number, expected: string, found: string];

describe('parse: invalid versions', () => {
  const long = '2.664.8271.20345' + ' '.repeat(284); // 300 characters
  const cases: readonly Bad[] = [
    ['', 'empty', 1, 'a version such as 2.664.8271.20345', 'the end'],
    ['   ', 'empty', 4, 'a version such as 2.664.8271.20345', 'the end'],
    ['\t', 'empty', 2, 'a version such as 2.664.8271.20345', 'the end'],
    [long, 'too-long', 257, 'at most 256 characters', '300 characters'],
    ['2.664.8271' + ' '.repeat(247), 'too-long', 257, 'at most 256 characters', '257 characters'],
    ['2.664.08271.1', 'leading-zero', 7, 'a number without leading zeros', '"0"'],
    ['02.664.8271', 'leading-zero', 1, 'a number without leading zeros', '"0"'],
    ['2.00.8271', 'leading-zero', 3, 'a number without leading zeros', '"0"'],
    ['2.664.8271.007', 'leading-zero', 12, 'a number without leading zeros', '"0"'],
    ['  2.664.08271', 'leading-zero', 9, 'a number without leading zeros', '"0"'],
    ['2.664', 'missing-part', 6, 'a "."', 'the end'],
    ['2', 'missing-part', 2, 'a "."', 'the end'],
    ['2.664  ', 'missing-part', 6, 'a "."', '" "'],
    [' 2.664', 'missing-part', 7, 'a "."', 'the end'],
    ['2.664.8271.', 'trailing-dot', 12, 'a digit', 'the end'],
    ['2.664.', 'trailing-dot', 7, 'a digit', 'the end'],
    ['2.', 'trailing-dot', 3, 'a digit', 'the end'],
    ['2.664.8271. ', 'trailing-dot', 12, 'a digit', '" "'],
    ['v2.664.8271', 'unexpected-character', 1, 'a digit', '"v"'],
    [' v2.664.8271', 'unexpected-character', 2, 'a digit', '"v"'],
    ['.2.664.8271', 'unexpected-character', 1, 'a digit', '"."'],
    ['-2.664.8271', 'unexpected-character', 1, 'a digit', '"-"'],
    ['2..664.8271', 'unexpected-character', 3, 'a digit', '"."'],
    ['2.664.8271.x', 'unexpected-character', 12, 'a digit', '"x"'],
    ['2.664.8271.-1', 'unexpected-character', 12, 'a digit', '"-"'],
    ['2 .664.8271', 'unexpected-character', 2, 'a "."', '" "'],
    ['2,664,8271', 'unexpected-character', 2, 'a "."', '","'],
    ['2.664.8271x', 'unexpected-character', 11, 'a "." or the end', '"x"'],
    ['2.664.8271 x', 'unexpected-character', 12, 'the end', '"x"'],
    ['2.664.8271 .1', 'unexpected-character', 12, 'the end', '"."'],
    ['2.664.8271.1x', 'unexpected-character', 13, 'the end', '"x"'],
    ['2.664.8271.1 2', 'unexpected-character', 14, 'the end', '"2"'],
    ['2.664.8271\n', 'unexpected-character', 11, 'a "." or the end', '"\\n" (U+000A)'],
    ['\u00a02.664.8271', 'unexpected-character', 1, 'a digit', '"\u00a0" (U+00A0)'],
    ['2.664.8271.１', 'unexpected-character', 12, 'a digit', '"１" (U+FF11)'],
    ['😀2.664.8271', 'unexpected-character', 1, 'a digit', '"😀" (U+1F600)'],
    ['2.664.8271.\ud800', 'unexpected-character', 12, 'a digit', '"\\ud800" (U+D800)'],
    ['2.664.70000.1', 'out-of-range', 7, 'a number from 0 to 65534', '"70000"'],
    ['2.664.65535', 'out-of-range', 7, 'a number from 0 to 65534', '"65535"'],
    ['65535.0.0', 'out-of-range', 1, 'a number from 0 to 65534', '"65535"'],
    ['2.664.8271.99999999999999999999', 'out-of-range', 12, 'a number from 0 to 65534', '"99999999999999999999"'],
    ['2.664.8271.1.5', 'too-many-parts', 13, 'the end', '"."'],
    ['1.2.3.4.', 'too-many-parts', 8, 'the end', '"."'],
  ];

  it.each(cases)('%j -> %s at column %i', (text, code, column, expected, found) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code, column, expected, found });
    expect(result.error.message.startsWith(`column ${column}: `)).toBe(true);
  });

  it('gives the message of the example in the brief', () => {
    const result = parse('2.664.08271.1');
    expect(result.ok ? undefined : result.error.message).toBe(
      'column 7: "0" starts a number with a leading zero; expected a number without leading zeros, such as 2.664.8271.20345',
    );
  });

  it('names the part that is out of range or missing', () => {
    const messageOf = (text: string): string => {
      const result = parse(text);
      return result.ok ? '' : result.error.message;
    };
    expect(messageOf('2.664.70000')).toContain('build number 70000');
    expect(messageOf('2.70000.1')).toContain('DB version 70000');
    expect(messageOf('2.664.1.70000')).toContain('revision 70000');
    expect(messageOf('2.664')).toContain('build number is missing');
  });

  it('returns not-a-string for non-string input from untyped callers', () => {
    for (const value of [undefined, null, 2.664, {}]) {
      const result = parse(value as unknown as string);
      expect(result.ok ? undefined : result.error.code).toBe('not-a-string');
      expect(result.ok ? undefined : result.error.column).toBe(1);
    }
  });
});

/** An independent statement of the grammar, used only as a test oracle. */
const ORACLE = /^[ \t]*(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?[ \t]*$/;

function oracle(text: string): Version | undefined {
  if (text.length > 256) return undefined;
  const m = ORACLE.exec(text);
  if (m === null) return undefined;
  const nums = m.slice(1).filter((s): s is string => s !== undefined).map(Number);
  if (nums.some((n) => n > 65534)) return undefined;
  const [major = -1, db = -1, build = -1, revision] = nums;
  return revision === undefined ? { major, db, build } : { major, db, build, revision };
}

describe('parse: properties', () => {
  it('format(parse(x)) === x for canonical versions built from integer tuples', () => {
    fc.assert(
      fc.property(versionArb, (v) => {
        const text =
          v.revision === undefined
            ? `${v.major}.${v.db}.${v.build}`
            : `${v.major}.${v.db}.${v.build}.${v.revision}`;
        const result = parse(text);
        expect(result).toEqual({ ok: true, version: v });
        expect(result.ok && format(result.version)).toBe(text);
      }),
    );
  });

  it('agrees with an independent regular-expression oracle', () => {
    fc.assert(
      fc.property(fc.oneof(dotted, versionish), (text) => {
        const result = parse(text);
        const expected = oracle(text);
        expect(result.ok ? result.version : undefined).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('on success, the canonical form is the text without surrounding spaces and tabs', () => {
    fc.assert(
      fc.property(dotted, (text) => {
        const result = parse(text);
        if (result.ok) expect(format(result.version)).toBe(text.replace(/^[ \t]+|[ \t]+$/g, ''));
      }),
    );
  });

  const anyText = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    utf16,
    versionish,
    dotted,
    fc.string({ unit: fc.constantFrom(...'0123456789. \tv-'), minLength: 250, maxLength: 300 }),
  );

  it('never throws, and any error has a known code and a column from 1 to length + 1', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parse(text);
        if (result.ok) return;
        const { code, column, message, expected, found } = result.error;
        expect(ALL_CODES).toContain(code);
        expect(Number.isInteger(column)).toBe(true);
        expect(column).toBeGreaterThanOrEqual(1);
        expect(column).toBeLessThanOrEqual(text.length + 1);
        expect(message.startsWith(`column ${column}: `)).toBe(true);
        expect(expected.length).toBeGreaterThan(0);
        expect(found.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('"found" is "the end" exactly when the column is just past the text (bar too-long)', () => {
    fc.assert(
      fc.property(fc.oneof(versionish, dotted, utf16), (text) => {
        const result = parse(text);
        if (result.ok || result.error.code === 'too-long') return;
        expect(result.error.found === 'the end').toBe(result.error.column === text.length + 1);
      }),
    );
  });

  it('leading spaces and tabs shift the column and change nothing else', () => {
    const blanks = fc.string({ unit: fc.constantFrom(' ', '\t'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(blanks, fc.oneof(versionish, dotted), (pad, body) => {
        fc.pre(!/^[ \t]/.test(body) && body.trim() !== '' && pad.length + body.length <= 256);
        const plain = parse(body);
        const padded = parse(pad + body);
        if (plain.ok || padded.ok) {
          expect(padded).toEqual(plain);
          return;
        }
        expect(padded.error.code).toBe(plain.error.code);
        expect(padded.error.column).toBe(plain.error.column + pad.length);
        expect(padded.error.found).toBe(plain.error.found);
      }),
    );
  });

  it('the text before an unexpected character is made of version characters only', () => {
    fc.assert(
      fc.property(fc.oneof(versionish, utf16, dotted), (text) => {
        const result = parse(text);
        if (result.ok || result.error.code !== 'unexpected-character') return;
        expect(text.slice(0, result.error.column - 1)).toMatch(/^[0-9. \t]*$/);
      }),
    );
  });
});
