import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from './json-syntax.js';
import { parseDocuments } from './parse-documents.js';

const SECRET = 'k7Q~vT2.xYz_9aBcDeFgHiJkLmNoPqRsTuVwXyZ01';

describe('jsonSyntaxError', () => {
  it.each([
    ['an unquoted value', '{"clientSecret": abc}', 17, /expected a value/],
    ['a trailing comma in an object', '{"a": 1,\n}', 9, /trailing comma/],
    ['a trailing comma in a list', '[1, 2,]', 6, /trailing comma/],
    ['a missing comma', '{"a": 1 "b": 2}', 8, /a comma missing/],
    ['a missing colon', '{"a" 1}', 5, /expected ':'/],
    ['single quotes', "{'a': 1}", 1, /double quotes/],
    ['a comment', '{"a": 1} // note', 9, /no comments/],
    ['an unclosed string', '{"a": "b\n}', 8, /not closed before the end of the line/],
    ['a bad escape (a Windows path)', '{"p": "C:\\data"}', 9, /backslash/],
    ['a leading zero', '{"port": 0995}', 9, /number/],
    ['an early end', '{"a": [1, 2', 11, /ends too early/],
    ['text after the object', '{"a": 1} {"b": 2}', 9, /after the end/],
  ])('finds %s at its place', (_name, text, offset, reason) => {
    expect(jsonSyntaxError(text)).toMatchObject({ offset, reason: expect.stringMatching(reason) });
  });

  it('accepts what JSON.parse accepts, and refuses what it refuses (seeded mutations of a manifest)', () => {
    const valid = JSON.stringify({ schemaVersion: 1, a: [1, -2.5e3, true, false, null, 'x\\"\u00e9\\u00e9'], b: { c: {} , d: [] } }, null, 1);
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = '{}[]",:-.0123456789eE+ \n\ttrufalsn\\/\'#ax';
    for (let k = 0; k < 3000; k++) {
      let text = valid;
      for (let m = 0; m <= random(3); m++) {
        const at = random(text.length + 1);
        const op = random(3);
        const ch = alphabet.charAt(random(alphabet.length));
        text = op === 0 ? text.slice(0, at) + ch + text.slice(at) : op === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + ch + text.slice(at + 1);
      }
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(jsonSyntaxError(text) === undefined, text).toBe(parses);
    }
  });

  it('handles a deep nesting without overflowing', () => {
    expect(jsonSyntaxError('['.repeat(100_000))?.reason).toMatch(/nested too deeply|ends too early/);
  });
});

describe('a .json manifest with a syntax error', () => {
  it.each([
    ['an unquoted secret', `{"schemaVersion": 1, "mailSettings": {"oauth2": {"clientSecret": ${SECRET}}}}`],
    ['a short unquoted password', '{"x": {"password": Tr0ub4dor}}'],
    ['a secret before a missing comma', `{"clientSecret": "${SECRET}" "x": 1}`],
  ])('never quotes the text: %s', (_name, text) => {
    const [d] = parseDocuments(text, { json: true });
    expect(d!.problem?.messageId).toBe('json');
    const shown = JSON.stringify(d!.problem?.data);
    expect(shown).not.toContain(SECRET.slice(0, 6));
    expect(shown).not.toContain('Tr0ub');
  });

  it('places an unexpected character where it stands, not at the end of the file', () => {
    const [d] = parseDocuments('{\n  "schemaVersion": 1,\n  "port": abc\n}\n', { json: true });
    expect(d!.problem?.range).toMatchObject({ line: 3, column: 11 });
  });
});
