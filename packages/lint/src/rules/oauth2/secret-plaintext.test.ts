import { ruleTester, type InvalidCase } from '../../test-utils/rule-tester.js';
import { OFFICE, SECRET_ID, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './secret-plaintext.js';

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

/** Adds a Basic Auth tab with this password (YAML text) just before the section's OAuth2 tab. */
function basicAuth(where: Where, yamlValue: string, text = VESSEL): string {
  const indent = where === 'mailSettings' ? '  ' : '    ';
  return inSection(text, where, `${indent}oauth2:`, `${indent}basicAuth:\n${indent}  userName: ops@example.com\n${indent}  password: ${yamlValue}\n${indent}oauth2:`);
}

const VALUE = 'Xq8~pT3vN.rW5yZ_aB7cD9eF1gH2jK4mL6nP0sQ';
const SHORT = 'k9$Q';
const RELAY = edit(
  OFFICE,
  ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: mail.example.com'],
  ['    useOAuth2: true', '    useOAuth2: false'],
);
const STORED = 'is written in the manifest, where anyone who reads the file can use it: store it in an environment variable and write';
const NOT_REFERENCE = 'is not a reference tmcheck reads, so it counts as a secret written in the manifest';

const invalid: InvalidCase[] = [
  {
    name: 'a literal client secret in the POP3 tab',
    yaml: secret('pop3', VALUE),
    errors: [
      {
        pointer: '/exchange/pop3/oauth2/clientSecret',
        at: VALUE,
        message: `TM Exchange POP3 > OAuth2 > Client Secret ${STORED} \${TM_MAIL_SECRET} instead`,
        fix: null,
      },
    ],
  },
  {
    name: 'literal client secrets in all three tabs, each reported',
    yaml: secret('pop3', VALUE, secret('smtp', VALUE, secret('mailSettings', VALUE))),
    errors: [
      { pointer: '/mailSettings/oauth2/clientSecret', at: VALUE, message: `Mail Settings > OAuth2 > Client Secret ${STORED}`, fix: null },
      { pointer: '/exchange/smtp/oauth2/clientSecret', at: VALUE, after: '  smtp:', message: `TM Exchange SMTP > OAuth2 > Client Secret ${STORED}`, fix: null },
      { pointer: '/exchange/pop3/oauth2/clientSecret', at: VALUE, after: '  pop3:', message: `TM Exchange POP3 > OAuth2 > Client Secret ${STORED}`, fix: null },
    ],
  },
  {
    name: 'a short literal secret (too short for the engine to scrub) with surrounding spaces',
    yaml: secret('mailSettings', `"  ${SHORT} "`),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: `"  ${SHORT}`, message: STORED, fix: null }],
  },
  {
    name: 'a Basic Auth password in Mail Settings',
    yaml: basicAuth('mailSettings', 'Summer2024!'),
    errors: [
      {
        pointer: '/mailSettings/basicAuth/password',
        at: 'Summer2024!',
        message: `Mail Settings > Basic Auth > Password ${STORED} \${TM_MAIL_PASSWORD} instead`,
        fix: null,
      },
    ],
  },
  {
    name: 'Basic Auth passwords in TM Exchange SMTP and POP3, each with its own variable',
    yaml: basicAuth('pop3', '"p0p-pass"', basicAuth('smtp', '"smtp-pass"')),
    errors: [
      { pointer: '/exchange/smtp/basicAuth/password', at: '"smtp-pass"', message: `TM Exchange SMTP > Basic Auth > Password ${STORED} \${TM_EXCHANGE_SMTP_PASSWORD}`, fix: null },
      { pointer: '/exchange/pop3/basicAuth/password', at: '"p0p-pass"', message: `TM Exchange POP3 > Basic Auth > Password ${STORED} \${TM_EXCHANGE_POP3_PASSWORD}`, fix: null },
    ],
  },
  {
    name: 'a basic-auth relay site: its password is a password all the same',
    yaml: edit(RELAY, ['  smtpEnableSsl: true\n', '  smtpEnableSsl: true\n  basicAuth: { userName: purchasing@example.com, password: "R3lay#pass" }\n']),
    errors: [{ pointer: '/mailSettings/basicAuth/password', at: '"R3lay#pass"', message: 'Mail Settings > Basic Auth > Password is written in the manifest', fix: null }],
  },
  {
    name: 'a literal secret left in the unused OAuth2 tab of a relay site',
    yaml: edit(RELAY, [REF, `clientSecret: ${VALUE}`]),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: VALUE, message: `Client Secret ${STORED}`, fix: null }],
  },
  {
    name: 'a Basic Auth password "changeme" is a real (weak) password, stored in the file',
    yaml: basicAuth('pop3', 'changeme'),
    errors: [{ pointer: '/exchange/pop3/basicAuth/password', at: 'changeme', message: 'Basic Auth > Password is written in the manifest', fix: null }],
  },
  {
    name: 'the Secret ID is reported too (oauth2/client-secret says why it is wrong)',
    yaml: secret('pop3', SECRET_ID),
    errors: [{ pointer: '/exchange/pop3/oauth2/clientSecret', at: SECRET_ID, after: '  pop3:', message: STORED, fix: null }],
  },
  {
    name: 'a Basic Auth password "xxx1" is not an elided value: reported',
    yaml: basicAuth('smtp', 'xxx1'),
    errors: [{ pointer: '/exchange/smtp/basicAuth/password', at: 'xxx1', message: 'Basic Auth > Password is written in the manifest', fix: null }],
  },
  {
    name: 'a password written like a shell variable is not a reference',
    yaml: basicAuth('pop3', '$TM_POP3_PASSWORD'),
    errors: [
      {
        pointer: '/exchange/pop3/basicAuth/password',
        at: '$TM_POP3_PASSWORD',
        message: `TM Exchange POP3 > Basic Auth > Password ${NOT_REFERENCE}: write the environment variable in the form \${TM_EXCHANGE_POP3_PASSWORD}`,
        fix: null,
      },
    ],
  },
  {
    name: 'a %NAME% client secret in a relay tab, where oauth2/client-secret does not look',
    yaml: edit(RELAY, [REF, 'clientSecret: "%TM_MAIL_SECRET%"']),
    errors: [{ pointer: '/mailSettings/oauth2/clientSecret', at: '"%TM_MAIL_SECRET%"', message: NOT_REFERENCE, fix: null }],
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
    errors: [{ pointer: '/exchange/pop3/oauth2/clientSecret', at: VALUE, message: STORED, fix: null }],
  },
];

