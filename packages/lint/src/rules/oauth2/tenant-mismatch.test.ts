import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, TENANT, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './tenant-mismatch.js';

const MARK = { mailSettings: 'mailSettings:', smtp: '  smtp:', pop3: '  pop3:' } as const;
type Where = keyof typeof MARK;
const POINTER = {
  mailSettings: '/mailSettings/oauth2/tokenUrl',
  smtp: '/exchange/smtp/oauth2/tokenUrl',
  pop3: '/exchange/pop3/oauth2/tokenUrl',
} as const;

const URL = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
const OTHER = 'd4c3b2a1-9f8e-4d7c-b6a5-0f1e2d3c4b5a';
const NO_AZURE = removeBlock(VESSEL, 'azure:');

/** The text with one section's Token URL replaced (YAML text). */
function tokenUrl(where: Where, yamlValue: string, text = VESSEL, current = URL): string {
  const at = text.indexOf(MARK[where]);
  return text.slice(0, at) + edit(text.slice(at), [`tokenUrl: ${current}`, `tokenUrl: ${yamlValue}`]);
}

function urlFor(tenant: string, authority = 'login.microsoftonline.com'): string {
  return `https://${authority}/${tenant}/oauth2/v2.0/token`;
}

const GCC_HIGH = edit(
  VESSEL.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'graph.microsoft.us'),
  ['server: outlook.office365.com', 'server: outlook.office365.us'],
  ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
);

