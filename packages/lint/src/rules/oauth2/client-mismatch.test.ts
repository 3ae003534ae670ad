import { ruleTester } from '../../test-utils/rule-tester.js';
import { APP_ID, OBJECT_ID, OFFICE, SECRET_ID, SP_ID, TENANT, VESSEL, edit, removeBlock, removeLine } from '../../test-utils/fixtures.js';
import rule from './client-mismatch.js';

const MARK = { mailSettings: 'mailSettings:', smtp: '  smtp:', pop3: '  pop3:' } as const;
type Where = keyof typeof MARK;

/** The vessel without azure.applicationId: with it, oauth2/client-id compares every tab with it. */
const BASE = removeLine(VESSEL, 'applicationId:');
/** A second app registration's ID. */
const OTHER = '7d3f2b1a-0c9e-4d8f-a6b5-4e3d2c1b0a99';
const THIRD = 'aa11bb22-cc33-4d44-8e55-ff6677889900';

/** The text with one section's Client ID replaced. */
function clientId(where: Where, id: string, text = BASE): string {
  const at = text.indexOf(MARK[where]);
  return text.slice(0, at) + edit(text.slice(at), [`clientId: ${APP_ID}`, `clientId: ${id}`]);
}

const GCC_HIGH = edit(
  BASE.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'graph.microsoft.us'),
  ['server: outlook.office365.com', 'server: outlook.office365.us'],
  ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
);

