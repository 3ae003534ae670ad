import { ruleTester, type InvalidCase } from '../../test-utils/rule-tester.js';
import { APP_ID, OBJECT_ID, OFFICE, SECRET_ID, TENANT, VESSEL, edit, removeBlock, removeLine, within } from '../../test-utils/fixtures.js';
import rule from './client-secret.js';

const REF = 'clientSecret: ${TM_MAIL_SECRET}';
const MARK = { mailSettings: 'mailSettings:', smtp: '  smtp:', pop3: '  pop3:' } as const;
type Where = keyof typeof MARK;

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

const GUID_MSG = 'has the shape of a GUID';
const EMPTY_MSG = 'Client Secret is empty: paste the secret\'s Value from Certificates & secrets';
const PLACEHOLDER_MSG = 'holds a placeholder, not a secret';

const invalid: InvalidCase[] = [
  {
    name: 'missing in the POP3 tab',
    yaml: removeLine(inSection(VESSEL, 'pop3', REF, 'clientSecret: MARKER'), 'clientSecret: MARKER'),
    errors: [{ pointer: '/exchange/pop3/oauth2/clientSecret', at: 'oauth2:', after: '  pop3:', message: `TM Exchange POP3 > OAuth2 > ${EMPTY_MSG}`, fix: null }],
  },
  {
    name: 'an empty string in Mail Settings',
    yaml: secret('mailSettings', '""'),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: '""', message: `Mail Settings > OAuth2 > ${EMPTY_MSG}`, fix: null }],
  },
  {
    name: 'blank (spaces only) in TM Exchange SMTP',
    yaml: secret('smtp', '"   "'),
    errors: [{ pointer: '/exchange/smtp/oauth2/clientSecret', at: '"   "', message: EMPTY_MSG, fix: null }],
  },
  {
    name: 'an empty string even where Use OAuth2 is off for a Microsoft server (reportMissing is about missing fields)',
    yaml: edit(OFFICE, ['    useOAuth2: true', '    useOAuth2: false'], ['clientSecret: ${TM_MAIL_SECRET}', 'clientSecret: ""']),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: '""', message: EMPTY_MSG, fix: null }],
  },
  {
    name: 'missing where Use OAuth2 is off but the tab is written for a Microsoft server',
    yaml: removeLine(edit(OFFICE, ['    useOAuth2: true', '    useOAuth2: false']), 'clientSecret:'),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: 'oauth2:', message: `Mail Settings > OAuth2 > ${EMPTY_MSG}`, fix: null }],
  },
  {
    name: 'the Secret ID instead of the Value (AADSTS7000215), matching azure.clientSecrets',
    yaml: secret('pop3', SECRET_ID),
    errors: [
      {
        pointer: '/exchange/pop3/oauth2/clientSecret',
        at: SECRET_ID,
        after: '  pop3:',
        message: /is the Secret ID of the client secret "tmmaster secret" \(azure\.clientSecrets\[0\]\.secretId\), not its Value: .*AADSTS7000215/,
        fix: null,
      },
    ],
  },
  {
    name: 'the Secret ID in upper case, azure.clientSecrets entry without a description',
    yaml: edit(secret('smtp', SECRET_ID.toUpperCase()), ['    - description: tmmaster secret\n      expires:', '    - expires:']),
    errors: [{ pointer: '/exchange/smtp/oauth2/clientSecret', at: SECRET_ID.toUpperCase(), message: 'is the Secret ID of a client secret (azure.clientSecrets[0]', fix: null }],
  },
  {
    name: 'a GUID not listed anywhere: the Secret ID of another secret, most likely',
    yaml: secret('mailSettings', '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b'),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: '1f2e3d4c', message: `${GUID_MSG}, which is what the Secret ID looks like, not the secret's Value`, fix: null }],
  },
  {
    name: 'a GUID without an azure section',
    yaml: edit(OFFICE, [REF, 'clientSecret: "{1F2E3D4C-5B6A-4978-8A9B-0C1D2E3F4A5B}"']),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: '"{1F2E', message: /shape of a GUID.*AADSTS7000215/, fix: null }],
  },
  {
    name: 'the Client ID pasted into Client Secret',
    yaml: secret('pop3', APP_ID),
    errors: [{ pointer: '/exchange/pop3/oauth2/clientSecret', at: APP_ID, after: `clientSecret: ${APP_ID}`, message: 'Client Secret is the Application (client) ID, not the secret\'s Value', fix: null }],
  },
  {
    name: 'the Object ID pasted into Client Secret',
    yaml: secret('smtp', OBJECT_ID),
    errors: [{ pointer: '/exchange/smtp/oauth2/clientSecret', at: OBJECT_ID, message: 'Client Secret is the Object ID', fix: null }],
  },
  {
    name: 'the tenant ID pasted into Client Secret',
    yaml: secret('mailSettings', TENANT),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: TENANT, after: 'clientId:', message: 'Client Secret is the Directory (tenant) ID', fix: null }],
  },
  ...(['"<secret>"', 'xxx', 'changeme', 'your-client-secret', '"***"', '"<Your Client Secret>"', 'Paste secret here', '"[client secret]"', 'REDACTED', '"..."'].map(
    (value, i): InvalidCase => {
      const where: Where = (['mailSettings', 'smtp', 'pop3'] as const)[i % 3] as Where;
      const pointer = { mailSettings: '/mailSettings', smtp: '/exchange/smtp', pop3: '/exchange/pop3' }[where] + '/oauth2/clientSecret';
      return {
        name: `the placeholder ${value}`,
        yaml: secret(where, value),
        errors: [{ pointer, at: value, after: `clientSecret: ${value}`, message: PLACEHOLDER_MSG, fix: null }],
      };
    },
  )),
  {
    name: 'a reference written $NAME (shell style)',
    yaml: secret('pop3', '$TM_POP3_SECRET'),
    errors: [
      {
        pointer: '/exchange/pop3/oauth2/clientSecret',
        at: '$TM_POP3_SECRET',
        message: 'looks like a reference to an environment variable, but tmcheck reads only the form ${NAME}: write ${TM_POP3_SECRET}',
        fix: null,
      },
    ],
  },
  {
    name: 'a reference written %NAME% (Windows style)',
    yaml: secret('mailSettings', '"%TM_MAIL_SECRET%"'),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: '"%TM_MAIL_SECRET%"', message: 'write ${TM_MAIL_SECRET}, with the dollar sign', fix: null }],
  },
  {
    name: 'a reference written $env:NAME (PowerShell style)',
    yaml: secret('smtp', '$env:TM_MAIL_SECRET'),
    errors: [{ pointer: '/exchange/smtp/oauth2/clientSecret', at: '$env:TM_MAIL_SECRET', message: 'write ${TM_MAIL_SECRET}', fix: null }],
  },
  {
    name: 'a reference with a name that is not a variable name',
    yaml: secret('smtp', '"${TM-MAIL-SECRET}"'),
    errors: [{ pointer: '/exchange/smtp/oauth2/clientSecret', at: '"${TM-MAIL', message: 'looks like a reference to an environment variable', fix: null }],
  },
  {
    name: 'one finding per section: empty, Secret ID, placeholder',
    yaml: secret('pop3', 'changeme', secret('smtp', SECRET_ID, secret('mailSettings', "''"))),
    errors: [
      { pointer: '/mailSettings/oauth2/clientSecret', at: "''", message: EMPTY_MSG, fix: null },
      { pointer: '/exchange/smtp/oauth2/clientSecret', at: SECRET_ID, after: '  smtp:', message: 'is the Secret ID', fix: null },
      { pointer: '/exchange/pop3/oauth2/clientSecret', at: 'changeme', message: PLACEHOLDER_MSG, fix: null },
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
    errors: [{ pointer: '/exchange/pop3/oauth2/clientSecret', at: SECRET_ID, after: '  pop3:', message: 'is the Secret ID', fix: null }],
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
  ],
  invalid,
});
