import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { ruleTester, type InvalidCase } from '../../test-utils/rule-tester.js';
import { APP_ID, OFFICE, SECRET_ID, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './secret-plaintext.js';

const REF = 'clientSecret: ${TM_MAIL_SECRET}';
const MARK = { mailSettings: 'mailSettings:', smtp: '  smtp:', pop3: '  pop3:' } as const;
type Where = keyof typeof MARK;

const SECRET: Readonly<Record<Where, string>> = {
  mailSettings: '/mailSettings/oauth2/clientSecret',
  smtp: '/exchange/smtp/oauth2/clientSecret',
  pop3: '/exchange/pop3/oauth2/clientSecret',
};
const PASSWORD: Readonly<Record<Where, string>> = {
  mailSettings: '/mailSettings/basicAuth/password',
  smtp: '/exchange/smtp/basicAuth/password',
  pop3: '/exchange/pop3/basicAuth/password',
};

/** Edits the text after a section's marker only. */
function inSection(text: string, where: Where, find: string, replace: string): string {
  const at = text.indexOf(MARK[where]);
  return text.slice(0, at) + edit(text.slice(at), [find, replace]);
}

/** The vessel with this YAML text as the Client Secret of one section. */
function secret(where: Where, yamlValue: string, text = VESSEL): string {
  return inSection(text, where, REF, `clientSecret: ${yamlValue}`);
}

/** Adds a Basic Auth tab with this password (YAML text) just before the section's OAuth2 tab. */
function basicAuth(where: Where, yamlValue: string, text = VESSEL): string {
  const indent = where === 'mailSettings' ? '  ' : '    ';
  return inSection(text, where, `${indent}oauth2:`, `${indent}basicAuth:\n${indent}  userName: ops@example.com\n${indent}  password: ${yamlValue}\n${indent}oauth2:`);
}

/** Realistic Entra secret Values (about 40 characters, with `~`). */
const VALUE = 'Xq8~pT3vN.rW5yZ_aB7cD9eF1gH2jK4mL6nP0sQ';
const VALUE_2 = 'Lm3Q8~Zx.Yv_Ut-Sr3Pq2On1Ml0Kj9Ih8Gf7Ed6Cb';
const SHORT = 'k9$Q';
const RELAY = edit(
  OFFICE,
  ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: mail.example.com'],
  ['    useOAuth2: true', '    useOAuth2: false'],
);
const GITHUB = 'a GitHub Actions or Azure Pipelines expression (${{ ... }})';
const MACRO = 'an Azure Pipelines macro ($(...))';

const invalid: InvalidCase[] = [
  {
    name: 'a literal client secret in the POP3 tab',
    yaml: secret('pop3', VALUE),
    errors: [
      {
        pointer: SECRET.pop3,
        at: VALUE,
        messageId: 'plaintext',
        data: { field: 'TM Exchange POP3 > OAuth2 > Client Secret', variable: '${TM_MAIL_SECRET}' },
        fix: null,
      },
    ],
  },
  {
    name: 'literal client secrets in all three tabs, each reported',
    yaml: secret('pop3', VALUE_2, secret('smtp', VALUE_2, secret('mailSettings', VALUE_2))),
    errors: [
      { pointer: SECRET.mailSettings, at: VALUE_2, messageId: 'plaintext', data: { field: 'Mail Settings > OAuth2 > Client Secret' }, fix: null },
      { pointer: SECRET.smtp, at: VALUE_2, after: '  smtp:', messageId: 'plaintext', data: { field: 'TM Exchange SMTP > OAuth2 > Client Secret' }, fix: null },
      { pointer: SECRET.pop3, at: VALUE_2, after: '  pop3:', messageId: 'plaintext', data: { field: 'TM Exchange POP3 > OAuth2 > Client Secret' }, fix: null },
    ],
  },
  {
    name: 'a short literal secret (too short for the engine to scrub) with surrounding spaces',
    yaml: secret('mailSettings', `"  ${SHORT} "`),
    errors: [{ pointer: SECRET.mailSettings, at: `"  ${SHORT}`, messageId: 'plaintext', fix: null }],
  },
  {
    name: 'a Basic Auth password in Mail Settings',
    yaml: basicAuth('mailSettings', 'Summer2024!'),
    errors: [
      {
        pointer: PASSWORD.mailSettings,
        at: 'Summer2024!',
        messageId: 'plaintext',
        data: { field: 'Mail Settings > Basic Auth > Password', variable: '${TM_MAIL_PASSWORD}' },
        fix: null,
      },
    ],
  },
  {
    name: 'Basic Auth passwords in TM Exchange SMTP and POP3, each with its own variable',
    yaml: basicAuth('pop3', '"p0p-pass"', basicAuth('smtp', '"smtp-pass"')),
    errors: [
      { pointer: PASSWORD.smtp, at: '"smtp-pass"', messageId: 'plaintext', data: { field: 'TM Exchange SMTP > Basic Auth > Password', variable: '${TM_EXCHANGE_SMTP_PASSWORD}' }, fix: null },
      { pointer: PASSWORD.pop3, at: '"p0p-pass"', messageId: 'plaintext', data: { field: 'TM Exchange POP3 > Basic Auth > Password', variable: '${TM_EXCHANGE_POP3_PASSWORD}' }, fix: null },
    ],
  },
  {
    name: 'a passphrase with spaces as the Basic Auth password',
    yaml: basicAuth('smtp', '"correct horse battery staple"'),
    errors: [{ pointer: PASSWORD.smtp, at: '"correct horse', messageId: 'plaintext', data: { variable: '${TM_EXCHANGE_SMTP_PASSWORD}' }, fix: null }],
  },
  {
    name: 'a basic-auth relay site: its password is a password all the same',
    yaml: edit(RELAY, ['  smtpEnableSsl: true\n', '  smtpEnableSsl: true\n  basicAuth: { userName: purchasing@example.com, password: "R3lay#pass" }\n']),
    errors: [{ pointer: PASSWORD.mailSettings, at: '"R3lay#pass"', messageId: 'plaintext', data: { field: 'Mail Settings > Basic Auth > Password' }, fix: null }],
  },
  {
    name: 'a literal secret left in the unused OAuth2 tab of a relay site',
    yaml: edit(RELAY, [REF, `clientSecret: ${VALUE}`]),
    errors: [{ pointer: SECRET.mailSettings, at: VALUE, messageId: 'plaintext', data: { variable: '${TM_MAIL_SECRET}' }, fix: null }],
  },
  {
    name: 'a Basic Auth password "changeme" is a real (weak) password, stored in the file',
    yaml: basicAuth('pop3', 'changeme'),
    errors: [{ pointer: PASSWORD.pop3, at: 'changeme', messageId: 'plaintext', fix: null }],
  },
  {
    name: 'the Secret ID is reported too (oauth2/client-secret supersedes this where OAuth2 applies)',
    yaml: secret('pop3', SECRET_ID),
    errors: [{ pointer: SECRET.pop3, at: SECRET_ID, after: '  pop3:', messageId: 'plaintext', fix: null }],
  },
  {
    name: 'a Basic Auth password "xxx1" is not an elided value: reported',
    yaml: basicAuth('smtp', 'xxx1'),
    errors: [{ pointer: PASSWORD.smtp, at: 'xxx1', messageId: 'plaintext', fix: null }],
  },
  {
    name: 'a password written like a shell variable is not a reference, nor a secret written in the file',
    yaml: basicAuth('pop3', '$TM_POP3_PASS'),
    errors: [{ pointer: PASSWORD.pop3, at: '$TM_POP3_PASS', messageId: 'wrongReference', data: { field: 'TM Exchange POP3 > Basic Auth > Password' }, fix: null }],
  },
  {
    name: 'a %NAME% client secret in a relay tab, where oauth2/client-secret does not look',
    yaml: edit(RELAY, [REF, 'clientSecret: "%TM_MAIL_SECRET%"']),
    errors: [{ pointer: SECRET.mailSettings, at: '"%TM_MAIL_SECRET%"', messageId: 'wrongReference', fix: null }],
  },
  {
    // no copied condition: oauth2/client-secret reports it as an error and supersedes this finding there
    name: 'a $NAME client secret in an OAuth2 tab that applies',
    yaml: secret('smtp', '$TM_MAIL_SECRET'),
    errors: [{ pointer: SECRET.smtp, at: '$TM_MAIL_SECRET', messageId: 'wrongReference', fix: null }],
  },
  {
    name: 'national cloud (GCC High): the same',
    yaml: secret(
      'pop3',
      VALUE,
      edit(
        VESSEL.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'graph.microsoft.us'),
        ['server: outlook.office365.com', 'server: outlook.office365.us'],
        ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
      ),
    ),
    errors: [{ pointer: SECRET.pop3, at: VALUE, messageId: 'plaintext', fix: null }],
  },

  // pipeline template syntaxes: not a secret written in the file, not a reference tmcheck reads
  {
    name: 'a GitHub Actions expression ${{ secrets.X }} in a Client Secret',
    yaml: secret('pop3', '${{ secrets.TM_MAIL_SECRET }}'),
    errors: [{ pointer: SECRET.pop3, at: '${{ secrets', messageId: 'pipelineExpression', data: { field: 'TM Exchange POP3 > OAuth2 > Client Secret', syntax: GITHUB }, fix: null }],
  },
  {
    name: 'a GitHub Actions expression ${{ vars.X }}, quoted, without spaces, in a relay tab',
    yaml: edit(RELAY, [REF, 'clientSecret: "${{vars.mailClientSecret}}"']),
    errors: [{ pointer: SECRET.mailSettings, at: '"${{vars', messageId: 'pipelineExpression', data: { syntax: GITHUB }, fix: null }],
  },
  {
    name: 'an Azure Pipelines macro $(X) as a Basic Auth password',
    yaml: basicAuth('smtp', '$(SmtpRelayPass)'),
    errors: [{ pointer: PASSWORD.smtp, at: '$(SmtpRelay', messageId: 'pipelineExpression', data: { field: 'TM Exchange SMTP > Basic Auth > Password', syntax: MACRO }, fix: null }],
  },
  {
    name: 'an Azure Pipelines macro of a variable group $(Group.Name) in a Client Secret',
    yaml: secret('mailSettings', '$(TmMaster.ClientSecret)'),
    errors: [{ pointer: SECRET.mailSettings, at: '$(TmMaster', messageId: 'pipelineExpression', data: { syntax: MACRO }, fix: null }],
  },
  {
    name: 'an Azure Pipelines runtime expression $[ ... ]',
    yaml: basicAuth('pop3', '"$[ dependencies.Keys.outputs.Pop3Pw ]"'),
    errors: [{ pointer: PASSWORD.pop3, at: '"$[ dependencies', messageId: 'pipelineExpression', data: { syntax: 'an Azure Pipelines runtime expression ($[ ... ])' }, fix: null }],
  },
  {
    name: 'a replace-tokens token #{X}#',
    yaml: secret('smtp', '"#{MailClientSecret}#"'),
    errors: [{ pointer: SECRET.smtp, at: '"#{Mail', messageId: 'pipelineExpression', data: { syntax: 'a token of a replace-tokens pipeline task (#{...}#)' }, fix: null }],
  },
];

