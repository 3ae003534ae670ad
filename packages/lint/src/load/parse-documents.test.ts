import { describe, expect, it } from 'vitest';
import { parseDocuments, splitDocuments } from './parse-documents.js';
import { positionOf } from '../test-utils/rule-tester.js';

const SAMPLE = `# a comment
schemaVersion: 1   # trailing comment
installation:
  name: "MV Nordic Star"
  kind: vessel
exchange:
  pop3:
    oauth2:
      scope: https://outlook.office365.com/.default
list:
  - first
  - { inline: [x, y] }
block: |
  line one
  line two
`;

describe('positions', () => {
  const [doc] = parseDocuments(SAMPLE);

  it.each([
    ['/schemaVersion', '1   #'],
    ['/installation/name', '"MV Nordic Star"'],
    ['/installation/kind', 'vessel'],
    ['/exchange/pop3/oauth2/scope', 'https://outlook'],
    ['/list/0', 'first'],
    ['/list/1/inline/1', 'y]'],
    ['/block', '|'],
  ])('%s starts where its value is written', (pointer, text) => {
    const r = doc!.locate(pointer);
    expect({ line: r.line, column: r.column }).toEqual(positionOf(SAMPLE, text));
  });

  it('ends a scalar at its last character, not at the trailing comment', () => {
    const r = doc!.locate('/exchange/pop3/oauth2/scope');
    const start = positionOf(SAMPLE, 'https://outlook');
    expect(r).toEqual({ ...start, endLine: start.line, endColumn: start.column + 'https://outlook.office365.com/.default'.length - 1 });
    const one = doc!.locate('/schemaVersion');
    expect(one.endColumn).toBe(one.column);
  });

  it('points a collection at its key', () => {
    const r = doc!.locate('/exchange/pop3');
    expect({ line: r.line, column: r.column }).toEqual(positionOf(SAMPLE, 'pop3:'));
    expect(r.endColumn - r.column + 1).toBe('pop3'.length);
  });

  it('points a missing field at the nearest ancestor that is written', () => {
    const r = doc!.locate('/exchange/pop3/oauth2/userName');
    expect({ line: r.line, column: r.column }).toEqual(positionOf(SAMPLE, 'oauth2:'));
    const top = doc!.locate('/azure/tenantId');
    expect(top.line).toBe(2);
  });

  it('keeps positions with CRLF line ends', () => {
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    const [d] = parseDocuments(crlf);
    const r = d!.locate('/installation/kind');
    expect({ line: r.line, column: r.column }).toEqual(positionOf(SAMPLE, 'vessel'));
    expect(r.endColumn).toBe(r.column + 'vessel'.length - 1);
  });

  it('finds keys whose names need escaping in a pointer', () => {
    const [d] = parseDocuments('a/b:\n  c~d: 1\n');
    expect(d!.locate('/a~1b/c~0d')).toMatchObject({ line: 2, column: 8 });
  });
});

describe('documents', () => {
  it('splits a stream at --- and ...', () => {
    const text = '# header\n---\na: 1\n---\nb: 2\n...\n---\nc: 3\n';
    expect(parseDocuments(text).map((d) => d.data)).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('gives lines in the whole file for the second document', () => {
    const text = 'a: 1\n---\nb:\n  c: x\n';
    const docs = parseDocuments(text);
    expect(docs[1]!.locate('/b/c')).toMatchObject({ line: 4, column: 6 });
  });

  it('reports a syntax error with its line and still reads the other documents', () => {
    const text = 'a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n';
    const docs = parseDocuments(text);
    expect(docs).toHaveLength(3);
    expect(docs[0]!.data).toEqual({ a: 1 });
    expect(docs[1]!.problem?.message).toMatch(/^YAML syntax error/);
    expect(docs[1]!.problem?.range.line).toBeGreaterThanOrEqual(3);
    expect(docs[2]!.data).toEqual({ d: 4 });
    expect(docs[2]!.index).toBe(2);
  });

  it('reports a duplicated key as a problem, with advice', () => {
    const [d] = parseDocuments('a: 1\nb: 2\na: 3\n');
    expect(d!.problem?.message).toContain('appears twice');
    expect(d!.problem?.range.line).toBe(3);
  });

  it('says to quote a ${NAME} reference inside { }', () => {
    const [d] = parseDocuments('basicAuth: { userName: ops, password: ${TM_PASSWORD} }\n');
    expect(d!.problem?.message).toContain('must be quoted, such as password: "${TM_PASSWORD}"');
    expect(d!.problem?.range.line).toBe(1);
  });

  it.each([
    ['a trailing comma', '{\n  "schemaVersion": 1,\n}\n', 3, 1],
    ['single quotes', "{\n  'schemaVersion': 1\n}\n", 2, 3],
    ['a comment', '{ "schemaVersion": 1 } # note\n', 1, 24],
  ])('holds a .json file to strict JSON: %s is a syntax error at its place', (_name, text, line, column) => {
    const [d] = parseDocuments(text, { json: true });
    expect(d!.problem?.message).toMatch(/^JSON syntax error: /);
    expect(d!.problem?.range).toMatchObject({ line, column });
  });

  it('does not split JSON, and reads it with positions', () => {
    const text = '{\n  "schemaVersion": 1,\n  "installation": { "name": "---" }\n}\n';
    const [d] = parseDocuments(text, { json: true });
    expect(d!.data).toEqual({ schemaVersion: 1, installation: { name: '---' } });
    expect(d!.locate('/installation/name')).toMatchObject({ line: 3, column: 29 });
  });

  it('keeps dates and versions as text (the core schema)', () => {
    const [d] = parseDocuments('expires: 2027-06-30\nv: 2.664\n');
    expect(d!.data).toEqual({ expires: '2027-06-30', v: 2.664 });
  });

  it('treats a comment-only prefix as part of the first document, not a document', () => {
    expect(splitDocuments('# c\n%YAML 1.2\n---\na: 1\n')).toHaveLength(1);
    expect(parseDocuments('# nothing here\n')).toEqual([]);
  });
});

describe('limits', () => {
  it('stops a billion-laughs document at the alias limit', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const [d] = parseDocuments(lines.join('\n') + '\n');
    expect(d!.problem?.message).toMatch(/aliases expand this document to more than/);
  });

  it('accepts a few ordinary aliases', () => {
    const [d] = parseDocuments('base: &o { useOAuth2: true }\nsmtp: *o\npop3: *o\n');
    expect(d!.problem).toBeUndefined();
  });

  it('stops at the nesting limit', () => {
    const deep = '['.repeat(200) + ']'.repeat(200);
    const [d] = parseDocuments(deep);
    expect(d!.problem?.message).toMatch(/YAML syntax error/);
  });
});
