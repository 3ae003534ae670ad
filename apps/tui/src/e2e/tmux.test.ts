/**
 * End to end in a real terminal: tmux (a real pseudo-terminal, 80x24) runs the bundled tmcheck-ui, keys are
 * sent as a person types them, and the screen tmux shows is read back. Each wait polls the pane until the
 * text is there, within a generous limit; nothing waits a fixed time. The bundles are built into a
 * temporary folder (apps/cli/scripts/bundle.mjs --outdir), beside a copy of the bins, so that a build of
 * apps/cli running at the same time cannot be read half written. Needs tmux (.ci/run installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const fleet = join(repo, 'examples', 'fleet');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const LIMIT_MS = 30_000;

let tmp = '';
let socket = '';
let bin = '';
let cli = '';
let sessions = 0;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
}

interface Pane {
  readonly name: string;
  screen(): string;
  /** Keys by tmux name (Enter, Down, Escape, C-s, NPage) or, with literal, text as typed. */
  keys(...keys: string[]): void;
  type(text: string): void;
  waitFor(check: string | ((screen: string) => boolean), what?: string): Promise<string>;
}

/** Starts tmcheck-ui ARGS in a new 80x24 tmux window, in `cwd`. */
function start(args: readonly string[], cwd: string): Pane {
  const name = `ui${++sessions}`;
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  // CI=true (as on CI) must not matter to a program whose both ends are a terminal: keep it
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-c', cwd, `env NO_COLOR=1 ${quoted} --now 2026-11-30; echo "exited $?"; sleep 3600`);
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  return {
    name,
    screen,
    keys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    type: (text) => void tmux('send-keys', '-t', name, '-l', text),
    waitFor: async (check, what) => {
      const test = typeof check === 'string' ? (s: string) => s.includes(check) || s.replace(/[ \t]*\n[ \t]*/g, ' ').includes(check) : check;
      const until = Date.now() + LIMIT_MS;
      for (;;) {
        const s = screen();
        if (test(s)) return s;
        if (Date.now() > until) throw new Error(`the terminal never showed ${what ?? String(check)}; it shows:\n${s}`);
        // poll again once the terminal had a moment to draw (a poll, not a wait for a result)
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    },
  };
}

describe('tmcheck-ui in a real terminal (tmux)', () => {
  beforeAll(() => {
    if (!hasTmux) throw new Error('these tests drive tmcheck-ui in tmux, which is not installed: apt-get install tmux (.ci/run installs it)');
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'tmcheck-ui-e2e-')));
    socket = join(tmp, 'tmux.sock');
    // the package's layout: bin/ and dist/ side by side, the docs beside them
    mkdirSync(join(tmp, 'package', 'bin'), { recursive: true });
    for (const b of ['tmcheck.js', 'tmcheck-ui.js']) copyFileSync(join(repo, 'apps', 'cli', 'bin', b), join(tmp, 'package', 'bin', b));
    writeFileSync(join(tmp, 'package', 'package.json'), '{ "type": "module" }\n');
    cpSync(join(repo, 'docs'), join(tmp, 'package', 'docs'), { recursive: true });
    execFileSync(process.execPath, [join(repo, 'apps', 'cli', 'scripts', 'bundle.mjs'), '--outdir', join(tmp, 'package', 'dist')], { stdio: 'pipe' });
    bin = join(tmp, 'package', 'bin', 'tmcheck-ui.js');
    cli = join(tmp, 'package', 'bin', 'tmcheck.js');
  });

  afterAll(() => {
    if (socket) spawnSync('tmux', ['-S', socket, 'kill-server']);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('checks 2.664.8270.1234: below 8271, with the build date', async () => {
    const pane = start(['--version-check'], tmp);
    await pane.waitFor('› Client version');
    pane.type('2.664.8270.1234');
    const screen = await pane.waitFor('below 8271');
    expect(screen).toContain('✖ too old: build 8270 is below 8271, the minimum for DB 664');
    expect(screen).toContain('built on 2022-08-23');
    expect(screen.split('\n').filter((l) => l.trim() !== '').at(-1)).toMatch(/Esc back/);
    pane.keys('C-c');
    await pane.waitFor('exited 0');
  });

  it('opens a copy of scopes-swapped.yaml: both scope findings under their sections; f fixes them, comments kept', async () => {
    const dir = join(tmp, 'scopes');
    mkdirSync(dir);
    const file = join(dir, 'scopes-swapped.yaml');
    copyFileSync(join(fleet, 'scopes-swapped.yaml'), file);
    const before = readFileSync(file, 'utf8');
    const pane = start(['scopes-swapped.yaml'], dir);
    const screen = await pane.waitFor('TM Exchange POP3');
    const lines = screen.split('\n');
    const smtp = lines.findIndex((l) => /^ TM Exchange SMTP/.test(l));
    const pop3 = lines.findIndex((l) => /^ TM Exchange POP3/.test(l));
    expect(smtp).toBeGreaterThan(0);
    expect(lines[smtp + 1]).toMatch(/✖ error +37:14 +TM Exchange SMTP > OAuth2 > Scope/);
    expect(lines[pop3 + 1]).toMatch(/✖ error +49:14 +TM Exchange POP3 > OAuth2 > Scope/);
    pane.keys('f');
    const fixed = await pane.waitFor('No problems found');
    expect(fixed).toContain('2 fixes applied and saved to scopes-swapped.yaml');
    expect(fixed).not.toMatch(/✖ error/);
    const after = readFileSync(file, 'utf8');
    const comments = (t: string) => t.split('\n').filter((l) => l.includes('#'));
    expect(comments(after)).toEqual(comments(before));
    expect(after).toContain('scope: https://outlook.office365.com/.default');
    pane.keys('q');
    await pane.waitFor('exited 0');
  });

  it('opens examples/fleet as a fleet, worst first, and moves to the worst installation', async () => {
    cpSync(fleet, join(tmp, 'fleet'), { recursive: true });
    const pane = start(['fleet'], tmp);
    const screen = await pane.waitFor('9 installations');
    const rows = screen.split('\n').filter((l) => l.includes(' · fleet/'));
    expect(rows[0]).toMatch(/^ › ✖ +2 +0 +MV Polar Wind · fleet\/scopes-swapped\.yaml/);
    pane.keys('Down', 'Down');
    await pane.waitFor((s) => !/^ › .*MV Polar Wind/m.test(s), 'the cursor moved down');
    pane.keys('Home');
    pane.keys('Up', 'Up');
    await pane.waitFor((s) => /^ › .*MV Polar Wind/m.test(s), 'the cursor on the worst installation');
    pane.keys('Enter');
    const results = await pane.waitFor('Results · fleet/scopes-swapped.yaml');
    expect(results).toContain('MV Polar Wind');
    pane.keys('Escape');
    await pane.waitFor('Fleet · fleet');
  });

  it('fills in a correct installation and saves a manifest that tmcheck lint passes, with no secret in it', async () => {
    const dir = join(tmp, 'new');
    mkdirSync(dir);
    const secret = 'Qx8~v2Lk.mH3rT9pZs1aBcDe';
    const pane = start([], dir);
    await pane.waitFor('Fill in a new installation');
    pane.keys('2');
    const step = async (label: string, value?: string, then: string[] = ['Enter']) => {
      await pane.waitFor((s) => new RegExp(`^ › ${label}( |$)`, 'm').test(s), `the field ${label}`);
      if (value !== undefined) pane.type(value);
      if (value !== undefined) await pane.waitFor(value.length > 40 ? value.slice(-30) : value.includes('~') ? '••••' : value);
      pane.keys(...then);
    };
    await step('Installation name', 'Bergen office');
    await step('Kind', undefined, ['Space', 'Space', 'Enter']);
    await step('Uses TM Exchange', undefined, ['n', 'Enter']);
    await step('SMTP Server', 'https://graph.microsoft.com/v1.0/users/{0}/sendMail');
    await step('SMTP Port');
    await step('SMTP Enable SSL');
    await step('Use OAuth2');
    await step('Token URL', 'https://login.microsoftonline.com/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b/oauth2/v2.0/token');
    await step('Scope');
    await step('User Name', 'purchasing@example.com');
    await step('Use Address from User', undefined, ['Space', 'Enter']);
    await step('Client ID', '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4');
    await step('Client Secret', secret);
    const asked = await pane.waitFor('Save this secret in the file as:');
    expect(asked).not.toContain(secret.slice(0, 5));
    pane.keys('Enter');
    await step('Sender', undefined, ['NPage']);
    await step('Fill in the Azure facts', undefined, ['NPage']);
    await step('DB version', '664');
    await step('Client version', '2.664.8271.20345');
    const review = await pane.waitFor((s) => /^ › Save as/m.test(s), 'the review');
    expect(review).toContain('tmcheck lint will pass it');
    pane.keys('Enter');
    await pane.waitFor('Saved to bergen-office.yaml');
    const saved = readFileSync(join(dir, 'bergen-office.yaml'), 'utf8');
    expect(saved.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(saved).not.toContain(secret);
    expect(saved).toContain('clientSecret: ${TM_MAIL_SECRET}');
    const lint = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--now', '2026-11-30', 'bergen-office.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(lint.status, lint.stderr).toBe(0);
    const report = JSON.parse(lint.stdout) as { results: { messages: unknown[]; errorCount: number; warningCount: number }[] };
    expect(report.results.map((r) => [r.errorCount, r.warningCount, r.messages.length])).toEqual([[0, 0, 0]]);
  });

  it('says without a terminal, in one line, to use tmcheck lint, and exits 2', () => {
    const r = spawnSync(process.execPath, [bin], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('tmcheck lint');
  });
});
