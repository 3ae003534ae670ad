import { describe, expect, it } from 'vitest';
import { checkClaims, decodeClaims, type Claims } from './claims.js';
import { mailSections, manifestView } from '@tmcheck/lint';

const TENANT = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const CLIENT = '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4';
const NOW = Date.UTC(2026, 4, 4, 10, 0, 0);

function tab(scope: string, tokenUrl = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`) {
  return { useOAuth2: true, tokenUrl, scope, clientId: CLIENT };
}
const [graph, pop3] = mailSections(
  manifestView({
    mailSettings: { oauth2: tab('https://graph.microsoft.com/.default') },
    exchange: { pop3: { oauth2: tab('https://outlook.office365.com/.default') } },
  }),
);
if (!graph || !pop3) throw new Error('no sections');

const good = (over: Partial<Claims> = {}): Claims => ({ aud: 'https://outlook.office365.com', tid: TENANT, appid: CLIENT, roles: ['POP.AccessAsApp'], exp: NOW / 1000 + 3600, ...over });
const failed = (claims: Claims, section = pop3) => checkClaims(claims, section, NOW).checks.filter((c) => !c.ok);

describe('decodeClaims', () => {
  it('reads the payload of a JWT without checking its signature, only the claims it knows', () => {
    const payload = Buffer.from(JSON.stringify({ aud: 'https://graph.microsoft.com', roles: ['Mail.Send'], exp: 1, other: 'x' })).toString('base64url');
    expect(decodeClaims(`eyJhbGciOiJIUzI1NiJ9.${payload}.sig`)).toEqual({ ok: true, claims: { aud: 'https://graph.microsoft.com', roles: ['Mail.Send'], exp: 1 } });
    expect(decodeClaims('not-a-jwt')).toMatchObject({ ok: false });
    expect(decodeClaims('a.!!!.c')).toMatchObject({ ok: false });
  });
});

describe('checkClaims', () => {
  it('passes a POP3 token with the Exchange audience, the tenant, the app, POP.AccessAsApp and a future expiry', () => {
    expect(failed(good())).toEqual([]);
  });

  it.each([
    ['00000002-0000-0ff1-ce00-000000000000'],
    ['https://outlook.office365.com/'],
    ['https://outlook.office365.us'],
    ['https://outlook-dod.office365.us'],
    ['https://partner.outlook.cn'],
  ])('takes %s as an Exchange audience', (aud) => {
    expect(failed(good({ aud }))).toEqual([]);
  });

  it.each([['https://graph.microsoft.com'], ['00000003-0000-0000-c000-000000000000'], ['https://graph.microsoft.us'], ['https://microsoftgraph.chinacloudapi.cn']])(
    'takes %s as a Graph audience',
    (aud) => {
      expect(failed(good({ aud, roles: ['Mail.Send'] }), graph)).toEqual([]);
    },
  );

  it('names the Scope when the audience is the other channel (scopes swapped)', () => {
    const verdict = checkClaims(good({ aud: 'https://graph.microsoft.com' }), pop3, NOW);
    expect(verdict.wrongAudience).toBe(true);
    const aud = verdict.checks.find((c) => c.claim === 'aud');
    expect(aud?.causes[0]?.field).toBe('TM Exchange POP3 > OAuth2 > Scope');
    expect(aud?.causes[0]?.fix).toContain('https://outlook.office365.com/.default');
  });

  it('names the Token URL when the tenant is another, and only reports tid for a domain tenant', () => {
    expect(failed(good({ tid: '11111111-2222-4333-8444-555555555555' }))[0]?.causes[0]?.field).toBe('TM Exchange POP3 > OAuth2 > Token URL');
    const [domain] = mailSections(manifestView({ exchange: { pop3: { oauth2: tab('https://outlook.office365.com/.default', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token') } } }));
    const checks = checkClaims(good(), domain as NonNullable<typeof domain>, NOW).checks;
    expect(checks.find((c) => c.claim === 'tid')).toMatchObject({ ok: true, note: expect.stringContaining(TENANT) });
  });

  it('names the Client ID when appid is another app', () => {
    expect(failed(good({ appid: '22222222-2222-4333-8444-555555555555' }))[0]?.causes[0]?.field).toBe('TM Exchange POP3 > OAuth2 > Client ID');
  });

  it('says no admin consent when the token has no roles, and names the missing role otherwise', () => {
    const none = checkClaims(good({ roles: undefined }), pop3, NOW);
    expect(none.noRoles).toBe(true);
    const roles = none.checks.find((c) => c.claim === 'roles');
    expect(roles?.note).toContain('no admin consent');
    expect(roles?.causes[0]?.field).toBe('Azure > API permissions');
    expect(failed(good({ aud: 'https://graph.microsoft.com', roles: ['Mail.Send'] }), graph)).toEqual([]);
    expect(failed(good({ roles: ['IMAP.AccessAsApp'] }))[0]?.note).toContain('without POP.AccessAsApp');
  });

  it('fails an expiry in the past', () => {
    expect(failed(good({ exp: NOW / 1000 - 1 }))[0]?.claim).toBe('exp');
  });
});
