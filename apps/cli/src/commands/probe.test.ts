/**
 * `tmcheck probe` as a user runs it (end to end: the Entra ID / Graph stand-in and a real Dovecot on
 * 127.0.0.1, from @tmcheck/probe/testing): exit 0 with every step passed for a correct manifest, 1 naming
 * the field for a broken one, 2 when the probe cannot run; text and JSON; the option errors; and no secret
 * or token in stdout or stderr of any run.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { UsageError } from '@tmcheck/lint';
import { labManifest, manifestText, REPLICATION_MAILBOX, SECRET_ID, SECRET_VALUE, startLab, WAITING_MESSAGES, type Lab } from '@tmcheck/probe/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { probeCommand, type ProbeCommandOptions } from './probe.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.stop();
});

const outputs: string[] = [];
beforeEach(() => {
  // the mailbox is as it was before every probe of this file
  expect(lab.dovecot?.messageCount(REPLICATION_MAILBOX)).toBe(WAITING_MESSAGES);
});

/** Runs the command as main() does: a UsageError is exit 2 with the message on stderr. */
async function run(
  manifest: string,
  options: ProbeCommandOptions,
  env: Record<string, string | undefined> = { TM_MAIL_SECRET: SECRET_VALUE },
  tty = false,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty },
    stdin: Readable.from([]),
    cwd: lab.dir,
    env,
  };
  let code: number;
  try {
    code = await probeCommand(manifest, options, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr += `tmcheck: ${error.message}\n`;
    code = 2;
  }
  outputs.push(stdout, stderr);
  return { code, stdout, stderr };
}

