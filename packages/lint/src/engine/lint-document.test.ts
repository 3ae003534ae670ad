import { describe, expect, it } from 'vitest';
import parseRule from '../rules/parse.js';
import schemaRule from '../rules/schema.js';
import unusedDisable from '../rules/unused-disable.js';
import { ours } from '../secrets/show.js';
import { OFFICE, edit } from '../test-utils/fixtures.js';
import { positionOf } from '../test-utils/rule-tester.js';
import { resolveConfig } from './config.js';
import { defineRule, type AnyRule } from './define-rule.js';
import { lintBytes, lintText } from './lint-document.js';

/** A rule that reports the Token URL of Mail Settings whenever it is not filled in. */
const tokenUrlMissing = defineRule({
  id: 'test/token-url',
  severity: 'error',
  docs: { description: 'the Token URL is filled in' },
  fixable: false,
  messages: { notFilledIn: '{{field}} is not filled in' },
  check(ctx) {
    if (ctx.manifest.mailSettings?.oauth2?.tokenUrl === undefined) ctx.report({ messageId: 'notFilledIn', pointer: '/mailSettings/oauth2/tokenUrl' });
  },
});

/** A careless rule that passes file text through ours() instead of the gate: the scrub must catch it. */
function careless(quote: (manifest: Readonly<Record<string, unknown>>) => string, pointer = '/mailSettings'): AnyRule {
  return defineRule({
    id: 'test/careless',
    severity: 'warning',
    docs: { description: 'quotes what it should not' },
    fixable: true,
    messages: { quoted: '{{field}}: {{text}}' },
    check(ctx) {
      const text = quote(ctx.manifest as Readonly<Record<string, unknown>>);
      ctx.report({ messageId: 'quoted', pointer, data: { text: ours(text) }, fix: { pointer, value: text } });
    },
  });
}

const BASE = [parseRule, schemaRule, unusedDisable];

function lintWith(rules: readonly AnyRule[], text: string, config: unknown = {}) {
  const all = [...BASE, ...rules];
  return lintText(text, { filePath: 'x.yaml' }, { config: resolveConfig(all, { config }), today: '2026-11-29', rules: all });
}

const lint = (text: string) => lintWith([tokenUrlMissing], text);

