import { describe, expect, it } from 'vitest';
import { AADSTS, translateAadsts, type AadstsContext } from './aadsts.js';
import { mailSections, manifestView } from '@tmcheck/lint';
import { azureFacts } from './sections.js';

const data = {
  exchange: {
    pop3: {
      server: 'outlook.office365.com',
      oauth2: {
        useOAuth2: true,
        tokenUrl: 'https://login.microsoftonline.com/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b/oauth2/v2.0/token',
        scope: 'https://graph.microsoft.com/.default',
        clientId: '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4',
      },
    },
  },
};
const view = manifestView(data);
const section = mailSections(view)[0];
if (!section) throw new Error('no section');
const ctx: AadstsContext = { section, azure: azureFacts(view), secretLooksLikeGuid: false };

/** shared/reference/microsoft-365.md, "AADSTS codes a support engineer meets": code -> where the fix is. */
const TABLE: ReadonlyArray<readonly [number, string]> = [
  [7000215, 'TM Exchange POP3 > OAuth2 > Client Secret'],
  [7000222, 'TM Exchange POP3 > OAuth2 > Client Secret'],
  [7000218, 'TM Exchange POP3 > OAuth2 > Client Secret'],
  [700016, 'TM Exchange POP3 > OAuth2 > Client ID'],
  [90002, 'TM Exchange POP3 > OAuth2 > Token URL'],
  [900023, 'TM Exchange POP3 > OAuth2 > Token URL'],
  [9001023, 'TM Exchange POP3 > OAuth2 > Token URL'],
  [90130, 'TM Exchange POP3 > OAuth2 > Token URL'],
  [70011, 'TM Exchange POP3 > OAuth2 > Scope'],
  [1002012, 'TM Exchange POP3 > OAuth2 > Scope'],
  [700022, 'TM Exchange POP3 > OAuth2 > Scope'],
  [90014, 'TM Exchange POP3 > OAuth2 > Scope'],
  [500011, 'TM Exchange POP3 > OAuth2 > Scope'],
  [7000112, 'Azure portal > Enterprise applications > TMMaster > Properties'],
  [53003, 'Azure portal > Microsoft Entra ID > Security > Conditional Access'],
  [90038, 'TM Exchange POP3 > OAuth2 > Token URL'],
  [900432, 'TM Exchange POP3 > OAuth2 > Token URL'],
];

describe('AADSTS codes', () => {
  it.each(TABLE)('AADSTS%s names %s first, with a fix', (code, where) => {
    const t = translateAadsts(code, ctx);
    const first = t.causes[0];
    expect(first?.field ?? first?.place).toBe(where);
    expect(first?.fix.length).toBeGreaterThan(10);
    expect(AADSTS.has(code)).toBe(true);
  });

  it('gives each scope fix the scope of the section', () => {
    expect(translateAadsts(1002012, ctx).causes[0]?.fix).toContain('https://outlook.office365.com/.default');
  });

  it('700016: names the Token URL first when the manifest records another tenant, the Client ID when it holds the Object ID', () => {
    const otherTenant = { ...ctx, azure: { ...ctx.azure, tenantId: '11111111-2222-4333-8444-555555555555' } };
    expect(translateAadsts(700016, otherTenant).causes.map((c) => c.field)).toEqual(['TM Exchange POP3 > OAuth2 > Token URL', 'TM Exchange POP3 > OAuth2 > Client ID']);
    const objectId = { ...ctx, azure: { ...ctx.azure, objectId: '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4' } };
    const first = translateAadsts(700016, objectId).causes[0];
    expect(first?.field).toBe('TM Exchange POP3 > OAuth2 > Client ID');
    expect(first?.fix).toContain("Client ID holds the enterprise application's Object ID");
  });

  it('7000215: says when the secret sent has the shape of a Secret ID', () => {
    expect(translateAadsts(7000215, { ...ctx, secretLooksLikeGuid: true }).causes[0]?.fix).toMatch(/^Client Secret holds a GUID/);
  });

  it("an unknown code points to Microsoft's page for it", () => {
    expect(translateAadsts(12345, ctx).causes[0]?.place).toBe('https://login.microsoftonline.com/error?code=12345');
  });
});
