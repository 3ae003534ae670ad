import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { parseOrThrow } from './parse-or-throw.js';
import { VersionParseError } from './version-parse-error.js';

describe('parseOrThrow', () => {
  it('returns the version', () => {
    expect(parseOrThrow(' 2.664.8271.20345 ')).toEqual({ major: 2, db: 664, build: 8271, revision: 20345 });
    expect(parseOrThrow('2.664.8271')).toEqual({ major: 2, db: 664, build: 8271 });
  });

  it.each(['2.664.08271.1', '2.664', '', 'v2.664.8271', '2.664.70000.1'])(
    'throws a VersionParseError carrying the syntax error for %j',
    (text) => {
      const result = parse(text);
      if (result.ok) throw new Error(`fixture ${text} should not parse`);
      let thrown: unknown;
      try {
        parseOrThrow(text);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(VersionParseError);
      expect(thrown).toBeInstanceOf(Error);
      const error = thrown as VersionParseError;
      expect(error.name).toBe('VersionParseError');
      expect(error.message).toBe(result.error.message);
      expect(error.column).toBe(result.error.column);
      expect(error.code).toBe(result.error.code);
      expect(error.expected).toBe(result.error.expected);
      expect(error.found).toBe(result.error.found);
      expect(error.syntaxError).toEqual(result.error);
    },
  );

  it('reports the column of the leading zero', () => {
    expect(() => parseOrThrow('2.664.08271.1')).toThrow(
      expect.objectContaining({ code: 'leading-zero', column: 7, expected: 'a number without leading zeros' }),
    );
  });
});