describe('schema findings', () => {
  it('names a misspelt property once, with the did-you-mean and a rename fix, and no "not filled in" for the field it stands for', () => {
    const text = edit(OFFICE, ['    tokenUrl:', '    tokenURL:']);
    const [r] = lint(text);
    expect(r!.messages.map((m) => [m.ruleId, m.messageId])).toEqual([['schema', 'misspelt']]);
    const f = r!.messages[0]!;
    expect(f.pointer).toBe('/mailSettings/oauth2/tokenURL');
    expect(f.data).toMatchObject({ field: 'Mail Settings > OAuth2', name: '"tokenURL"', suggestion: 'tokenUrl' });
    expect(f.fix).toEqual({ pointer: '/mailSettings/oauth2/tokenURL', rename: 'tokenUrl' });
    expect({ line: f.line, column: f.column }).toEqual(positionOf(text, 'tokenURL'));
  });

  it('lets the other rule speak when schema is switched off', () => {
    const [r] = lintWith([tokenUrlMissing], edit(OFFICE, ['    tokenUrl:', '    tokenURL:']), { rules: { schema: 'off' } });
    expect(r!.messages.map((m) => m.messageId)).toEqual(['notFilledIn']);
  });

  it('says a version must be written in quotes', () => {
    const [r] = lint(edit(OFFICE, ['version: "2.665.8400.100"', 'version: 2.665']));
    const f = r!.messages.find((m) => m.ruleId === 'schema')!;
    expect(f.messageId).toBe('unquotedText');
    expect(f.message).toBe('Client version must be text, not the number 2.665: write it in quotes, such as version: "2.664.8271.20345"');
  });

  it('says what to type for a missing field and shows the skeleton of a missing section', () => {
    const [noVersion] = lint(OFFICE.replace('schemaVersion: 1\n', ''));
    expect(noVersion!.messages.find((m) => m.ruleId === 'schema')?.message).toBe('Manifest format version is missing, which is required: add schemaVersion: 1');
    const [noDb] = lint(OFFICE.replace(/database:\n  version: \d+\n/, ''));
    expect(noDb!.messages.find((m) => m.ruleId === 'schema')?.message).toBe('Database is missing, which is required: add it, such as database: { version: 664 }');
    const [noUse] = lint(OFFICE.replace('    useOAuth2: true\n', ''));
    expect(noUse!.messages.find((m) => m.ruleId === 'schema')?.message).toContain('add useOAuth2: true');
  });

  it('says a number written as text is text, shows it unquoted, and fixes it', () => {
    const [r] = lint(OFFICE.replace(/database:\n  version: (\d+)/, 'database:\n  version: "$1"'));
    const f = r!.messages.find((m) => m.ruleId === 'schema')!;
    expect(f.messageId).toBe('quotedValue');
    expect(f.message).toMatch(/^DB version is written as text "\d+", but it is a whole number: write it without quotes, version: \d+$/);
    expect(f.fix).toMatchObject({ pointer: '/database/version' });
    expect(typeof (f.fix as { value: unknown }).value).toBe('number');
  });

  it('asks for the server service when TM Exchange is configured', () => {
    const [r] = lint(OFFICE + 'exchange:\n  pop3:\n    server: outlook.office365.com\n');
    const f = r!.messages.find((m) => m.pointer === '/serverService');
    expect(f?.messageId).toBe('serverServiceRequired');
  });

  it('treats an empty value like a field not written', () => {
    const [r] = lint(edit(OFFICE, ['  name: Bergen office', '  name:']));
    const schema = r!.messages.filter((m) => m.ruleId === 'schema');
    expect(schema.map((m) => m.messageId)).toEqual(['required']);
    expect(r!.installation).toBeNull();
  });
});

