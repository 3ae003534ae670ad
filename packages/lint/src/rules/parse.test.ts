import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import type { Report } from '../engine/define-rule.js';
import { lintBytes, lintFile, lintText } from '../engine/lint-document.js';
import { edit, OFFICE, VESSEL } from '../test-utils/fixtures.js';
import { positionOf, secretPieces } from '../test-utils/rule-tester.js';
import parse, { type PARSE_MESSAGES } from './parse.js';
import schema from './schema.js';

const RULES = [parse, schema];
const options = { config: resolveConfig(RULES), today: '2026-11-29', rules: RULES };

/** Lints a text, keeping each parse message as the loader built it (before the engine's scrub). */
function lintRaw(text: string): { results: ReturnType<typeof lintText>; raw: string[] } {
  const raw: string[] = [];
  const onReport = (ruleId: string, report: Report, message: string): void => {
    if (ruleId === 'parse') raw.push(message, JSON.stringify(report.data ?? {}));
  };
  return { results: lintText(text, { filePath: 'case.yaml' }, { ...options, onReport }), raw };
}

/** The vessel of the guide with its POP3 OAuth2 tab merged from the SMTP one (written once). */
const MERGED = edit(
  VESSEL,
  ['    oauth2:\n      useOAuth2: true', '    oauth2: &exchange-oauth2\n      useOAuth2: true'],
  [
    `      scope: https://outlook.office365.com/.default
      userName: replication.nordicstar@example.com
      clientId: 0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4
      clientSecret: \${TM_MAIL_SECRET}`,
    '      scope: https://outlook.office365.com/.default',
  ],
  [
    `    oauth2:
      useOAuth2: true
      tokenUrl: https://login.microsoftonline.com/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b/oauth2/v2.0/token
      scope: https://outlook.office365.com/.default`,
    `    oauth2:
      <<: *exchange-oauth2
      scope: https://outlook.office365.com/.default`,
  ],
);

describe('parse', () => {
  it('reports a YAML syntax error with its line and column, as the only finding of that document', () => {
    const text = OFFICE.replace('  kind: office', '  kind: "office');
    const [r] = lintText(text, { filePath: 'broken.yaml' }, options);
    expect(r!.messages).toHaveLength(1);
    expect(r!.messages[0]).toMatchObject({
      ruleId: 'parse',
      messageId: 'unclosedQuote',
      severity: 'error',
      pointer: '',
      data: { key: 'kind' },
      ...positionOf(text, '"office'),
    });
  });

  it('reports a JSON syntax error in a .json file as JSON', () => {
    const [r] = lintText('{\n  "schemaVersion": 1,\n  "installation": {\n}', { filePath: 'x.json', json: true }, options);
    expect(r!.messages[0]).toMatchObject({ ruleId: 'parse', messageId: 'json', data: { detail: expect.stringMatching(/ends too early/) } });
  });

  it('reports an encoding that is neither UTF-8 nor UTF-16 with BOM', () => {
    const [r] = lintBytes(Buffer.from('installation:\n  name: Tr\xf8ms\xf8\n', 'latin1'), { filePath: 'latin1.yaml' }, options);
    expect(r!.messages.map((m) => [m.ruleId, m.messageId])).toEqual([['parse', 'encoding']]);
    expect(r!.messages[0]!.data?.['detail']).toMatch(/not UTF-8/);
  });

  it('reports tabs used for indentation with advice', () => {
    const [r] = lintText('schemaVersion: 1\ninstallation:\n\tname: x\n', { filePath: 'tabs.yaml' }, options);
    expect(r!.messages[0]).toMatchObject({ ruleId: 'parse', messageId: 'tabs', line: 3 });
  });
});

