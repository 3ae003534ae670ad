/**
 * End to end (tagged e2e: a real Dovecot and the Entra ID / Graph stand-in on 127.0.0.1, started here and
 * stopped after; part of the normal suite and of CI): each failure a customer meets, and the field the probe
 * names for it. After every probe the replication mailbox holds the same messages, and Dovecot's own log
 * shows that no session read, retrieved or deleted one.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeLab, stepOf } from '../test-utils/run.js';
import {
  CLIENT_ID,
  goodApp,
  goodConfig,
  goodTenant,
  labManifest,
  MASTER_MAILBOX,
  OBJECT_ID,
  REPLICATION_MAILBOX,
  SECRET_ID,
  SECRET_VALUE,
  startLab,
  TENANT_ID,
  WAITING_MESSAGES,
  type Lab,
  type ManifestData,
} from '../testing/lab.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.stop();
});
beforeEach(() => lab.entra.configure(goodConfig()));

/** Every session Dovecot logged: its top, retr and del counts. */
function sessions(): Array<{ top: number; retr: number; del: number }> {
  const out: Array<{ top: number; retr: number; del: number }> = [];
  for (const m of (lab.dovecot?.log() ?? '').matchAll(/Logged out top=(\d+)\/\d+, retr=(\d+)\/\d+, del=(\d+)\/\d+/g)) {
    out.push({ top: Number(m[1]), retr: Number(m[2]), del: Number(m[3]) });
  }
  return out;
}

afterEach(() => {
  // the replication mail stays where it is, whatever the probe found
  expect(lab.dovecot?.messageCount(REPLICATION_MAILBOX)).toBe(WAITING_MESSAGES);
  expect(sessions().every((s) => s.top === 0 && s.retr === 0 && s.del === 0)).toBe(true);
});

const POP3 = 'TM Exchange POP3';
const fields = (report: Awaited<ReturnType<typeof probeLab>>['report'], section: string, step: string) =>
  stepOf(report, section, step).causes.map((c) => c.field ?? c.place);

/** The lab's manifest with the Azure side recorded, as a support engineer fills it in. */
function withAzure(edit: (m: ManifestData) => void = () => {}): ManifestData {
  return labManifest(lab, (m) => {
    m['azure'] = {
      tenantId: TENANT_ID,
      applicationId: CLIENT_ID,
      objectId: OBJECT_ID,
      clientSecrets: [{ description: 'tmmaster secret', expires: '2027-09-30', secretId: SECRET_ID }],
      exchangeOnline: { servicePrincipalId: OBJECT_ID, mailboxPermissions: [{ mailbox: REPLICATION_MAILBOX, accessRights: ['FullAccess'] }] },
    };
    edit(m);
  });
}

describe('e2e: a correct manifest', () => {
  it('passes every step, sends one test message per Graph section, and signs in to Dovecot with XOAUTH2', async () => {
    const before = lab.dovecot?.messageCount(REPLICATION_MAILBOX);
    const logins = (lab.dovecot?.log().match(/Login: user=<replication\.nordicstar@example\.com>, method=XOAUTH2/g) ?? []).length;
    const { report, text, parsed } = await probeLab(lab, labManifest(lab), { sendTestTo: 'support@example.com' });
    expect(report.exitCode).toBe(0);
    expect(report.totals).toEqual({ passed: 13, failed: 0, skipped: 0, notRun: 0 });
    expect(text).toContain('13 passed, 0 failed, 0 skipped, 0 not run: every step passed');
    expect(parsed.ok).toBe(true);
    expect(stepOf(report, POP3, 'mailbox').details).toMatchObject({ messages: WAITING_MESSAGES });
    expect(lab.entra.sent).toHaveLength(2);
    // Dovecot's own log: one more XOAUTH2 login, and the session read nothing and deleted nothing
    const log = lab.dovecot?.log() ?? '';
    expect((log.match(/Login: user=<replication\.nordicstar@example\.com>, method=XOAUTH2/g) ?? []).length).toBe(logins + 1);
    expect(log).toMatch(/Logged out top=0\/0, retr=0\/0, del=0\/3/);
    expect(lab.dovecot?.messageCount(REPLICATION_MAILBOX)).toBe(before);
  });

  it('refuses Dovecot\'s certificate without --ca-file, and sends no token to it', async () => {
    const logins = (lab.dovecot?.log().match(/method=XOAUTH2/g) ?? []).length;
    const { report } = await probeLab(lab, labManifest(lab), { section: 'pop3', caFile: undefined });
    expect(stepOf(report, POP3, 'token').status).toBe('failed'); // the stand-in's certificate is refused too
    expect(stepOf(report, POP3, 'connect').details).toMatchObject({ network: 'tls-untrusted' });
    expect((lab.dovecot?.log().match(/method=XOAUTH2/g) ?? []).length).toBe(logins);
  });
});

