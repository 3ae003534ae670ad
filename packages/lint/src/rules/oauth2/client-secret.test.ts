import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import type { AnyRule } from '../../engine/define-rule.js';
import { lintText } from '../../engine/lint-document.js';
import { ruleTester, type InvalidCase } from '../../test-utils/rule-tester.js';
import { APP_ID, OBJECT_ID, OFFICE, SECRET_ID, SP_ID, TENANT, VESSEL, edit, removeBlock, removeLine, within } from '../../test-utils/fixtures.js';
import rule from './client-secret.js';
import plaintextRule from './secret-plaintext.js';

const REF = 'clientSecret: ${TM_MAIL_SECRET}';
const MARK = { mailSettings: 'mailSettings:', smtp: '  smtp:', pop3: '  pop3:' } as const;
type Where = keyof typeof MARK;
const POINTER: Readonly<Record<Where, string>> = {
  mailSettings: '/mailSettings/oauth2/clientSecret',
  smtp: '/exchange/smtp/oauth2/clientSecret',
  pop3: '/exchange/pop3/oauth2/clientSecret',
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

/** A real-looking Entra secret Value (40 characters with `~`). */
const VALUE = 'Xq8~pT3vN.rW5yZ_aB7cD9eF1gH2jK4mL6nP0sQ';
/** The basic-auth relay: the Mail Settings send through the site's own SMTP server. */
const RELAY = edit(
  OFFICE,
  ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: mail.example.com'],
  ['    useOAuth2: true', '    useOAuth2: false'],
);
const NIL = '00000000-0000-0000-0000-000000000000';

const invalid: InvalidCase[] = [
  {
    name: 'missing in the POP3 tab: "is not filled in", as for a blank value',
    yaml: removeLine(inSection(VESSEL, 'pop3', REF, 'clientSecret: MARKER'), 'clientSecret: MARKER'),
    errors: [{ pointer: POINTER.pop3, at: 'oauth2:', after: '  pop3:', messageId: 'notFilledIn', data: { field: 'TM Exchange POP3 > OAuth2 > Client Secret' }, fix: null }],
  },
  {
    name: 'an empty string in Mail Settings',
    yaml: secret('mailSettings', '""'),
    errors: [{ pointer: POINTER.mailSettings, at: '""', messageId: 'notFilledIn', data: { field: 'Mail Settings > OAuth2 > Client Secret' }, fix: null }],
  },
  {
    name: 'blank (spaces only) in TM Exchange SMTP',
    yaml: secret('smtp', '"   "'),
    errors: [{ pointer: POINTER.smtp, at: '"   "', messageId: 'notFilledIn', fix: null }],
  },
  {
    name: 'an empty string even where Use OAuth2 is off for a Microsoft server (the tab is filled in)',
    yaml: edit(OFFICE, ['    useOAuth2: true', '    useOAuth2: false'], ['clientSecret: ${TM_MAIL_SECRET}', 'clientSecret: ""']),
    errors: [{ pointer: POINTER.mailSettings, at: '""', messageId: 'notFilledIn', fix: null }],
  },
  {
    name: 'missing where Use OAuth2 is off but the tab is written for a Microsoft server',
    yaml: removeLine(edit(OFFICE, ['    useOAuth2: true', '    useOAuth2: false']), 'clientSecret:'),
    errors: [{ pointer: POINTER.mailSettings, at: 'oauth2:', messageId: 'notFilledIn', data: { field: 'Mail Settings > OAuth2 > Client Secret' }, fix: null }],
  },
  {
    name: 'the Secret ID instead of the Value (AADSTS7000215), matching azure.clientSecrets',
    yaml: secret('pop3', SECRET_ID),
    errors: [
      {
        pointer: POINTER.pop3,
        at: SECRET_ID,
        after: '  pop3:',
        messageId: 'secretIdOf',
        data: { description: '"tmmaster secret"', other: 'Azure > Client secrets #1 > Secret ID' },
        fix: null,
      },
    ],
  },
  {
    name: 'the Secret ID in upper case, azure.clientSecrets entry without a description',
    yaml: edit(secret('smtp', SECRET_ID.toUpperCase()), ['    - description: tmmaster secret\n      expires:', '    - expires:']),
    errors: [{ pointer: POINTER.smtp, at: SECRET_ID.toUpperCase(), messageId: 'secretId', data: { other: 'Azure > Client secrets #1 > Secret ID' }, fix: null }],
  },
  {
    name: 'the Secret ID of the second listed secret, in braces',
    yaml: edit(
      secret('mailSettings', '"{1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b}"'),
      ['  exchangeOnline:', '    - description: new secret\n      expires: 2028-01-31\n      secretId: 1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b\n  exchangeOnline:'],
    ),
    errors: [{ pointer: POINTER.mailSettings, at: '"{1f2e', messageId: 'secretIdOf', data: { description: '"new secret"', other: 'Azure > Client secrets #2 > Secret ID' }, fix: null }],
  },
  {
    name: 'a GUID not listed anywhere: the Secret ID of another secret, most likely',
    yaml: secret('mailSettings', '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b'),
    errors: [{ pointer: POINTER.mailSettings, at: '1f2e3d4c', messageId: 'guid', data: { field: 'Mail Settings > OAuth2 > Client Secret' }, fix: null }],
  },
  {
    name: 'a GUID without an azure section',
    yaml: edit(OFFICE, [REF, 'clientSecret: "{1F2E3D4C-5B6A-4978-8A9B-0C1D2E3F4A5B}"']),
    errors: [{ pointer: POINTER.mailSettings, at: '"{1F2E', messageId: 'guid', fix: null }],
  },
  {
    name: 'the Client ID pasted into Client Secret',
    yaml: secret('pop3', APP_ID),
    errors: [{ pointer: POINTER.pop3, at: APP_ID, after: `clientSecret: ${APP_ID}`, messageId: 'clientId', fix: null }],
  },
  {
    name: "the tab's own Client ID pasted into Client Secret, no azure section",
    yaml: edit(OFFICE, [REF, `clientSecret: "${APP_ID.toUpperCase()}"`]),
    errors: [{ pointer: POINTER.mailSettings, at: `"${APP_ID.toUpperCase()}"`, messageId: 'clientId', fix: null }],
  },
  {
    name: 'the Object ID pasted into Client Secret',
    yaml: secret('smtp', OBJECT_ID),
    errors: [{ pointer: POINTER.smtp, at: OBJECT_ID, messageId: 'objectId', fix: null }],
  },
  {
    name: 'the tenant ID pasted into Client Secret',
    yaml: secret('mailSettings', TENANT),
    errors: [{ pointer: POINTER.mailSettings, at: TENANT, after: 'clientId:', messageId: 'tenantId', fix: null }],
  },
  {
    name: 'the service principal ID pasted into Client Secret: a GUID, never a Value',
    yaml: secret('pop3', SP_ID),
    errors: [{ pointer: POINTER.pop3, at: SP_ID, after: '  pop3:', messageId: 'guid', fix: null }],
  },
  {
    name: 'the nil GUID of the spec example: a placeholder',
    yaml: secret('smtp', NIL),
    errors: [{ pointer: POINTER.smtp, at: NIL, messageId: 'placeholder', fix: null }],
  },
  ...(['"<secret>"', 'xxx', 'changeme', 'your-client-secret', '"***"', '"<Your Secret>"', 'Paste value here', '"[your secret]"', 'REDACTED', '"..."', 'TBD'].map(
    (value, i): InvalidCase => {
      const where: Where = (['mailSettings', 'smtp', 'pop3'] as const)[i % 3] as Where;
      return {
        name: `the placeholder ${value}`,
        yaml: secret(where, value),
        errors: [{ pointer: POINTER[where], at: value, after: `clientSecret: ${value}`, messageId: 'placeholder', fix: null }],
      };
    },
  )),
  {
    name: 'a reference written $NAME (shell style)',
    yaml: secret('pop3', '$TM_POP3_SECRET'),
    errors: [{ pointer: POINTER.pop3, at: '$TM_POP3_SECRET', messageId: 'wrongReference', data: { field: 'TM Exchange POP3 > OAuth2 > Client Secret' }, fix: null }],
  },
  {
    name: 'a reference written %NAME% (Windows style)',
    yaml: secret('mailSettings', '"%TM_MAIL_SECRET%"'),
    errors: [{ pointer: POINTER.mailSettings, at: '"%TM_MAIL_SECRET%"', messageId: 'wrongReference', fix: null }],
  },
  {
    name: 'a reference written $env:NAME (PowerShell style)',
    yaml: secret('smtp', '$env:TM_MAIL_SECRET'),
    errors: [{ pointer: POINTER.smtp, at: '$env:TM_MAIL_SECRET', messageId: 'wrongReference', fix: null }],
  },
  {
    name: 'a reference with a name that is not a variable name',
    yaml: secret('smtp', '"${TM-MAIL-SECRET}"'),
    errors: [{ pointer: POINTER.smtp, at: '"${TM-MAIL', messageId: 'wrongReference', fix: null }],
  },
  {
    name: 'a reference without its closing brace',
    yaml: secret('pop3', '"${TM_POP3_SECRET"'),
    errors: [{ pointer: POINTER.pop3, at: '"${TM_POP3_SECRET"', messageId: 'wrongReference', fix: null }],
  },
  {
    name: 'one finding per section: empty, Secret ID, placeholder',
    yaml: secret('pop3', 'changeme', secret('smtp', SECRET_ID, secret('mailSettings', "''"))),
    errors: [
      { pointer: POINTER.mailSettings, at: "''", messageId: 'notFilledIn', fix: null },
      { pointer: POINTER.smtp, at: SECRET_ID, after: '  smtp:', messageId: 'secretIdOf', fix: null },
      { pointer: POINTER.pop3, at: 'changeme', messageId: 'placeholder', fix: null },
    ],
  },
  {
    name: 'national cloud (GCC High): the rule is the same',
    yaml: secret(
      'pop3',
      SECRET_ID,
      edit(
        VESSEL.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'graph.microsoft.us'),
        ['server: outlook.office365.com', 'server: outlook.office365.us'],
        ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
      ),
    ),
    errors: [{ pointer: POINTER.pop3, at: SECRET_ID, after: '  pop3:', messageId: 'secretIdOf', fix: null }],
  },
];

