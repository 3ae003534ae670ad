/**
 * The POP3 steps against a scripted Exchange Online (direct -ERR, no failure challenge; Dovecot's challenge is
 * covered end to end in src/e2e), and the order of the likely causes of a refused sign-in.
 */
import { mailSections, manifestView } from '@tmcheck/lint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../test-utils/context.js';
import { makeTestCa, type TestCa } from '../testing/ca.js';
import { EXCHANGE_REFUSAL, exchangeOnline, FakePop3 } from '../testing/fake-pop3.js';
import { pop3Address, pop3Steps, signInCauses } from './pop3.js';

let ca: TestCa;
beforeAll(() => {
  ca = makeTestCa();
});
afterAll(() => ca.remove());

function pop3Section(server: string, port?: number, userName = 'replication@example.com') {
  const [section] = mailSections(
    manifestView({ exchange: { pop3: { server, ...(port !== undefined ? { port } : {}), useSsl: true, oauth2: { useOAuth2: true, userName, scope: 'https://outlook.office365.com/.default' } } } }),
  );
  if (!section) throw new Error('no section');
  return section;
}

describe('pop3Address', () => {
  it('reads the server as TM Exchange does: the Port field wins, then :port, then 995', () => {
    expect(pop3Address(pop3Section('outlook.office365.com', 995))).toMatchObject({ host: 'outlook.office365.com', port: 995, portFrom: 'port' });
    expect(pop3Address(pop3Section('outlook.office365.com:1995'))).toMatchObject({ host: 'outlook.office365.com', port: 1995, portFrom: 'server' });
    expect(pop3Address(pop3Section('outlook.office365.com'))).toMatchObject({ port: 995, portFrom: 'default' });
    expect(pop3Address(pop3Section('pop3s://[::1]:995'))).toMatchObject({ host: '::1', port: 995 });
    expect(pop3Address(pop3Section(' '))).toBeUndefined();
  });
});

describe("pop3Steps against Exchange Online's answers", () => {
  it('handles the direct -ERR (no challenge) and lists the causes, the service principal first', async () => {
    const server = await FakePop3.start(ca.server, exchangeOnline(() => false));
    try {
      const ctx = testContext({ caPem: ca.caPem });
      const steps = await pop3Steps(ctx, pop3Section('127.0.0.1', server.port), { token: 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.sig' });
      expect(steps.map((s) => [s.id, s.status])).toEqual([
        ['connect', 'passed'],
        ['capabilities', 'passed'],
        ['sign-in', 'failed'],
        ['mailbox', 'skipped'],
        ['sign-out', 'skipped'],
      ]);
      const signIn = steps.find((s) => s.id === 'sign-in');
      expect(signIn?.summary).toContain(EXCHANGE_REFUSAL);
      expect(signIn?.causes.map((c) => c.field ?? c.place)).toEqual([
        'Azure > Service principal ID',
        'Azure > Mailbox permissions',
        'TM Exchange POP3 > OAuth2 > Scope',
        'Azure > API permissions',
        'Exchange Online PowerShell',
        'TM Exchange POP3 > OAuth2 > User Name',
      ]);
      // the session ended with QUIT; nothing else was sent
      expect(server.received.map((l) => (l.length > 40 ? '<response>' : l))).toEqual(['CAPA', 'AUTH XOAUTH2', '<response>', 'QUIT']);
    } finally {
      await server.stop();
    }
  });

  it('signs in, reads STAT and quits when Exchange accepts the token', async () => {
    const server = await FakePop3.start(ca.server, exchangeOnline(() => true));
    try {
      const steps = await pop3Steps(testContext({ caPem: ca.caPem }), pop3Section('127.0.0.1', server.port), { token: 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.sig' });
      expect(steps.every((s) => s.status === 'passed')).toBe(true);
      expect(steps.find((s) => s.id === 'mailbox')?.details).toEqual({ messages: 2, bytes: 4096 });
    } finally {
      await server.stop();
    }
  });

  it('is a finding, not a hang, when the server never greets', async () => {
    const server = await FakePop3.start(ca.server, { greeting: null });
    try {
      const steps = await pop3Steps(testContext({ caPem: ca.caPem, timeoutSeconds: 1 }), pop3Section('127.0.0.1', server.port), {});
      expect(steps[0]).toMatchObject({ id: 'connect', status: 'failed' });
      expect(steps[0]?.summary).toContain('did not answer within 1 s');
      expect(steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('is a finding, not a hang, when the server sends an endless line', async () => {
    const server = await FakePop3.start(ca.server, { greeting: null, endlessLine: 10 * 1024 * 1024 });
    try {
      const steps = await pop3Steps(testContext({ caPem: ca.caPem }), pop3Section('127.0.0.1', server.port), {});
      expect(steps[0]).toMatchObject({ id: 'connect', status: 'failed' });
      expect(steps[0]?.summary).toContain('a line longer than 8 KB');
    } finally {
      await server.stop();
    }
  });

  it('names the Port when nothing listens there', async () => {
    const server = await FakePop3.start(ca.server, { greeting: null });
    const port = server.port;
    await server.stop();
    const steps = await pop3Steps(testContext({ caPem: ca.caPem }), pop3Section('127.0.0.1', port), {});
    expect(steps[0]?.causes[0]?.field).toBe('TM Exchange POP3 > Port');
  });
});

describe('signInCauses', () => {
  const section = pop3Section('outlook.office365.com', 995);
  const oid = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

  it('puts first what the claims prove: the wrong audience (Scope), then a missing role', () => {
    const causes = signInCauses(testContext(), section, { verdict: { checks: [], wrongAudience: true, missingRole: true, noRoles: true } }, EXCHANGE_REFUSAL);
    expect(causes.slice(0, 2).map((c) => c.field)).toEqual(['TM Exchange POP3 > OAuth2 > Scope', 'Azure > API permissions']);
  });

  it('puts the wrong Object ID first when the manifest records another one than the token names', () => {
    const ctx = testContext({ azure: { objectId: '11111111-2222-4333-8444-555555555555' } });
    const causes = signInCauses(ctx, section, { claims: { oid, appid: '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4' } }, EXCHANGE_REFUSAL);
    expect(causes[0]?.field).toBe('Azure > Object ID');
    expect(causes[0]?.fix).toContain(`New-ServicePrincipal -AppId 0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4 -ObjectId ${oid}`);
  });

  it('puts the mailbox permission first when the manifest records none on this mailbox', () => {
    const ctx = testContext({ azure: { mailboxPermissions: [{ mailbox: 'other@example.com', accessRights: ['FullAccess'] }] } });
    const causes = signInCauses(ctx, section, {}, EXCHANGE_REFUSAL);
    expect(causes[0]?.field).toBe('Azure > Mailbox permissions');
    expect(causes[0]?.fix).toContain('Add-MailboxPermission -Identity replication@example.com');
  });

  it("says a temporary failure first on Dovecot's [SYS/TEMP]", () => {
    expect(signInCauses(testContext(), section, {}, '-ERR [SYS/TEMP] Temporary authentication failure.')[0]?.place).toBe('the POP3 server');
  });
});