describe('merge keys', () => {
  it('reads the SMTP and POP3 tabs written once with <<: *anchor as a correct installation', () => {
    expect(MERGED).toContain('<<: *exchange-oauth2');
    const { results } = lintRaw(MERGED);
    expect(results.flatMap((r) => r.messages.map((m) => `${m.ruleId}/${m.messageId} ${m.pointer}`))).toEqual([]);
  });

  it('points a finding about a merged value at the anchored mapping it comes from', () => {
    const text = edit(MERGED, ['      useOAuth2: true\n      tokenUrl', '      useOAuth2: "yes"\n      tokenUrl']);
    const [r] = lintText(text, { filePath: 'merged.yaml' }, options);
    const at = positionOf(text, '"yes"');
    expect(r!.messages.map((m) => [m.pointer, m.line, m.column]).sort()).toEqual([
      ['/exchange/pop3/oauth2/useOAuth2', at.line, at.column],
      ['/exchange/smtp/oauth2/useOAuth2', at.line, at.column],
    ]);
  });
});

describe('empty documents', () => {
  it.each([
    ['only ---', '---'],
    ['only comments', '# to be filled in\n'],
    ['only a byte order mark', '\uFEFF'],
  ])('a file holding %s has no manifest, reported by schema at 1:1', (_name, text) => {
    const results = lintText(text, { filePath: 'empty.yaml' }, options);
    expect(results.flatMap((r) => r.messages.map((m) => [m.ruleId, m.messageId, m.line, m.column]))).toEqual([['schema', 'noManifest', 1, 1]]);
  });

  it('skips the empty last document of files joined with --- before and after each part', () => {
    const text = `---\n${OFFICE}---\n${OFFICE.replace('Bergen office', 'Oslo office')}---\n`;
    const results = lintText(text, { filePath: 'fleet.yaml' }, options);
    expect(results.map((r) => [r.document, r.installation, r.messages.length])).toEqual([
      [0, 'Bergen office', 0],
      [1, 'Oslo office', 0],
    ]);
  });

  it('reads the byte-order-marked file of a Windows editor with positions from its first character', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(OFFICE.replace('  kind: office', '  kind: "office').replace(/\n/g, '\r\n'))]);
    const [r] = lintBytes(bytes, { filePath: 'bom.yaml' }, options);
    expect(r!.messages[0]).toMatchObject({ messageId: 'unclosedQuote', line: 4, column: 9 });
  });
});

describe('values YAML reads otherwise, and secrets', () => {
  const basicAuth = (value: string): string => `${OFFICE}exchange:\n  pop3:\n    server: mail.example.com\n    basicAuth:\n      userName: ops\n      password: ${value}\n`;

  it('reports an anchor on an empty value (password: &...) instead of reading it as empty', () => {
    const secret = '&Sommer2024';
    const text = basicAuth(secret);
    const { results, raw } = lintRaw(text);
    expect(results[0]!.messages).toHaveLength(1);
    expect(results[0]!.messages[0]).toMatchObject({
      ruleId: 'parse',
      messageId: 'anchorEmpty',
      data: { key: 'password', example: "password: '&...'" },
      ...positionOf(text, secret),
    });
    expect(secretPieces(raw.join('\n'), ['Sommer2024'])).toEqual([]);
    expect(results[0]!.messages[0]!.message).not.toContain('Sommer');
  });

  it('reports an anchor no alias uses at the start of a value (password: &Sommer 2024 reads "2024")', () => {
    const text = basicAuth('&Sommer 2024');
    const { results, raw } = lintRaw(text);
    expect(results[0]!.messages).toEqual([
      expect.objectContaining({
        ruleId: 'parse',
        messageId: 'anchorInValue',
        data: expect.objectContaining({ key: 'password', example: "password: '&...'" }),
        ...positionOf(text, '&Sommer'),
      }),
    ]);
    expect(raw.join('\n')).not.toContain('Sommer');
    // an anchor that an alias uses is YAML doing its work
    const shared = `${OFFICE}exchange:\n  smtp:\n    basicAuth: { userName: ops, password: &pw "\${TM_PASSWORD}" }\n  pop3:\n    basicAuth: { userName: ops, password: *pw }\n`;
    expect(lintText(shared, { filePath: 'shared.yaml' }, options).flatMap((r) => r.messages.filter((m) => m.ruleId === 'parse'))).toEqual([]);
  });

  it.each(['!', '*', '&', '%', '@', '`', '|', '>', '[', '{'])(
    'never quotes a password starting with %s, whole or in part',
    (char) => {
      const secret = `${char}Tr0ub4dor-Kaffee-Horse9`;
      for (const text of [basicAuth(secret), basicAuth(`${secret} und mehr`)]) {
        const { results, raw } = lintRaw(text);
        const messages = results.flatMap((r) => r.messages);
        expect(messages.map((m) => m.ruleId)).toEqual(['parse']);
        expect(messages[0]!.data).toMatchObject({ key: 'password' });
        expect(secretPieces(`${raw.join('\n')}\n${JSON.stringify(messages)}`, [secret.slice(1)]), raw.join('\n')).toEqual([]);
      }
    },
  );

  it('never quotes a password holding ": ", and explains why it cannot be read', () => {
    const secret = 'Tr0ub4dor: Kaffee-Horse9';
    const { results, raw } = lintRaw(basicAuth(secret));
    expect(results[0]!.messages[0]).toMatchObject({ messageId: 'colonInValue', data: { key: 'password', example: 'password: "..."' } });
    expect(secretPieces(raw.join('\n'), [secret])).toEqual([]);
  });
});

