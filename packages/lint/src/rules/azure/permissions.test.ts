import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './permissions.js';

const GRAPH_ROW = `    - api: Microsoft Graph
      name: Mail.Send
      type: Application
      adminConsent: true
`;
const POP_ROW = '    - { api: Office 365 Exchange Online, name: POP.AccessAsApp, type: Application, adminConsent: true }\n';

/** The vessel without the Mail.Send row. */
const NO_MAIL_SEND = edit(VESSEL, [GRAPH_ROW, '']);
/** The vessel without the POP.AccessAsApp row. */
const NO_POP = edit(VESSEL, [POP_ROW, '']);

/** The vessel moved to US Government GCC High. */
const GCC_HIGH = edit(
  VESSEL.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'graph.microsoft.us'),
  ['server: outlook.office365.com', 'server: outlook.office365.us'],
  ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
);

/** An office that sends through its own relay with basic auth, with an app registration listed for later. */
const RELAY = `schemaVersion: 1
installation:
  name: Oslo office
database:
  version: 665
client:
  version: "2.665.8400.100"
mailSettings:
  smtpServer: relay.example.com
  smtpPort: 587
  smtpEnableSsl: true
  basicAuth:
    userName: tm@example.com
    password: \${RELAY_PASSWORD}
  oauth2: { useOAuth2: false }
azure:
  permissions: []
`;

/** A vessel that sends through Graph but downloads from its own POP3 server with basic auth. */
const OWN_POP3 = edit(NO_POP, [
  VESSEL.slice(VESSEL.indexOf('  pop3:'), VESSEL.indexOf('azure:')),
  `  pop3:
    server: pop.example.com
    port: 995
    maxMessages: 20
    useSsl: true
    basicAuth:
      userName: replication@example.com
      password: \${POP3_PASSWORD}
    oauth2: { useOAuth2: false }
`,
]);

