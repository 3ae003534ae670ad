import { describe, expect, it } from 'vitest';
import parseRule from '../rules/parse.js';
import schemaRule from '../rules/schema.js';
import { OFFICE, edit } from '../test-utils/fixtures.js';
import { positionOf } from '../test-utils/rule-tester.js';
import { resolveConfig } from './config.js';
import { defineRule } from './define-rule.js';
import { lintBytes, lintText } from './lint-document.js';

const leaky = defineRule({
  id: 'test/leaky',
  severity: 'warning',
  docs: { description: 'a careless rule that quotes the secret' },
  fixable: false,
  check(ctx) {
    const secret = (ctx.manifest['mailSettings'] as { oauth2: { clientSecret: string } }).oauth2.clientSecret;
    ctx.report({ pointer: '/mailSettings/oauth2/clientSecret', message: `the secret is ${secret}` });
  },
});
const RULES = [parseRule, schemaRule, leaky];
const options = { config: resolveConfig(RULES), today: '2026-11-29', rules: RULES };
const lint = (text: string) => lintText(text, { filePath: 'x.yaml' }, options);

describe('schema findings', () => {
  it('names an unknown property, suggests the known one and points at its key', () => {
    const text = edit(OFFICE, ['    tokenUrl:', '    tokenURL:']);
    const [r] = lint(text);
    const f = r!.messages.find((m) => m.ruleId === 'schema');
    expect(f?.message).toBe('unknown property "tokenURL" in mailSettings.oauth2: did you mean "tokenUrl"?');
    expect(f?.pointer).toBe('/mailSettings/oauth2/tokenURL');
    expect({ line: f?.line, column: f?.column }).toEqual(positionOf(text, 'tokenURL'));
  });

  it('says a version must be written in quotes', () => {
    const [r] = lint(edit(OFFICE, ['version: "2.665.8400.100"', 'version: 2.665']));
    expect(r!.messages.map((m) => m.message)).toContain('client.version must be text, not a number "2.665": write the version in quotes, such as "2.664.8271.20345"');
  });

  it('asks for the server service when TM Exchange is configured', () => {
    const [r] = lint(OFFICE + 'exchange:\n  pop3:\n    server: outlook.office365.com\n');
    const f = r!.messages.find((m) => m.pointer === '/serverService');
    expect(f?.message).toContain('serverService is required when exchange (TM Exchange) is configured');
  });

  it('treats an empty value like a field not written', () => {
    const [r] = lint(edit(OFFICE, ['  name: Bergen office', '  name:']));
    const schema = r!.messages.filter((m) => m.ruleId === 'schema');
    expect(schema.map((m) => m.message)).toEqual(['installation is missing "name", which is required: add name:']);
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

  it('isolates a syntax error to its document: one parse finding, no other rule on it', () => {
    const results = lint(`${OFFICE}---\nschemaVersion: 1\ninstallation: [oops\n---\n${OFFICE}`);
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([['test/leaky'], ['parse'], ['test/leaky']]);
    expect(results[1]!.messages[0]!.line).toBeGreaterThan(OFFICE.split('\n').length);
  });

  it('reports an empty file and a non-mapping document', () => {
    expect(lint('# only a comment\n')[0]!.messages[0]!.message).toContain('holds no manifest');
    expect(lint('- a\n- b\n')[0]!.messages[0]!.message).toContain('a manifest is a mapping');
  });

  it('reads a UTF-16 file with BOM and CRLF, keeping positions', () => {
    const text = edit(OFFICE, ['    tokenUrl:', '    tokenURL:']).replace(/\n/g, '\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const [r] = lintBytes(bytes, { filePath: 'notepad.yaml' }, options);
    const f = r!.messages.find((m) => m.ruleId === 'schema');
    expect({ line: f?.line, column: f?.column }).toEqual(positionOf(text, 'tokenURL'));
  });

  it('refuses a file over the size limit with one parse finding', () => {
    const [r] = lintBytes(Buffer.alloc(2048, 0x20), { filePath: 'big.yaml' }, { ...options, limits: { maxBytes: 1024 } });
    expect(r!.messages).toHaveLength(1);
    expect(r!.messages[0]).toMatchObject({ ruleId: 'parse', line: 1, column: 1 });
    expect(r!.messages[0]!.message).toContain('over the limit of 1024 bytes');
  });
});

describe('secrets', () => {
  it('never lets a literal secret through a message, even from a careless rule', () => {
    const secret = 'Q~8xZ.abcdefghijklmnopqrstuvwxyz0123456';
    const [r] = lint(edit(OFFICE, ['${TM_MAIL_SECRET}', secret]));
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(r!.messages.find((m) => m.ruleId === 'test/leaky')?.message).toBe('the secret is [secret]');
  });

  it('scrubs a short password where a message quotes it, and leaves ordinary words alone', () => {
    const careless = defineRule({
      id: 'test/careless',
      severity: 'warning',
      docs: { description: 'quotes the password' },
      fixable: false,
      check(ctx) {
        ctx.report({ pointer: '/mailSettings', message: 'Basic Auth > Password "Secret" is weak; Client Secret is fine' });
      },
    });
    const rules = [careless];
    const text = OFFICE.replace('  smtpEnableSsl: true\n', '  smtpEnableSsl: true\n  basicAuth:\n    password: Secret\n');
    const [r] = lintText(text, { filePath: 'x.yaml' }, { config: resolveConfig(rules), today: '2026-11-29', rules });
    expect(r!.messages[0]!.message).toBe('Basic Auth > Password [secret] is weak; Client Secret is fine');
  });

  it('scrubs a secret whatever its letter case, and a shortened quote of its start', () => {
    const secret = 'Q~8xZ.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const careless = defineRule({
      id: 'test/careless',
      severity: 'warning',
      docs: { description: 'quotes a host and a shortened value' },
      fixable: false,
      check(ctx) {
        ctx.report({ pointer: '/mailSettings', message: `host ${secret.toLowerCase()} and "${secret.slice(0, 30)}..." here` });
      },
    });
    const rules = [careless];
    const [r] = lintText(edit(OFFICE, ['${TM_MAIL_SECRET}', secret]), { filePath: 'x.yaml' }, { config: resolveConfig(rules), today: '2026-11-29', rules });
    expect(r!.messages[0]!.message).toBe('host [secret] and "[secret]" here');
  });

  it('never quotes a secret of the wrong type in a schema message', () => {
    const [r] = lint(edit(OFFICE, ['clientSecret: ${TM_MAIL_SECRET}', 'clientSecret: 12345678901']));
    const f = r!.messages.find((m) => m.ruleId === 'schema');
    expect(f?.message).toBe('mailSettings.oauth2.clientSecret must be text, not a number');
  });
});