ruleTester(rule, {
  valid: [
    // a Client Secret nobody filled in stores no secret (an Entra Value never reads like one); oauth2/client-secret says so where OAuth2 applies
    { name: 'a placeholder Client Secret', yaml: secret('smtp', 'changeme') },
    { name: 'a placeholder Client Secret left in the unused tab of a relay site', yaml: edit(RELAY, [REF, 'clientSecret: your-client-secret']) },
    { name: 'the correct vessel (${NAME} references)', yaml: VESSEL },
    { name: 'the correct office', yaml: OFFICE },
    { name: 'a reference with surrounding spaces', yaml: secret('pop3', '"  ${TM_EXCHANGE_SECRET} "') },
    { name: 'Basic Auth passwords as references', yaml: basicAuth('pop3', '${TM_POP3_PASSWORD}', basicAuth('mailSettings', '${TM_MAIL_PASSWORD}')) },
    { name: 'an empty Client Secret (oauth2/client-secret reports it)', yaml: secret('mailSettings', '""') },
    { name: 'a blank password', yaml: basicAuth('smtp', '"  "') },
    { name: 'a Basic Auth tab with a user name only', yaml: edit(RELAY, ['  smtpEnableSsl: true\n', '  smtpEnableSsl: true\n  basicAuth: { userName: purchasing@example.com }\n']) },
    { name: 'no exchange section', yaml: removeBlock(VESSEL, 'exchange:') },
    { name: 'no mail sections at all', yaml: removeBlock(removeBlock(VESSEL, 'exchange:'), 'mailSettings:') },
    { name: 'a relay site without secrets', yaml: RELAY },
    // manifest.md's own example writes `password: ...` and `basicAuth: { userName: ..., password: ... }`
    { name: 'the spec example\'s elided passwords (...)', yaml: basicAuth('pop3', '...', basicAuth('mailSettings', '...')) },
    { name: 'an elided password in a flow mapping', yaml: edit(RELAY, ['  smtpEnableSsl: true\n', '  smtpEnableSsl: true\n  basicAuth: { userName: ..., password: ... }\n']) },
    { name: 'elided passwords: ***, xxx, <password>', yaml: basicAuth('pop3', '"***"', basicAuth('smtp', 'xxx', basicAuth('mailSettings', '"<password>"'))) },
    { name: "a secret Value typed into the Client ID: oauth2/client-id's finding, not a secret field", yaml: edit(VESSEL, [`clientId: ${APP_ID}`, `clientId: ${VALUE}`]) },
  ],
  invalid,
});