ruleTester(rule, {
  valid: [
    // a bare OAuth2 tab with Use OAuth2 unticked on a Microsoft server: oauth2/disabled's one finding, no cascade of missing fields
    { name: 'a Microsoft POP3 server with oauth2: { useOAuth2: false } only', yaml: within(VESSEL, '  pop3:', (t) => t.replace(/    oauth2:\n(?:      .*\n)+/, '    oauth2: { useOAuth2: false }\n')) },
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office', yaml: OFFICE },
    { name: 'a real-looking secret Value written literally (oauth2/secret-plaintext speaks about storage)', yaml: secret('pop3', VALUE) },
    { name: 'a literal Value with trailing spaces', yaml: secret('mailSettings', `"${VALUE}  "`) },
    { name: 'a ${NAME} reference with surrounding spaces', yaml: secret('smtp', '" ${TM_EXCHANGE_SECRET} "') },
    { name: 'a lower-case ${name} reference', yaml: secret('smtp', '${tm_mail_secret}') },
    // pipeline expressions are the pipeline's: oauth2/secret-plaintext says which form tmcheck reads, as a warning
    { name: 'a GitHub Actions expression ${{ secrets.X }}', yaml: secret('pop3', '${{ secrets.TM_MAIL_SECRET }}') },
    { name: 'an Azure Pipelines macro $(X)', yaml: secret('mailSettings', '$(TmMailSecret)') },
    { name: 'an Azure Pipelines template expression ${{ variables.X }} in quotes', yaml: secret('smtp', '"${{ variables.tmMailSecret }}"') },
    { name: 'no exchange section', yaml: removeBlock(VESSEL, 'exchange:') },
    { name: 'no mail settings', yaml: removeBlock(VESSEL, 'mailSettings:') },
    { name: 'no azure section, literal Value', yaml: removeBlock(secret('pop3', VALUE), 'azure:') },
    { name: 'a basic-auth relay site without a secret', yaml: RELAY },
    {
      name: 'a basic-auth relay site with a Secret ID left in the unused OAuth2 tab',
      yaml: edit(RELAY, [REF, `clientSecret: ${SECRET_ID}`]),
    },
    {
      name: 'Use OAuth2 off for a relay, no Client Secret written',
      yaml: removeLine(RELAY, 'clientSecret:'),
    },
    {
      name: 'a Microsoft server without an OAuth2 tab: only oauth2/disabled speaks',
      yaml: removeBlock(OFFICE, '  oauth2:'),
    },
    { name: 'a secret Value that happens to look like a word with digits', yaml: secret('pop3', 'Secret2024~Value.For_TM-Master') },
    { name: 'a secret Value that begins like a GUID', yaml: secret('smtp', '9e8d7c6b-5a4f~Q8xY.zW3vU_tS7rQ-pO1nM5lK') },
  ],
  invalid,
});