describe('documents and files', () => {
  it('reports the installation name and the document index of each document', () => {
    const results = lint(`${OFFICE}---\n${OFFICE.replace('Bergen office', 'Tromsø office')}`);
    expect(results.map((r) => [r.document, r.installation, r.errorCount])).toEqual([
      [0, 'Bergen office', 0],
      [1, 'Tromsø office', 0],
    ]);
  });

  it('skips an empty document: files joined with --- before and after each part', () => {
    const results = lint(`---\n${OFFICE}---\n${OFFICE}---\n`);
    expect(results).toHaveLength(2);
    expect(results.every((r) => r.errorCount === 0)).toBe(true);
  });

  it('isolates a syntax error to its document: one parse finding, no other rule on it', () => {
    const results = lintWith([careless(() => 'x')], `${OFFICE}---\nschemaVersion: 1\ninstallation: [oops\n---\n${OFFICE}`);
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([['test/careless'], ['parse'], ['test/careless']]);
    expect(results[1]!.messages[0]!.line).toBeGreaterThan(OFFICE.split('\n').length);
  });

  it('reports an empty file and a non-mapping document', () => {
    expect(lint('# only a comment\n')[0]!.messages[0]!.messageId).toBe('noManifest');
    expect(lint('---\n')[0]!.messages[0]).toMatchObject({ messageId: 'noManifest', line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(lint('- a\n- b\n')[0]!.messages[0]!.messageId).toBe('notMapping');
  });

  it('reads a UTF-16 file with BOM and CRLF, keeping positions', () => {
    const text = edit(OFFICE, ['    tokenUrl:', '    tokenURL:']).replace(/\n/g, '\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const rules = [...BASE, tokenUrlMissing];
    const [r] = lintBytes(bytes, { filePath: 'notepad.yaml' }, { config: resolveConfig(rules), today: '2026-11-29', rules });
    const f = r!.messages.find((m) => m.ruleId === 'schema');
    expect({ line: f?.line, column: f?.column }).toEqual(positionOf(text, 'tokenURL'));
  });

  it('refuses a file over the size limit with one parse finding', () => {
    const rules = [...BASE];
    const [r] = lintBytes(Buffer.alloc(2048, 0x20), { filePath: 'big.yaml' }, { config: resolveConfig(rules), today: '2026-11-29', rules, limits: { maxBytes: 1024 } });
    expect(r!.messages).toHaveLength(1);
    expect(r!.messages[0]).toMatchObject({ ruleId: 'parse', messageId: 'tooLarge', line: 1, column: 1 });
    expect(r!.messages[0]!.message).toContain('over the limit of 1024 bytes');
  });
});

describe('a rule that throws', () => {
  const broken = defineRule({
    id: 'test/broken',
    severity: 'warning',
    docs: { description: 'throws' },
    fixable: false,
    messages: { never: '{{field}} never' },
    check() {
      throw new TypeError("Cannot read properties of undefined (reading 'scope')");
    },
  });

  it('gives an internal-error finding naming the rule and the file, and the other rules still run', () => {
    const results = lintWith([broken, tokenUrlMissing], `${edit(OFFICE, ['    tokenUrl:', '    tokenURLx:'])}---\n${OFFICE}`, { rules: { schema: 'off' } });
    expect(results).toHaveLength(2);
    const first = results[0]!.messages;
    expect(first.map((m) => [m.ruleId, m.messageId])).toEqual([
      ['test/broken', 'internalError'],
      ['test/token-url', 'notFilledIn'],
    ]);
    expect(first[0]).toMatchObject({ severity: 'error', internal: true });
    expect(first[0]!.message).toContain('test/broken');
    expect(first[0]!.message).toContain('x.yaml');
    expect(first[0]!.message).toContain('bug in tmcheck');
    expect(results[1]!.messages.map((m) => m.ruleId)).toEqual(['test/broken']);
  });
});

describe('supersedes', () => {
  const lesser = defineRule({
    id: 'test/lesser',
    severity: 'warning',
    docs: { description: 'the lesser finding' },
    fixable: false,
    messages: { lesser: '{{field}}: lesser' },
    check(ctx) {
      ctx.report({ messageId: 'lesser', pointer: '/mailSettings/oauth2/clientId' });
      ctx.report({ messageId: 'lesser', pointer: '/mailSettings/oauth2/scope' });
    },
  });
  const greater = defineRule({
    id: 'test/greater',
    severity: 'error',
    docs: { description: 'the greater finding' },
    fixable: false,
    supersedes: ['test/lesser'],
    messages: { greater: '{{field}}: greater' },
    check(ctx) {
      ctx.report({ messageId: 'greater', pointer: '/mailSettings/oauth2/clientId' });
    },
  });

  it('drops the lesser finding only at the field where the greater one is reported', () => {
    const [r] = lintWith([lesser, greater], OFFICE);
    expect(r!.messages.map((m) => [m.ruleId, m.pointer])).toEqual([
      ['test/lesser', '/mailSettings/oauth2/scope'],
      ['test/greater', '/mailSettings/oauth2/clientId'],
    ]);
  });

  it('keeps the lesser finding when the greater rule is switched off', () => {
    const [r] = lintWith([lesser, greater], OFFICE, { rules: { 'test/greater': 'off' } });
    expect(r!.messages.map((m) => [m.ruleId, m.pointer])).toEqual([
      ['test/lesser', '/mailSettings/oauth2/scope'],
      ['test/lesser', '/mailSettings/oauth2/clientId'],
    ]);
  });
});

describe('inline exceptions', () => {
  const scopeRule = defineRule({
    id: 'test/scope',
    severity: 'error',
    docs: { description: 'reports every scope' },
    fixable: false,
    messages: { scope: '{{field}} is reported' },
    check(ctx) {
      for (const s of ctx.sections) if (s.oauth2?.scope !== undefined) ctx.report({ messageId: 'scope', pointer: s.tabPointer('scope') });
    },
  });

  it('silences the rule on the next line, keeps the finding as suppressed with its reason, and counts it in no total', () => {
    const text = OFFICE.replace('    scope:', '    # tmcheck-disable-next-line test/scope -- the customer uses a relay\n    scope:');
    const [r] = lintWith([scopeRule], text);
    expect(r!.messages.map((m) => [m.ruleId, m.suppressed])).toEqual([['test/scope', { kind: 'inline', justification: 'the customer uses a relay' }]]);
    expect([r!.errorCount, r!.warningCount]).toEqual([0, 0]);
  });

  it('silences a rule for the whole document, and names several rules with commas', () => {
    const text = OFFICE.replace('schemaVersion: 1\n', 'schemaVersion: 1\n# tmcheck-disable test/scope, schema -- known\n');
    const [r] = lintWith([scopeRule], text);
    expect(r!.messages.every((m) => m.suppressed)).toBe(true);
    expect(r!.messages.map((m) => m.ruleId)).toEqual(['test/scope']);
  });

  it('skips comment lines to find the next line', () => {
    const text = OFFICE.replace('    scope:', '    # tmcheck-disable-next-line test/scope\n    # why: a relay\n    scope:');
    const [r] = lintWith([scopeRule], text);
    expect(r!.errorCount).toBe(0);
  });

  it('warns about a comment that silences nothing, or names no rule of tmcheck', () => {
    const text = OFFICE.replace('schemaVersion: 1\n', 'schemaVersion: 1\n# tmcheck-disable-next-line test/scope\ninstallation_note: x\n# tmcheck-disable oauth2/scop\n').replace('installation_note: x\n', '');
    const [r] = lintWith([scopeRule], text);
    const directives = r!.messages.filter((m) => m.ruleId === 'unused-disable');
    expect(directives.map((m) => [m.messageId, m.severity])).toEqual([
      ['unused', 'warning'],
      ['unknownRule', 'warning'],
    ]);
    expect(directives[1]!.message).toContain('"oauth2/scop"');
    expect(directives[0]!.line).toBe(2);
  });

  it('does not let a comment silence a parse error', () => {
    const [r] = lintWith([], '# tmcheck-disable parse\nschemaVersion: 1\ninstallation: [oops\n');
    expect(r!.messages.map((m) => [m.ruleId, Boolean(m.suppressed)])).toEqual([['parse', false]]);
  });
});

describe('secrets', () => {
  const secret = 'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789';
  /** The office with the secret written in its Client Secret. */
  const withSecret = edit(OFFICE, ['${TM_MAIL_SECRET}', secret]);
  const noPiece = (text: string, s: string): void => {
    for (let i = 0; i + 8 <= s.length; i++) expect(text.toLowerCase(), `piece ${s.slice(i, i + 8)}`).not.toContain(s.slice(i, i + 8).toLowerCase());
  };

  it('scrubs a secret a careless rule quotes, from the message, the data and the fix', () => {
    const [r] = lintWith([careless(() => `the secret is ${secret}`)], withSecret);
    noPiece(JSON.stringify(r), secret);
    expect(r!.messages.find((m) => m.ruleId === 'test/careless')?.message).toBe('Mail Settings: the secret is [secret]');
    expect(r!.messages.find((m) => m.ruleId === 'test/careless')?.fix).toBeUndefined();
  });

  it('scrubs a cut quote of a long passphrase, and an upper-case copy (İ)', () => {
    const passphrase = 'correct horse battery staple İstanbul '.repeat(4).trim();
    const text = edit(OFFICE, ['${TM_MAIL_SECRET}', JSON.stringify(passphrase)]);
    const [r] = lintWith([careless(() => `"${passphrase.slice(0, 117)}..." and ${passphrase.toUpperCase()}`)], text);
    noPiece(JSON.stringify(r), passphrase);
  });

  it.each([
    ['in a list', 'clientSecret: [Sommer2024xyz]', 'Sommer2024xyz'],
    ['read as a number', 'clientSecret: 20241234567', '20241234567'],
    ['short', 'clientSecret: Pw9!x', 'Pw9!x'],
  ])('collects a secret written %s', (_name, line, value) => {
    const text = edit(OFFICE, ['clientSecret: ${TM_MAIL_SECRET}', line]);
    const [r] = lintWith([careless(() => `was ${value} here`)], text);
    expect(JSON.stringify(r)).not.toContain(value);
  });

  it('collects azure.clientSecrets[].value and deeply nested secret keys', () => {
    const text = `${OFFICE}azure:\n  clientSecrets:\n    - description: x\n      value: Vv8Q~deepSecretValue1234567890abcdefghij\n`;
    const [r] = lintWith([careless(() => 'Vv8Q~deepSecretValue1234567890abcdefghij')], text);
    expect(JSON.stringify(r)).not.toContain('deepSecret');
  });

  it('never prints a secret typed into the Client ID, nor a Token URL query string', () => {
    const text = OFFICE.replace(/clientId: .*/, `clientId: ${secret}`).replace(/tokenUrl: (.*)/, 'tokenUrl: $1?client_secret=Zz9Q~querySecret0123456789abcdefghijklm');
    const [r] = lintWith([careless((m) => JSON.stringify(m))], text);
    noPiece(JSON.stringify(r), secret);
    noPiece(JSON.stringify(r), 'Zz9Q~querySecret0123456789abcdefghijklm');
  });

  it('scrubs the installation name and the file name', () => {
    const text = edit(withSecret, ['name: Bergen office', `name: Bergen ${secret}`]);
    const all = [...BASE];
    const [r] = lintText(text, { filePath: `fleet/${secret}.yaml` }, { config: resolveConfig(all), today: '2026-11-29', rules: all });
    noPiece(JSON.stringify(r), secret);
  });

  it('never quotes a secret of the wrong type in a schema message', () => {
    const [r] = lint(edit(OFFICE, ['clientSecret: ${TM_MAIL_SECRET}', 'clientSecret: 12345678901']));
    const f = r!.messages.find((m) => m.ruleId === 'schema');
    expect(f?.message).toBe('Mail Settings > OAuth2 > Client Secret must be text, not a number');
  });

  it('quotes nothing of a password that YAML reads as a tag or an alias', () => {
    for (const value of ['!Sommer2024xyz', '*Sommer2024xyz', '&Sommer2024xyz', '@Sommer2024xyz', '%Sommer2024xyz']) {
      const [r] = lint(edit(OFFICE, ['clientSecret: ${TM_MAIL_SECRET}', `clientSecret: ${value}`]));
      expect(JSON.stringify(r), value).not.toContain('Sommer2024');
    }
  });
});

describe('supersedes, both ways', () => {
  const a = defineRule({
    id: 'test/a',
    severity: 'error',
    docs: { description: 'a' },
    fixable: false,
    supersedes: ['*'],
    messages: { a: '{{field}}: a' },
    check(ctx) {
      ctx.report({ messageId: 'a', pointer: '/mailSettings/smtpPort' });
    },
  });
  const b = defineRule({
    id: 'test/b',
    severity: 'error',
    docs: { description: 'b' },
    fixable: false,
    supersedes: ['*'],
    messages: { b: '{{field}}: b' },
    check(ctx) {
      ctx.report({ messageId: 'b', pointer: '/mailSettings/smtpPort' });
    },
  });

  it('keeps both of two findings that each supersede every other rule at one field', () => {
    const [r] = lintWith([a, b], OFFICE);
    expect(r!.messages.map((m) => m.ruleId)).toEqual(['test/a', 'test/b']);
  });
});

describe('a document with a great many findings', () => {
  it('lists the first 1000 and counts the rest in one last finding of the rule most of them come from', () => {
    let text = OFFICE;
    for (let i = 0; i < 3000; i++) text += `unknownKey${i}: ${i}\n`;
    const [r] = lint(text);
    expect(r!.messages).toHaveLength(1001);
    const last = r!.messages[1000]!;
    expect(last).toMatchObject({ ruleId: 'schema', messageId: 'andMore', severity: 'error', data: { count: 2000 } });
    expect(last.message).toContain('and 2000 more findings');
    expect(r!.errorCount).toBe(1001);
  });
});