const POP3_RELAY = edit(
  BASE,
  [BASE.slice(BASE.indexOf('  pop3:'), BASE.indexOf('azure:')), `  pop3:\n    server: pop.example.com\n    port: 995\n    useSsl: true\n    oauth2:\n      useOAuth2: false\n      clientId: ${OTHER}\n`],
);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office (one section)', yaml: OFFICE },
    { name: 'the vessel without azure.applicationId', yaml: BASE },
    { name: 'no azure section', yaml: removeBlock(VESSEL, 'azure:') },
    {
      name: 'the same ID in other letter case, with braces and trailing spaces',
      yaml: clientId('pop3', `"${APP_ID.toUpperCase()}  "`, clientId('smtp', `"{${APP_ID}}"`)),
    },
    {
      name: 'with azure.applicationId given, oauth2/client-id reports the tab that differs',
      yaml: clientId('pop3', OTHER, VESSEL),
    },
    { name: 'the Object ID in one tab (oauth2/client-id)', yaml: clientId('pop3', OBJECT_ID) },
    { name: 'the tenant ID in one tab (oauth2/client-id)', yaml: clientId('smtp', TENANT) },
    { name: 'a Secret ID in one tab (oauth2/client-id)', yaml: clientId('mailSettings', SECRET_ID) },
    { name: 'the service principal ID in one tab (oauth2/client-id)', yaml: clientId('pop3', SP_ID) },
    {
      name: 'the all-zero GUID of the spec example in every tab',
      yaml: BASE.replaceAll(`clientId: ${APP_ID}`, 'clientId: 00000000-0000-0000-0000-000000000000'),
    },
    {
      name: 'the Token URL tenant in Client ID, no azure section (oauth2/client-id)',
      yaml: clientId('pop3', TENANT, removeBlock(VESSEL, 'azure:')),
    },
    { name: 'a Client ID that is not a GUID (oauth2/client-id)', yaml: clientId('pop3', 'TMMaster') },
    { name: 'a tab without Client ID', yaml: removeLine(BASE, `clientId: ${APP_ID}`) },
    { name: 'POP3 from the site\'s own server with basic auth, another ID left in its unused tab', yaml: POP3_RELAY },
    { name: 'no exchange section', yaml: removeBlock(BASE, 'exchange:') },
    { name: 'national cloud, same IDs', yaml: GCC_HIGH },
  ],
  invalid: [
    {
      // oauth2/client-id accepts the all-zero GUID (manifest.md's example uses it): a tab that differs is this rule's
      name: 'the spec example\'s all-zero GUID in two tabs, another ID in POP3',
      yaml: clientId('mailSettings', '00000000-0000-0000-0000-000000000000', clientId('smtp', '00000000-0000-0000-0000-000000000000', clientId('pop3', OTHER))),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/clientId',
          at: OTHER,
          message: 'TM Exchange POP3 > OAuth2 > Client ID is "' + OTHER + '" but Mail Settings and TM Exchange SMTP use "00000000-0000-0000-0000-000000000000"',
          fix: null,
        },
      ],
    },
    {
      name: 'the all-zero GUID in one tab, the registered ID in the others',
      yaml: clientId('pop3', '00000000-0000-0000-0000-000000000000'),
      errors: [{ pointer: '/exchange/pop3/oauth2/clientId', at: '00000000-0000-0000-0000-000000000000', message: `use "${APP_ID}"`, fix: null }],
    },
    {
      name: 'POP3 uses another Client ID than Mail Settings and TM Exchange SMTP',
      yaml: clientId('pop3', OTHER),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/clientId',
          at: OTHER,
          message: `TM Exchange POP3 > OAuth2 > Client ID is "${OTHER}" but Mail Settings and TM Exchange SMTP use "${APP_ID}": `,
          fix: null,
        },
      ],
    },
    {
      name: 'Mail Settings is the odd one out',
      yaml: clientId('mailSettings', OTHER.toUpperCase()),
      errors: [
        {
          pointer: '/mailSettings/oauth2/clientId',
          at: OTHER.toUpperCase(),
          message: `Mail Settings > OAuth2 > Client ID is "${OTHER.toUpperCase()}" but TM Exchange SMTP and TM Exchange POP3 use "${APP_ID}"`,
          fix: null,
        },
      ],
    },
    {
      name: 'a tie of two: the first section in the guide\'s order wins',
      yaml: clientId('pop3', OTHER, removeBlock(BASE, 'mailSettings:')),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/clientId',
          at: OTHER,
          message: `Client ID is "${OTHER}" but TM Exchange SMTP uses "${APP_ID}"`,
          fix: null,
        },
      ],
    },
    {
      name: 'three different IDs: both later sections reported against Mail Settings',
      yaml: clientId('pop3', THIRD, clientId('smtp', OTHER)),
      errors: [
        { pointer: '/exchange/smtp/oauth2/clientId', at: OTHER, message: `TM Exchange SMTP > OAuth2 > Client ID is "${OTHER}" but Mail Settings uses "${APP_ID}"`, fix: null },
        { pointer: '/exchange/pop3/oauth2/clientId', at: THIRD, message: `TM Exchange POP3 > OAuth2 > Client ID is "${THIRD}" but Mail Settings uses "${APP_ID}"`, fix: null },
      ],
    },
    {
      name: 'the message says what to enter',
      yaml: clientId('smtp', OTHER, removeBlock(VESSEL, 'azure:')),
      errors: [
        {
          pointer: '/exchange/smtp/oauth2/clientId',
          at: OTHER,
          message: /enter the same Client ID in each tab, copied from the app registration's Overview page$/,
          fix: null,
        },
      ],
    },
    {
      name: 'azure.applicationId that is not a GUID does not silence the comparison',
      yaml: clientId('pop3', OTHER, edit(VESSEL, [`applicationId: ${APP_ID}`, 'applicationId: TMMaster'])),
      errors: [{ pointer: '/exchange/pop3/oauth2/clientId', at: OTHER, message: 'Mail Settings and TM Exchange SMTP use', fix: null }],
    },
    {
      name: 'national cloud (GCC High): the same',
      yaml: clientId('pop3', OTHER, GCC_HIGH),
      errors: [{ pointer: '/exchange/pop3/oauth2/clientId', at: OTHER, message: `Client ID is "${OTHER}"`, fix: null }],
    },
  ],
});