ruleTester(rule, {
  valid: [
    // a Client Secret nobody filled in stores no secret: oauth2/client-secret reports the placeholder, once
    { name: 'a placeholder Client Secret', yaml: secret('smtp', 'changeme') },
    { name: 'the correct vessel (${NAME} references)', yaml: VESSEL },
    { name: 'the correct office', yaml: OFFICE },
    { name: 'a reference with surrounding spaces', yaml: secret('pop3', '"  ${TM_EXCHANGE_SECRET} "') },
    { name: 'Basic Auth passwords as references', yaml: basicAuth('pop3', '${TM_POP3_PASSWORD}', basicAuth('mailSettings', '${TM_MAIL_PASSWORD}')) },
    { name: 'an empty Client Secret (oauth2/client-secret reports it)', yaml: secret('mailSettings', '""') },
    { name: 'a blank password', yaml: basicAuth('smtp', '"  "') },
    { name: 'a Basic Auth tab with a user name only', yaml: edit(RELAY, ['  smtpEnableSsl: true\n', '  smtpEnableSsl: true\n  basicAuth: { userName: purchasing@example.com }\n']) },
    { name: 'a $NAME client secret in an OAuth2 tab that applies (oauth2/client-secret reports it)', yaml: secret('smtp', '$TM_MAIL_SECRET') },
    { name: 'no exchange section', yaml: removeBlock(VESSEL, 'exchange:') },
    { name: 'no mail sections at all', yaml: removeBlock(removeBlock(VESSEL, 'exchange:'), 'mailSettings:') },
    { name: 'a relay site without secrets', yaml: RELAY },
    // manifest.md's own example writes `password: ...` and `basicAuth: { userName: ..., password: ... }`
    { name: 'the spec example\'s elided passwords (...)', yaml: basicAuth('pop3', '...', basicAuth('mailSettings', '...')) },
    { name: 'an elided password in a flow mapping', yaml: edit(RELAY, ['  smtpEnableSsl: true\n', '  smtpEnableSsl: true\n  basicAuth: { userName: ..., password: ... }\n']) },
    { name: 'elided passwords: ***, xxx, <password>', yaml: basicAuth('pop3', '"***"', basicAuth('smtp', 'xxx', basicAuth('mailSettings', '"<password>"'))) },
  ],
  invalid,
});
