import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, TENANT, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './cloud-mismatch.js';

const MARK = { mailSettings: 'mailSettings:', smtp: '  smtp:', pop3: '  pop3:' } as const;
type Where = keyof typeof MARK;

/** Edits the text after a section's marker only. */
function inSection(text: string, where: Where, ...edits: ReadonlyArray<readonly [string, string]>): string {
  const at = text.indexOf(MARK[where]);
  return text.slice(0, at) + edit(text.slice(at), ...edits);
}

const US = 'the US Government cloud (GCC High / DoD)';
const GLOBAL = 'the global cloud';
const CHINA = 'the China cloud (21Vianet)';
const NO_CROSSING = 'tokens do not cross clouds';

/** The vessel moved to US Government GCC High. */
const GCC_HIGH = edit(
  VESSEL.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'graph.microsoft.us'),
  ['server: outlook.office365.com', 'server: outlook.office365.us'],
  ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
);
/** The vessel in US Government DoD: the GCC High authority, DoD resource hosts. */
const DOD = edit(
  VESSEL.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'dod-graph.microsoft.us'),
  ['server: outlook.office365.com', 'server: outlook-dod.office365.us'],
  ['scope: https://outlook.office365.com/.default', 'scope: https://outlook-dod.office365.us/.default'],
);
/** The vessel in the China cloud (21Vianet). */
const CHINA_VESSEL = edit(
  VESSEL.replaceAll('login.microsoftonline.com', 'login.partner.microsoftonline.cn').replaceAll('graph.microsoft.com', 'microsoftgraph.chinacloudapi.cn'),
  ['server: outlook.office365.com', 'server: partner.outlook.cn'],
  ['scope: https://outlook.office365.com/.default', 'scope: https://partner.outlook.cn/.default'],
);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office', yaml: OFFICE },
    { name: 'the vessel in GCC High', yaml: GCC_HIGH },
    { name: 'the vessel in DoD (authority shared with GCC High)', yaml: DOD },
    {
      name: 'DoD Graph with GCC High Exchange and authority: one cloud here',
      yaml: inSection(GCC_HIGH, 'smtp', ['https://graph.microsoft.us/v1.0', 'https://dod-graph.microsoft.us/v1.0']),
    },
    { name: 'the vessel in the China cloud', yaml: CHINA_VESSEL },
    {
      name: 'the China cloud with the older authority login.chinacloudapi.cn',
      yaml: CHINA_VESSEL.replaceAll('login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'),
    },
    {
      name: 'hosts in other letter case, a trailing dot, trailing spaces',
      yaml: inSection(
        VESSEL,
        'pop3',
        ['server: outlook.office365.com', 'server: "Outlook.Office365.COM.  "'],
        ['https://login.microsoftonline.com/', 'https://LOGIN.MicrosoftOnline.com/'],
        ['scope: https://outlook.office365.com/.default', 'scope: "HTTPS://OUTLOOK.OFFICE365.COM/.default "'],
      ),
    },
    {
      name: 'SMTP AUTH host with the global authority: the same cloud (oauth2/disabled and smtp/graph-url speak)',
      yaml: edit(OFFICE, ['https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtp.office365.com']),
    },
    {
      name: 'a Token URL on an unknown host: only one cloud known (oauth2/token-url reports the host)',
      yaml: inSection(GCC_HIGH, 'pop3', ['https://login.microsoftonline.us/', 'https://login.windows.net/']),
    },
    {
      name: 'the guide\'s placeholder tenant in a GCC High Token URL (oauth2/token-url reports it)',
      yaml: inSection(GCC_HIGH, 'pop3', [TENANT, 'TenantID']),
    },
    {
      name: 'two scopes in one line, all in GCC High (oauth2/scope reports them)',
      yaml: inSection(GCC_HIGH, 'pop3', ['scope: https://outlook.office365.us/.default', 'scope: https://outlook.office365.us/.default offline_access']),
    },
    {
      name: 'POP3 from the site\'s own server with basic auth, a GCC High Token URL left in its unused tab',
      yaml: inSection(
        VESSEL,
        'pop3',
        ['server: outlook.office365.com', 'server: pop.example.com'],
        ['useOAuth2: true', 'useOAuth2: false'],
        ['https://login.microsoftonline.com/', 'https://login.microsoftonline.us/'],
      ),
    },
    { name: 'no exchange section', yaml: removeBlock(VESSEL, 'exchange:') },
  ],
  invalid: [
    {
      name: 'a US Government Token URL with the global POP3 scope and server: the Token URL is the odd one',
      yaml: inSection(VESSEL, 'pop3', ['https://login.microsoftonline.com/', 'https://login.microsoftonline.us/']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/tokenUrl',
          at: 'https://login.microsoftonline.us/',
          message: `TM Exchange POP3: the Token URL (login.microsoftonline.us) is for ${US} but the Scope (outlook.office365.com) is for ${GLOBAL} and the POP3 server outlook.office365.com is in ${GLOBAL}: ${NO_CROSSING} (AADSTS900432, or a token the server refuses); write the Token URL https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
          fix: null,
        },
      ],
    },
    {
      name: 'GCC High with the guide\'s global POP3 scope left in: the Scope is the odd one',
      yaml: inSection(GCC_HIGH, 'pop3', ['scope: https://outlook.office365.us/.default', 'scope: https://outlook.office365.com/.default']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/scope',
          at: 'https://outlook.office365.com/.default',
          message: `TM Exchange POP3: the Scope (outlook.office365.com) is for ${GLOBAL} but the Token URL (login.microsoftonline.us) is for ${US} and the POP3 server outlook.office365.us is in ${US}: ${NO_CROSSING}`,
          fix: null,
        },
      ],
    },
    {
      name: 'GCC High with the global Graph scope in Mail Settings: the fix names the Graph host of the server',
      yaml: inSection(GCC_HIGH, 'mailSettings', ['scope: https://graph.microsoft.us/.default', 'scope: https://graph.microsoft.com/.default']),
      errors: [
        {
          pointer: '/mailSettings/oauth2/scope',
          at: 'https://graph.microsoft.com/.default',
          message: /Mail Settings: the Scope \(graph\.microsoft\.com\) is for the global cloud but .* the SMTP Server graph\.microsoft\.us is in .*; write the Scope https:\/\/graph\.microsoft\.us\/\.default$/,
          fix: null,
        },
      ],
    },
    {
      name: 'DoD with the global Graph scope: the advice keeps the DoD Graph host',
      yaml: inSection(DOD, 'smtp', ['scope: https://dod-graph.microsoft.us/.default', 'scope: https://graph.microsoft.com/.default']),
      errors: [
        {
          pointer: '/exchange/smtp/oauth2/scope',
          at: 'https://graph.microsoft.com/.default',
          message: 'write the Scope https://dod-graph.microsoft.us/.default',
          fix: null,
        },
      ],
    },
    {
      name: 'GCC High with the global Graph URL left in TM Exchange SMTP: the server is the odd one',
      yaml: inSection(GCC_HIGH, 'smtp', ['server: https://graph.microsoft.us/v1.0', 'server: https://graph.microsoft.com/v1.0']),
      errors: [
        {
          pointer: '/exchange/smtp/server',
          at: 'https://graph.microsoft.com/v1.0',
          message: `TM Exchange SMTP: the SMTP Server graph.microsoft.com is in ${GLOBAL} but the Token URL (login.microsoftonline.us) is for ${US} and the Scope (graph.microsoft.us) is for ${US}: ${NO_CROSSING} (AADSTS900432, or a token the server refuses); send through https://graph.microsoft.us/v1.0/users/<mailbox>/sendMail`,
          fix: null,
        },
      ],
    },
    {
      name: 'GCC High with the guide\'s POP3 server left in: the advice names the POP3 host of the cloud',
      yaml: inSection(GCC_HIGH, 'pop3', ['server: outlook.office365.us', 'server: outlook.office365.com']),
      errors: [
        {
          pointer: '/exchange/pop3/server',
          at: 'outlook.office365.com',
          after: '  pop3:',
          message: `TM Exchange POP3: the POP3 server outlook.office365.com is in ${GLOBAL} but the Token URL (login.microsoftonline.us) is for ${US} and the Scope (outlook.office365.us) is for ${US}: ${NO_CROSSING} (AADSTS900432, or a token the server refuses); enter outlook.office365.us as the POP3 server`,
          fix: null,
        },
      ],
    },
    {
      name: 'China: the global Token URL left in, with the China POP3 server and scope',
      yaml: inSection(CHINA_VESSEL, 'pop3', ['https://login.partner.microsoftonline.cn/', 'https://login.microsoftonline.com/']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/tokenUrl',
          at: 'https://login.microsoftonline.com/',
          message: `the Token URL (login.microsoftonline.com) is for ${GLOBAL} but the Scope (partner.outlook.cn) is for ${CHINA} and the POP3 server partner.outlook.cn is in ${CHINA}: ${NO_CROSSING} (AADSTS900432, or a token the server refuses); write the Token URL https://login.partner.microsoftonline.cn/${TENANT}/oauth2/v2.0/token`,
          fix: null,
        },
      ],
    },
    {
      name: 'a Token URL with a placeholder tenant in another cloud: the advice names the authority',
      yaml: inSection(VESSEL, 'pop3', [`https://login.microsoftonline.com/${TENANT}/`, 'https://login.microsoftonline.us/TenantID/']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/tokenUrl',
          at: 'https://login.microsoftonline.us/',
          message: 'use the authority login.microsoftonline.com in the Token URL',
          fix: null,
        },
      ],
    },
    {
      name: 'three clouds: the server is reported, and the advice is general',
      yaml: inSection(
        VESSEL,
        'pop3',
        ['https://login.microsoftonline.com/', 'https://login.microsoftonline.us/'],
        ['scope: https://outlook.office365.com/.default', 'scope: https://partner.outlook.cn/.default'],
      ),
      errors: [
        {
          pointer: '/exchange/pop3/server',
          at: 'outlook.office365.com',
          after: '  pop3:',
          message: `the POP3 server outlook.office365.com is in ${GLOBAL} but the Token URL (login.microsoftonline.us) is for ${US} and the Scope (partner.outlook.cn) is for ${CHINA}: ${NO_CROSSING} (AADSTS900432, or a token the server refuses); use the hosts of one cloud in the Token URL, the Scope and the server`,
          fix: null,
        },
      ],
    },
    {
      name: 'Token URL and Scope of two clouds, the POP3 server not Microsoft\'s: the Scope is reported',
      yaml: inSection(
        VESSEL,
        'pop3',
        ['server: outlook.office365.com', 'server: pop.example.com'],
        ['https://login.microsoftonline.com/', 'https://login.microsoftonline.us/'],
      ),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/scope',
          at: 'https://outlook.office365.com/.default',
          message: `TM Exchange POP3: the Scope (outlook.office365.com) is for ${GLOBAL} but the Token URL (login.microsoftonline.us) is for ${US}: ${NO_CROSSING}`,
          fix: null,
        },
      ],
    },
    {
      name: 'a Token URL on an unknown host, Scope and server in two clouds: the server is reported',
      yaml: inSection(
        VESSEL,
        'pop3',
        ['https://login.microsoftonline.com/', 'https://login.windows.net/'],
        ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
      ),
      errors: [
        {
          pointer: '/exchange/pop3/server',
          at: 'outlook.office365.com',
          after: '  pop3:',
          message: `the POP3 server outlook.office365.com is in ${GLOBAL} but the Scope (outlook.office365.us) is for ${US}: `,
          fix: null,
        },
      ],
    },
    {
      name: 'one finding per section: every section of a GCC High vessel with its global Token URL left in',
      yaml: GCC_HIGH.replaceAll('login.microsoftonline.us', 'login.microsoftonline.com'),
      errors: [
        { pointer: '/mailSettings/oauth2/tokenUrl', at: 'https://login.microsoftonline.com/', message: 'Mail Settings: the Token URL (login.microsoftonline.com) is for the global cloud', fix: null },
        { pointer: '/exchange/smtp/oauth2/tokenUrl', at: 'https://login.microsoftonline.com/', after: '  smtp:', message: 'TM Exchange SMTP: the Token URL', fix: null },
        { pointer: '/exchange/pop3/oauth2/tokenUrl', at: 'https://login.microsoftonline.com/', after: '  pop3:', message: 'TM Exchange POP3: the Token URL', fix: null },
      ],
    },
  ],
});
