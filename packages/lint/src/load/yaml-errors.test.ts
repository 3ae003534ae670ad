import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { MessageData } from '../engine/define-rule.js';
import { formatMessage, withField } from '../engine/messages.js';
import { PARSE_MESSAGES } from '../rules/parse.js';
import { secretPieces } from '../test-utils/rule-tester.js';
import { parseDocuments } from './parse-documents.js';
import { describeYamlError, type ErrorContext } from './yaml-errors.js';

/** The message a problem prints, as the engine builds it (before its scrub). */
function messageOf(problem: { messageId: string; data: MessageData } | undefined): string {
  expect(problem).toBeDefined();
  const { messageId, data } = problem as { messageId: string; data: MessageData };
  const template = (PARSE_MESSAGES as Record<string, string>)[messageId];
  expect(template, `${messageId} is a message of parse`).toBeDefined();
  return formatMessage(template as string, withField('', data), 'parse', messageId);
}

/** No piece of 8 characters of the secret in the message nor in its data. */
function expectNotQuoted(problem: { messageId: string; data: MessageData } | undefined, secret: string): void {
  const text = `${messageOf(problem)}\n${JSON.stringify(problem?.data)}`;
  expect(secretPieces(text, [secret]), text).toEqual([]);
}

/** Every reason js-yaml 4 throws, read from its loader (the constant part, before any quoted text). */
function loaderReasons(): string[] {
  const require = createRequire(import.meta.url);
  const loader = join(dirname(require.resolve('js-yaml')), 'lib', 'loader.js');
  const source = readFileSync(loader, 'utf8');
  const reasons = [...source.matchAll(/throwError\(state, (['"])(.*?)\1/g)].map((m) => m[2] as string);
  return [...new Set(reasons)];
}

/** The message each js-yaml reason becomes on a line whose value does not start with an indicator. */
const EXPECTED: ReadonlyArray<readonly [reason: RegExp, messageId: string]> = [
  [/^duplication of %YAML directive/, 'directive'],
  [/^YAML directive accepts exactly one argument/, 'directive'],
  [/^ill-formed argument of the YAML directive/, 'directive'],
  [/^unacceptable YAML version of the document/, 'directive'],
  [/^TAG directive accepts exactly two arguments/, 'directive'],
  [/^ill-formed tag handle \(first argument\) of the TAG directive/, 'directive'],
  [/^there is a previously declared suffix for /, 'directive'],
  [/^ill-formed tag prefix \(second argument\) of the TAG directive/, 'directive'],
  [/^tag prefix is malformed: /, 'directive'],
  [/^directive name must not be less than one character in length/, 'directive'],
  [/^directives end mark is expected/, 'directive'],
  [/^expected valid JSON character/, 'nonPrintable'],
  [/^the stream contains non-printable characters/, 'nonPrintable'],
  [/^null byte is not allowed in input/, 'nonPrintable'],
  [/^merge keys exceeded maxTotalMergeKeys/, 'aliases'],
  [/^cannot merge mappings; the provided source object is unacceptable/, 'mergeSource'],
  [/^abnormal merge sequence size/, 'mergeList'],
  [/^nested arrays are not supported inside keys/, 'syntax'],
  [/^duplicated mapping key/, 'duplicateKey'],
  [/^a line break is expected/, 'syntax'],
  [/^deficient indentation/, 'indentation'],
  [/^unexpected end of the (?:document|stream) within a (?:single|double) quoted scalar/, 'unclosedQuote'],
  [/^expected hexadecimal character/, 'escape'],
  [/^unknown escape sequence/, 'escape'],
  [/^missed comma between flow collection entries/, 'flow'],
  [/^expected the node content, but found ','/, 'flow'],
  [/^unexpected end of the stream within a flow collection/, 'flow'],
  [/^repeat of a chomping mode identifier/, 'syntax'],
  [/^bad explicit indentation width of a block scalar/, 'syntax'],
  [/^repeat of an indentation width identifier/, 'syntax'],
  [/^missing indentation for block scalar/, 'syntax'],
  [/^tab characters must not be used in indentation/, 'tabs'],
  [/^bad indentation of a sequence entry/, 'indentation'],
  [/^incomplete explicit mapping pair/, 'indentation'],
  [/^a whitespace character is expected after the key-value separator/, 'colonSpace'],
  [/^can not read an implicit mapping pair; a colon is missed/, 'missingColon'],
  [/^can not read a block mapping entry; a multiline key may not be an implicit key/, 'missingColon'],
  [/^bad indentation of a mapping entry/, 'indentation'],
  [/^duplication of a tag property/, 'tag'],
  [/^unexpected end of the stream within a verbatim tag/, 'tag'],
  [/^named tag handle cannot contain such characters/, 'tag'],
  [/^tag suffix cannot contain exclamation marks/, 'tag'],
  [/^tag suffix cannot contain flow indicator characters/, 'tag'],
  [/^tag name cannot contain such characters: /, 'tag'],
  [/^tag name is malformed: /, 'tag'],
  [/^undeclared tag handle "/, 'tag'],
  [/^duplication of an anchor property/, 'syntax'],
  [/^name of an anchor node must contain at least one character/, 'syntax'],
  [/^name of an alias node must contain at least one character/, 'syntax'],
  [/^unidentified alias "/, 'alias'],
  [/^nesting exceeded maxDepth \(/, 'tooDeep'],
  [/^alias node should not have any properties/, 'syntax'],
  [/^unacceptable node kind for !</, 'tag'],
  [/^unknown tag !</, 'tag'],
  [/^cannot resolve a node with !</, 'tag'],
  [/^end of the stream or a document separator is expected/, 'indentation'],
];

const SECRET = 'Sommer2024-Kaffee7';

describe('describeYamlError', () => {
  it('knows every reason js-yaml 4 throws, and quotes none of the text it carries', () => {
    const reasons = loaderReasons();
    expect(reasons.length).toBeGreaterThan(50);
    // a neutral line: a secret key whose value starts with no indicator
    const context: ErrorContext = {
      error: { before: '  password: Somm', after: `er2024-Kaffee7 ${SECRET}` },
      node: { before: '  password: ', after: SECRET },
      anchors: true,
      limit: 20_000,
    };
    for (const reason of reasons) {
      const expected = EXPECTED.find(([pattern]) => pattern.test(reason));
      expect(expected, `js-yaml's reason "${reason}" has an expected message here`).toBeDefined();
      const problem = describeYamlError(`${reason}${SECRET} "${SECRET}"`, context);
      expect(problem.messageId, reason).toBe(expected?.[1]);
      expectNotQuoted(problem, SECRET);
    }
  });

  it('names the key of the value, not the first key of the line, inside { }', () => {
    const problem = describeYamlError('unknown tag !<!x>', {
      error: { before: 'basicAuth: { userName: ops, password: !x', after: ' }' },
      node: { before: 'basicAuth: { userName: ops, password: ', after: '!x }' },
      anchors: false,
      limit: 1,
    });
    expect(problem).toMatchObject({ messageId: 'indicator', data: { key: 'password', char: '"!"' }, at: 'node' });
  });

  it('names no key the manifest does not know (it may be a pasted secret)', () => {
    const problem = describeYamlError('duplicated mapping key', { error: { before: '', after: 'Xy9Secret: 1' }, anchors: false, limit: 1 });
    expect(problem).toMatchObject({ messageId: 'duplicateKey', data: { key: 'the field on this line' } });
  });
});

/** Real lines, read by js-yaml, as the loader reports them. */
describe('YAML errors of real files', () => {
  const block = (key: string, value: string): string => `exchange:\n  pop3:\n    basicAuth:\n      ${key}: ${value}\n      userName: ops\n`;
  const flow = (key: string, value: string): string => `exchange:\n  pop3:\n    basicAuth: { server: x, ${key}: ${value} }\n`;

  it.each([
    ['!', 'a tag'],
    ['*', 'an alias (a reference to an anchor)'],
    ['%', 'a directive'],
    ['@', 'a reserved character'],
    ['`', 'a reserved character'],
    ['|', 'a block of text'],
    ['>', 'a folded block of text'],
  ])('a password starting with %s: says what YAML reads, where it is, and quotes nothing of it', (char, reads) => {
    const secret = `${char}Tr0ub4dor-Horse9`;
    for (const [layout, text] of [['block', block('password', secret)], ['flow', flow('password', secret)]] as const) {
      const [d] = parseDocuments(text);
      expect(d!.problem, `${layout}: ${text}`).toMatchObject({
        messageId: 'indicator',
        data: { key: 'password', char: `"${char}"`, reads, example: `password: '${char}...'` },
      });
      // at the value, on its own line (js-yaml stops on the next line for a tag)
      const line = layout === 'block' ? 4 : 3;
      const column = (text.split('\n')[line - 1] as string).indexOf(char) + 1;
      expect(d!.problem?.range, layout).toMatchObject({ line, column });
      expectNotQuoted(d!.problem, secret);
    }
  });

  it.each([
    ['a client secret', 'clientSecret', 'k7Q~vT2: xYz_9aBcDeFgHiJkLmNoPq'],
    ['a password', 'password', 'Sommer: 2024-Kaffee7'],
  ])('%s holding ": " is explained, and shown as "..." only', (_name, key, secret) => {
    for (const text of [block(key, secret), flow(key, secret)]) {
      const [d] = parseDocuments(text);
      expect(d!.problem, text).toMatchObject({ messageId: 'colonInValue', data: { key, example: `${key}: "..."` } });
      expectNotQuoted(d!.problem, secret);
    }
  });

  it('shows a non-secret value holding ": " in quotes, as it should be written', () => {
    const [d] = parseDocuments('installation:\n  name: MV Nordic: Star   # the vessel\n  kind: vessel\n');
    expect(d!.problem).toMatchObject({ messageId: 'colonInValue', data: { key: 'name', example: 'name: "MV Nordic: Star"' }, range: { line: 2, column: 18 } });
    const [inFlow] = parseDocuments('installation: { name: MV Nordic: Star, kind: vessel }\n');
    expect(inFlow!.problem).toMatchObject({ messageId: 'colonInValue', data: { key: 'name', example: 'name: "MV Nordic: Star"' } });
    // a value holding a double quote is shown in single quotes
    const [quote] = parseDocuments('installation:\n  name: MV "Star": Nordic\n');
    expect(quote!.problem?.data).toMatchObject({ example: `name: 'MV "Star": Nordic'` });
  });

  it('hides a credential-shaped piece even of a field that is not secret', () => {
    const [d] = parseDocuments('installation:\n  name: k7Q~vT2.xYz_9aBcDeFgHiJk: x\n');
    expect(d!.problem?.messageId).toBe('colonInValue');
    expectNotQuoted(d!.problem, 'k7Q~vT2.xYz_9aBcDeFgHiJk');
  });

  it.each([
    ['a double-quoted value', 'password', '"Tr0ub"4dor-Horse9"', '"'],
    ["a single-quoted value with an apostrophe", 'userName', "'it's-Tr0ub4dor-Horse9'", "'"],
  ])('%s that goes on after its closing quote is explained', (_name, key, value, char) => {
    for (const text of [block(key, value), flow(key, value)]) {
      const [d] = parseDocuments(text);
      expect(d!.problem, text).toMatchObject({ messageId: 'textAfterQuote', data: { key, char: `"${char}"` } });
      expectNotQuoted(d!.problem, value.slice(1));
    }
  });

  it.each([
    ['[', 'the start of a list'],
    ['{', 'the start of a mapping'],
    [']', 'the end of a list'],
    ['}', 'the end of a mapping'],
    [',', 'a separator'],
  ])('a password starting with %s in a block is an indicator too', (char, reads) => {
    const secret = `${char}Tr0ub4dor-Horse9`;
    const [d] = parseDocuments(block('password', secret));
    expect(d!.problem).toMatchObject({ messageId: 'indicator', data: { key: 'password', char: `"${char}"`, reads } });
    expectNotQuoted(d!.problem, secret);
  });

  it('an unclosed quote points at the quote that opens it, not at the end of the file', () => {
    const secret = '"Tr0ub4dor-Horse9';
    const [d] = parseDocuments(block('password', secret));
    expect(d!.problem).toMatchObject({ messageId: 'unclosedQuote', data: { key: 'password' }, range: { line: 4, column: 17 } });
    expectNotQuoted(d!.problem, secret);
  });

  it('a bad escape names the key and points at the escape', () => {
    const [d] = parseDocuments(block('password', '"Tr0ub\\q4dor-Horse9"'));
    expect(d!.problem).toMatchObject({ messageId: 'escape', data: { key: 'password' }, range: { line: 4, column: 24 } });
    expectNotQuoted(d!.problem, 'Tr0ub\\q4dor-Horse9');
  });

  it('an alias to an undefined anchor: a reference in a manifest with anchors, a value where there are none', () => {
    const withAnchors = 'exchange:\n  smtp: &tab { useSsl: true }\n  pop3: *tabb\n';
    expect(parseDocuments(withAnchors)[0]!.problem).toMatchObject({ messageId: 'alias', data: { key: 'pop3' }, range: { line: 3, column: 9 } });
    const merged = 'exchange:\n  smtp: &tab { useSsl: true }\n  pop3:\n    <<: *exchange-defaults\n';
    expect(parseDocuments(merged)[0]!.problem).toMatchObject({ messageId: 'alias', data: { key: 'the merge key (<<)' }, range: { line: 4, column: 9 } });
    // a secret field starting with * is a value even in a manifest with anchors
    const secret = '*Tr0ub4dor-Horse9';
    const [d] = parseDocuments(`exchange:\n  smtp: &tab\n    useSsl: true\n    basicAuth:\n      password: ${secret}\n  pop3: *tab\n`);
    expect(d!.problem).toMatchObject({ messageId: 'indicator', data: { key: 'password', char: '"*"' } });
    expectNotQuoted(d!.problem, secret);
  });

  it('a tag that is not at the start of the value is a tag', () => {
    const [d] = parseDocuments('installation:\n  name: &n !!int MV Star\n');
    expect(d!.problem).toMatchObject({ messageId: 'tag', data: { key: 'name' }, range: { line: 2, column: 9 } });
  });

  it.each([
    ['a key without a space after its colon', 'installation:\n  "name":MV Star\n', 'colonSpace', { key: 'name' }, 2],
    ['a line without a colon', 'installation:\n  name: MV Star\n  vessel\n', 'missingColon', {}, 3],
    ['a line without a colon after a block of text', 'installation: |\nname\n', 'missingColon', {}, 2],
    ['a list item less indented', 'azure:\n  permissions:\n    - a\n   - b\n', 'indentation', {}, 4],
    ['a directive without ---', '%YAML 1.2\nschemaVersion: 1\n', 'directive', {}, 1],
    ['a broken directive', '%YAML 1.2 1.1\n---\nschemaVersion: 1\n', 'directive', {}, 1],
    ['a list with an empty entry', 'azure:\n  permissions: [a,, b]\n', 'flow', { key: 'permissions' }, 2],
    ['a { } never closed', 'installation: { name: MV Star\nschemaVersion: 1\n', 'flow', {}, 2],
    ['a block scalar with a broken header', 'installation:\n  name: |0\n    x\n', 'indicator', { key: 'name', char: '"|"' }, 2],
    ['a tab', 'installation:\n\tname: x\n', 'tabs', {}, 2],
    ['a control character', 'installation:\n  name: MV\u0007Star\n', 'nonPrintable', {}, 2],
    ['a key that is a list of lists', '[[a]]: x\n', 'syntax', {}, 1],
    ['an anchor without a name', 'installation:\n  name: & MV\n', 'indicator', { key: 'name', char: '"&"' }, 2],
  ])('%s', (_name, text, messageId, data, line) => {
    const [d] = parseDocuments(text);
    expect(d!.problem).toMatchObject({ messageId, data, range: { line } });
  });

  it('reads the reasons it maps the way js-yaml throws them for these files', () => {
    const reason = (text: string): string => {
      try {
        load(text, { schema: CORE_SCHEMA });
        return '';
      } catch (error) {
        return (error as { reason: string }).reason;
      }
    };
    expect(reason('a:\n  password: !Sommer2024\n  userName: ops\n')).toMatch(/^unknown tag/);
    expect(reason('a:\n  "password":x\n')).toMatch(/^a whitespace character is expected/);
    expect(reason('%YAML 1.2 1.1\n---\na: 1\n')).toMatch(/^YAML directive accepts exactly one argument/);
  });
});

describe('a long broken line', () => {
  it.each([
    ['a plain value holding ": "', `installation:\n  name: ${'a '.repeat(500_000)}: b\n`],
    ['a flow mapping', `installation: { name: ${' '.repeat(500_000)}x: y\n`],
    ['a quoted value going on', `installation:\n  name: "${'\\\\'.repeat(200_000)}"${' '.repeat(300_000)}x\n`],
  ])('costs no more than its length: %s', (_name, text) => {
    const started = performance.now();
    const [d] = parseDocuments(text);
    expect(d!.problem).toBeDefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
