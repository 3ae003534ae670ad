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

const GCC = 'the US Government GCC High cloud';
const DOD_CLOUD = 'the US Government DoD cloud';
const US = 'the US Government GCC High or DoD cloud';
const GLOBAL = 'the global cloud';
const CHINA = 'the China cloud (21Vianet)';
const POP3_SCOPE = '/exchange/pop3/oauth2/scope';
const POP3_TOKEN = '/exchange/pop3/oauth2/tokenUrl';
const SMTP_SCOPE = '/exchange/smtp/oauth2/scope';
const MAIL_TOKEN = '/mailSettings/oauth2/tokenUrl';
const MAIL_SCOPE = '/mailSettings/oauth2/scope';
const OTHER_TENANT = 'd4c3b2a1-9f8e-4d7c-b6a5-0f1e2d3c4b5a';

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

/** The vessel with Mail Settings moved to GCC High: Token URL, Scope and SMTP Server. */
const MAIL_ON_GCC_HIGH = inSection(
  VESSEL,
  'mailSettings',
  ['https://graph.microsoft.com/v1.0/users/{0}', 'https://graph.microsoft.us/v1.0/users/{0}'],
  ['https://login.microsoftonline.com/', 'https://login.microsoftonline.us/'],
  ['scope: https://graph.microsoft.com/.default', 'scope: https://graph.microsoft.us/.default'],
);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office', yaml: OFFICE },
    { name: 'the vessel in GCC High', yaml: GCC_HIGH },
    { name: 'the vessel in DoD (authority shared with GCC High)', yaml: DOD },
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
      name: 'the US SMTP AUTH host smtp.office365.us in a DoD section: GCC High and DoD share it',
      yaml: inSection(DOD, 'smtp', ['server: https://dod-graph.microsoft.us/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.office365.us']),
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
    {
      name: 'two tenants in two clouds: not one tenant in two clouds (oauth2/tenant-mismatch compares the tenants)',
      yaml: MAIL_ON_GCC_HIGH.replace(`login.microsoftonline.us/${TENANT}`, `login.microsoftonline.us/${OTHER_TENANT}`),
    },
    {
      name: 'one tenant: a DoD vessel whose Mail Settings sends through its own relay, with only the US sign-in server known there',
      yaml: inSection(
        DOD,
        'mailSettings',
        ['smtpServer: https://dod-graph.microsoft.us/v1.0/users/{0}/sendMail', 'smtpServer: smtp.example.com'],
        ['scope: https://dod-graph.microsoft.us/.default', 'scope: Mail.Send'],
      ),
    },
    {
      name: 'a placeholder tenant on the GCC High side is no tenant to compare (oauth2/token-url reports it)',
      yaml: MAIL_ON_GCC_HIGH.replace(`login.microsoftonline.us/${TENANT}`, 'login.microsoftonline.us/00000000-0000-0000-0000-000000000000'),
    },
    {
      name: 'the tenant GUID on one side, its domain on the other: not comparable',
      yaml: MAIL_ON_GCC_HIGH.replace(`login.microsoftonline.us/${TENANT}`, 'login.microsoftonline.us/nordicstar.onmicrosoft.com'),
    },
    { name: 'no exchange section', yaml: removeBlock(VESSEL, 'exchange:') },
  ],
  invalid: [
    {
      name: 'a US Government Token URL with the global POP3 scope and server: the Token URL is the odd one',
      yaml: inSection(VESSEL, 'pop3', ['https://login.microsoftonline.com/', 'https://login.microsoftonline.us/']),
      errors: [
        {
          pointer: POP3_TOKEN,
          at: 'https://login.microsoftonline.us/',
          messageId: 'oddOneOut',
          data: {
            field: 'TM Exchange POP3 > OAuth2 > Token URL',
            host: 'login.microsoftonline.us',
            cloud: US,
            others: `TM Exchange POP3 > OAuth2 > Scope (outlook.office365.com) is for ${GLOBAL} and TM Exchange POP3 > Server (outlook.office365.com) is for ${GLOBAL}`,
            expected: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
          },
          fix: null,
        },
      ],
    },
    {
      name: 'GCC High with the guide\'s global POP3 scope left in: the Scope is the odd one',
      yaml: inSection(GCC_HIGH, 'pop3', ['scope: https://outlook.office365.us/.default', 'scope: https://outlook.office365.com/.default']),
      errors: [
        {
          pointer: POP3_SCOPE,
          at: 'https://outlook.office365.com/.default',
          messageId: 'oddOneOut',
          data: {
            host: 'outlook.office365.com',
            cloud: GLOBAL,
            others: `TM Exchange POP3 > OAuth2 > Token URL (login.microsoftonline.us) is for ${US} and TM Exchange POP3 > Server (outlook.office365.us) is for ${GCC}`,
            expected: 'https://outlook.office365.us/.default',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'GCC High with the global Graph scope in Mail Settings: the advice names the Graph host of the server',
      yaml: inSection(GCC_HIGH, 'mailSettings', ['scope: https://graph.microsoft.us/.default', 'scope: https://graph.microsoft.com/.default']),
      errors: [
        {
          pointer: MAIL_SCOPE,
          at: 'https://graph.microsoft.com/.default',
          messageId: 'oddOneOut',
          data: { field: 'Mail Settings > OAuth2 > Scope', others: /Mail Settings > SMTP Server \(graph\.microsoft\.us\) is for the US Government GCC High cloud$/, expected: 'https://graph.microsoft.us/.default' },
          fix: null,
        },
      ],
    },
    {
      name: 'DoD with the global Graph scope: the advice keeps the DoD Graph host',
      yaml: inSection(DOD, 'smtp', ['scope: https://dod-graph.microsoft.us/.default', 'scope: https://graph.microsoft.com/.default']),
      errors: [{ pointer: SMTP_SCOPE, at: 'https://graph.microsoft.com/.default', messageId: 'oddOneOut', data: { expected: 'https://dod-graph.microsoft.us/.default' }, fix: null }],
    },
    {
      name: 'DoD Graph server with the GCC High Graph scope: GCC High and DoD are different resources',
      yaml: inSection(GCC_HIGH, 'smtp', ['https://graph.microsoft.us/v1.0', 'https://dod-graph.microsoft.us/v1.0']),
      errors: [
        {
          pointer: SMTP_SCOPE,
          at: 'https://graph.microsoft.us/.default',
          after: '  smtp:',
          messageId: 'oddOneOut',
          data: {
            host: 'graph.microsoft.us',
            cloud: GCC,
            others: `TM Exchange SMTP > OAuth2 > Token URL (login.microsoftonline.us) is for ${US} and TM Exchange SMTP > SMTP Server (dod-graph.microsoft.us) is for ${DOD_CLOUD}`,
            expected: 'https://dod-graph.microsoft.us/.default',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'the DoD POP3 scope on the GCC High POP3 server: the scope of the server\'s cloud',
      yaml: inSection(GCC_HIGH, 'pop3', ['scope: https://outlook.office365.us/.default', 'scope: https://outlook-dod.office365.us/.default']),
      errors: [{ pointer: POP3_SCOPE, at: 'https://outlook-dod.office365.us/.default', messageId: 'oddOneOut', data: { cloud: DOD_CLOUD, expected: 'https://outlook.office365.us/.default' }, fix: null }],
    },
    {
      name: 'the DoD Graph URL with the global Token URL and Scope: the server is the odd one, the mailbox kept',
      yaml: inSection(VESSEL, 'smtp', ['https://graph.microsoft.com/v1.0', 'https://dod-graph.microsoft.us/v1.0']),
      errors: [
        {
          pointer: '/exchange/smtp/server',
          at: 'https://dod-graph.microsoft.us/v1.0',
          messageId: 'oddOneOut',
          data: { host: 'dod-graph.microsoft.us', cloud: DOD_CLOUD, expected: 'https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail' },
          fix: null,
        },
      ],
    },
    {
      name: 'the global Graph scope with the US sign-in server and the US SMTP AUTH host: GCC High or DoD unknown, both scopes named',
      yaml: inSection(
        VESSEL,
        'smtp',
        ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.office365.us'],
        ['https://login.microsoftonline.com/', 'https://login.microsoftonline.us/'],
      ),
      errors: [
        {
          pointer: SMTP_SCOPE,
          at: 'https://graph.microsoft.com/.default',
          after: '  smtp:',
          messageId: 'oddOneOut',
          data: { cloud: GLOBAL, expected: 'https://graph.microsoft.us/.default (GCC High) or https://dod-graph.microsoft.us/.default (DoD)' },
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
          messageId: 'oddOneOut',
          data: {
            field: 'TM Exchange SMTP > SMTP Server',
            host: 'graph.microsoft.com',
            cloud: GLOBAL,
            others: `TM Exchange SMTP > OAuth2 > Token URL (login.microsoftonline.us) is for ${US} and TM Exchange SMTP > OAuth2 > Scope (graph.microsoft.us) is for ${GCC}`,
            expected: 'https://graph.microsoft.us/v1.0/users/replication.nordicstar@example.com/sendMail',
          },
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
          messageId: 'oddOneOut',
          data: { field: 'TM Exchange POP3 > Server', cloud: GLOBAL, expected: 'outlook.office365.us' },
          fix: null,
        },
      ],
    },
    {
      name: 'China: the global Token URL left in, with the China POP3 server and scope',
      yaml: inSection(CHINA_VESSEL, 'pop3', ['https://login.partner.microsoftonline.cn/', 'https://login.microsoftonline.com/']),
      errors: [
        {
          pointer: POP3_TOKEN,
          at: 'https://login.microsoftonline.com/',
          messageId: 'oddOneOut',
          data: { cloud: GLOBAL, others: /is for the China cloud \(21Vianet\)$/, expected: `https://login.partner.microsoftonline.cn/${TENANT}/oauth2/v2.0/token` },
          fix: null,
        },
      ],
    },
    {
      name: 'a Token URL with a placeholder tenant in another cloud: the advice names the authority',
      yaml: inSection(VESSEL, 'pop3', [`https://login.microsoftonline.com/${TENANT}/`, 'https://login.microsoftonline.us/TenantID/']),
      errors: [
        {
          pointer: POP3_TOKEN,
          at: 'https://login.microsoftonline.us/',
          messageId: 'oddOneOut',
          data: { expected: 'https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token' },
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
          messageId: 'noMajority',
          data: {
            cloud: GLOBAL,
            others: `TM Exchange POP3 > OAuth2 > Token URL (login.microsoftonline.us) is for ${US} and TM Exchange POP3 > OAuth2 > Scope (partner.outlook.cn) is for ${CHINA}`,
            fields: 'TM Exchange POP3 > OAuth2 > Token URL, TM Exchange POP3 > OAuth2 > Scope and TM Exchange POP3 > Server',
          },
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
          pointer: POP3_SCOPE,
          at: 'https://outlook.office365.com/.default',
          messageId: 'noMajority',
          data: { cloud: GLOBAL, others: `TM Exchange POP3 > OAuth2 > Token URL (login.microsoftonline.us) is for ${US}` },
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
          messageId: 'noMajority',
          data: { cloud: GLOBAL, others: `TM Exchange POP3 > OAuth2 > Scope (outlook.office365.us) is for ${GCC}` },
          fix: null,
        },
      ],
    },
    {
      name: 'one finding per section: every section of a GCC High vessel with its global Token URL left in',
      yaml: GCC_HIGH.replaceAll('login.microsoftonline.us', 'login.microsoftonline.com'),
      errors: [
        { pointer: MAIL_TOKEN, at: 'https://login.microsoftonline.com/', messageId: 'oddOneOut', data: { field: 'Mail Settings > OAuth2 > Token URL', cloud: GLOBAL }, fix: null },
        { pointer: '/exchange/smtp/oauth2/tokenUrl', at: 'https://login.microsoftonline.com/', after: '  smtp:', messageId: 'oddOneOut', fix: null },
        { pointer: POP3_TOKEN, at: 'https://login.microsoftonline.com/', after: '  pop3:', messageId: 'oddOneOut', fix: null },
      ],
    },
    {
      name: 'one tenant, two clouds: Mail Settings on GCC High, TM Exchange on the global cloud: Mail Settings is the odd one',
      yaml: MAIL_ON_GCC_HIGH,
      errors: [
        {
          pointer: MAIL_TOKEN,
          at: 'https://login.microsoftonline.us/',
          messageId: 'tenantCloud',
          data: {
            field: 'Mail Settings > OAuth2 > Token URL',
            host: 'login.microsoftonline.us',
            cloud: US,
            target: GLOBAL,
            others: 'TM Exchange SMTP and TM Exchange POP3',
            changes: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token as Token URL, https://graph.microsoft.com/.default as Scope and https://graph.microsoft.com/v1.0/users/{0}/sendMail as SMTP Server`,
          },
          fix: null,
        },
      ],
    },
    {
      name: 'one tenant, two clouds: only POP3 on GCC High, the tenant GUID in capitals there',
      yaml: inSection(GCC_HIGH, 'pop3', [TENANT, TENANT.toUpperCase()]).replace(
        /mailSettings:[\s\S]*?  pop3:/,
        (head) => head.replaceAll('login.microsoftonline.us', 'login.microsoftonline.com').replaceAll('graph.microsoft.us', 'graph.microsoft.com'),
      ),
      errors: [
        {
          pointer: POP3_TOKEN,
          at: 'https://login.microsoftonline.us/',
          messageId: 'tenantCloud',
          data: {
            target: GLOBAL,
            others: 'Mail Settings and TM Exchange SMTP',
            changes: `https://login.microsoftonline.com/${TENANT.toUpperCase()}/oauth2/v2.0/token as Token URL, https://outlook.office365.com/.default as Scope and outlook.office365.com as Server`,
          },
          fix: null,
        },
      ],
    },
    {
      name: 'one tenant in GCC High and DoD: the DoD Mail Settings is the odd one, reported at its Scope (the Token URL suits both)',
      yaml: inSection(
        GCC_HIGH,
        'mailSettings',
        ['https://graph.microsoft.us/v1.0/users/{0}', 'https://dod-graph.microsoft.us/v1.0/users/{0}'],
        ['scope: https://graph.microsoft.us/.default', 'scope: https://dod-graph.microsoft.us/.default'],
      ),
      errors: [
        {
          pointer: MAIL_SCOPE,
          at: 'https://dod-graph.microsoft.us/.default',
          messageId: 'tenantCloud',
          data: {
            host: 'dod-graph.microsoft.us',
            cloud: DOD_CLOUD,
            target: GCC,
            changes: 'https://graph.microsoft.us/.default as Scope and https://graph.microsoft.us/v1.0/users/{0}/sendMail as SMTP Server',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'one tenant domain, two clouds, one section each: the first section in the guide\'s order is the reference',
      yaml: removeBlock(
        inSection(
          domainVessel(),
          'smtp',
          ['https://graph.microsoft.com/v1.0', 'https://microsoftgraph.chinacloudapi.cn/v1.0'],
          ['https://login.microsoftonline.com/Example.onmicrosoft.com/', 'https://login.partner.microsoftonline.cn/Example.onmicrosoft.com/'],
          ['scope: https://graph.microsoft.com/.default', 'scope: https://microsoftgraph.chinacloudapi.cn/.default'],
        ),
        '  pop3:',
      ),
      errors: [
        {
          pointer: '/exchange/smtp/oauth2/tokenUrl',
          at: 'https://login.partner.microsoftonline.cn/',
          messageId: 'tenantCloud',
          data: { cloud: CHINA, target: GLOBAL, others: 'Mail Settings', changes: /^https:\/\/login\.microsoftonline\.com\/Example\.onmicrosoft\.com\/oauth2\/v2\.0\/token as Token URL, / },
          fix: null,
        },
      ],
    },
  ],
});

/** The vessel with the domain example.onmicrosoft.com as its tenant (written Example.onmicrosoft.com in TM Exchange SMTP). */
function domainVessel(): string {
  const text = VESSEL.replaceAll(`login.microsoftonline.com/${TENANT}/`, 'login.microsoftonline.com/example.onmicrosoft.com/');
  return inSection(text, 'smtp', ['login.microsoftonline.com/example.onmicrosoft.com/', 'login.microsoftonline.com/Example.onmicrosoft.com/']);
}