describe('e2e: Entra ID refuses the token request', () => {
  it('Secret ID instead of Value (AADSTS7000215): Client Secret, in every section', async () => {
    const { report, text } = await probeLab(lab, labManifest(lab), { env: { TM_MAIL_SECRET: SECRET_ID } });
    expect(report.exitCode).toBe(1);
    for (const section of ['Mail Settings', 'TM Exchange SMTP', POP3]) {
      const token = stepOf(report, section, 'token');
      expect(token.details?.['aadsts']).toBe(7000215);
      expect(token.causes[0]?.field).toBe(`${section} > OAuth2 > Client Secret`);
    }
    expect(text).toContain('change TM Exchange POP3 > OAuth2 > Client Secret: Client Secret holds a GUID, which is what a Secret ID looks like');
    expect(text).toMatch(/Entra ID said: AADSTS7000215: Invalid client secret provided\. .* \(trace ID [0-9a-f-]{36}, correlation ID [0-9a-f-]{36}\)/);
    expect(stepOf(report, POP3, 'sign-in').status).toBe('skipped');
  });

  it('a tenant that does not exist (AADSTS90002): Token URL', async () => {
    const missing = '0f0f0f0f-1111-4222-8333-444444444444';
    const { report, text } = await probeLab(lab, labManifest(lab, (m) => (m['exchange'].pop3.oauth2.tokenUrl = lab.entra.tokenUrl(missing))), { section: 'pop3' });
    expect(stepOf(report, POP3, 'token').details?.['aadsts']).toBe(90002);
    expect(fields(report, POP3, 'token')[0]).toBe('TM Exchange POP3 > OAuth2 > Token URL');
    expect(text).toContain('change TM Exchange POP3 > OAuth2 > Token URL');
  });

  it('another tenant, where the app is not registered (AADSTS700016): Token URL first when the manifest records the tenant', async () => {
    const other = '0a0a0a0a-1111-4222-8333-444444444444';
    lab.entra.configure(goodConfig({ tenants: [goodTenant(), { id: other, apps: [] }] }));
    const { report } = await probeLab(lab, withAzure((m) => (m['exchange'].pop3.oauth2.tokenUrl = lab.entra.tokenUrl(other))), { section: 'pop3' });
    expect(stepOf(report, POP3, 'token').details?.['aadsts']).toBe(700016);
    expect(fields(report, POP3, 'token')).toEqual(['TM Exchange POP3 > OAuth2 > Token URL', 'TM Exchange POP3 > OAuth2 > Client ID']);
  });

  it("the guide's placeholder left in the Token URL (AADSTS900023): Token URL", async () => {
    const { report, text } = await probeLab(lab, labManifest(lab, (m) => (m['mailSettings'].oauth2.tokenUrl = lab.entra.tokenUrl('TenantID'))), { section: 'Mail Settings' });
    expect(stepOf(report, 'Mail Settings', 'token').details?.['aadsts']).toBe(900023);
    expect(text).toContain("change Mail Settings > OAuth2 > Token URL: the guide's placeholder (TenantID) is still in the Token URL");
  });

  it('a wrong Client ID, the Object ID typed in (AADSTS700016): Client ID', async () => {
    const { report, text } = await probeLab(lab, withAzure((m) => (m['exchange'].pop3.oauth2.clientId = OBJECT_ID)), { section: 'pop3' });
    expect(stepOf(report, POP3, 'token').details?.['aadsts']).toBe(700016);
    expect(fields(report, POP3, 'token')[0]).toBe('TM Exchange POP3 > OAuth2 > Client ID');
    expect(text).toContain("Client ID holds the enterprise application's Object ID");
  });

  it('an expired secret (AADSTS7000222): Client Secret, a new one for every section', async () => {
    lab.entra.configure(goodConfig({ tenants: [goodTenant([goodApp({ secrets: [{ value: SECRET_VALUE, secretId: SECRET_ID, expired: true }] })])] }));
    const { report } = await probeLab(lab, labManifest(lab));
    const token = stepOf(report, 'TM Exchange SMTP', 'token');
    expect(token.details?.['aadsts']).toBe(7000222);
    expect(token.causes[0]?.field).toBe('TM Exchange SMTP > OAuth2 > Client Secret');
    expect(token.causes[0]?.fix).toContain('every section');
  });
});