describe('its messages', () => {
  /** A file that reaches each message of the rule. */
  const REACH: Readonly<Record<keyof typeof PARSE_MESSAGES, string | (() => ReturnType<typeof lintText>)>> = {
    syntax: '[[a]]: x\n',
    indentation: 'installation:\n  name: x\n kind: vessel\n',
    indicator: 'installation:\n  name: @Star\n',
    anchorEmpty: 'mailSettings:\n  basicAuth:\n    password: &Sommer2024\n',
    anchorInValue: 'mailSettings:\n  basicAuth:\n    password: &Sommer 2024\n',
    colonInValue: 'installation:\n  name: MV Nordic: Star\n',
    textAfterQuote: 'installation:\n  name: "MV" Nordic Star\n',
    colonSpace: 'installation:\n  "name":MV Star\n',
    missingColon: 'installation:\n  name: MV Star\n  vessel\n',
    tag: 'installation:\n  name: &n !!int MV Star\n',
    alias: 'exchange:\n  smtp: &tab { useSsl: true }\n  pop3: *tabb\n',
    mergeSource: 'exchange:\n  smtp: { port: &p 25 }\n  pop3:\n    <<: *p\n',
    mergeList: `a: &a { port: 1 }\nb:\n  <<: [${Array(101).fill('*a').join(', ')}]\n`,
    duplicateKey: 'installation:\n  name: a\n  name: b\n',
    tabs: 'installation:\n\tname: x\n',
    unclosedQuote: 'installation:\n  name: "MV Star\n',
    escape: 'installation:\n  name: "C:\\data"\n',
    flow: 'installation: { name: MV Star kind: vessel\n',
    flowReference: 'mailSettings:\n  basicAuth: { userName: ops, password: ${TM_PASSWORD} }\n',
    directive: '%YAML 1.2\nschemaVersion: 1\n',
    nonPrintable: 'installation:\n  name: MV\u0007Star\n',
    tooDeep: `a: ${'['.repeat(100)}${']'.repeat(100)}\n`,
    aliases: `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${'bcdefghi'.charAt(i)}: &${'bcdefghi'.charAt(i)} [${Array(10).fill(`*${'abcdefgh'.charAt(i)}`).join(', ')}]`).join('\n')}\n`,
    json: () => lintText('{ "schemaVersion": 1, }', { filePath: 'x.json', json: true }, options),
    tooLarge: () => lintBytes(Buffer.from('schemaVersion: 1\n'), { filePath: 'big.yaml' }, { ...options, limits: { maxBytes: 4 } }),
    encoding: () => lintBytes(Buffer.from('name: \xc6r\xf8\n', 'latin1'), { filePath: 'latin1.yaml' }, options),
    unreadable: () => lintFile({ filePath: 'gone.yaml', readError: 'the file cannot be read: permission denied', json: false }, options),
  };

  it.each(Object.entries(REACH))('%s is reached', (messageId, input) => {
    const results = typeof input === 'string' ? lintText(input, { filePath: 'case.yaml' }, options) : input();
    expect(results.flatMap((r) => r.messages.map((m) => `${m.ruleId}/${m.messageId}`))).toEqual([`parse/${messageId}`]);
  });
});
