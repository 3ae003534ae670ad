/**
 * The probe against the Entra ID / Graph stand-in alone (no POP3 section): what it does before sending
 * (secrets from the environment, https only), bounded and timed requests, no redirect followed, TLS always
 * verified, one token request per distinct request, and the options it refuses.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProbeSetupError } from './errors.js';
import { probe } from './probe.js';
import { probeLab, stepOf } from './test-utils/run.js';
import { goodApp, goodConfig, goodTenant, labManifest, MASTER_MAILBOX, SECRET_VALUE, startLab, TENANT_DOMAIN, TENANT_ID, type Lab, type ManifestData } from './testing/lab.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ pop3: false });
});
afterAll(async () => {
  await lab?.stop();
});
beforeEach(() => lab.entra.configure(goodConfig()));

/** The lab's manifest without its POP3 section (these tests run no POP3 server). */
function graphOnly(edit: (m: ManifestData) => void = () => {}): ManifestData {
  return labManifest(lab, (m) => {
    delete m['exchange'].pop3;
    edit(m);
  });
}

describe('before anything is sent', () => {
  it('names the environment variable that is not set, sends nothing, and exits 2', async () => {
    const { report, text } = await probeLab(lab, graphOnly(), { env: {} });
    expect(stepOf(report, 'Mail Settings', 'token').status).toBe('not-run');
    expect(text).toContain('Client Secret is ${TM_MAIL_SECRET}, and the environment variable TM_MAIL_SECRET is not set');
    expect(report.exitCode).toBe(2);
    expect(lab.entra.requests).toEqual([]);
  });

  it('says a pipeline expression cannot be resolved here', async () => {
    const { report } = await probeLab(lab, graphOnly((m) => (m['mailSettings'].oauth2.clientSecret = '${{ secrets.TM_MAIL_SECRET }}')), { section: 'Mail Settings' });
    const token = stepOf(report, 'Mail Settings', 'token');
    expect(token.status).toBe('not-run');
    expect(token.summary).toContain('only the pipeline resolves');
  });

  it('uses a secret written in the manifest itself', async () => {
    const { report } = await probeLab(lab, graphOnly((m) => (m['mailSettings'].oauth2.clientSecret = SECRET_VALUE)), { env: {}, section: 'mail settings' });
    expect(stepOf(report, 'Mail Settings', 'token').status).toBe('passed');
    expect(lab.entra.tokenRequests()[0]?.form?.['client_secret']).toBe(SECRET_VALUE);
  });

  it('never sends a secret to an http Token URL', async () => {
    const { report } = await probeLab(lab, graphOnly((m) => (m['mailSettings'].oauth2.tokenUrl = m['mailSettings'].oauth2.tokenUrl.replace('https:', 'http:'))), {
      section: 'Mail Settings',
    });
    const token = stepOf(report, 'Mail Settings', 'token');
    expect(token.status).toBe('failed');
    expect(token.causes[0]?.field).toBe('Mail Settings > OAuth2 > Token URL');
    expect(lab.entra.requests).toEqual([]);
  });

  it('reports a Port that is not a whole number at its field (lint reports its type) and still probes the tab', async () => {
    const { report } = await probeLab(lab, graphOnly((m) => (m['mailSettings'].smtpPort = '587')), { section: 'Mail Settings' });
    const settings = stepOf(report, 'Mail Settings', 'settings');
    expect(settings.summary).toContain('Port is not a whole number');
    expect(settings.causes[0]?.field).toBe('Mail Settings > SMTP Port');
    expect(report.lint[0]?.messages.some((m) => m.ruleId === 'schema' && m.pointer === '/mailSettings/smtpPort')).toBe(true);
    expect(stepOf(report, 'Mail Settings', 'token').status).toBe('passed');
  });

  it('reports Use OAuth2 unticked and still probes the tab', async () => {
    const { report } = await probeLab(lab, graphOnly((m) => (m['mailSettings'].oauth2.useOAuth2 = false)), { section: 'Mail Settings' });
    expect(stepOf(report, 'Mail Settings', 'settings').causes[0]?.field).toBe('Mail Settings > OAuth2 > Use OAuth2');
    expect(stepOf(report, 'Mail Settings', 'token').status).toBe('passed');
    expect(report.exitCode).toBe(1);
  });
});