const withAzureTenant = (tenant: string, text = VESSEL): string => edit(text, [`tenantId: ${TENANT}`, `tenantId: ${tenant}`]);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel', yaml: VESSEL },
    // a placeholder domain is oauth2/token-url's finding, not a second tenant
    {
      name: 'a placeholder domain in one URL, azure.tenantId a domain',
      yaml: tokenUrl('pop3', urlFor('yourtenant.onmicrosoft.com'), withAzureTenant('nordicstar.onmicrosoft.com', VESSEL.replaceAll(URL, urlFor('nordicstar.onmicrosoft.com'))), urlFor('nordicstar.onmicrosoft.com')),
    },
    { name: 'a placeholder domain in one URL, domains in the others', yaml: tokenUrl('smtp', urlFor('TenantID.onmicrosoft.com'), NO_AZURE.replaceAll(URL, urlFor('example.com')), urlFor('example.com')) },
    { name: 'the correct office (a domain tenant, no azure)', yaml: OFFICE },
    { name: 'the tenant GUID in upper case in one URL', yaml: tokenUrl('pop3', urlFor(TENANT.toUpperCase())) },
    { name: 'azure.tenantId in upper case with spaces', yaml: withAzureTenant(`"${TENANT.toUpperCase()} "`) },
    { name: 'a Token URL with trailing spaces', yaml: tokenUrl('smtp', `"${URL}   "`) },
    {
      name: 'a domain in one Token URL, the GUID in azure.tenantId: not comparable',
      yaml: tokenUrl('pop3', urlFor('example.onmicrosoft.com')),
    },
    {
      name: 'a domain in azure.tenantId, GUIDs in the Token URLs: not comparable',
      yaml: withAzureTenant('example.onmicrosoft.com'),
    },
    {
      name: 'the same domain in other letter case',
      yaml: tokenUrl('pop3', urlFor('Example.OnMicrosoft.com'), tokenUrl('mailSettings', urlFor('example.onmicrosoft.com'), NO_AZURE)),
    },
    { name: 'no azure, the same tenant everywhere', yaml: NO_AZURE },
    { name: 'the guide\'s placeholder in one URL (oauth2/token-url reports it)', yaml: tokenUrl('pop3', urlFor('TenantID')) },
    { name: 'common in one URL (oauth2/token-url reports it)', yaml: tokenUrl('pop3', urlFor('common')) },
    { name: 'azure.tenantId that is a placeholder: the URLs agree with each other', yaml: withAzureTenant('"<tenant>"') },
    {
      name: 'POP3 from the site\'s own server with basic auth, another tenant left in its unused tab',
      yaml: edit(tokenUrl('pop3', urlFor(OTHER)), ['server: outlook.office365.com', 'server: pop.example.com'], ['      useOAuth2: true\n      tokenUrl: https://login.microsoftonline.com/d4', '      useOAuth2: false\n      tokenUrl: https://login.microsoftonline.com/d4']),
    },
    { name: 'no exchange section', yaml: removeBlock(VESSEL, 'exchange:') },
    { name: 'national cloud (GCC High), same tenant', yaml: GCC_HIGH },
  ],
  invalid: [
    {
      name: 'POP3 names another tenant than azure.tenantId: the fix puts the registered tenant in',
      yaml: tokenUrl('pop3', urlFor(OTHER)),
      errors: [
        {
          pointer: POINTER.pop3,
          at: urlFor(OTHER),
          message: `TM Exchange POP3 > OAuth2 > Token URL names the tenant "${OTHER}" but the Directory (tenant) ID where TM Master is registered (azure.tenantId) is "${TENANT}": `,
          fix: { pointer: POINTER.pop3, value: URL },
        },
      ],
    },
    {
      name: 'the fix keeps the rest of the URL exactly (host case, trailing slash) and writes azure.tenantId as given',
      yaml: withAzureTenant(TENANT.toUpperCase(), tokenUrl('mailSettings', `https://LOGIN.microsoftonline.com/${OTHER}/oauth2/v2.0/token/`)),
      errors: [
        {
          pointer: POINTER.mailSettings,
          at: 'https://LOGIN',
          message: `write https://LOGIN.microsoftonline.com/${TENANT.toUpperCase()}/oauth2/v2.0/token/`,
          fix: { pointer: POINTER.mailSettings, value: `https://LOGIN.microsoftonline.com/${TENANT.toUpperCase()}/oauth2/v2.0/token/` },
        },
      ],
    },
    {
      name: 'national cloud (GCC High): the fix keeps the authority',
      yaml: tokenUrl('smtp', urlFor(OTHER, 'login.microsoftonline.us'), GCC_HIGH, urlFor(TENANT, 'login.microsoftonline.us')),
      errors: [
        {
          pointer: POINTER.smtp,
          at: urlFor(OTHER, 'login.microsoftonline.us'),
          message: `names the tenant "${OTHER}"`,
          fix: { pointer: POINTER.smtp, value: urlFor(TENANT, 'login.microsoftonline.us') },
        },
      ],
    },
    {
      name: 'the Token URL has another problem too (v1 endpoint): reported without a fix, oauth2/token-url fixes the path',
      yaml: tokenUrl('pop3', `https://login.microsoftonline.com/${OTHER}/oauth2/token`),
      errors: [
        {
          pointer: POINTER.pop3,
          at: `https://login.microsoftonline.com/${OTHER}`,
          message: `write the Directory (tenant) ID ${TENANT} in its place`,
          fix: null,
        },
      ],
    },
    {
      name: 'domain tenants: the Token URL names another domain than azure.tenantId',
      yaml: withAzureTenant('example.onmicrosoft.com', tokenUrl('mailSettings', urlFor('fabrikam.onmicrosoft.com'))),
      errors: [
        {
          pointer: POINTER.mailSettings,
          at: urlFor('fabrikam.onmicrosoft.com'),
          message: 'names the tenant domain "fabrikam.onmicrosoft.com" but the Directory (tenant) ID where TM Master is registered (azure.tenantId) is "example.onmicrosoft.com"',
          fix: { pointer: POINTER.mailSettings, value: urlFor('example.onmicrosoft.com') },
        },
      ],
    },
    {
      name: 'no azure: POP3 names another tenant than Mail Settings (not fixable)',
      yaml: tokenUrl('pop3', urlFor(OTHER), NO_AZURE),
      errors: [
        {
          pointer: POINTER.pop3,
          at: urlFor(OTHER),
          message: `TM Exchange POP3 > OAuth2 > Token URL names the tenant "${OTHER}" but Mail Settings > OAuth2 > Token URL names "${TENANT}": `,
          fix: null,
        },
      ],
    },
    {
      name: 'no azure: Mail Settings is the reference, even when the two others agree with each other',
      yaml: tokenUrl('mailSettings', urlFor(OTHER), NO_AZURE),
      errors: [
        { pointer: POINTER.smtp, at: URL, after: '  smtp:', message: `TM Exchange SMTP > OAuth2 > Token URL names the tenant "${TENANT}" but Mail Settings`, fix: null },
        { pointer: POINTER.pop3, at: URL, after: '  pop3:', message: `TM Exchange POP3 > OAuth2 > Token URL names the tenant "${TENANT}" but Mail Settings`, fix: null },
      ],
    },
    {
      name: 'no azure: domains compared with domains only, a GUID in between',
      yaml: tokenUrl('pop3', urlFor('fabrikam.onmicrosoft.com'), tokenUrl('mailSettings', urlFor('example.onmicrosoft.com'), NO_AZURE)),
      errors: [
        {
          pointer: POINTER.pop3,
          at: urlFor('fabrikam.onmicrosoft.com'),
          message: 'names the tenant domain "fabrikam.onmicrosoft.com" but Mail Settings > OAuth2 > Token URL names "example.onmicrosoft.com": ',
          fix: null,
        },
      ],
    },
    {
      name: 'azure.tenantId a GUID: the domains in two Token URLs are still compared with each other',
      yaml: tokenUrl('pop3', urlFor('fabrikam.onmicrosoft.com'), tokenUrl('smtp', urlFor('example.onmicrosoft.com'))),
      errors: [
        {
          pointer: POINTER.pop3,
          at: urlFor('fabrikam.onmicrosoft.com'),
          message: 'but TM Exchange SMTP > OAuth2 > Token URL names "example.onmicrosoft.com"',
          fix: null,
        },
      ],
    },
    {
      name: 'the message says what to type without azure',
      yaml: tokenUrl('smtp', urlFor(OTHER), NO_AZURE),
      errors: [
        {
          pointer: POINTER.smtp,
          at: urlFor(OTHER),
          message: /write the same Tenant ID in every Token URL \(the Azure portal shows it when you search for "tenant"\)$/,
          fix: null,
        },
      ],
    },
  ],
});
