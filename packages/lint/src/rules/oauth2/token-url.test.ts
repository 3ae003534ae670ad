import { APP_ID, edit, OFFICE, removeBlock, removeLine, TENANT, VESSEL, within } from '../../test-utils/fixtures.js';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { ruleTester, secretPieces } from '../../test-utils/rule-tester.js';
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
const SMTP = '/exchange/smtp/oauth2/tokenUrl';
const POP3 = '/exchange/pop3/oauth2/tokenUrl';
const NIL = '00000000-0000-0000-0000-000000000000';
/** A client secret Value, as Entra generates them: pasted into the Token URL's query by mistake. */
const PASTED_SECRET = 'Qm38Q~wXkz2Lp0vYt9RbN4sHcJ7uFe1GdA5iKo_';
/** The vessel with the azure tenant replaced (YAML text). */
const registered = (tenant: string, text = VESSEL): string => edit(text, [`tenantId: ${TENANT}`, `tenantId: ${tenant}`]);

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
    { name: 'test.onmicrosoft.com, a real domain made of a placeholder word', yaml: office('https://login.microsoftonline.com/test.onmicrosoft.com/oauth2/v2.0/token') },
    { name: 'the correct office of the guide (a domain tenant)', yaml: OFFICE },
    { name: 'a tenant GUID in capitals', yaml: mail(`https://login.microsoftonline.com/${TENANT.toUpperCase()}/oauth2/v2.0/token`) },
    { name: 'a real tenant GUID that starts with zeros is not the nil GUID', yaml: mail('https://login.microsoftonline.com/00000000-1a2b-4c3d-8e4f-5a6b7c8d9e0f/oauth2/v2.0/token') },
    { name: 'a trailing slash', yaml: mail(`${GOOD}/`) },
    { name: 'the authority host in capitals', yaml: mail(`https://LOGIN.MicrosoftOnline.com/${TENANT}/oauth2/v2.0/token`) },
    { name: 'spaces around the URL', yaml: mail(`"  ${GOOD}  "`) },
    { name: 'the US Government authority', yaml: pop3(`https://login.microsoftonline.us/${TENANT}/oauth2/v2.0/token`) },
    {
      name: 'the US Government authority for a DoD POP3 server (GCC High and DoD share it)',
      yaml: edit(pop3(`https://login.microsoftonline.us/${TENANT}/oauth2/v2.0/token`), ['server: outlook.office365.com', 'server: outlook-dod.office365.us']),
    },
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
          messageId: 'placeholderKnown',
          data: { field: 'Mail Settings > OAuth2 > Token URL', tenant: '"TenantID"', tenantField: 'Azure > Directory (tenant) ID', expected: GOOD },
          fix: { pointer: MAIL, value: GOOD },
        },
      ],
    },
    {
      name: 'the manifest example <tenant> left in, no azure section: no fix',
      yaml: office('https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/<tenant>', messageId: 'placeholder', data: { tenant: '"<tenant>"' }, fix: null }],
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
      errors: [{ pointer: MAIL, at: `https://login.microsoftonline.com/${tenant}`, messageId: 'placeholder', data: { tenant: `"${tenant}"` }, fix: null }],
    })),
    ...[
      ['the nil GUID', NIL],
      ['one digit repeated', '11111111-1111-1111-1111-111111111111'],
      ["Microsoft's documentation tenant placeholder", 'aaaabbbb-0000-cccc-1111-dddd2222eeee'],
      ['the nil GUID in braces', `{${NIL}}`],
      ['the nil GUID in capitals with letters repeated', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'],
    ].map(([what, tenant]) => ({
      name: `a placeholder GUID as the tenant, no azure section: ${what}`,
      yaml: office(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/', messageId: 'placeholder', data: { tenant: `"${tenant}"` }, fix: null }],
    })),
    {
      name: 'the nil GUID in the POP3 Token URL, azure.tenantId known: fixed to the registered tenant',
      yaml: pop3(`https://login.microsoftonline.com/${NIL}/oauth2/v2.0/token`),
      errors: [{ pointer: POP3, at: `https://login.microsoftonline.com/${NIL}`, messageId: 'placeholderKnown', data: { tenant: `"${NIL}"`, expected: GOOD }, fix: { pointer: POP3, value: GOOD } }],
    },
    {
      name: 'a placeholder GUID on the v1 endpoint: the placeholder is said, and the fix mends both',
      yaml: pop3('https://login.microsoftonline.com/12345678-1234-1234-1234-123456789012/oauth2/token'),
      errors: [{ pointer: POP3, at: 'https://login.microsoftonline.com/1234', messageId: 'placeholderKnown', fix: { pointer: POP3, value: GOOD } }],
    },
    {
      name: 'a placeholder azure.tenantId is not used to fix a placeholder Token URL',
      yaml: registered(NIL, mail('https://login.microsoftonline.com/TenantID/oauth2/v2.0/token')),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/TenantID', messageId: 'placeholder', fix: null }],
    },
    {
      name: 'a tenant GUID in braces: remove the braces (fixed)',
      yaml: office(`https://login.microsoftonline.com/{${TENANT}}/oauth2/v2.0/token`),
      errors: [
        {
          pointer: MAIL,
          at: 'https://login.microsoftonline.com/{',
          messageId: 'braced',
          data: { field: 'Mail Settings > OAuth2 > Token URL', tenant: `"{${TENANT}}"`, expected: GOOD },
          fix: { pointer: MAIL, value: GOOD },
        },
      ],
    },
    {
      name: 'a braced tenant GUID on the US Government authority, with a trailing slash: only the braces go',
      yaml: pop3(`https://login.microsoftonline.us/{${TENANT.toUpperCase()}}/oauth2/v2.0/token/`),
      errors: [
        {
          pointer: POP3,
          at: 'https://login.microsoftonline.us/{',
          messageId: 'braced',
          fix: { pointer: POP3, value: `https://login.microsoftonline.us/${TENANT.toUpperCase()}/oauth2/v2.0/token/` },
        },
      ],
    },
    {
      name: 'only a closing brace after the tenant GUID',
      yaml: mail(`https://login.microsoftonline.com/${TENANT}}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/', messageId: 'braced', data: { tenant: `"${TENANT}}"` }, fix: { pointer: MAIL, value: GOOD } }],
    },
    {
      name: 'a braced tenant GUID on the v1 endpoint: no fix in one step, the message gives the whole URL',
      yaml: mail(`https://login.microsoftonline.com/{${TENANT}}/oauth2/token`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/{', messageId: 'braced', data: { expected: GOOD }, fix: null }],
    },
    {
      name: 'a domain placeholder with azure.tenantId known: fixed',
      yaml: mail('https://login.microsoftonline.com/yourtenant.onmicrosoft.com/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/yourtenant', messageId: 'placeholderKnown', data: { tenant: '"yourtenant.onmicrosoft.com"' }, fix: { pointer: MAIL, value: GOOD } }],
    },
    {
      name: '{tenant} left in',
      yaml: office('https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/{tenant}', messageId: 'placeholder', data: { tenant: '"{tenant}"' }, fix: null }],
    },
    {
      name: 'a placeholder on the US Government authority: fixed in that cloud',
      yaml: pop3('https://login.microsoftonline.us/TenantID/oauth2/v2.0/token'),
      errors: [
        {
          pointer: POP3,
          at: 'https://login.microsoftonline.us/TenantID',
          messageId: 'placeholderKnown',
          data: { field: 'TM Exchange POP3 > OAuth2 > Token URL' },
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
          messageId: 'multiTenant',
          data: { tenant: '"common"', example: GOOD },
          fix: { pointer: POP3, value: GOOD },
        },
      ],
    },
    {
      name: 'organizations instead of the tenant, no azure section: no fix',
      yaml: office('https://login.microsoftonline.com/organizations/oauth2/v2.0/token'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://login.microsoftonline.com/organizations',
          messageId: 'multiTenant',
          data: { tenant: '"organizations"', example: 'https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token' },
          fix: null,
        },
      ],
    },
    {
      name: 'the v1 endpoint: the path is fixed, the tenant kept as written',
      yaml: office('https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/token'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/token',
          messageId: 'v1',
          data: { value: '"https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/token"' },
          fix: { pointer: MAIL, value: OFFICE_GOOD },
        },
      ],
    },
    {
      name: 'the authorize endpoint',
      yaml: pop3(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`),
      errors: [{ pointer: POP3, at: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`, messageId: 'authorize', fix: { pointer: POP3, value: GOOD } }],
    },
    {
      name: 'the v1 authorize endpoint on the China authority: fixed on that authority',
      yaml: pop3(`https://login.chinacloudapi.cn/${TENANT}/oauth2/authorize`),
      errors: [
        {
          pointer: POP3,
          at: `https://login.chinacloudapi.cn/${TENANT}/oauth2/authorize`,
          messageId: 'authorize',
          fix: { pointer: POP3, value: `https://login.chinacloudapi.cn/${TENANT}/oauth2/v2.0/token` },
        },
      ],
    },
    {
      name: 'http: instead of https:, otherwise right: fixed with the rest unchanged',
      yaml: mail(`http://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'http://login', messageId: 'http', data: { example: GOOD }, fix: { pointer: MAIL, value: GOOD } }],
    },
    {
      name: 'http: with the placeholder still in: not fixable in one step',
      yaml: mail('http://login.microsoftonline.com/TenantID/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'http://login', messageId: 'http', data: { example: GOOD }, fix: null }],
    },
    {
      name: 'the Graph host instead of the sign-in server',
      yaml: mail(`https://graph.microsoft.com/${TENANT}/oauth2/v2.0/token`),
      errors: [
        {
          pointer: MAIL,
          at: `https://graph.microsoft.com/${TENANT}`,
          messageId: 'resourceHost',
          data: { host: 'graph.microsoft.com', kind: 'Microsoft Graph', example: GOOD },
          fix: null,
        },
      ],
    },
    {
      name: 'the POP3 server instead of the sign-in server',
      yaml: pop3(`https://outlook.office365.com/${TENANT}/oauth2/v2.0/token`),
      errors: [{ pointer: POP3, at: `https://outlook.office365.com/${TENANT}`, messageId: 'resourceHost', data: { host: 'outlook.office365.com', kind: 'mail' }, fix: null }],
    },
    {
      name: 'a host that is not Microsoft\'s',
      yaml: mail(`https://login.example.com/${TENANT}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'https://login.example.com', messageId: 'otherHost', data: { host: 'login.example.com' }, fix: null }],
    },
    {
      name: 'no tenant in the path',
      yaml: mail('https://login.microsoftonline.com/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/oauth2', messageId: 'noTenant', data: { example: GOOD }, fix: null }],
    },
    {
      name: 'a tenant that is neither a GUID nor a domain',
      yaml: mail('https://login.microsoftonline.com/nordicstar/oauth2/v2.0/token'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/nordicstar', messageId: 'badTenant', data: { tenant: '"nordicstar"', field: 'Mail Settings > OAuth2 > Token URL' }, fix: null }],
    },
    {
      name: 'a tenant GUID with a character missing',
      yaml: mail(`https://login.microsoftonline.com/${TENANT.slice(1)}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/', messageId: 'badTenant', fix: null }],
    },
    {
      name: 'another endpoint (device code)',
      yaml: mail(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/devicecode`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/', messageId: 'path', data: { example: GOOD }, fix: null }],
    },
    {
      name: 'a query string with the body parameters: the query is not shown, and the fix removes it',
      yaml: mail(`${GOOD}?grant_type=client_credentials`),
      errors: [
        {
          pointer: MAIL,
          at: 'https://login.microsoftonline.com/',
          messageId: 'query',
          data: { url: `"${GOOD}"` },
          fix: { pointer: MAIL, value: GOOD },
        },
      ],
    },
    {
      name: 'a fragment after the URL',
      yaml: office(`${OFFICE_GOOD}#token`),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/', messageId: 'query', data: { url: `"${OFFICE_GOOD}"` }, fix: { pointer: MAIL, value: OFFICE_GOOD } }],
    },
    {
      name: 'the client ID and secret pasted as a query string: neither is shown, the fix removes them, and the secret must be replaced',
      yaml: pop3(`"${GOOD}?client_id=${APP_ID}&client_secret=${PASTED_SECRET}"`),
      errors: [
        {
          pointer: POP3,
          at: `"${GOOD}`,
          messageId: 'querySecret',
          data: { field: 'TM Exchange POP3 > OAuth2 > Token URL', url: `"${GOOD}"` },
          fix: { pointer: POP3, value: GOOD },
        },
      ],
    },
    {
      name: 'a secret in the query of a v1 http URL: the secret is said first, and removed even though the rest stays wrong',
      yaml: mail(`"http://login.microsoftonline.com/${TENANT}/oauth2/token?client_secret=${encodeURIComponent(PASTED_SECRET)}&scope=x"`),
      errors: [
        {
          pointer: MAIL,
          at: '"http://login',
          messageId: 'querySecret',
          data: { url: `"http://login.microsoftonline.com/${TENANT}/oauth2/token"` },
          fix: { pointer: MAIL, value: `http://login.microsoftonline.com/${TENANT}/oauth2/token` },
        },
      ],
    },
    {
      name: 'no scheme: not a URL',
      yaml: mail(`login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`),
      errors: [{ pointer: MAIL, at: 'login.microsoftonline.com/', messageId: 'notUrl', data: { example: GOOD }, fix: null }],
    },
    {
      name: 'the Token URL not filled in for POP3',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'tokenUrl:')),
      errors: [
        {
          pointer: POP3,
          at: 'oauth2:',
          after: 'pop3:',
          messageId: 'notFilledIn',
          data: { field: 'TM Exchange POP3 > OAuth2 > Token URL', example: GOOD },
          fix: null,
        },
      ],
    },
    {
      name: 'an empty Token URL, no azure section: "is not filled in" too',
      yaml: office('""'),
      errors: [
        {
          pointer: MAIL,
          at: '""',
          messageId: 'notFilledIn',
          data: { example: 'https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token' },
          fix: null,
        },
      ],
    },
    {
      name: 'a Token URL of spaces on a GCC High server: the example is on the US Government authority',
      yaml: within(edit(VESSEL, ['server: https://graph.microsoft.com/v1.0/users/replication', 'server: https://graph.microsoft.us/v1.0/users/replication']), 'smtp:', (t) => edit(t, [`tokenUrl: ${GOOD}`, 'tokenUrl: "   "'])),
      errors: [
        {
          pointer: SMTP,
          at: '"   "',
          messageId: 'notFilledIn',
          data: { example: `https://login.microsoftonline.us/${TENANT}/oauth2/v2.0/token` },
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
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/TenantID', messageId: 'placeholder', fix: null }],
    },
    {
      name: 'the placeholder in every section: one finding each',
      yaml: VESSEL.split(`tokenUrl: ${GOOD}`).join('tokenUrl: https://login.microsoftonline.com/TenantID/oauth2/v2.0/token'),
      errors: [
        { pointer: MAIL, at: 'https://login.microsoftonline.com/TenantID', messageId: 'placeholderKnown', fix: { pointer: MAIL, value: GOOD } },
        {
          pointer: SMTP,
          at: 'https://login.microsoftonline.com/TenantID',
          after: 'smtp:',
          messageId: 'placeholderKnown',
          data: { field: 'TM Exchange SMTP > OAuth2 > Token URL' },
          fix: { pointer: SMTP, value: GOOD },
        },
        { pointer: POP3, at: 'https://login.microsoftonline.com/TenantID', after: 'pop3:', messageId: 'placeholderKnown', fix: { pointer: POP3, value: GOOD } },
      ],
    },
  ],
});

