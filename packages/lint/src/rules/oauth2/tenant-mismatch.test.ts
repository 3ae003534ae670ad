import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, TENANT, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './tenant-mismatch.js';
import tokenUrlRule from './token-url.js';

const MARK = { mailSettings: 'mailSettings:', smtp: '  smtp:', pop3: '  pop3:' } as const;
type Where = keyof typeof MARK;
const POINTER = {
  mailSettings: '/mailSettings/oauth2/tokenUrl',
  smtp: '/exchange/smtp/oauth2/tokenUrl',
  pop3: '/exchange/pop3/oauth2/tokenUrl',
} as const;

const URL = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
const OTHER = 'd4c3b2a1-9f8e-4d7c-b6a5-0f1e2d3c4b5a';
const NIL = '00000000-0000-0000-0000-000000000000';
const REGISTERED = 'Azure > Directory (tenant) ID';
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
    { name: 'the correct office (a domain tenant, no azure)', yaml: OFFICE },
    { name: 'the tenant GUID in upper case in one URL', yaml: tokenUrl('pop3', urlFor(TENANT.toUpperCase())) },
    { name: 'azure.tenantId in upper case with spaces', yaml: withAzureTenant(`"${TENANT.toUpperCase()} "`) },
    { name: 'azure.tenantId in braces: the same tenant', yaml: withAzureTenant(`"{${TENANT}}"`) },
    { name: 'the registered tenant in braces in one URL: the same tenant (oauth2/token-url says to remove the braces)', yaml: tokenUrl('smtp', urlFor(`{${TENANT}}`)) },
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
    { name: 'the guide\'s placeholder in one URL (neither GUID nor domain: oauth2/token-url reports it)', yaml: tokenUrl('pop3', urlFor('TenantID')) },
    { name: 'common in one URL (oauth2/token-url reports it)', yaml: tokenUrl('pop3', urlFor('common')) },
    { name: 'azure.tenantId that is a placeholder: the URLs agree with each other', yaml: withAzureTenant('"<tenant>"') },
    { name: 'azure.tenantId the nil GUID: no reference, and the URLs agree with each other', yaml: withAzureTenant(NIL) },
    { name: 'the same placeholder GUID in every Token URL, no azure: nothing to compare (oauth2/token-url reports each)', yaml: NO_AZURE.replaceAll(URL, urlFor(NIL)) },
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
          messageId: 'registered',
          data: { field: 'TM Exchange POP3 > OAuth2 > Token URL', kind: 'tenant', tenant: `"${OTHER}"`, registeredField: REGISTERED, registered: `"${TENANT}"`, expected: URL },
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
          messageId: 'registered',
          data: { expected: `https://LOGIN.microsoftonline.com/${TENANT.toUpperCase()}/oauth2/v2.0/token/` },
          fix: { pointer: POINTER.mailSettings, value: `https://LOGIN.microsoftonline.com/${TENANT.toUpperCase()}/oauth2/v2.0/token/` },
        },
      ],
    },
    {
      name: 'azure.tenantId in braces: the fix writes it without them',
      yaml: withAzureTenant(`"{${TENANT}}"`, tokenUrl('smtp', urlFor(OTHER))),
      errors: [{ pointer: POINTER.smtp, at: urlFor(OTHER), messageId: 'registered', data: { registered: `"${TENANT}"` }, fix: { pointer: POINTER.smtp, value: URL } }],
    },
    {
      name: 'another tenant in braces: one fix mends the tenant and the braces',
      yaml: tokenUrl('pop3', urlFor(`{${OTHER}}`)),
      errors: [{ pointer: POINTER.pop3, at: 'https://login.microsoftonline.com/{', messageId: 'registered', data: { tenant: `"{${OTHER}}"` }, fix: { pointer: POINTER.pop3, value: URL } }],
    },
    {
      name: 'national cloud (GCC High): the fix keeps the authority',
      yaml: tokenUrl('smtp', urlFor(OTHER, 'login.microsoftonline.us'), GCC_HIGH, urlFor(TENANT, 'login.microsoftonline.us')),
      errors: [
        {
          pointer: POINTER.smtp,
          at: urlFor(OTHER, 'login.microsoftonline.us'),
          messageId: 'registered',
          data: { tenant: `"${OTHER}"` },
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
          messageId: 'registeredNoFix',
          data: { registered: `"${TENANT}"` },
          fix: null,
        },
      ],
    },
    {
      name: 'the nil GUID in one Token URL with azure.tenantId: reported and fixed here too, so that it is said even with oauth2/token-url off (which supersedes this)',
      yaml: tokenUrl('smtp', urlFor(NIL)),
      errors: [{ pointer: POINTER.smtp, at: urlFor(NIL), messageId: 'registered', data: { tenant: `"${NIL}"` }, fix: { pointer: POINTER.smtp, value: URL } }],
    },
    {
      name: 'a placeholder domain in one URL, azure.tenantId a domain: reported (oauth2/token-url supersedes it)',
      yaml: tokenUrl('pop3', urlFor('yourtenant.onmicrosoft.com'), withAzureTenant('nordicstar.onmicrosoft.com', VESSEL.replaceAll(URL, urlFor('nordicstar.onmicrosoft.com'))), urlFor('nordicstar.onmicrosoft.com')),
      errors: [{ pointer: POINTER.pop3, at: urlFor('yourtenant.onmicrosoft.com'), messageId: 'registered', data: { kind: 'tenant domain' }, fix: { pointer: POINTER.pop3, value: urlFor('nordicstar.onmicrosoft.com') } }],
    },
    {
      name: 'no azure: a placeholder GUID in Mail Settings is no reference; it alone is reported, against the first real tenant',
      yaml: tokenUrl('mailSettings', urlFor('11111111-1111-1111-1111-111111111111'), NO_AZURE),
      errors: [
        {
          pointer: POINTER.mailSettings,
          at: urlFor('11111111-1111-1111-1111-111111111111'),
          messageId: 'otherSection',
          data: { tenant: '"11111111-1111-1111-1111-111111111111"', otherField: 'TM Exchange SMTP > OAuth2 > Token URL', other: `"${TENANT}"` },
          fix: null,
        },
      ],
    },
    {
      name: 'a placeholder domain in one URL, domains in the others, no azure: reported against the first real domain',
      yaml: tokenUrl('smtp', urlFor('TenantID.onmicrosoft.com'), NO_AZURE.replaceAll(URL, urlFor('example.com')), urlFor('example.com')),
      errors: [{ pointer: POINTER.smtp, at: urlFor('TenantID.onmicrosoft.com'), messageId: 'otherSection', data: { otherField: 'Mail Settings > OAuth2 > Token URL', other: '"example.com"' }, fix: null }],
    },
    {
      name: 'azure.tenantId the nil GUID and another tenant in POP3: the Token URLs are compared with each other',
      yaml: withAzureTenant(NIL, tokenUrl('pop3', urlFor(OTHER))),
      errors: [{ pointer: POINTER.pop3, at: urlFor(OTHER), messageId: 'otherSection', data: { other: `"${TENANT}"` }, fix: null }],
    },
    {
      name: 'domain tenants: the Token URL names another domain than azure.tenantId',
      yaml: withAzureTenant('example.onmicrosoft.com', tokenUrl('mailSettings', urlFor('fabrikam.onmicrosoft.com'))),
      errors: [
        {
          pointer: POINTER.mailSettings,
          at: urlFor('fabrikam.onmicrosoft.com'),
          messageId: 'registered',
          data: { kind: 'tenant domain', tenant: '"fabrikam.onmicrosoft.com"', registered: '"example.onmicrosoft.com"' },
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
          messageId: 'otherSection',
          data: { field: 'TM Exchange POP3 > OAuth2 > Token URL', kind: 'tenant', tenant: `"${OTHER}"`, otherField: 'Mail Settings > OAuth2 > Token URL', other: `"${TENANT}"` },
          fix: null,
        },
      ],
    },
    {
      name: 'no azure: Mail Settings is the reference, even when the two others agree with each other',
      yaml: tokenUrl('mailSettings', urlFor(OTHER), NO_AZURE),
      errors: [
        { pointer: POINTER.smtp, at: URL, after: '  smtp:', messageId: 'otherSection', data: { tenant: `"${TENANT}"`, otherField: 'Mail Settings > OAuth2 > Token URL' }, fix: null },
        { pointer: POINTER.pop3, at: URL, after: '  pop3:', messageId: 'otherSection', data: { tenant: `"${TENANT}"`, otherField: 'Mail Settings > OAuth2 > Token URL' }, fix: null },
      ],
    },
    {
      name: 'no azure: domains compared with domains only, a GUID in between',
      yaml: tokenUrl('pop3', urlFor('fabrikam.onmicrosoft.com'), tokenUrl('mailSettings', urlFor('example.onmicrosoft.com'), NO_AZURE)),
      errors: [
        {
          pointer: POINTER.pop3,
          at: urlFor('fabrikam.onmicrosoft.com'),
          messageId: 'otherSection',
          data: { kind: 'tenant domain', tenant: '"fabrikam.onmicrosoft.com"', other: '"example.onmicrosoft.com"' },
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
          messageId: 'otherSection',
          data: { otherField: 'TM Exchange SMTP > OAuth2 > Token URL', other: '"example.onmicrosoft.com"' },
          fix: null,
        },
      ],
    },
  ],
});