describe('e2e: a token is issued but is not the one needed', () => {
  it('scopes swapped: Dovecot refuses the Graph-audience token and the probe says Scope', async () => {
    const graph = 'https://graph.microsoft.com/.default';
    const exchange = 'https://outlook.office365.com/.default';
    const { report, text } = await probeLab(
      lab,
      labManifest(lab, (m) => {
        m['mailSettings'].oauth2.scope = exchange;
        m['exchange'].smtp.oauth2.scope = exchange;
        m['exchange'].pop3.oauth2.scope = graph;
      }),
      { sendTestTo: 'support@example.com' },
    );
    expect(report.exitCode).toBe(1);
    expect(fields(report, POP3, 'claims')[0]).toBe('TM Exchange POP3 > OAuth2 > Scope');
    const signIn = stepOf(report, POP3, 'sign-in');
    expect(signIn.status).toBe('failed');
    expect(signIn.details?.['challenge']).toEqual({ status: '401', schemes: 'bearer', scope: 'mail' });
    expect(signIn.summary).toContain('-ERR [AUTH] Authentication failed.');
    expect(signIn.causes[0]?.field).toBe('TM Exchange POP3 > OAuth2 > Scope');
    // Graph refuses the Exchange-audience token: Scope
    expect(stepOf(report, 'Mail Settings', 'send-test').details).toMatchObject({ httpStatus: 401, code: 'InvalidAuthenticationToken' });
    expect(fields(report, 'Mail Settings', 'send-test')[0]).toBe('Mail Settings > OAuth2 > Scope');
    expect(text).toContain('1. TM Exchange POP3 > OAuth2 > Scope: Scope must be https://outlook.office365.com/.default');
    expect(lab.dovecot?.log()).toMatch(/oauth2 failed: Introspection failed/);
  });

  it('a token without roles (no admin consent): API permissions, and Dovecot and Graph refuse it', async () => {
    lab.entra.configure(goodConfig({ tenants: [goodTenant([goodApp({ roles: {} })])] }));
    const { report, text } = await probeLab(lab, labManifest(lab), { sendTestTo: 'support@example.com' });
    for (const section of ['Mail Settings', POP3]) {
      const claims = stepOf(report, section, 'claims');
      expect(claims.summary).toContain('the token has no roles: no admin consent');
      expect(claims.causes[0]?.field).toBe('Azure > API permissions');
    }
    expect(fields(report, POP3, 'sign-in')[0]).toBe('Azure > API permissions');
    expect(stepOf(report, 'Mail Settings', 'send-test').details).toMatchObject({ httpStatus: 403, code: 'ErrorAccessDenied' });
    expect(fields(report, 'Mail Settings', 'send-test')[0]).toBe('Azure > API permissions');
    expect(text).toContain('Grant admin consent');
  });
});

