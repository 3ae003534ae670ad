import { edit, OFFICE, removeBlock, removeLine, TENANT, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './token-url.js';

const GOOD = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
const OFFICE_GOOD = 'https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/v2.0/token';

/** The vessel with the Mail Settings Token URL replaced. */
const mail = (url: string): string => edit(VESSEL, [`tokenUrl: ${GOOD}`, `tokenUrl: ${url}`]);
/** The vessel with the POP3 Token URL replaced. */
const pop3 = (url: string): string => within(VESSEL, 'pop3:', (t) => edit(t, [`tokenUrl: ${GOOD}`, `tokenUrl: ${url}`]));
/** The office (no azure section) with its Token URL replaced. */
const office = (url: string): string => edit(OFFICE, [`tokenUrl: ${OFFICE_GOOD}`, `tokenUrl: ${url}`]);

const MAIL = '/mailSettings/oauth2/tokenUrl';
const POP3 = '/exchange/pop3/oauth2/tokenUrl';

/** A vessel on its own relay and POP3 server, with basic auth and a junk Token URL: OAuth2 does not apply. */
const RELAY = within(
  within(
    edit(
      VESSEL,
      ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: smtp.example.com'],
      ['useOAuth2: true', 'useOAuth2: false'],
      [`tokenUrl: ${GOOD}`, 'tokenUrl: https://login.microsoftonline.com/TenantID/oauth2/v2.0/token'],
      ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com'],
    ),
    'smtp:',
    (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false'], [`tokenUrl: ${GOOD}`, 'tokenUrl: http://login.microsoftonline.com/common/oauth2/token']),
  ),
  'pop3:',
  (t) => edit(t, ['server: outlook.office365.com', 'server: pop.example.com'], ['useOAuth2: true', 'useOAuth2: false'], [`tokenUrl: ${GOOD}`, 'tokenUrl: ""']),
);

ruleTester(rule, {
  valid: [
    { name: 'a Microsoft POP3 server with oauth2: { useOAuth2: false } only (oauth2/disabled speaks)', yaml: within(VESSEL, '  pop3:', (t) => t.replace(/    oauth2:\n(?:      .*\n)+/, '    oauth2: { useOAuth2: false }\n')) },
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'a verified domain that only looks like a word: tenantco.onmicrosoft.com', yaml: office('https://login.microsoftonline.com/tenantco.onmicrosoft.com/oauth2/v2.0/token') },
    { name: 'example.com as a verified domain', yaml: office('https://login.microsoftonline.com/example.com/oauth2/v2.0/token') },
    { name: 'the correct office of the guide (a domain tenant)', yaml: OFFICE },
    { name: 'a tenant GUID in capitals', yaml: mail(`https://login.microsoftonline.com/${TENANT.toUpperCase()}/oauth2/v2.0/token`) },
    { name: 'a verified custom domain as the tenant', yaml: office('https://login.microsoftonline.com/example.com/oauth2/v2.0/token') },
    { name: 'a trailing slash', yaml: mail(`${GOOD}/`) },
    { name: 'the authority host in capitals', yaml: mail(`https://LOGIN.MicrosoftOnline.com/${TENANT}/oauth2/v2.0/token`) },
    { name: 'spaces around the URL', yaml: mail(`"  ${GOOD}  "`) },
    { name: 'the US Government authority', yaml: pop3(`https://login.microsoftonline.us/${TENANT}/oauth2/v2.0/token`) },
    { name: 'the China authority', yaml: pop3(`https://login.partner.microsoftonline.cn/${TENANT}/oauth2/v2.0/token`) },
    { name: 'the older China authority', yaml: pop3(`https://login.chinacloudapi.cn/${TENANT}/oauth2/v2.0/token`) },
    { name: 'a vessel on its own relay and POP3 server with basic auth', yaml: RELAY },
    {
      name: 'a Microsoft server with no OAuth2 tab: oauth2/disabled speaks, not this rule',
      yaml: within(VESSEL, 'pop3:', (t) => removeBlock(t, 'oauth2:')),
    },
    { name: 'no TM Exchange', yaml: removeBlock(VESSEL, 'exchange:') },
  ],
  invalid: [
    {
      name: "the guide's placeholder TenantID left in, azure.tenantId known: fixed",
      yaml: mail('https://login.microsoftonline.com/TenantID/oauth2/v2.0/token'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://login.microsoftonline.com/TenantID',
          message:
            `the guide's placeholder "TenantID" is still in the Mail Settings > OAuth2 > Token URL: replace it with your Directory (tenant) ID from portal.azure.com > Microsoft Entra ID > Overview`,
          fix: { pointer: MAIL, value: GOOD },
        },
      ],
    },
    {
      name: 'the manifest example <tenant> left in, no azure section: no fix',
      yaml: office('https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/<tenant>', message: `the guide's placeholder "<tenant>" is still in`, fix: null }],
    },
    ...[
      'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      '<tenant>.onmicrosoft.com',
      'yourtenant.onmicrosoft.com',
      'TenantID.onmicrosoft.com',
      'your-tenant.onmicrosoft.com',
      'yourdomain.onmicrosoft.com',
    ].map((tenant) => ({
      name: `a placeholder tenant the model reads as a domain or a malformed tenant: ${tenant}`,
      yaml: office(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: `https://login.microsoftonline.com/${tenant}`, message: `the guide's placeholder "${tenant}" is still in`, fix: null }],
    })),
    {
      name: 'a tenant GUID in braces is a malformed tenant, not a placeholder',
      yaml: office(`https://login.microsoftonline.com/{${TENANT}}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/{', message: `the tenant "{${TENANT}}" in Mail Settings > OAuth2 > Token URL is neither a GUID nor a domain name`, fix: null }],
    },
    {
      name: 'a domain placeholder with azure.tenantId known: fixed',
      yaml: mail('https://login.microsoftonline.com/yourtenant.onmicrosoft.com/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/yourtenant', message: 'placeholder "yourtenant.onmicrosoft.com"', fix: { pointer: MAIL, value: GOOD } }],
    },
    {
      name: '{tenant} left in',
      yaml: office('https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/{tenant}', message: `placeholder "{tenant}"`, fix: null }],
    },
    {
      name: 'a placeholder on the US Government authority: fixed in that cloud',
      yaml: pop3('https://login.microsoftonline.us/TenantID/oauth2/v2.0/token'),
      errors: [
        {
          pointer: POP3,
          at: 'https://login.microsoftonline.us/TenantID',
          message: 'TM Exchange POP3 > OAuth2 > Token URL',
          fix: { pointer: POP3, value: `https://login.microsoftonline.us/${TENANT}/oauth2/v2.0/token` },
        },
      ],
    },
    {
      name: 'common instead of the tenant, azure.tenantId known: fixed',
      yaml: pop3('https://login.microsoftonline.com/common/oauth2/v2.0/token'),
      errors: [
        {
          pointer: POP3,
          at: 'https://login.microsoftonline.com/common',
          message: 'names "common" instead of a tenant: common, organizations and consumers are not valid for app-only tokens',
          fix: { pointer: POP3, value: GOOD },
        },
      ],
    },
    {
      name: 'organizations instead of the tenant, no azure section: no fix',
      yaml: office('https://login.microsoftonline.com/organizations/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/organizations', message: 'names "organizations" instead of a tenant', fix: null }],
    },
    {
      name: 'the v1 endpoint: the path is fixed, the tenant kept as written',
      yaml: office('https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/token'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/token',
          message: 'is the v1 endpoint /oauth2/token, which ignores Scope',
          fix: { pointer: MAIL, value: OFFICE_GOOD },
        },
      ],
    },
    {
      name: 'the authorize endpoint',
      yaml: pop3(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`),
      errors: [
        {
          pointer: POP3,
          at: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
          message: 'is the authorize endpoint',
          fix: { pointer: POP3, value: GOOD },
        },
      ],
    },
    {
      name: 'the v1 authorize endpoint on the China authority: fixed on that authority',
      yaml: pop3(`https://login.chinacloudapi.cn/${TENANT}/oauth2/authorize`),
      errors: [
        {
          pointer: POP3,
          at: `https://login.chinacloudapi.cn/${TENANT}/oauth2/authorize`,
          message: 'is the authorize endpoint',
          fix: { pointer: POP3, value: `https://login.chinacloudapi.cn/${TENANT}/oauth2/v2.0/token` },
        },
      ],
    },
    {
      name: 'http: instead of https:, otherwise right: fixed with the rest unchanged',
      yaml: mail(`http://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'http://login', message: 'starts with http:, and Microsoft\'s token endpoint takes only https', fix: { pointer: MAIL, value: GOOD } }],
    },
    {
      name: 'http: with the placeholder still in: not fixable in one step',
      yaml: mail('http://login.microsoftonline.com/TenantID/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'http://login', message: 'starts with http:', fix: null }],
    },
    {
      name: 'the Graph host instead of the sign-in server',
      yaml: mail(`https://graph.microsoft.com/${TENANT}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: `https://graph.microsoft.com/${TENANT}`, message: 'goes to another host: graph.microsoft.com is a Microsoft Graph server, not the sign-in server', fix: null }],
    },
    {
      name: 'a host that is not Microsoft\'s',
      yaml: mail(`https://login.example.com/${TENANT}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'https://login.example.com', message: 'login.example.com is not Microsoft\'s sign-in server', fix: null }],
    },
    {
      name: 'no tenant in the path',
      yaml: mail('https://login.microsoftonline.com/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/oauth2', message: 'has no tenant', fix: null }],
    },
    {
      name: 'a tenant that is neither a GUID nor a domain',
      yaml: mail('https://login.microsoftonline.com/nordicstar/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/nordicstar', message: 'the tenant "nordicstar" in Mail Settings > OAuth2 > Token URL is neither a GUID nor a domain name', fix: null }],
    },
    {
      name: 'a tenant GUID with a character missing',
      yaml: mail(`https://login.microsoftonline.com/${TENANT.slice(1)}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/', message: 'is neither a GUID nor a domain name', fix: null }],
    },
    {
      name: 'another endpoint (device code)',
      yaml: mail(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/devicecode`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/', message: 'has the path of another endpoint', fix: null }],
    },
    {
      name: 'a query string',
      yaml: mail(`${GOOD}?scope=https://graph.microsoft.com/.default`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/', message: 'has a query string', fix: null }],
    },
    {
      name: 'no scheme: not a URL',
      yaml: mail(`login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'login.microsoftonline.com/', message: 'is not a URL: enter https://login.microsoftonline.com/', fix: null }],
    },
    {
      name: 'the Token URL not filled in for POP3',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'tokenUrl:')),
      errors: [
        {
          pointer: POP3,
          at: 'oauth2:',
          after: 'pop3:',
          message: `TM Exchange POP3 > OAuth2 > Token URL is not filled in: enter ${GOOD}`,
          fix: null,
        },
      ],
    },
    {
      name: 'an empty Token URL, no azure section',
      yaml: office('""'),
      errors: [
        {
          pointer: MAIL,
          at: '""',
          message: 'Mail Settings > OAuth2 > Token URL is empty: enter https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token',
          fix: null,
        },
      ],
    },
    {
      name: 'Use OAuth2 ticked on a site\'s own server: the Token URL is still judged',
      yaml: edit(office('https://login.microsoftonline.com/TenantID/oauth2/v2.0/token'), [
        'smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail',
        'smtpServer: smtp.example.com',
      ]),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/TenantID', message: 'placeholder "TenantID"', fix: null }],
    },
    {
      name: 'the placeholder in every section: one finding each',
      yaml: VESSEL.split(`tokenUrl: ${GOOD}`).join('tokenUrl: https://login.microsoftonline.com/TenantID/oauth2/v2.0/token'),
      errors: [
        { pointer: MAIL, at: 'https://login.microsoftonline.com/TenantID', fix: { pointer: MAIL, value: GOOD } },
        {
          pointer: '/exchange/smtp/oauth2/tokenUrl',
          at: 'https://login.microsoftonline.com/TenantID',
          after: 'smtp:',
          message: 'TM Exchange SMTP > OAuth2 > Token URL',
          fix: { pointer: '/exchange/smtp/oauth2/tokenUrl', value: GOOD },
        },
        { pointer: POP3, at: 'https://login.microsoftonline.com/TenantID', after: 'pop3:', fix: { pointer: POP3, value: GOOD } },
      ],
    },
  ],
});