describe('e2e: tmcheck probe', () => {
  it('exits 0 with every step passed for a correct manifest, --ca-file trusting the test CA', async () => {
    lab.write('good.yaml', manifestText(labManifest(lab)));
    const { code, stdout } = await run('good.yaml', { caFile: lab.caFile, sendTest: true, to: 'support@example.com' });
    expect(code).toBe(0);
    expect(stdout).toContain('13 passed, 0 failed, 0 skipped, 0 not run: every step passed');
    expect(stdout).not.toMatch(/FAILED|NOT RUN/);
    expect(lab.dovecot?.log()).toMatch(/Login: user=<replication\.nordicstar@example\.com>, method=XOAUTH2/);
    expect(lab.dovecot?.messageCount(REPLICATION_MAILBOX)).toBe(WAITING_MESSAGES);
  });

  it('writes JSON for pipelines, and a progress line per step on a terminal only', async () => {
    lab.write('good.yaml', manifestText(labManifest(lab)));
    const piped = await run('good.yaml', { caFile: lab.caFile, format: 'json', section: 'TM Exchange POP3' });
    const parsed = JSON.parse(piped.stdout);
    expect(parsed).toMatchObject({ tool: { name: 'tmcheck' }, exitCode: 0, ok: true, totals: { passed: 7, failed: 0 } });
    expect(parsed.installations[0].sections.map((s: { section: string }) => s.section)).toEqual(['TM Exchange POP3']);
    expect(piped.stderr).toBe('');
    const terminal = await run('good.yaml', { caFile: lab.caFile, section: 'pop3' }, { TM_MAIL_SECRET: SECRET_VALUE }, true);
    expect(terminal.stderr).toContain('tmcheck probe: TM Exchange POP3: signing in with XOAUTH2 as replication.nordicstar@example.com ...');
  });

  it('exits 1 naming the field: the Secret ID in place of the Value', async () => {
    lab.write('good.yaml', manifestText(labManifest(lab)));
    const { code, stdout } = await run('good.yaml', { caFile: lab.caFile, section: 'pop3' }, { TM_MAIL_SECRET: SECRET_ID });
    expect(code).toBe(1);
    expect(stdout).toContain('change TM Exchange POP3 > OAuth2 > Client Secret');
    expect(stdout).toContain('AADSTS7000215');
  });

  it('exits 1 naming the field: the scopes swapped, refused by Dovecot', async () => {
    lab.write('swapped.yaml', manifestText(labManifest(lab, (m) => (m['exchange'].pop3.oauth2.scope = 'https://graph.microsoft.com/.default'))));
    const { code, stdout } = await run('swapped.yaml', { caFile: lab.caFile, section: 'pop3', format: 'json' });
    expect(code).toBe(1);
    const signIn = JSON.parse(stdout).installations[0].sections[0].steps.find((s: { step: string }) => s.step === 'sign-in');
    expect(signIn).toMatchObject({ status: 'failed', field: 'TM Exchange POP3 > OAuth2 > Scope' });
  });

  it('exits 2 when the environment variable is not set, naming it', async () => {
    lab.write('good.yaml', manifestText(labManifest(lab)));
    const { code, stdout } = await run('good.yaml', { caFile: lab.caFile, section: 'smtp' }, {});
    expect(code).toBe(2);
    expect(stdout).toContain('the environment variable TM_MAIL_SECRET is not set');
  });

  it.each<[string, ProbeCommandOptions, RegExp]>([
    ['--send-test without --to', { sendTest: true }, /--send-test needs the address/],
    ['--to without --send-test', { to: 'support@example.com' }, /only --send-test sends one/],
    ['--to not an address', { sendTest: true, to: 'support' }, /--to: the test message needs an e-mail address/],
    ['an unknown format', { format: 'xml' }, /unknown format "xml": choose text or json/],
    ['an unknown section', { section: 'IMAP' }, /--section there is no section "IMAP": choose "Mail Settings", "TM Exchange SMTP", "TM Exchange POP3"/],
    ['a bad timeout', { timeout: 'soon' }, /--timeout expects the time limit of each network step in seconds/],
    ['a missing CA file', { caFile: 'no-such.pem' }, /--ca-file: cannot read the CA file no-such\.pem/],
  ])('exits 2 for %s', async (_name, options, message) => {
    lab.write('good.yaml', manifestText(labManifest(lab)));
    const { code, stderr, stdout } = await run('good.yaml', options);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('exits 2 for a manifest that cannot be read', async () => {
    const { code, stderr } = await run('missing.yaml', {});
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read the manifest missing.yaml');
  });

  it('prints no piece of a secret or token in any run', () => {
    const tokens = [...lab.entra.issued.keys()];
    expect(tokens.length).toBeGreaterThan(0);
    const all = outputs.join('\n').toLowerCase();
    for (const secret of [SECRET_VALUE, SECRET_ID, ...tokens]) {
      const s = secret.toLowerCase();
      for (let i = 0; i + 10 <= s.length; i++) expect(all.includes(s.slice(i, i + 10))).toBe(false);
    }
  });
});

describe('docs/cli.md on tmcheck probe', () => {
  const docs = readFileSync(new URL('../../../../docs/cli.md', import.meta.url), 'utf8');
  const section = docs.slice(docs.indexOf('## tmcheck probe'));

  it('is no longer "coming in a later release", and documents every option', () => {
    expect(docs).not.toMatch(/tmcheck probe.*coming in a later release/i);
    for (const option of ['--send-test', '--to ADDRESS', '--section NAME', '--timeout SECONDS', '--ca-file FILE', '--format text']) expect(section).toContain(`| \`${option}`);
  });

  it('shows a JSON example with the keys the json format writes', async () => {
    lab.write('good.yaml', manifestText(labManifest(lab)));
    const real = JSON.parse((await run('good.yaml', { caFile: lab.caFile, section: 'pop3', format: 'json' })).stdout);
    const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? 'null');
    expect(Object.keys(example)).toEqual(Object.keys(real));
    expect(Object.keys(example.installations[0].sections[0])).toEqual(Object.keys(real.installations[0].sections[0]));
    const failed = example.installations[0].sections[0].steps[0];
    for (const key of Object.keys(failed)) expect(['step', 'name', 'status', 'summary', 'field', 'pointer', 'fix', 'causes', 'details', 'durationMs']).toContain(key);
    for (const key of Object.keys(real.installations[0].sections[0].steps[0])) expect(Object.keys(failed)).toContain(key);
  });
});
