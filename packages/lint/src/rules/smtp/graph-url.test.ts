import { edit, OFFICE, removeBlock, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './graph-url.js';

const OFFICE_URL = 'https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail';
const USER_URL = 'https://graph.microsoft.com/v1.0/users/{0}/sendMail';
const REPLICATION_URL = 'https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail';
const MAIL = '/mailSettings/smtpServer';
const EXCHANGE = '/exchange/smtp/server';

/** The office with another Mail Settings > SMTP Server. */
const office = (server: string): string => edit(OFFICE, [`smtpServer: ${OFFICE_URL}`, `smtpServer: ${server}`]);
/** The vessel with another Mail Settings > SMTP Server ({0}, Use Address from User ticked). */
const vesselMail = (server: string): string => edit(VESSEL, [`smtpServer: ${USER_URL}`, `smtpServer: ${server}`]);
/** The vessel with another TM Exchange SMTP > SMTP Server. */
const vesselSmtp = (server: string): string => edit(VESSEL, [`server: ${REPLICATION_URL}`, `server: ${server}`]);

/** A vessel sending through its own relay with basic auth: OAuth2 does not apply. */
const RELAY = within(
  edit(VESSEL, [`smtpServer: ${USER_URL}`, 'smtpServer: smtp.example.com'], ['useOAuth2: true', 'useOAuth2: false'], [`server: ${REPLICATION_URL}`, 'server: mail.example.com:25']),
  'smtp:',
  (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false']),
);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide ({0} in Mail Settings, the replication mailbox in TM Exchange)', yaml: VESSEL },
    { name: 'the correct office of the guide (a fixed mailbox)', yaml: OFFICE },
    { name: 'a vessel sending through its own relay with basic auth', yaml: RELAY },
    { name: 'no Mail Settings and no TM Exchange: nothing to judge', yaml: removeBlock(OFFICE, 'mailSettings:') },
    { name: 'the host in other letter case', yaml: office('https://GRAPH.Microsoft.COM/v1.0/users/purchasing@example.com/sendMail') },
    { name: 'sendmail in lower case, with a trailing slash', yaml: office('https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendmail/') },
    { name: 'the namespaced action microsoft.graph.sendMail', yaml: office('https://graph.microsoft.com/v1.0/users/purchasing@example.com/microsoft.graph.sendMail') },
    { name: 'the mailbox by its object ID, upper-case GUID', yaml: office('https://graph.microsoft.com/v1.0/users/5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D/sendMail') },
    { name: 'the mailbox percent-encoded', yaml: office('https://graph.microsoft.com/v1.0/users/purchasing%40example.com/sendMail') },
    { name: 'the default https port written out', yaml: office('https://graph.microsoft.com:443/v1.0/users/purchasing@example.com/sendMail') },
    { name: 'white space around the URL', yaml: office(`"  ${OFFICE_URL}  "`) },
    { name: 'the US Government (GCC High) Graph host', yaml: office('https://graph.microsoft.us/v1.0/users/purchasing@example.com/sendMail') },
    { name: 'the US Government DoD Graph host', yaml: office('https://dod-graph.microsoft.us/v1.0/users/purchasing@example.com/sendMail') },
    { name: 'the China (21Vianet) Graph host', yaml: office('https://microsoftgraph.chinacloudapi.cn/v1.0/users/purchasing@example.com/sendMail') },
    { name: '{0} in Mail Settings with Use Address from User not ticked (it falls back to the User Name)', yaml: office(USER_URL) },
    { name: '{0} in Mail Settings on the China Graph host', yaml: vesselMail('https://microsoftgraph.chinacloudapi.cn/v1.0/users/{0}/sendMail') },
    {
      name: 'TM Exchange SMTP on its own relay with basic auth, Mail Settings on Graph',
      yaml: within(VESSEL, 'smtp:', (t) => edit(t, [`server: ${REPLICATION_URL}`, 'server: mail.example.com'], ['useOAuth2: true', 'useOAuth2: false'])),
    },
  ],
  invalid: [
    {
      name: 'SMTP Server left out while Use OAuth2 is ticked',
      yaml: removeLine(OFFICE, 'smtpServer:'),
      errors: [
        {
          pointer: MAIL,
          at: 'mailSettings:',
          messageId: 'notFilledIn',
          data: { field: 'Mail Settings > SMTP Server', example: OFFICE_URL },
          fix: null,
        },
      ],
    },
    {
      name: 'SMTP Server blank',
      yaml: office('""'),
      errors: [{ pointer: MAIL, at: '""', messageId: 'notFilledIn', fix: null }],
    },
    {
      name: 'the SMTP AUTH host smtp.office365.com: fixed to the Graph URL of the OAuth2 User Name',
      yaml: office('smtp.office365.com'),
      errors: [
        {
          pointer: MAIL,
          at: 'smtp.office365.com',
          messageId: 'smtpHost',
          data: { field: 'Mail Settings > SMTP Server', value: '"smtp.office365.com"', example: OFFICE_URL },
          fix: { pointer: MAIL, value: OFFICE_URL },
        },
      ],
    },
    {
      name: 'an SMTP host with a port, Use Address from User ticked: fixed to the {0} URL',
      yaml: vesselMail('smtp.office365.com:587'),
      errors: [{ pointer: MAIL, at: 'smtp.office365.com:587', messageId: 'smtpHost', data: { example: USER_URL }, fix: { pointer: MAIL, value: USER_URL } }],
    },
    {
      name: 'an SMTP host with scheme and port in TM Exchange: fixed to the replication mailbox',
      yaml: vesselSmtp('smtp://smtp.office365.com:587'),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'smtp://smtp.office365.com:587',
          messageId: 'smtpHost',
          data: { field: 'TM Exchange SMTP > SMTP Server', value: '"smtp://smtp.office365.com:587"' },
          fix: { pointer: EXCHANGE, value: REPLICATION_URL },
        },
      ],
    },
    {
      name: 'outlook.office365.com as an SMTP server is a host name too',
      yaml: vesselSmtp('outlook.office365.com'),
      errors: [
        { pointer: EXCHANGE, at: 'outlook.office365.com', after: 'smtp:', messageId: 'smtpHost', fix: { pointer: EXCHANGE, value: REPLICATION_URL } },
      ],
    },
    {
      name: 'an SMTP host in TM Exchange whose Sender Address and User Name disagree: no fix',
      yaml: edit(vesselSmtp('smtp.office365.com'), ['senderAddress: replication.nordicstar@example.com', 'senderAddress: ops.nordicstar@example.com']),
      errors: [{ pointer: EXCHANGE, at: 'smtp.office365.com', messageId: 'smtpHost', data: { example: 'https://graph.microsoft.com/v1.0/users/<replication mailbox>/sendMail' }, fix: null }],
    },
    {
      name: 'an SMTP host while the User Name is not an e-mail: no fix',
      yaml: edit(office('smtp.office365.com'), ['userName: purchasing@example.com', 'userName: purchasing']),
      errors: [{ pointer: MAIL, at: 'smtp.office365.com', messageId: 'smtpHost', data: { example: 'https://graph.microsoft.com/v1.0/users/<sending mailbox>/sendMail' }, fix: null }],
    },
    {
      name: 'the China twin smtp.partner.outlook.cn: fixed to the China Graph host',
      yaml: office('smtp.partner.outlook.cn'),
      errors: [
        {
          pointer: MAIL,
          at: 'smtp.partner.outlook.cn',
          messageId: 'smtpHost',
          fix: { pointer: MAIL, value: 'https://microsoftgraph.chinacloudapi.cn/v1.0/users/purchasing@example.com/sendMail' },
        },
      ],
    },
    {
      name: 'the US Government smtp.office365.us: GCC High or DoD is not certain, no fix',
      yaml: office('smtp.office365.us'),
      errors: [
        {
          pointer: MAIL,
          at: 'smtp.office365.us',
          messageId: 'smtpHost',
          data: {
            example:
              'https://graph.microsoft.us/v1.0/users/purchasing@example.com/sendMail (GCC High) or https://dod-graph.microsoft.us/v1.0/users/purchasing@example.com/sendMail (DoD)',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'the US Government smtp.office365.us with a GCC High Token URL: the sign-in server is shared, still no fix',
      yaml: edit(office('smtp.office365.us'), ['https://login.microsoftonline.com/example.onmicrosoft.com', 'https://login.microsoftonline.us/example.onmicrosoft.com']),
      errors: [{ pointer: MAIL, at: 'smtp.office365.us', messageId: 'smtpHost', data: { example: /\(GCC High\) or .*\(DoD\)$/ }, fix: null }],
    },
    {
      name: 'the GCC High Exchange host as SMTP Server: fixed to the GCC High Graph host',
      yaml: office('outlook.office365.us'),
      errors: [{ pointer: MAIL, at: 'outlook.office365.us', messageId: 'smtpHost', fix: { pointer: MAIL, value: 'https://graph.microsoft.us/v1.0/users/purchasing@example.com/sendMail' } }],
    },
    {
      name: 'the DoD Exchange host as SMTP Server: fixed to the DoD Graph host',
      yaml: office('outlook-dod.office365.us'),
      errors: [{ pointer: MAIL, at: 'outlook-dod.office365.us', messageId: 'smtpHost', fix: { pointer: MAIL, value: 'https://dod-graph.microsoft.us/v1.0/users/purchasing@example.com/sendMail' } }],
    },
    {
      name: 'smtp.office365.com with Use OAuth2 not ticked still is not the Graph URL (a Microsoft 365 server)',
      yaml: edit(office('smtp.office365.com'), ['useOAuth2: true', 'useOAuth2: false']),
      errors: [{ pointer: MAIL, at: 'smtp.office365.com', messageId: 'smtpHost', fix: { pointer: MAIL, value: OFFICE_URL } }],
    },
    {
      name: 'http: instead of https:',
      yaml: office('http://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail'),
      errors: [
        {
          pointer: MAIL,
          at: 'http://',
          messageId: 'http',
          data: { value: '"http://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail"' },
          fix: { pointer: MAIL, value: OFFICE_URL },
        },
      ],
    },
    {
      name: 'http: on the US Government Graph host keeps the host',
      yaml: office('http://graph.microsoft.us/v1.0/users/purchasing@example.com/sendMail'),
      errors: [
        { pointer: MAIL, at: 'http://', messageId: 'http', fix: { pointer: MAIL, value: 'https://graph.microsoft.us/v1.0/users/purchasing@example.com/sendMail' } },
      ],
    },
    {
      name: 'http: and no /sendMail: the scheme alone would not make it right, no fix',
      yaml: office('http://graph.microsoft.com/v1.0/users/purchasing@example.com'),
      errors: [{ pointer: MAIL, at: 'http://', messageId: 'http', fix: null }],
    },
    {
      name: 'no https:// in front',
      yaml: office('graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'graph.microsoft.com', messageId: 'noScheme', data: { example: OFFICE_URL }, fix: { pointer: MAIL, value: OFFICE_URL } }],
    },
    {
      name: 'another host (the retired Azure AD Graph)',
      yaml: office('https://graph.windows.net/v1.0/users/purchasing@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://graph.windows.net', messageId: 'host', data: { host: 'the host "graph.windows.net"', example: OFFICE_URL }, fix: null }],
    },
    {
      name: 'an own mail server while Use OAuth2 is ticked',
      yaml: office('mail.example.com'),
      errors: [{ pointer: MAIL, at: 'mail.example.com', messageId: 'host', data: { value: '"mail.example.com"', host: 'the host "mail.example.com"' }, fix: null }],
    },
    {
      name: 'the retired Outlook REST API on outlook.office365.com',
      yaml: office('https://outlook.office365.com/api/v2.0/me/sendmail'),
      errors: [{ pointer: MAIL, at: 'https://outlook', messageId: 'host', data: { host: 'the host "outlook.office365.com"' }, fix: null }],
    },
    {
      name: 'another scheme on the Graph host',
      yaml: office('ftp://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'ftp://', messageId: 'scheme', fix: null }],
    },
    {
      name: '/me/sendMail: fixed to the User Name\'s mailbox',
      yaml: office('https://graph.microsoft.com/v1.0/me/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'me', data: { example: OFFICE_URL }, fix: { pointer: MAIL, value: OFFICE_URL } }],
    },
    {
      name: '/me/sendMail on the DoD Graph host in TM Exchange keeps the host',
      yaml: vesselSmtp('https://dod-graph.microsoft.us/beta/me/sendMail'),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'https://dod-graph',
          messageId: 'me',
          fix: { pointer: EXCHANGE, value: 'https://dod-graph.microsoft.us/v1.0/users/replication.nordicstar@example.com/sendMail' },
        },
      ],
    },
    {
      name: '/beta/ instead of /v1.0/',
      yaml: office('https://graph.microsoft.com/beta/users/purchasing@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'beta', data: { value: '"https://graph.microsoft.com/beta/users/purchasing@example.com/sendMail"' }, fix: { pointer: MAIL, value: OFFICE_URL } }],
    },
    {
      name: '/beta/ with {0}, Use Address from User ticked',
      yaml: vesselMail('https://graph.microsoft.com/beta/users/{0}/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'beta', fix: { pointer: MAIL, value: USER_URL } }],
    },
    {
      name: 'another Graph version',
      yaml: office('https://graph.microsoft.com/v2.0/users/purchasing@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'version', data: { example: OFFICE_URL }, fix: null }],
    },
    {
      name: '/sendMail missing',
      yaml: office('https://graph.microsoft.com/v1.0/users/purchasing@example.com'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'noSendMail', fix: { pointer: MAIL, value: OFFICE_URL } }],
    },
    {
      name: '/sendMail missing after a trailing slash, with {0}',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/{0}/'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'noSendMail', fix: { pointer: MAIL, value: USER_URL } }],
    },
    {
      name: 'no mailbox between /users/ and /sendMail',
      yaml: office('https://graph.microsoft.com/v1.0/users//sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'noMailbox', fix: null }],
    },
    {
      name: 'the guide\'s example@email.com left in: fixed to the User Name',
      yaml: office('https://graph.microsoft.com/v1.0/users/example@email.com/sendMail'),
      errors: [
        { pointer: MAIL, at: 'https://', messageId: 'exampleInMailSettings', fix: { pointer: MAIL, value: OFFICE_URL } },
      ],
    },
    {
      name: 'example@email.com with Use Address from User ticked: fixed to {0}',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/Example@Email.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'exampleInMailSettings', fix: { pointer: MAIL, value: USER_URL } }],
    },
    {
      name: 'example@email.com in TM Exchange: fixed to the Sender Address',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/example@email.com/sendMail'),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'https://graph.microsoft.com/v1.0/users/example',
          messageId: 'exampleInExchange',
          fix: { pointer: EXCHANGE, value: REPLICATION_URL },
        },
      ],
    },
    {
      name: 'example@email.com with no address of its own to replace it: no fix',
      yaml: removeLine(office('https://graph.microsoft.com/v1.0/users/example@email.com/sendMail'), 'userName:'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'exampleInMailSettings', fix: null }],
    },
    {
      name: 'a mailbox that is a bare user name',
      yaml: office('https://graph.microsoft.com/v1.0/users/purchasing/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'mailbox', data: { mailbox: '"purchasing"', field: 'Mail Settings > SMTP Server' }, fix: null }],
    },
    {
      name: 'a GUID in braces is not a mailbox',
      yaml: office('https://graph.microsoft.com/v1.0/users/{5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d}/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'mailbox', fix: null }],
    },
    {
      name: 'another path after the mailbox',
      yaml: office('https://graph.microsoft.com/v1.0/users/purchasing@example.com/messages'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'path', fix: null }],
    },
    {
      name: 'a query after /sendMail',
      yaml: office('https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail?saveToSentItems=false'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'path', data: { value: '"https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail?[query not shown]"' }, fix: null }],
    },
    {
      name: 'a port other than https\'s',
      yaml: office('https://graph.microsoft.com:8443/v1.0/users/purchasing@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'port', fix: null }],
    },
    {
      name: 'both sections wrong: one finding each',
      yaml: edit(vesselSmtp('smtp.office365.com'), [`smtpServer: ${USER_URL}`, 'smtpServer: http://graph.microsoft.com/v1.0/me/sendMail']),
      errors: [
        { pointer: MAIL, at: 'http://', messageId: 'me', fix: { pointer: MAIL, value: USER_URL } },
        { pointer: EXCHANGE, at: 'smtp.office365.com', messageId: 'smtpHost', fix: { pointer: EXCHANGE, value: REPLICATION_URL } },
      ],
    },
    {
      name: 'TM Exchange SMTP Server left out while Use OAuth2 is ticked',
      yaml: removeLine(VESSEL, `server: ${REPLICATION_URL}`),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'smtp:',
          after: 'exchange:',
          messageId: 'notFilledIn',
          data: { field: 'TM Exchange SMTP > SMTP Server', example: REPLICATION_URL },
          fix: null,
        },
      ],
    },
    {
      name: 'an SMTP Server of only spaces in TM Exchange',
      yaml: vesselSmtp('"   "'),
      errors: [{ pointer: EXCHANGE, at: '"   "', messageId: 'notFilledIn', fix: null }],
    },
    {
      name: '{0} in TM Exchange names no mailbox (smtp/address-placeholder\'s finding replaces this one)',
      yaml: vesselSmtp(USER_URL),
      errors: [
        {
          pointer: EXCHANGE,
          at: USER_URL,
          after: 'exchange:',
          messageId: 'placeholder',
          data: { mailbox: '"{0}"', wanted: "the replication mailbox's e-mail address", example: REPLICATION_URL },
          fix: null,
        },
      ],
    },
    {
      name: 'a <mailbox> placeholder in Mail Settings (smtp/address-placeholder\'s finding replaces this one)',
      yaml: office('https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://',
          messageId: 'placeholder',
          data: { mailbox: '"<mailbox>"', wanted: "the sending mailbox's e-mail address, or {0} to send with each user's own address", example: OFFICE_URL },
          fix: null,
        },
      ],
    },
    {
      name: '{0} inside an address in Mail Settings is no mailbox either',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/{0}@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'placeholder', data: { mailbox: '"{0}@example.com"', example: USER_URL }, fix: null }],
    },
    {
      name: 'a ${NAME} reference is read as written (env-reference\'s finding replaces this one)',
      yaml: office('${TM_GRAPH_URL}'),
      errors: [{ pointer: MAIL, at: '${TM_GRAPH_URL}', messageId: 'host', data: { value: '"${TM_GRAPH_URL}"' }, fix: null }],
    },
    {
      name: 'a pipeline expression in TM Exchange is read as written (env-reference\'s finding replaces this one)',
      yaml: vesselSmtp('"$(GraphUrl)"'),
      errors: [{ pointer: EXCHANGE, at: '"$(GraphUrl)"', messageId: 'host', fix: null }],
    },
    {
      name: 'http: with {0} in Mail Settings: fixed, keeping {0}',
      yaml: vesselMail('http://graph.microsoft.com/v1.0/users/{0}/sendMail'),
      errors: [{ pointer: MAIL, at: 'http://', messageId: 'http', fix: { pointer: MAIL, value: USER_URL } }],
    },
    {
      name: 'the Graph host with the path missing altogether',
      yaml: office('https://graph.microsoft.com'),
      errors: [{ pointer: MAIL, at: 'https://graph.microsoft.com', messageId: 'path', data: { example: OFFICE_URL }, fix: null }],
    },
    {
      name: 'an SMTP Server of the wrong type is the schema\'s to report',
      schemaInvalid: true,
      yaml: office('587'),
      errors: [],
    },
  ],
});