describe('a client secret pasted into a Token URL', () => {
  it.each([
    ['in the query', pop3(`"${GOOD}?client_secret=${PASTED_SECRET}"`)],
    ['in the query, percent-encoded, after another parameter', mail(`"${GOOD}?scope=x&client_secret=${encodeURIComponent(PASTED_SECRET)}"`)],
    ['in the query of a URL with a placeholder tenant', mail(`"https://login.microsoftonline.com/TenantID/oauth2/v2.0/token?client_secret=${PASTED_SECRET}"`)],
    ['in a query without a parameter name', mail(`"${GOOD}?${PASTED_SECRET}"`)],
  ])('%s: no piece of it in any message, data or fix, even before the scrub', (_what, yaml) => {
    const raw: string[] = [];
    const results = lintText(yaml, { filePath: 'case.yaml' }, {
      config: resolveConfig([rule]),
      today: '2026-11-29',
      rules: [rule],
      onReport: (_id, report, message) => raw.push(message, JSON.stringify(report)),
    });
    expect(results.flatMap((r) => r.messages).filter((m) => m.ruleId === rule.id)).toHaveLength(1);
    expect(secretPieces(raw.join('\n'), [PASTED_SECRET, encodeURIComponent(PASTED_SECRET)])).toEqual([]);
  });
});