describe('oauth2/client-secret', () => {
  const lint = (yaml: string, rules: readonly AnyRule[], config: unknown = {}) =>
    lintText(yaml, { filePath: 'case.yaml' }, { config: resolveConfig(rules, { config }), today: '2026-11-29', rules })
      .flatMap((r) => r.messages)
      .map((m) => ({ rule: m.ruleId, id: m.messageId, pointer: m.pointer, severity: m.severity, message: m.message }));
  const both: readonly AnyRule[] = [rule, plaintextRule];

  // Placeholders whose words are those of the field's own title: the engine's scrub treats whatever a
  // secret field holds as a secret and cuts such words out of the message ("Client Secret"), so these
  // stay out of the table above, whose tester asserts that no message holds a piece of a secret.
  it.each(['"<Your Client Secret>"', '"[client secret]"', 'Paste secret here'])('the placeholder %s is a placeholder', (value) => {
    expect(lint(secret('smtp', value), [rule]).map((f) => [f.id, f.pointer])).toEqual([['placeholder', POINTER.smtp]]);
  });

  it.each([
    ['the Client ID', APP_ID, 'clientId'],
    ['the Object ID', OBJECT_ID, 'objectId'],
    ['the tenant ID', TENANT, 'tenantId'],
    ['the Secret ID', SECRET_ID, 'secretIdOf'],
    ['another GUID', '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b', 'guid'],
    ['a placeholder', 'changeme', 'placeholder'],
    ['a reference written $NAME', '$TM_MAIL_SECRET', 'wrongReference'],
  ])('%s in Client Secret is one finding: it supersedes oauth2/secret-plaintext there', (_what, value, messageId) => {
    expect(lint(secret('pop3', value), both).map((f) => [f.rule, f.id, f.pointer])).toEqual([['oauth2/client-secret', messageId, POINTER.pop3]]);
  });

  it('switched off, oauth2/secret-plaintext speaks for the GUID', () => {
    const found = lint(secret('pop3', APP_ID), both, { rules: { 'oauth2/client-secret': 'off' } });
    expect(found.map((f) => [f.rule, f.id, f.pointer])).toEqual([['oauth2/secret-plaintext', 'plaintext', POINTER.pop3]]);
  });

  it('a pipeline expression gets no error: one warning that says which form tmcheck reads', () => {
    for (const value of ['${{ secrets.TM_MAIL_SECRET }}', '$(TM_MAIL_SECRET)']) {
      const found = lint(secret('mailSettings', value), both);
      expect(found.map((f) => [f.rule, f.id, f.severity])).toEqual([['oauth2/secret-plaintext', 'pipelineExpression', 'warning']]);
      expect(found[0]?.message).toContain('${NAME}');
      expect(found[0]?.message).not.toContain('[secret]');
    }
  });

  it('never shows the value: a realistic secret, a passphrase, a short password', () => {
    for (const value of [VALUE, '"correct horse battery staple"', '"k9$Q"', APP_ID]) {
      for (const f of lint(secret('smtp', value), both)) {
        expect(f.message).not.toContain(JSON.parse(value.startsWith('"') ? value : JSON.stringify(value)) as string);
      }
    }
  });
});