describe('requests', () => {
  it('makes one token request for sections that ask the same, and says so', async () => {
    const { report, text } = await probeLab(lab, graphOnly());
    expect(report.exitCode).toBe(0);
    expect(lab.entra.tokenRequests()).toHaveLength(1);
    expect(text).toContain('(the same request as Mail Settings)');
  });

  it('ends a token endpoint that never answers at the time limit: a finding, not a hang', async () => {
    lab.entra.configure({ ...goodConfig(), tokenEndpoint: 'hang' });
    const { report } = await probeLab(lab, graphOnly(), { section: 'Mail Settings', timeoutSeconds: 1 });
    const token = stepOf(report, 'Mail Settings', 'token');
    expect(token.status).toBe('failed');
    expect(token.summary).toContain('did not answer within 1 s');
  });

  it('reads at most 64 KB of an answer that never ends', async () => {
    lab.entra.configure({ ...goodConfig(), tokenEndpoint: 'endless' });
    const { report } = await probeLab(lab, graphOnly(), { section: 'Mail Settings' });
    expect(stepOf(report, 'Mail Settings', 'token').summary).toContain('more than 64 KB');
  });

  it('follows no redirect, and quotes none of its address but the host', async () => {
    lab.entra.configure({ ...goodConfig(), tokenEndpoint: 'redirect' });
    const { report, json } = await probeLab(lab, graphOnly(), { section: 'Mail Settings' });
    const token = stepOf(report, 'Mail Settings', 'token');
    expect(token.summary).toContain('redirect (HTTP 302) to elsewhere.example, which the probe does not follow');
    expect(json).not.toContain('leak');
    expect(lab.entra.requests).toHaveLength(1);
  });

  it('names the Token URL when it answers with a page, not JSON', async () => {
    lab.entra.configure({ ...goodConfig(), tokenEndpoint: 'html' });
    const { report } = await probeLab(lab, graphOnly(), { section: 'Mail Settings' });
    expect(stepOf(report, 'Mail Settings', 'token').causes[0]?.field).toBe('Mail Settings > OAuth2 > Token URL');
  });

  it('verifies the certificate: without --ca-file the test server is refused, NODE_TLS_REJECT_UNAUTHORIZED=0 or not', async () => {
    const before = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
    try {
      const { report } = await probeLab(lab, graphOnly(), { section: 'Mail Settings', caFile: undefined });
      const token = stepOf(report, 'Mail Settings', 'token');
      expect(token.status).toBe('failed');
      expect(token.details?.['network']).toBe('tls-untrusted');
      expect(lab.entra.requests).toEqual([]);
    } finally {
      if (before === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = before;
    }
  });
});

describe('options it refuses', () => {
  it.each([
    [{ section: 'IMAP' }, 'unknown-section'],
    [{ timeoutSeconds: 0 }, 'timeout'],
    [{ timeoutSeconds: Number.NaN }, 'timeout'],
    [{ sendTestTo: 'not an address' }, 'to'],
    [{ caFile: 'no-such-ca.pem' }, 'ca-file'],
  ])('%o: %s', async (options, problem) => {
    const file = lab.write('refused.yaml', JSON.stringify(graphOnly()));
    await expect(probe({ filePath: file, env: {}, ...options })).rejects.toMatchObject({ name: 'ProbeSetupError', facts: { problem } });
  });

  it('refuses a CA file without a certificate, a missing manifest and an absent section', async () => {
    const notPem = lab.write('not-a-ca.pem', 'hello');
    const file = lab.write('graph-only.yaml', JSON.stringify(graphOnly()));
    await expect(probe({ filePath: file, caFile: notPem })).rejects.toThrow('holds no certificate');
    await expect(probe({ filePath: `${file}.missing` })).rejects.toBeInstanceOf(ProbeSetupError);
    await expect(probe({ filePath: file, section: 'pop3' })).rejects.toThrow('the manifest has no TM Exchange POP3 section');
  });

  it('refuses a FIFO (which would block the read for ever) and a device, before reading', async () => {
    const fifo = `${lab.dir}/pipe.yaml`;
    execFileSync('mkfifo', [fifo]);
    await expect(probe({ filePath: fifo })).rejects.toMatchObject({ facts: { problem: 'unreadable-manifest' }, message: `${fifo} is not a file (a FIFO, a device or a socket): tmcheck probe takes one manifest file` });
    await expect(probe({ filePath: '/dev/zero' })).rejects.toMatchObject({ facts: { problem: 'unreadable-manifest' } });
  });

  it('refuses a folder, and words why a manifest cannot be read', async () => {
    await expect(probe({ filePath: lab.dir })).rejects.toMatchObject({ facts: { problem: 'unreadable-manifest' }, message: expect.stringContaining('is a folder') });
    await expect(probe({ filePath: 'no-such.yaml', cwd: lab.dir })).rejects.toThrow('cannot read the manifest no-such.yaml: no such file or folder (ENOENT)');
  });

  it('exits 2 for a document that is no mapping: it loads, and configures no section', async () => {
    const file = lab.write('list.yaml', '- schemaVersion: 1\n');
    const report = await probe({ filePath: file, env: {} });
    expect(report.exitCode).toBe(2);
    expect(report.problems[0]).toContain('configures none of Mail Settings');
    expect(report.lint[0]?.messages.map((m) => m.ruleId)).toContain('schema');
  });

  it('exits 2 when the manifest does not load, and lists lint\'s findings', async () => {
    const file = lab.write('broken.yaml', 'schemaVersion: 1\nmailSettings: [unclosed\n');
    const report = await probe({ filePath: file, env: {} });
    expect(report.exitCode).toBe(2);
    expect(report.problems[0]).toContain('does not load');
    expect(report.lint[0]?.messages[0]?.ruleId).toBe('parse');
  });
});

describe('the claims', () => {
  it("fails a token that is expired as it is issued, and points at this computer's clock", async () => {
    lab.entra.configure(goodConfig({ tenants: [goodTenant([goodApp({ lifetimeSeconds: -60 })])] }));
    const { report } = await probeLab(lab, graphOnly(), { section: 'Mail Settings' });
    const claims = stepOf(report, 'Mail Settings', 'claims');
    expect(claims.status).toBe('failed');
    expect(claims.details?.['failed']).toEqual(['exp']);
    expect(claims.causes[0]?.place).toBe("this computer's clock");
  });

  it('reports the tid of a Token URL that names the tenant by its domain', async () => {
    const { report } = await probeLab(lab, graphOnly((m) => (m['mailSettings'].oauth2.tokenUrl = lab.entra.tokenUrl(TENANT_DOMAIN))), { section: 'Mail Settings' });
    expect(stepOf(report, 'Mail Settings', 'claims').summary).toContain(`tid ${TENANT_ID} (the Token URL names the tenant by its domain)`);
  });
});

describe('a file with several installations', () => {
  it('probes each, and asks for a token they share once', async () => {
    const second = graphOnly((m) => (m['installation'].name = 'MV Bergen'));
    const file = lab.write('two.yaml', `${JSON.stringify(graphOnly())}\n---\n${JSON.stringify(second)}\n`);
    const report = await probe({ filePath: file, env: { TM_MAIL_SECRET: SECRET_VALUE }, caFile: lab.caFile, section: 'Mail Settings' });
    expect(report.installations.map((i) => [i.document, i.installation])).toEqual([
      [0, 'MV Nordic Star'],
      [1, 'MV Bergen'],
    ]);
    expect(report.exitCode).toBe(0);
    expect(lab.entra.tokenRequests()).toHaveLength(1);
  });
});

describe('nothing to probe', () => {
  it('exits 2 when no section has an OAuth2 tab', async () => {
    const { report, text } = await probeLab(lab, graphOnly((m) => {
      delete m['mailSettings'].oauth2;
      delete m['exchange'].smtp.oauth2;
    }));
    expect(report.exitCode).toBe(2);
    expect(text).toContain('no section has an OAuth2 tab: there is nothing to probe');
  });
});

describe('the Graph test message', () => {
  it('replaces {0} in Mail Settings by User Name and sends one message per Graph section', async () => {
    const { report } = await probeLab(lab, graphOnly(), { sendTestTo: 'support@example.com' });
    expect(report.exitCode).toBe(0);
    expect(lab.entra.sent.map((s) => [s.user, s.to])).toEqual([
      [MASTER_MAILBOX, ['support@example.com']],
      ['replication.nordicstar@example.com', ['support@example.com']],
    ]);
  });
});
