import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmcheck } from '../test-io.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/tmcheck.js', import.meta.url));
const bundle = fileURLToPath(new URL('../../dist/tmcheck.js', import.meta.url));
const nordicStar = readFileSync(join(repoRoot, 'examples/fleet/nordic-star.yaml'), 'utf8');

/** The lines PowerShell runs: neither comments nor blank. */
function commands(text: string): string[] {
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'tmcheck-grant-cli-'));
}

describe('tmcheck grant-script', () => {
  it('prints the PowerShell of nordic-star with its IDs and mailbox, using -ObjectId, and exits 0', async () => {
    const r = await tmcheck(['grant-script', 'examples/fleet/nordic-star.yaml'], { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const run = commands(r.stdout);
    expect(run).toContain('Connect-ExchangeOnline');
    expect(run).toContain(
      "New-ServicePrincipal -AppId '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4' -ObjectId '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' -DisplayName 'TMMaster'",
    );
    expect(run).toContain("$servicePrincipal = Get-ServicePrincipal -Identity '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4'");
    expect(run).toContain(
      "Add-MailboxPermission -Identity 'replication.nordicstar@example.com' -User 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' -AccessRights FullAccess",
    );
    expect(run).toContain("Get-CASMailbox -Identity 'replication.nordicstar@example.com' | Format-List PopEnabled");
    // -ServiceId, the guide's old parameter, appears in a comment only
    expect(run.some((l) => l.includes('-ServiceId'))).toBe(false);
    expect(r.stdout).toMatch(/^# .*-ServiceId/m);
  });

  it('adds the RBAC for Applications step with --policy', async () => {
    const r = await tmcheck(['grant-script', '--policy', 'examples/fleet/nordic-star.yaml'], { cwd: repoRoot });
    expect(r.code).toBe(0);
    const run = commands(r.stdout);
    expect(run.some((l) => l.startsWith("New-ManagementScope -Name 'TMMaster senders' -RecipientRestrictionFilter"))).toBe(true);
    expect(run).toContain(
      "New-ManagementRoleAssignment -App 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' -Role 'Application Mail.Send' -CustomResourceScope 'TMMaster senders'",
    );
    expect(run.filter((l) => l.startsWith('Test-ServicePrincipalAuthorization'))).toHaveLength(2);
  });

  it('prints the script with placeholders and exits 1 when the manifest lacks a value, saying which on stderr', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'vessel.yaml'), nordicStar.replace(/^ {2}objectId: .*$/m, '  objectId: <OBJECT_ID>'));
    const r = await tmcheck(['grant-script', 'vessel.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(commands(r.stdout)).toContain("New-ServicePrincipal -AppId '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4' -ObjectId <ENTERPRISE_APP_OBJECT_ID> -DisplayName 'TMMaster'");
    expect(r.stderr).toBe(
      'tmcheck: the script is not complete: the manifest does not give the value of <ENTERPRISE_APP_OBJECT_ID>; ' +
        'replace each placeholder before running the script (a comment above it says why it is there)\n',
    );
  });

  it('exits 2 and prints no script for an installation without TM Exchange POP3, a manifest that does not parse, or a folder', async () => {
    const office = await tmcheck(['grant-script', 'examples/fleet/bergen-office.yaml'], { cwd: repoRoot });
    expect(office.code).toBe(2);
    expect(office.stdout).toBe('');
    expect(office.stderr).toMatch(/^tmcheck: examples\/fleet\/bergen-office\.yaml has no TM Exchange POP3 settings \(exchange\.pop3\)/);

    const dir = folder();
    writeFileSync(join(dir, 'broken.yaml'), 'schemaVersion: 1\ninstallation: {name: "MV Broken\n');
    const broken = await tmcheck(['grant-script', 'broken.yaml'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^tmcheck: broken\.yaml cannot be read as a manifest, so no script can be written: .*\(line \d+, column \d+\)/);

    const fleet = await tmcheck(['grant-script', 'examples/fleet'], { cwd: repoRoot });
    expect(fleet.code).toBe(2);
    expect(fleet.stderr).toContain('examples/fleet is a folder');
    expect((await tmcheck(['grant-script', 'no-such.yaml'], { cwd: dir })).code).toBe(2);
  });

  it('chooses an installation of a file holding several with --document, and refuses a --document that is no number', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'two.yaml'), `${nordicStar}\n---\n${nordicStar.replace('MV Nordic Star', 'MV Second')}`);
    const none = await tmcheck(['grant-script', 'two.yaml'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('two.yaml holds 2 installations: document 0 (MV Nordic Star), document 1 (MV Second)');
    const second = await tmcheck(['grant-script', 'two.yaml', '--document', '1'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')[0]).toContain('for MV Second');
    const bad = await tmcheck(['grant-script', 'two.yaml', '--document', 'first'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--document expects the number of a document');
  });

  it('reads standard input for -, and quotes a hostile --display-name', async () => {
    const r = await tmcheck(['grant-script', '-', '--display-name', "TM'Master $(x) `y`;"], { stdin: nordicStar });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("-DisplayName 'TM''Master $(x) `y`;'\n");
  });

  it('prints no secret, even one typed into the fields it reads', async () => {
    const secret = 'Zq8~Xv3.Kp7_Lm2-Nb5~Rt9Yw4Hs6Jd1Fg0Ce';
    const dir = folder();
    const text = nordicStar
      .replaceAll('${TM_MAIL_SECRET}', secret)
      .replace('name: MV Nordic Star', `name: MV ${secret}`)
      .replace(/userName: replication\.nordicstar@example\.com\n(\s+clientId: \S+\n\s+clientSecret: \S+\nazure:)/, `userName: ${secret}@example.com\n$1`);
    expect(text).toContain(`userName: ${secret}@example.com`);
    writeFileSync(join(dir, 'vessel.yaml'), text);
    const r = await tmcheck(['grant-script', '--policy', 'vessel.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    for (let i = 0; i + 10 <= secret.length; i++) expect(r.stdout + r.stderr).not.toContain(secret.slice(i, i + 10));
    expect(r.stderr).toContain('<POP3_MAILBOX>');
  });

  it('is listed in tmcheck --help, and docs/cli.md describes it with every option --help lists', async () => {
    expect((await tmcheck(['--help'])).stdout).toContain('grant-script [options] <manifest>');
    const help = (await tmcheck(['grant-script', '--help'])).stdout;
    const options = [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1] as string).filter((o) => o !== '--help');
    expect(options).toEqual(['--policy', '--display-name', '--document', '--config']);
    const docs = readFileSync(join(repoRoot, 'docs/cli.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## tmcheck grant-script\n'), docs.indexOf('## tmcheck probe\n'));
    for (const option of options) expect(section).toContain(`\`${option}`.replace('`--config', '`-c, --config'));
    expect(section).not.toContain('later release');
    expect(docs).toMatch(/\| \[`tmcheck grant-script MANIFEST`\]\(#tmcheck-grant-script\) \| [^|]+ \| \|/);
  });

  // the built program, as `pnpm tmcheck grant-script ...` runs it (turbo builds before it tests)
  it('runs from the built bin', () => {
    expect(existsSync(bundle), `${bundle} is missing: build first (pnpm build)`).toBe(true);
    const r = spawnSync(process.execPath, [bin, 'grant-script', 'examples/fleet/nordic-star.yaml'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("-ObjectId '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d'");
  });
});