describe('with oauth2/token-url, which supersedes this rule at a placeholder', () => {
  const lint = (yaml: string, tokenUrlOff: boolean): string[] => {
    const rules = [rule, tokenUrlRule];
    const config = resolveConfig(rules, tokenUrlOff ? { config: { rules: { 'oauth2/token-url': 'off' } } } : {});
    return lintText(yaml, { filePath: 'case.yaml' }, { config, today: '2026-11-29', rules })
      .flatMap((r) => r.messages)
      .map((m) => `${m.ruleId} ${m.messageId} ${m.pointer}`);
  };
  const NIL_POP3 = tokenUrl('pop3', urlFor(NIL));

  it('the nil GUID is one finding, oauth2/token-url\'s', () => {
    expect(lint(NIL_POP3, false)).toEqual([`oauth2/token-url placeholderKnown ${POINTER.pop3}`]);
  });
  it('with oauth2/token-url off, this rule still says it', () => {
    expect(lint(NIL_POP3, true)).toEqual([`oauth2/tenant-mismatch registered ${POINTER.pop3}`]);
  });
  it('a wrong path leaves the tenant question open: another tenant is still said', () => {
    const other = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    const v1 = tokenUrl('pop3', `https://login.microsoftonline.com/${other}/oauth2/token`);
    expect(lint(v1, false)).toEqual([`oauth2/tenant-mismatch registeredNoFix ${POINTER.pop3}`, `oauth2/token-url v1 ${POINTER.pop3}`]);
  });
  it('a placeholder never makes the correct Token URLs findings', () => {
    expect(lint(tokenUrl('mailSettings', urlFor(NIL), NO_AZURE), false)).toEqual([`oauth2/token-url placeholder ${POINTER.mailSettings}`]);
  });
});
