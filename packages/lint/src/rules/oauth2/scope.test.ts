import { edit, OFFICE, removeBlock, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './scope.js';

const GRAPH = 'https://graph.microsoft.com/.default';
const EXO = 'https://outlook.office365.com/.default';

/** The vessel with the POP3 scope replaced. */
const pop3 = (scope: string): string => edit(VESSEL, [`scope: ${EXO}`, `scope: ${scope}`]);
/** The vessel with the Mail Settings scope replaced. */
const mail = (scope: string): string => edit(VESSEL, [`scope: ${GRAPH}`, `scope: ${scope}`]);
/** The vessel with the TM Exchange SMTP scope replaced. */
const smtp = (scope: string): string => within(VESSEL, 'smtp:', (t) => edit(t, [`scope: ${GRAPH}`, `scope: ${scope}`]));

const MAIL = '/mailSettings/oauth2/scope';
const SMTP = '/exchange/smtp/oauth2/scope';
const POP3 = '/exchange/pop3/oauth2/scope';

/** A vessel on its own relay and POP3 server, with basic auth and junk scopes: OAuth2 does not apply. */
const RELAY = within(
  within(
    edit(
      VESSEL,
      ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: smtp.example.com'],
      ['useOAuth2: true', 'useOAuth2: false'],
      [`scope: ${GRAPH}`, 'scope: Mail.Send'],
      ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com'],
    ),
    'smtp:',
    (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false'], [`scope: ${GRAPH}`, `scope: ${EXO}`]),
  ),
  'pop3:',
  (t) => edit(t, ['server: outlook.office365.com', 'server: pop.example.com'], ['useOAuth2: true', 'useOAuth2: false'], [`scope: ${EXO}`, 'scope: ""']),
);

ruleTester(rule, {
  valid: [
    { name: 'a Microsoft POP3 server with oauth2: { useOAuth2: false } only (oauth2/disabled speaks)', yaml: within(VESSEL, '  pop3:', (t) => t.replace(/    oauth2:\n(?:      .*\n)+/, '    oauth2: { useOAuth2: false }\n')) },
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'host and scheme in capitals', yaml: pop3('HTTPS://Outlook.Office365.COM/.default') },
    { name: 'spaces around the scope', yaml: mail(`"  ${GRAPH} "`) },
    { name: 'outlook.office.com, the other name of the Exchange Online resource', yaml: pop3('https://outlook.office.com/.default') },
    { name: 'the US Government scopes', yaml: smtp('https://graph.microsoft.us/.default').replace(`scope: ${EXO}`, 'scope: https://outlook.office365.us/.default') },
    { name: 'the DoD scopes', yaml: smtp('https://dod-graph.microsoft.us/.default').replace(`scope: ${EXO}`, 'scope: https://outlook-dod.office365.us/.default') },
    { name: 'the China scopes', yaml: smtp('https://microsoftgraph.chinacloudapi.cn/.default').replace(`scope: ${EXO}`, 'scope: https://partner.outlook.cn/.default') },
    { name: 'a scope of another cloud than the server: oauth2/cloud-mismatch speaks, not this rule', yaml: pop3('https://outlook.office365.us/.default') },
    { name: 'a vessel on its own relay and POP3 server with basic auth', yaml: RELAY },
    {
      name: 'a Microsoft server with no OAuth2 tab: oauth2/disabled speaks, not this rule',
      yaml: within(VESSEL, 'pop3:', (t) => removeBlock(t, 'oauth2:')),
    },
    { name: 'no TM Exchange', yaml: removeBlock(VESSEL, 'exchange:') },
  ],
  invalid: [
    {
      name: 'the Graph scope on POP3 (the two scopes swapped)',
      yaml: pop3(GRAPH),
      errors: [
        {
          pointer: POP3,
          at: GRAPH,
          after: 'pop3:',
          message: 'POP3 needs the scope https://outlook.office365.com/.default; https://graph.microsoft.com/.default is the scope for sending through Graph',
          fix: { pointer: POP3, value: EXO },
        },
      ],
    },
    {
      name: 'the Exchange scope on Mail Settings (the reverse)',
      yaml: mail(EXO),
      errors: [
        {
          pointer: MAIL,
          at: EXO,
          message: 'Mail Settings > OAuth2 > Scope: sending through Graph needs the scope https://graph.microsoft.com/.default; https://outlook.office365.com/.default is the scope for downloading with POP3',
          fix: { pointer: MAIL, value: GRAPH },
        },
      ],
    },
    {
      name: 'swapped in the US Government cloud: fixed in that cloud',
      yaml: edit(pop3('https://graph.microsoft.us/.default'), ['server: outlook.office365.com', 'server: outlook.office365.us']),
      errors: [
        {
          pointer: POP3,
          at: 'https://graph.microsoft.us/.default',
          message: 'POP3 needs the scope https://outlook.office365.us/.default; https://graph.microsoft.us/.default is the scope for sending through Graph',
          fix: { pointer: POP3, value: 'https://outlook.office365.us/.default' },
        },
      ],
    },
    {
      name: 'swapped in the DoD cloud: fixed to the DoD Exchange host',
      yaml: edit(pop3('https://dod-graph.microsoft.us/.default'), ['server: outlook.office365.com', 'server: outlook-dod.office365.us']),
      errors: [{ pointer: POP3, at: 'https://dod-graph', message: 'POP3 needs the scope https://outlook-dod.office365.us/.default', fix: { pointer: POP3, value: 'https://outlook-dod.office365.us/.default' } }],
    },
    {
      name: 'the Graph resource without /.default on POP3: swapped, not merely incomplete',
      yaml: pop3('https://graph.microsoft.com'),
      errors: [{ pointer: POP3, at: 'https://graph.microsoft.com', after: 'pop3:', message: '"https://graph.microsoft.com" is the resource for sending through Graph', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a permission name (Mail.Send)',
      yaml: mail('Mail.Send'),
      errors: [{ pointer: MAIL, at: 'Mail.Send', message: '"Mail.Send" is the name of a permission (App registrations > API permissions), not a scope', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'a permission name (POP.AccessAsApp)',
      yaml: pop3('POP.AccessAsApp'),
      errors: [{ pointer: POP3, at: 'POP.AccessAsApp', message: 'is the name of a permission', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a permission name in the China cloud: the fix follows the server',
      yaml: edit(pop3('IMAP.AccessAsApp'), ['server: outlook.office365.com', 'server: partner.outlook.cn']),
      errors: [{ pointer: POP3, at: 'IMAP.AccessAsApp', message: 'is the name of a permission', fix: { pointer: POP3, value: 'https://partner.outlook.cn/.default' } }],
    },
    {
      name: 'a delegated scope (POP.AccessAsUser.All)',
      yaml: pop3('https://outlook.office365.com/POP.AccessAsUser.All'),
      errors: [{ pointer: POP3, at: 'https://outlook.office365.com/POP', message: 'is a delegated scope, for a person signing in', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a delegated scope (Graph Mail.Send)',
      yaml: smtp('https://graph.microsoft.com/Mail.Send'),
      errors: [{ pointer: SMTP, at: 'https://graph.microsoft.com/Mail.Send', message: 'TM Exchange SMTP > OAuth2 > Scope "https://graph.microsoft.com/Mail.Send" is a delegated scope', fix: { pointer: SMTP, value: GRAPH } }],
    },
    {
      name: 'a delegated scope (offline_access)',
      yaml: pop3('offline_access'),
      errors: [{ pointer: POP3, at: 'offline_access', message: 'is a delegated scope', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a delegated scope (User.Read)',
      yaml: mail('User.Read'),
      errors: [{ pointer: MAIL, at: 'User.Read', message: '"User.Read" is a delegated scope', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'a delegated scope (openid)',
      yaml: mail('openid'),
      errors: [{ pointer: MAIL, at: 'openid', message: 'is a delegated scope', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: '/.default missing',
      yaml: mail('https://graph.microsoft.com'),
      errors: [{ pointer: MAIL, at: 'https://graph.microsoft.com', after: 'scope:', message: 'lacks /.default at the end', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: '/.default missing after a trailing slash',
      yaml: pop3('https://outlook.office365.com/'),
      errors: [{ pointer: POP3, at: 'https://outlook.office365.com/', after: 'pop3:', message: 'lacks /.default at the end', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'several scopes separated by a space',
      yaml: mail(`${GRAPH} offline_access`),
      errors: [{ pointer: MAIL, at: GRAPH, message: 'holds 2 scopes ("https://graph.microsoft.com/.default", "offline_access"), but a token is for one resource only', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'several scopes separated by commas',
      yaml: pop3(`"${EXO},${GRAPH}"`),
      errors: [{ pointer: POP3, at: `"${EXO}`, message: 'holds 2 scopes', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'the scope not filled in',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'scope:')),
      errors: [
        {
          pointer: POP3,
          at: 'oauth2:',
          after: 'pop3:',
          message: 'TM Exchange POP3 > OAuth2 > Scope is not filled in: without a scope no token is issued (AADSTS90014); POP3 needs the scope https://outlook.office365.com/.default',
          fix: { pointer: POP3, value: EXO },
        },
      ],
    },
    {
      name: 'an empty scope',
      yaml: mail('""'),
      errors: [{ pointer: MAIL, at: '""', message: 'Mail Settings > OAuth2 > Scope is empty', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'an empty scope on the site\'s own server with a US Government Token URL: the fix follows the Token URL',
      yaml: edit(
        OFFICE,
        ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: smtp.example.com'],
        ['login.microsoftonline.com', 'login.microsoftonline.us'],
        [`scope: ${GRAPH}`, 'scope: ""'],
      ),
      errors: [{ pointer: MAIL, at: '""', message: 'is empty', fix: { pointer: MAIL, value: 'https://graph.microsoft.us/.default' } }],
    },
    {
      name: 'the sign-in server as the scope',
      yaml: mail('https://login.microsoftonline.com/.default'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/.default', message: 'is not the scope for sending through Graph: enter https://graph.microsoft.com/.default', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'the app registration\'s own URI',
      yaml: mail('api://tmmaster/.default'),
      errors: [{ pointer: MAIL, at: 'api://tmmaster/.default', message: 'is not the scope for sending through Graph', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: '.default in capitals',
      yaml: pop3('https://outlook.office365.com/.DEFAULT'),
      errors: [{ pointer: POP3, at: 'https://outlook.office365.com/.DEFAULT', message: 'is not the scope for downloading with POP3: enter exactly https://outlook.office365.com/.default', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'http: instead of https:',
      yaml: pop3('http://outlook.office365.com/.default'),
      errors: [{ pointer: POP3, at: 'http://outlook.office365.com/.default', message: 'enter exactly https://outlook.office365.com/.default', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a wrong scope in every section: one finding each',
      yaml: VESSEL.split(`scope: ${GRAPH}`).join('scope: Mail.Send').replace(`scope: ${EXO}`, 'scope: POP.AccessAsApp'),
      errors: [
        { pointer: MAIL, at: 'Mail.Send', fix: { pointer: MAIL, value: GRAPH } },
        { pointer: SMTP, at: 'Mail.Send', after: 'smtp:', fix: { pointer: SMTP, value: GRAPH } },
        { pointer: POP3, at: 'POP.AccessAsApp', fix: { pointer: POP3, value: EXO } },
      ],
    },
  ],
});
