import { describe, expect, it } from 'vitest';
import { parseDocuments, splitDocuments } from './parse-documents.js';
import { positionOf } from '../test-utils/rule-tester.js';
import { decode } from './decode.js';

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
    expect(docs[1]!.problem?.messageId).toBe('flow');
    expect(docs[1]!.problem?.range.line).toBeGreaterThanOrEqual(3);
    expect(docs[2]!.data).toEqual({ d: 4 });
    expect(docs[2]!.index).toBe(2);
  });

  it('reports a duplicated key as a problem, naming it only when the manifest knows it', () => {
    const [d] = parseDocuments('a: 1\nb: 2\na: 3\n');
    expect(d!.problem).toMatchObject({ messageId: 'duplicateKey', data: { key: 'the field on this line' } });
    expect(d!.problem?.range.line).toBe(3);
    const [known] = parseDocuments('installation:\n  name: x\n  kind: vessel\n  name: y\n');
    expect(known!.problem).toMatchObject({ messageId: 'duplicateKey', data: { key: 'name' }, range: { line: 4, column: 3 } });
  });

  it('says to quote a ${NAME} reference inside { }', () => {
    const [d] = parseDocuments('basicAuth: { userName: ops, password: ${TM_PASSWORD} }\n');
    expect(d!.problem?.messageId).toBe('flowReference');
    expect(d!.problem?.range.line).toBe(1);
  });

  it.each([
    ['a trailing comma', '{\n  "schemaVersion": 1,\n}\n', 3, 1],
    ['single quotes', "{\n  'schemaVersion': 1\n}\n", 2, 3],
    ['a comment', '{ "schemaVersion": 1 } # note\n', 1, 24],
  ])('holds a .json file to strict JSON: %s is a syntax error at its place', (_name, text, line, column) => {
    const [d] = parseDocuments(text, { json: true });
    expect(d!.problem?.messageId).toBe('json');
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
    expect(d!.problem).toMatchObject({ messageId: 'aliases', data: { limit: 20_000 }, range: { line: 1, column: 1 } });
  });

  it('accepts a few ordinary aliases', () => {
    const [d] = parseDocuments('base: &o { useOAuth2: true }\nsmtp: *o\npop3: *o\n');
    expect(d!.problem).toBeUndefined();
  });

  it('stops at the nesting limit', () => {
    const deep = '['.repeat(200) + ']'.repeat(200);
    const [d] = parseDocuments(deep);
    expect(d!.problem?.messageId).toBe('tooDeep');
  });
});

describe('empty documents', () => {
  it.each([
    ['only ---', '---'],
    ['only --- and a line end', '---\n'],
    ['only --- with a comment', '--- # nothing yet\n'],
    ['only comments', '# a\n\n# b\n'],
    ['markers and comments', '---\n# a\n...\n---\n'],
    ['only a byte order mark', '\uFEFF'],
    ['a byte order mark and ---', '\uFEFF---\r\n'],
    ['nothing', ''],
    ['blank lines', '\n\n  \n'],
  ])('a file holding %s has no document', (_name, text) => {
    expect(parseDocuments(text)).toEqual([]);
  });

  it('skips the empty documents of files joined with --- before and after each part, and does not count them', () => {
    const text = '---\na: 1\n---\n---\n# the second vessel\nb: 2\n---\n';
    const docs = parseDocuments(text);
    expect(docs.map((d) => [d.index, d.data])).toEqual([
      [0, { a: 1 }],
      [1, { b: 2 }],
    ]);
    expect(docs[1]!.firstLine).toBe(4);
    expect(docs[1]!.lastLine).toBe(6);
    expect(docs[1]!.locate('/b')).toMatchObject({ line: 6, column: 4 });
  });

  it('keeps a document that holds a value, even a null one (the schema says it is no mapping)', () => {
    expect(parseDocuments('--- ~\n').map((d) => d.data)).toEqual([null]);
    expect(parseDocuments('---\nnull\n').map((d) => d.data)).toEqual([null]);
  });
});

describe('an anchor on an empty value', () => {
  it.each([
    ['a block', 'exchange:\n  pop3:\n    basicAuth:\n      password: &Sommer2024\n      userName: ops\n', 4, 17],
    ['a flow mapping', 'exchange:\n  pop3:\n    basicAuth: { userName: ops, password: &Sommer2024 }\n', 3, 43],
    ['a comment after it', 'mailSettings:\n  basicAuth:\n    password: &Sommer2024   # from the vessel\n', 3, 15],
  ])('in %s is a parse problem that names the key and quotes nothing of the value', (_name, text, line, column) => {
    const [d] = parseDocuments(text);
    expect(d!.data).toBeUndefined();
    expect(d!.problem).toMatchObject({
      messageId: 'anchorEmpty',
      data: { key: 'password', example: "password: '&...'" },
      range: { line, column, endLine: line, endColumn: column + '&Sommer2024'.length - 1 },
    });
    expect(JSON.stringify(d!.problem!.data)).not.toContain('Sommer');
  });

  it('names no key the manifest does not know', () => {
    const [d] = parseDocuments('- &Sommer2024\n');
    expect(d!.problem).toMatchObject({ messageId: 'anchorEmpty', data: { key: 'the field on this line', example: "'&...'" } });
  });

  it('leaves anchors on values alone', () => {
    for (const text of ['defaults: &d\n  useSsl: true\nsmtp: *d\n', 'port: &p 995\nother: *p\n', "password: '&Sommer2024'\n", 'list: &l\n  - 1\n']) {
      expect(parseDocuments(text)[0]!.problem, text).toBeUndefined();
    }
  });
});