describe('oauth2/secret-plaintext never shows a secret, whole or in part', () => {
  const config = resolveConfig([rule]);
  const lint = (yaml: string) => lintText(yaml, { filePath: 'case.yaml' }, { config, today: '2026-11-29', rules: [rule] }).flatMap((r) => r.messages);
  it.each([VALUE, VALUE_2, 'correct horse battery staple', SHORT, 'p4ss', 'Pw1!x'])('%s', (value) => {
    const findings = [...lint(secret('smtp', JSON.stringify(value))), ...lint(basicAuth('pop3', JSON.stringify(value)))];
    expect(findings.map((f) => f.messageId)).toEqual(['plaintext', 'plaintext']);
    for (const f of findings) {
      expect(f.message).not.toContain(value);
      expect(f.message).not.toContain('[secret]');
      expect(f.message).toMatch(/\$\{TM_(?:MAIL_SECRET|EXCHANGE_POP3_PASSWORD)\}/); // names the variable to use
    }
  });
});

describe('oauth2/secret-plaintext with the names people really use', () => {
  // The engine's scrub counts whatever a secret field holds as a secret, references of other forms
  // included, and cuts their words out of every message ("Password", "Exchange", "variable"): these
  // stay out of the table above, whose tester asserts that no message holds a piece of a secret.
  const config = resolveConfig([rule]);
  const found = (yaml: string) =>
    lintText(yaml, { filePath: 'case.yaml' }, { config, today: '2026-11-29', rules: [rule] })
      .flatMap((r) => r.messages)
      .map((m) => [m.messageId, m.pointer, m.severity]);
  it.each([
    ['$TM_POP3_PASSWORD', 'wrongReference'],
    ['$(ExchangeSmtpPassword)', 'pipelineExpression'],
    ['"${{ variables.pop3Password }}"', 'pipelineExpression'],
    ['"$[variables.pop3Password]"', 'pipelineExpression'],
  ])('%s', (value, messageId) => {
    expect(found(basicAuth('pop3', value))).toEqual([[messageId, PASSWORD.pop3, 'warning']]);
  });
});