describe('e2e: POP3 refuses a good token', () => {
  it('no FullAccess on the mailbox (introspection says inactive): Mailbox permissions, first when the manifest records none', async () => {
    lab.entra.configure(goodConfig({ tenants: [goodTenant([goodApp({ mailboxes: [] })])] }));
    const recorded = await probeLab(lab, withAzure((m) => (m['azure'].exchangeOnline.mailboxPermissions = [])), { section: 'pop3' });
    expect(stepOf(recorded.report, POP3, 'claims').status).toBe('passed');
    expect(fields(recorded.report, POP3, 'sign-in')[0]).toBe('Azure > Mailbox permissions');
    expect(recorded.text).toContain(`the manifest records no FullAccess on ${REPLICATION_MAILBOX}`);
    expect(lab.entra.introspections.at(-1)).toEqual({ active: false });

    // without what the Azure side holds, the causes come in the reference's order
    const plain = await probeLab(lab, labManifest(lab), { section: 'pop3' });
    expect(fields(plain.report, POP3, 'sign-in')).toEqual([
      'Azure > Service principal ID',
      'Azure > Mailbox permissions',
      'TM Exchange POP3 > OAuth2 > Scope',
      'Azure > API permissions',
      'Exchange Online PowerShell',
      'TM Exchange POP3 > OAuth2 > User Name',
    ]);
    expect(plain.text).toContain(`New-ServicePrincipal -AppId ${CLIENT_ID} -ObjectId ${OBJECT_ID}`);
  });

  it('User Name is not the mailbox the app may open: Dovecot refuses, User Name among the causes', async () => {
    const { report } = await probeLab(lab, labManifest(lab, (m) => (m['exchange'].pop3.oauth2.userName = MASTER_MAILBOX)), { section: 'pop3' });
    expect(stepOf(report, POP3, 'sign-in').status).toBe('failed');
    expect(fields(report, POP3, 'sign-in')).toContain('TM Exchange POP3 > OAuth2 > User Name');
  });
});

describe('e2e: Graph refuses the test message', () => {
  it('an Application Access Policy leaves the mailbox out (403 "Access to OData is disabled")', async () => {
    lab.entra.configure(goodConfig({ graphMailboxes: { [MASTER_MAILBOX]: 'odata-blocked', [REPLICATION_MAILBOX]: 'ok' } }));
    const { report, text } = await probeLab(lab, labManifest(lab), { section: 'Mail Settings', sendTestTo: 'support@example.com' });
    expect(stepOf(report, 'Mail Settings', 'send-test').details).toMatchObject({ httpStatus: 403, code: 'ErrorAccessDenied' });
    expect(fields(report, 'Mail Settings', 'send-test')[0]).toBe('Exchange Online PowerShell');
    expect(text).toContain('Application Access Policy');
    expect(lab.entra.sent).toEqual([]);
  });

  it('no such mailbox (404 ErrorInvalidUser): User Name for Mail Settings ({0}), SMTP Server for TM Exchange SMTP', async () => {
    lab.entra.configure(goodConfig({ graphMailboxes: {} }));
    const { report } = await probeLab(
      lab,
      labManifest(lab, (m) => delete m['exchange'].pop3),
      { sendTestTo: 'support@example.com' },
    );
    expect(fields(report, 'Mail Settings', 'send-test')[0]).toBe('Mail Settings > OAuth2 > User Name');
    expect(fields(report, 'TM Exchange SMTP', 'send-test')[0]).toBe('TM Exchange SMTP > SMTP Server');
  });

  it('an unlicensed or on-premises mailbox (MailboxNotEnabledForRESTAPI)', async () => {
    lab.entra.configure(goodConfig({ graphMailboxes: { [MASTER_MAILBOX]: 'ok', [REPLICATION_MAILBOX]: 'not-rest' } }));
    const { report } = await probeLab(lab, labManifest(lab), { section: 'smtp', sendTestTo: 'support@example.com' });
    expect(stepOf(report, 'TM Exchange SMTP', 'send-test').details).toMatchObject({ httpStatus: 404, code: 'MailboxNotEnabledForRESTAPI' });
    expect(fields(report, 'TM Exchange SMTP', 'send-test')).toEqual(['Microsoft 365 admin center > Users', 'TM Exchange SMTP > SMTP Server']);
  });

  it('Mail.Send missing while POP.AccessAsApp is there (403 ErrorAccessDenied): API permissions', async () => {
    lab.entra.configure(goodConfig({ tenants: [goodTenant([goodApp({ roles: { exchange: ['POP.AccessAsApp'] } })])] }));
    const { report } = await probeLab(lab, labManifest(lab), { sendTestTo: 'support@example.com' });
    expect(fields(report, 'Mail Settings', 'send-test')[0]).toBe('Azure > API permissions');
    expect(stepOf(report, POP3, 'sign-in').status).toBe('passed');
    expect(report.exitCode).toBe(1);
  });
});