describe('positions within the text', () => {
  /** Whether a range lies on characters of the text: lines that exist, columns within them (1 on an empty line). */
  function inside(text: string, r: { line: number; column: number; endLine: number; endColumn: number }): boolean {
    const lines = text.split(/\r\n|\r|\n/);
    if (text.endsWith('\n') || text.endsWith('\r')) lines.pop();
    if (lines.length === 0) lines.push('');
    const ok = (line: number, column: number): boolean =>
      line >= 1 && line <= lines.length && column >= 1 && column <= Math.max(1, (lines[line - 1] as string).length);
    return ok(r.line, r.column) && ok(r.endLine, r.endColumn) && (r.endLine > r.line || r.endColumn >= r.column);
  }

  const TEXTS = [
    'a: 1\n---',
    "a: 'unclosed",
    "a: 'unclosed\n---\nb: 1\n",
    'a: "unclosed\n\n\n',
    'a: [1, 2',
    'a:\n  b: 1\n c: 2',
    'a: |\nb',
    '%YAML 1.2\n',
    'a: !x\n',
    'a: *missing',
    'x:\r\n  password: !Sommer\r\n  userName: ops\r\n',
    'x:\r  password: *Sommer\r  userName: ops\r',
    'a: 1\n---\nb: [\n',
    'a: &a\n',
    '--- ~',
    'key',
    '[a',
    '\uFEFFa: "b',
  ];

  it.each(TEXTS.map((t) => [JSON.stringify(t), t]))('keeps every position of %s within the text', (_name, text) => {
    const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
    for (const d of parseDocuments(text)) {
      if (d.problem) expect(inside(source, d.problem.range), JSON.stringify(d.problem)).toBe(true);
      for (const pointer of ['', '/a', '/a/b', '/x/password', '/zz/yy']) {
        expect(inside(source, d.locate(pointer)), `${pointer}: ${JSON.stringify(d.locate(pointer))}`).toBe(true);
        expect(inside(source, d.locate(pointer, 'key')), pointer).toBe(true);
      }
    }
  });

  it('points an error at the end of a document at its last character, not at the next document', () => {
    const text = "a: 'unclosed\n---\nb: 1\n";
    const docs = parseDocuments(text);
    expect(docs[0]!.problem).toMatchObject({ messageId: 'unclosedQuote', range: { line: 1, column: 4 } });
    expect(docs[1]!.data).toEqual({ b: 1 });
  });
});

describe('line ends and encodings', () => {
  const TEXT = 'installation:\n  name: "MV Nordic Star"\n  kind: vessel\nexchange:\n  pop3: { port: 995 }\n';

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('gives the same lines and columns with %s line ends', (_name, eol) => {
    const [d] = parseDocuments(TEXT.replace(/\n/g, eol));
    expect(d!.locate('/installation/kind')).toEqual({ line: 3, column: 9, endLine: 3, endColumn: 14 });
    expect(d!.locate('/exchange/pop3/port')).toMatchObject({ line: 5, column: 17 });
    expect(d!.locate('/exchange/pop3')).toMatchObject({ line: 5, column: 3, endColumn: 6 });
  });

  it('counts columns after a byte order mark from the first character', () => {
    const [d] = parseDocuments(`\uFEFF${TEXT}`);
    expect(d!.locate('/installation')).toMatchObject({ line: 1, column: 1 });
    expect(d!.locate('/installation/kind')).toMatchObject({ line: 3, column: 9 });
    const [json] = parseDocuments('\uFEFF{ "a": { "b": 1 } }', { json: true });
    expect(json!.problem).toBeUndefined();
    expect(json!.locate('/a/b')).toMatchObject({ line: 1, column: 15 });
  });

  it('keeps positions in a UTF-16 file with CRLF line ends (decoded first)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf16le')]);
    const decoded = decode(bytes);
    expect(decoded.ok).toBe(true);
    const [d] = parseDocuments(decoded.ok ? decoded.value.text : '');
    expect(d!.locate('/installation/name')).toEqual({ line: 2, column: 9, endLine: 2, endColumn: 24 });
  });
});

describe('an anchor at the start of a value that no alias uses', () => {
  it('is a parse problem: YAML drops the text up to the first space', () => {
    const text = 'installation:\n  name: &MV Nordic Star\n';
    const [d] = parseDocuments(text);
    expect(d!.problem).toMatchObject({
      messageId: 'anchorInValue',
      data: { key: 'name', example: "name: '&...'" },
      range: { line: 2, column: 9, endLine: 2, endColumn: 11 },
    });
  });

  it('is left alone when an alias uses it', () => {
    expect(parseDocuments('smtp: { port: &p 25 }\npop3: { port: *p }\n')[0]!.problem).toBeUndefined();
  });
});

describe('a quote never closed', () => {
  it('is found where it opens, even when a later quote closes it and the load stops lines below', () => {
    const text = 'installation:\n  name: MV Star\n  kind: "vessel\ndatabase:\n  version: 664\nclient:\n  version: "2.664.8271.20345"\n';
    const [d] = parseDocuments(text);
    expect(d!.problem).toMatchObject({ messageId: 'unclosedQuote', data: { key: 'kind' }, range: { line: 3, column: 9 } });
  });

  it('is not blamed for an error after a quoted value that rightly runs over lines', () => {
    const text = 'installation:\n  name: "MV\n    Nordic" Star\n';
    const [d] = parseDocuments(text);
    expect(d!.problem?.messageId).toBeDefined();
    expect(d!.problem?.messageId).not.toBe('unclosedQuote');
  });
});