ruleTester(rule, {
  valid: [
    // consent that is not recorded is not known to be missing: only adminConsent: false reports
    { name: 'POP.AccessAsApp with admin consent not recorded', yaml: edit(VESSEL, [', adminConsent: true }', ' }']) },
    // an API name outside the schema's enum: the schema reports it; the row still counts
    { name: 'POP.AccessAsApp under "Office 365 Exchange" (schema)', yaml: edit(VESSEL, ['api: Office 365 Exchange Online,', 'api: Office 365 Exchange,']), schemaInvalid: true },
    { name: 'Mail.Send under "Graph" (schema)', yaml: edit(VESSEL, ['api: Microsoft Graph', 'api: Graph']), schemaInvalid: true },
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office (no azure section)', yaml: OFFICE },
    { name: 'no azure section', yaml: removeBlock(VESSEL, 'azure:') },
    { name: 'azure without a permissions list', yaml: removeBlock(VESSEL, '  permissions:') },
    {
      name: 'names in other letter case and with trailing spaces',
      yaml: edit(VESSEL, ['name: Mail.Send', 'name: "mail.send "'], ['name: POP.AccessAsApp', 'name: pop.accessasapp']),
    },
    {
      name: "the guide's full set: Mail.Send, IMAP.AccessAsApp and POP.AccessAsApp",
      yaml: edit(VESSEL, [
        POP_ROW,
        `    - { api: Office 365 Exchange Online, name: IMAP.AccessAsApp, type: Application, adminConsent: true }\n${POP_ROW}`,
      ]),
    },
    {
      name: 'Mail.Send listed both as Delegated and as Application with consent',
      yaml: edit(VESSEL, [
        GRAPH_ROW,
        `    - { api: Microsoft Graph, name: Mail.Send, type: Delegated, adminConsent: false }\n${GRAPH_ROW}`,
      ]),
    },
    {
      name: 'rows written without api or type',
      yaml: edit(VESSEL, ['    - api: Microsoft Graph\n      name: Mail.Send\n      type: Application\n', '    - name: Mail.Send\n']),
    },
    {
      name: 'an office that only sends: POP.AccessAsApp is not needed',
      yaml: `${OFFICE}azure:
  permissions:
    - { api: Microsoft Graph, name: Mail.Send, type: Application, adminConsent: true }
`,
    },
    { name: 'a relay with basic auth needs no permission', yaml: RELAY },
    { name: 'POP3 from its own server with basic auth needs no POP.AccessAsApp', yaml: OWN_POP3 },
    { name: 'the national-cloud twin (GCC High) uses the same permission names', yaml: GCC_HIGH },
  ],
  invalid: [
    {
      name: 'Mail.Send missing while Graph sends',
      yaml: NO_MAIL_SEND,
      errors: [
        {
          pointer: '/azure/permissions',
          at: 'permissions:',
          after: 'azure:',
          messageId: 'missing',
          data: {
            field: 'Azure > API permissions',
            why: 'Mail Settings and TM Exchange SMTP send mail through Microsoft Graph',
            wanted: 'Microsoft Graph > Mail.Send',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'Mail.Send missing for Mail Settings alone',
      yaml: `${OFFICE}azure:
  permissions:
    - { api: Office 365 Exchange Online, name: POP.AccessAsApp, type: Application, adminConsent: true }
`,
      errors: [
        {
          pointer: '/azure/permissions',
          at: 'permissions:',
          messageId: 'missing',
          data: { why: 'Mail Settings sends mail through Microsoft Graph', wanted: 'Microsoft Graph > Mail.Send' },
          fix: null,
        },
      ],
    },
    {
      name: 'Mail.Send missing for TM Exchange SMTP alone (TM Master itself on a relay)',
      yaml: edit(
        NO_MAIL_SEND,
        ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: relay.example.com'],
        ['    useOAuth2: true\n', '    useOAuth2: false\n'],
      ),
      errors: [{ pointer: '/azure/permissions', messageId: 'missing', data: { why: 'TM Exchange SMTP sends mail through Microsoft Graph' }, fix: null }],
    },
    {
      name: 'Mail.Send listed under Office 365 Exchange Online',
      yaml: edit(VESSEL, ['    - api: Microsoft Graph\n', '    - api: Office 365 Exchange Online\n']),
      errors: [
        {
          pointer: '/azure/permissions',
          at: 'permissions:',
          after: 'azure:',
          messageId: 'underOtherApi',
          data: { name: 'Mail.Send', otherApi: 'Office 365 Exchange Online', checker: 'Graph', wanted: 'Microsoft Graph > Mail.Send' },
          fix: null,
        },
      ],
    },
    {
      name: 'POP.AccessAsApp missing while POP3 is configured',
      yaml: NO_POP,
      errors: [
        {
          pointer: '/azure/permissions',
          at: 'permissions:',
          after: 'azure:',
          messageId: 'missing',
          data: { why: 'TM Exchange POP3 downloads replication mail with POP3', wanted: 'Office 365 Exchange Online > POP.AccessAsApp' },
          fix: null,
        },
      ],
    },
    {
      name: 'only IMAP.AccessAsApp listed',
      yaml: edit(VESSEL, ['name: POP.AccessAsApp', 'name: IMAP.AccessAsApp']),
      errors: [
        {
          pointer: '/azure/permissions',
          at: 'permissions:',
          after: 'azure:',
          messageId: 'imapOnly',
          data: { wanted: 'Office 365 Exchange Online > POP.AccessAsApp' },
          fix: null,
        },
      ],
    },
    {
      name: 'POP.AccessAsApp listed under Microsoft Graph',
      yaml: edit(VESSEL, ['{ api: Office 365 Exchange Online, name: POP.AccessAsApp', '{ api: Microsoft Graph, name: POP.AccessAsApp']),
      errors: [
        {
          pointer: '/azure/permissions',
          at: 'permissions:',
          after: 'azure:',
          messageId: 'underOtherApi',
          data: { name: 'POP.AccessAsApp', otherApi: 'Microsoft Graph', checker: 'Exchange Online POP3' },
          fix: null,
        },
      ],
    },
    {
      name: 'an empty list lacks both',
      yaml: edit(VESSEL, [`  permissions:\n${GRAPH_ROW}${POP_ROW}`, '  permissions: []\n']),
      errors: [
        { pointer: '/azure/permissions', at: 'permissions:', after: 'azure:', messageId: 'missing', data: { wanted: 'Microsoft Graph > Mail.Send' }, fix: null },
        {
          pointer: '/azure/permissions',
          at: 'permissions:',
          after: 'azure:',
          messageId: 'missing',
          data: { wanted: 'Office 365 Exchange Online > POP.AccessAsApp' },
          fix: null,
        },
      ],
    },
    {
      name: 'Mail.Send added as Delegated',
      yaml: edit(VESSEL, ['type: Application', 'type: Delegated']),
      errors: [
        {
          pointer: '/azure/permissions/0/type',
          at: 'Delegated',
          messageId: 'delegated',
          data: { field: 'Azure > API permissions #1 > Type', wanted: 'Microsoft Graph > Mail.Send', name: 'Mail.Send' },
          fix: null,
        },
      ],
    },
    {
      name: 'POP.AccessAsApp added as Delegated, name in lower case',
      yaml: edit(VESSEL, ['name: POP.AccessAsApp, type: Application', 'name: pop.accessasapp, type: Delegated']),
      errors: [
        {
          pointer: '/azure/permissions/1/type',
          at: 'Delegated',
          messageId: 'delegated',
          data: { field: 'Azure > API permissions #2 > Type', wanted: 'Office 365 Exchange Online > POP.AccessAsApp', name: 'POP.AccessAsApp' },
          fix: null,
        },
      ],
    },
    {
      name: 'Mail.Send without admin consent',
      yaml: edit(VESSEL, ['adminConsent: true', 'adminConsent: false']),
      errors: [
        {
          pointer: '/azure/permissions/0/adminConsent',
          at: 'false',
          after: 'Mail.Send',
          messageId: 'noAdminConsent',
          data: {
            field: 'Azure > API permissions #1 > Admin consent granted',
            wanted: 'Microsoft Graph > Mail.Send',
            refusal: 'Graph answers 403 ErrorAccessDenied',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'POP.AccessAsApp without admin consent, a Delegated copy with consent beside it',
      yaml: edit(VESSEL, [
        POP_ROW,
        `    - { api: Office 365 Exchange Online, name: POP.AccessAsApp, type: Delegated, adminConsent: true }\n${POP_ROW.replace('adminConsent: true', 'adminConsent: false')}`,
      ]),
      errors: [
        {
          pointer: '/azure/permissions/2/adminConsent',
          messageId: 'noAdminConsent',
          data: { wanted: 'Office 365 Exchange Online > POP.AccessAsApp', refusal: 'POP3 answers "-ERR Authentication failure"' },
          fix: null,
        },
      ],
    },
    {
      name: 'the national-cloud twin (GCC High) without POP.AccessAsApp',
      yaml: edit(GCC_HIGH, [POP_ROW, '']),
      errors: [
        {
          pointer: '/azure/permissions',
          at: 'permissions:',
          after: 'azure:',
          messageId: 'missing',
          data: { wanted: 'Office 365 Exchange Online > POP.AccessAsApp' },
          fix: null,
        },
      ],
    },
  ],
});
