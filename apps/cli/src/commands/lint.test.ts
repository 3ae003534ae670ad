import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmcheck } from '../test-io.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const fleet = join(repo, 'examples', 'fleet');
const VESSEL = readFileSync(join(fleet, 'nordic-star.yaml'), 'utf8');
const OFFICE = readFileSync(join(fleet, 'bergen-office.yaml'), 'utf8');

interface Message { ruleId: string; severity: string; message: string; pointer: string; line: number; column: number; endLine: number; endColumn: number; fix?: { pointer: string; value: unknown } }
interface Result { filePath: string; document: number; installation: string | null; messages: Message[]; errorCount: number; warningCount: number; infoCount: number; fixableCount: number }
interface Report { tool: { name: string; version: string }; results: Result[]; errorCount: number; warningCount: number; infoCount: number }

function temp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tmcheck-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The line of the key a JSON Pointer names, found by indentation alone (an oracle independent of the loader). */
function lineOfPointer(text: string, pointer: string): number {
  const lines = text.split('\n');
  let from = 0;
  let indent = -1;
  for (const token of pointer.split('/').slice(1)) {
    const i = lines.findIndex((l, n) => n >= from && l.search(/\S/) > indent && new RegExp(`^\\s*${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`).test(l));
    if (i === -1) throw new Error(`${pointer}: ${token} not found`);
    indent = (lines[i] as string).search(/\S/);
    from = i + 1;
  }
  return from;
}

async function lintJson(args: string[], options: Parameters<typeof tmcheck>[1] = {}): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await tmcheck(['lint', '--format', 'json', ...args], options);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

describe('tmcheck lint examples/fleet', () => {
  it('prints the documented JSON shape', async () => {
    const { code, report } = await lintJson([fleet]);
    expect(code).toBe(1);
    expect(Object.keys(report)).toEqual(['tool', 'results', 'errorCount', 'warningCount', 'infoCount']);
    expect(report.tool.name).toBe('tmcheck');
    for (const result of report.results) {
      expect(Object.keys(result)).toEqual(['filePath', 'document', 'installation', 'messages', 'errorCount', 'warningCount', 'infoCount', 'fixableCount']);
      for (const m of result.messages) {
        expect(Object.keys(m)).toEqual(['ruleId', 'messageId', 'severity', 'message', 'pointer', 'line', 'column', 'endLine', 'endColumn', ...(m.fix ? ['fix'] : [])]);
      }
      expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 'error').length);
      expect(result.fixableCount).toBe(result.messages.filter((m) => m.fix).length);
    }
    expect(report.errorCount).toBe(report.results.reduce((n, r) => n + r.errorCount, 0));
  });

  const files = readdirSync(fleet).filter((f) => f.endsWith('.yaml')).sort();
  it('holds at least eight examples, each starting with the schema comment and saying what it shows', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const [first, second] = readFileSync(join(fleet, f), 'utf8').split('\n');
      expect(first).toMatch(/^# yaml-language-server: \$schema=\S+manifest\.schema\.json$/);
      expect(second).toMatch(/^# \S.{20,}/);
    }
  });

  it.each(files)('%s has exactly the findings its comments promise, at the right pointer and line', async (file) => {
    const text = readFileSync(join(fleet, file), 'utf8');
    const promised = [...text.matchAll(/^# expect: (\S+) (\S+)$/gm)].map((m) => ({ ruleId: m[1], pointer: m[2] }));
    expect(promised.length > 0 || /^# expect: nothing$/m.test(text)).toBe(true);
    const { report } = await lintJson([join(fleet, file)]);
    const found = report.results.flatMap((r) => r.messages);
    expect(found.map((m) => ({ ruleId: m.ruleId, pointer: m.pointer }))).toEqual(promised);
    for (const m of found) expect(m.line).toBe(lineOfPointer(text, m.pointer));
  });

  it('filePath stays as given, relative included', async () => {
    const { report } = await lintJson(['examples/fleet/bergen-office.yaml'], { cwd: repo });
    expect(report.results[0]?.filePath).toBe('examples/fleet/bergen-office.yaml');
    expect(report.results[0]?.installation).toBe('Bergen office');
  });
});

describe('tmcheck lint: paths', () => {
  it('searches folders recursively, skipping node_modules, dot-folders and files without schemaVersion', async () => {
    const dir = temp({
      'vessels/a.yaml': VESSEL,
      'offices/b.yml': OFFICE,
      'node_modules/x/c.yaml': VESSEL,
      '.git/d.yaml': VESSEL,
      'package.json': '{ "name": "x" }',
      '.github/workflows/ci.yml': 'on: push\n',
      'notes.yaml': 'title: not a manifest\n',
    });
    const { code, report, stderr } = await lintJson([dir]);
    expect(code).toBe(0);
    expect(report.results.map((r) => r.filePath).sort()).toEqual([join(dir, 'offices', 'b.yml'), join(dir, 'vessels', 'a.yaml')]);
    expect(stderr).toContain('2 files skipped');
  });

  it('lints a file named on the command line even without schemaVersion', async () => {
    const dir = temp({ 'notes.yaml': 'title: x\n' });
    const { code, report } = await lintJson([join(dir, 'notes.yaml')]);
    expect(code).toBe(1);
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toContain('schema');
  });

  it('reads standard input for -', async () => {
    const { code, report } = await lintJson(['-'], { stdin: OFFICE.replace('TM_MAIL_SECRET', 'MAIL') });
    expect(code).toBe(0);
    expect(report.results[0]?.filePath).toBe('<stdin>');
  });

  it('exits 2 for a path that does not exist and for a folder without manifests', async () => {
    const missing = await tmcheck(['lint', 'no/such/place.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/place.yaml: no such file or folder');
    const empty = await tmcheck(['lint', temp({ 'package.json': '{}' })]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no manifest found');
  });

  it('lints the working folder when no path is given', async () => {
    const dir = temp({ 'a.yaml': OFFICE });
    const { code, report } = await lintJson([], { cwd: dir });
    expect(code).toBe(0);
    expect(report.results).toHaveLength(1);
  });
});

describe('tmcheck lint: findings and exit status', () => {
  it('exits 1 on a YAML syntax error with a parse finding naming its line', async () => {
    const dir = temp({ 'broken.yaml': 'schemaVersion: 1\ninstallation:\n  name: [unclosed\ndatabase:\n  version: 664\n' });
    const r = await tmcheck(['lint', join(dir, 'broken.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\n {4}\d+:\d+ +error +YAML syntax error: .* +parse\n/);
    const { report } = await lintJson([join(dir, 'broken.yaml')]);
    expect(report.results[0]?.messages).toHaveLength(1);
    expect(report.results[0]?.messages[0]).toMatchObject({ ruleId: 'parse' });
    expect(report.results[0]!.messages[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('exits 2 for an unknown --rule, naming the closest known rules', async () => {
    const r = await tmcheck(['lint', '--rule', 'oauth2/scopes:off', fleet]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "oauth2/scopes"');
    expect(r.stderr).toContain('oauth2/scope');
  });

  it('applies --rule, --quiet and --max-warnings', async () => {
    // an error (the client build) and a warning (a secret written in the manifest)
    const dir = temp({
      'both.yaml': readFileSync(join(fleet, 'client-build-8270.yaml'), 'utf8').replace(/clientSecret: \$\{TM_MAIL_SECRET\}.*/, 'clientSecret: Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789'),
    });
    const secretId = join(dir, 'both.yaml');
    const quiet = await lintJson(['--quiet', secretId]);
    expect(quiet.report.results[0]?.messages.map((m) => m.severity)).toEqual(['error']);
    expect(quiet.stderr).toContain('1 problem (1 error, 0 warnings, 0 infos) in 1 file (1 installation); 1 warning not shown (--quiet)');
    const onlyWarnings = await tmcheck(['lint', '--quiet', '--rule', 'version/client-build:off', secretId]);
    expect(onlyWarnings).toMatchObject({ code: 0, stdout: '' });
    expect(onlyWarnings.stderr).toContain('no errors in 1 file (1 installation); 1 warning not shown (--quiet)');
    const off = await lintJson(['--rule', 'version/client-build:off', secretId]);
    expect(off.code).toBe(0);
    expect(off.report.warningCount).toBe(1);
    const tooMany = await tmcheck(['lint', '--rule', 'version/client-build:off', '--max-warnings', '0', secretId]);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('tmcheck: 1 warning, more than --max-warnings 0');
    expect((await tmcheck(['lint', '--rule', 'version/client-build:off', '--max-warnings', '1', secretId])).code).toBe(0);
    const asError = await lintJson(['--rule', 'oauth2/secret-plaintext:error', '--rule', 'version/client-build:0', secretId]);
    expect(asError.report.results[0]?.messages.map((m) => m.severity)).toEqual(['error']);
    // ESLint's words: warn and 1
    const warn = await lintJson(['--rule', 'version/client-build:warn', '--rule', 'oauth2/secret-plaintext:1', secretId]);
    expect(warn.report.results[0]?.messages.map((m) => m.severity)).toEqual(['warning', 'warning']);
  });

  it('reads a config file found upward, and one named with --config', async () => {
    const dir = temp({
      'tmcheck.config.json': JSON.stringify({ rules: { 'version/client-build': 'warning' } }),
      'fleet/a.yaml': readFileSync(join(fleet, 'client-build-8270.yaml')),
      'strict.yaml': 'minimumBuilds:\n  "664": 8300\n',
    });
    const found = await lintJson(['fleet'], { cwd: join(dir, 'fleet', '..') });
    expect(found.report.results[0]?.messages.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['version/client-build:warning']);
    // the config nearest each manifest applies, wherever lint is run from
    const named = await lintJson([join(dir, 'fleet')], { cwd: repo, env: {} });
    expect(named.report.results[0]?.messages.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['version/client-build:warning']);
    const printed = await tmcheck(['lint', '--print-config', join(dir, 'fleet', 'a.yaml')], { cwd: repo });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`config file: ${join(dir, 'tmcheck.config.json')}`);
    expect(printed.stdout).toMatch(/version\/client-build +warning +from .*tmcheck\.config\.json/);
    const strict = await lintJson(['--config', join(dir, 'strict.yaml'), join(fleet, 'bergen-office.yaml')]);
    expect(strict.report.results[0]?.messages.map((m) => m.ruleId)).toEqual(['version/client-build']);
    const bad = await tmcheck(['lint', '--config', join(dir, 'missing.json'), fleet]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('missing.json: no such file or folder (ENOENT)');
  });

  it('judges secret expiry against --now', async () => {
    const before = await lintJson(['--now', '2027-06-01', join(fleet, 'nordic-star.yaml')]);
    expect(before.report.results[0]?.messages.map((m) => m.ruleId)).toEqual([]);
    const after = await lintJson(['--now', '2027-10-01', join(fleet, 'nordic-star.yaml')]);
    expect(after.report.results[0]?.messages.map((m) => m.ruleId)).toEqual(['azure/secret-expired']);
    expect((await tmcheck(['lint', '--now', '2027-02-30', fleet])).code).toBe(2);
  });

  it('writes the report to -o FILE and keeps the summary on stderr', async () => {
    const dir = temp({});
    const out = join(dir, 'reports', 'tmcheck.json');
    const r = await tmcheck(['lint', '-f', 'json', '-o', out, fleet]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/problems \(\d+ errors/);
    expect(JSON.parse(readFileSync(out, 'utf8')).results.length).toBeGreaterThanOrEqual(8);
  });

  it('refuses unknown formats with exit 2, naming the closest and every known one', async () => {
    const r = await tmcheck(['lint', '-f', 'sarf', fleet]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean sarif?');
    for (const name of ['stylish', 'json', 'sarif', 'junit', 'markdown', 'github', 'gitlab']) expect(r.stderr).toContain(name);
  });

  it('writes every pipeline format for the example fleet', async () => {
    for (const format of ['sarif', 'junit', 'markdown', 'github', 'gitlab']) {
      const r = await tmcheck(['lint', '-f', format, fleet]);
      expect(r.code, `${format}: ${r.stderr}`).toBe(1);
      expect(r.stdout.length, format).toBeGreaterThan(100);
    }
    const sarif = JSON.parse((await tmcheck(['lint', '-f', 'sarif', fleet], { cwd: repo })).stdout);
    const scope = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'oauth2/scope');
    expect(scope.help.markdown).toContain('## How to fix it in TM Master');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\/fleet\//);
  });
});

describe('tmcheck lint: output', () => {
  it('groups the stylish report by file and installation, line:col severity message rule', async () => {
    const r = await tmcheck(['lint', join(fleet, 'scopes-swapped.yaml')]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(join(fleet, 'scopes-swapped.yaml'));
    expect(lines[1]).toBe('  MV Polar Wind');
    expect(lines[2]).toMatch(/^ {4}\d+:14 +error +TM Exchange SMTP > OAuth2 > Scope.* +oauth2\/scope$/);
    expect(r.stderr).toContain('2 problems (2 errors, 0 warnings, 0 infos)');
  });

  it('uses colour only on a terminal, never under NO_COLOR, and as --color / --no-color say', async () => {
    const file = join(fleet, 'scopes-swapped.yaml');
    const esc = '\u001b[';
    expect((await tmcheck(['lint', file])).stdout).not.toContain(esc);
    expect((await tmcheck(['lint', file], { tty: true })).stdout).toContain(esc);
    expect((await tmcheck(['lint', file], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await tmcheck(['lint', '--color', file])).stdout).toContain(esc);
    expect((await tmcheck(['lint', '--no-color', file], { tty: true })).stdout).not.toContain(esc);
  });

  it('never shows a literal secret, in any format, quiet or not', async () => {
    const secret = 'k7Q~vT2.xYz_9aBcDeFgHiJkLmNoPqRsTuVwXyZ01';
    const password = 'Tr0ub4dor&3-relay';
    const text = VESSEL.replaceAll('${TM_MAIL_SECRET}', secret).replace('tmmaster secret', `copy of ${secret}`) +
      '' ;
    const dir = temp({
      'leaky.yaml': text.replace('  smtpEnableSsl: true\n', `  smtpEnableSsl: true\n  basicAuth: { userName: ops, password: "${password}" }\n`),
      'wrongtype.yaml': OFFICE.replace('clientSecret: ${TM_MAIL_SECRET}', `clientSecret: [${secret}]`),
    });
    for (const args of [[], ['-f', 'json'], ['--quiet'], ['-f', 'json', '--quiet']]) {
      const r = await tmcheck(['lint', ...args, dir]);
      expect(r.code).toBe(1);
      for (const out of [r.stdout, r.stderr]) {
        expect(out).not.toContain(secret);
        expect(out).not.toContain(password);
      }
    }
  });
});

describe('tmcheck lint: pipelines and hostile input', () => {
  it('lints a file once when it is named twice, or also found in a folder named', async () => {
    const dir = temp({ 'fleet/a.yaml': OFFICE, 'fleet/b.yaml': OFFICE });
    const { report, stderr } = await lintJson(['fleet/a.yaml', './fleet/a.yaml', 'fleet', join(dir, 'fleet', 'a.yaml')], { cwd: dir });
    expect(report.results.map((r) => r.filePath)).toEqual(['fleet/a.yaml', join('fleet', 'b.yaml')]);
    expect(stderr).toContain('in 2 files');
  });

  it('does not take a JSON Schema or another JSON file that nests schemaVersion for a manifest', async () => {
    const dir = temp({
      'a.yaml': OFFICE,
      'manifest.schema.json': JSON.stringify({ $schema: 'x', required: ['schemaVersion'], properties: { schemaVersion: { const: 1 } } }),
    });
    const { report, stderr } = await lintJson([dir]);
    expect(report.results.map((r) => r.filePath)).toEqual([join(dir, 'a.yaml')]);
    expect(stderr).toContain('1 file skipped');
  });

  it('reads JSON from standard input, and refuses empty standard input with exit 2', async () => {
    const asJson = JSON.stringify({ schemaVersion: 1, installation: { name: 'From a pipe' } });
    const piped = await lintJson(['-'], { stdin: asJson });
    expect(piped.code).toBe(1);
    expect(piped.report.results[0]).toMatchObject({ filePath: '<stdin>', installation: 'From a pipe' });
    for (const stdin of ['', '\n  \n']) {
      const empty = await tmcheck(['lint', '-'], { stdin });
      expect(empty.code).toBe(2);
      expect(empty.stdout).toBe('');
      expect(empty.stderr).toContain('standard input is empty: - reads a manifest piped in, such as tmcheck lint - < manifest.yaml');
    }
  });

  it('writes -o through a link or a device instead of replacing it, and - means standard output', async () => {
    const dir = temp({ 'a.yaml': OFFICE });
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
    expect((await tmcheck(['lint', '-f', 'json', '-o', 'link.json', 'a.yaml'], { cwd: dir })).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).results).toHaveLength(1);
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      // as root a regression would replace the system's /dev/null: the link above covers that path too
      expect((await tmcheck(['lint', '-o', '/dev/null', 'a.yaml'], { cwd: dir })).code).toBe(0);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    }
    const dash = await tmcheck(['lint', '-f', 'json', '-o', '-', 'a.yaml'], { cwd: dir });
    expect(JSON.parse(dash.stdout).results).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'link.json', 'real.json']);
  });

  it('refuses -o naming a folder, an empty name or a manifest being linted, with exit 2 and no file left behind', async () => {
    const dir = temp({ 'a.yaml': OFFICE, 'reports/keep.txt': 'x' });
    const folder = await tmcheck(['lint', '-o', 'reports', 'a.yaml'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`-o expects a file to write the report to; reports is a folder: name a file in it, such as ${join('reports', 'tmcheck-report.json')}`);
    const slash = await tmcheck(['lint', '-o', 'new-folder/', 'a.yaml'], { cwd: dir });
    expect(slash.code).toBe(2);
    expect(slash.stderr).toContain('new-folder/ names a folder: name a file in it');
    const empty = await tmcheck(['lint', '-o', '', 'a.yaml'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('received an empty name');
    const over = await tmcheck(['lint', '-o', './a.yaml', '.'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('would overwrite a.yaml, a manifest being linted');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(OFFICE);
    const blocked = await tmcheck(['lint', '-o', 'a.yaml/r.json', 'reports/../a.yaml'], { cwd: dir });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain('cannot write the report to a.yaml/r.json: a part of the path is a file, not a folder');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'reports']);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['keep.txt']);
    for (const r of [folder, empty, over, blocked]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says why --now is refused when the day does not exist, and takes --format in any case', async () => {
    const r = await tmcheck(['lint', '--now', '2027-02-29', fleet]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"2027-02-29" has no such day');
    expect((await tmcheck(['lint', '--now', '2028-02-29', join(fleet, 'bergen-office.yaml')])).code).toBe(0);
    expect(JSON.parse((await tmcheck(['lint', '-f', 'JSON', join(fleet, 'bergen-office.yaml')])).stdout).results).toHaveLength(1);
  });

  it('turns colour off for FORCE_COLOR=0 and on for FORCE_COLOR=1, NO_COLOR winning', async () => {
    const file = join(fleet, 'scopes-swapped.yaml');
    const esc = '\u001b[';
    expect((await tmcheck(['lint', file], { env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
    expect((await tmcheck(['lint', file], { tty: true, env: { FORCE_COLOR: '0' } })).stdout).not.toContain(esc);
    expect((await tmcheck(['lint', file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain(esc);
  });

  it('never quotes a secret from a .json manifest with a syntax error', async () => {
    const secret = 'k7Q~vT2.xYz_9aBcDeFgHiJkLmNoPqRsTuVwXyZ01';
    const dir = temp({
      'unquoted.json': `{"schemaVersion": 1, "mailSettings": {"oauth2": {"clientSecret": ${secret}}}}`,
      'short.json': '{"schemaVersion": 1, "x": {"basicAuth": {"password": Tr0ub4dor}}}',
    });
    for (const format of ['stylish', 'json']) {
      const r = await tmcheck(['lint', '-f', format, dir]);
      expect(r.code).toBe(1);
      for (const out of [r.stdout, r.stderr]) {
        expect(out).not.toContain(secret.slice(0, 8));
        expect(out).not.toContain('Tr0ub4dor');
      }
    }
    const { report } = await lintJson([join(dir, 'unquoted.json')]);
    const column = readFileSync(join(dir, 'unquoted.json'), 'utf8').indexOf(secret) + 1;
    expect(report.results[0]?.messages[0]).toMatchObject({ ruleId: 'parse', line: 1, column });
  });

  it('escapes control characters of a path in an error, so that it cannot rewrite the terminal', async () => {
    const r = await tmcheck(['lint', 'evil\u001b[2J.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('evil\\u001b[2J.yaml: no such file or folder');
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('tmcheck lint: several paths', () => {
  it('exits 2 when a folder named holds no manifest, also beside folders that do', async () => {
    const dir = temp({ 'vessels/a.yaml': OFFICE, 'offices/package.json': '{}', 'offices/ci.yml': 'on: push\n' });
    const r = await tmcheck(['lint', 'vessels', 'offices'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no manifest found in offices: name a manifest file, or a folder holding');
    const alone = await tmcheck(['lint', 'offices'], { cwd: dir });
    expect(alone.stderr).toContain('no manifest found in offices (2 YAML/JSON files skipped: none has a top-level schemaVersion)');
    const one = await tmcheck(['lint', '.'], { cwd: join(dir, 'offices', '..', 'vessels', '..') });
    expect(one.code).toBe(0);
  });

  it('lints a file named after a folder that had skipped it', async () => {
    const dir = temp({ 'fleet/a.yaml': OFFICE, 'fleet/notes.yaml': 'title: x\n' });
    const { code, report } = await lintJson(['fleet', 'fleet/notes.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(report.results.map((r) => r.filePath)).toEqual([join('fleet', 'a.yaml'), 'fleet/notes.yaml']);
  });
});

describe('tmcheck lint: Windows paths', () => {
  it.skipIf(process.platform === 'win32')('reads paths and --config written with backslashes where folders are separated by /', async () => {
    const dir = temp({ 'fleet/vessels/a.yaml': readFileSync(join(fleet, 'client-build-8270.yaml')), 'conf/tmcheck.yaml': 'rules:\n  version/client-build: warning\n' });
    const { code, report } = await lintJson(['--config', 'conf\\tmcheck.yaml', 'fleet\\vessels\\a.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(report.results[0]?.filePath).toBe('fleet/vessels/a.yaml');
    expect(report.warningCount).toBe(1);
  });
});

describe('tmcheck lint --fix and --fix-dry-run', () => {
  const NOW = ['--now', '2026-11-29'];
  const examples = readdirSync(fleet).filter((f) => f.endsWith('.yaml')).sort();
  const copyFleet = (transform: (text: string) => string | Buffer = (t) => t): string =>
    temp(Object.fromEntries(examples.map((f) => [f, transform(readFileSync(join(fleet, f), 'utf8'))])));
  const key = (m: Message) => `${m.ruleId} ${m.pointer}`;
  /** Every finding of the fleet, by file, with whether it has a fix. */
  const before = async (dir: string) => {
    const { report } = await lintJson([...NOW, dir]);
    return report.results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, line: m.line, key: key(m), fixable: m.fix !== undefined })));
  };
  const GRAPH = 'https://graph.microsoft.com/.default';
  const OUTLOOK = 'https://outlook.office365.com/.default';

  it('--fix on a copy of the fleet removes exactly the fixable findings, changes only their lines, and a second run changes nothing', async () => {
    const dir = copyFleet();
    const found = await before(dir);
    const fixable = found.filter((f) => f.fixable);
    expect(new Set(fixable.map((f) => f.file)).size).toBeGreaterThanOrEqual(2);
    const mtimes = Object.fromEntries(examples.map((f) => [f, statSync(join(dir, f)).mtimeMs]));

    const r = await tmcheck(['lint', ...NOW, '--fix', '--format', 'json', dir]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.flatMap((x) => x.messages.map(key)).sort()).toEqual(found.filter((f) => !f.fixable).map((f) => f.key).sort());
    expect(r.stderr).toContain(`tmcheck --fix: ${fixable.length} fixes applied in ${new Set(fixable.map((f) => f.file)).size} files\n`);
    expect(r.stderr).not.toContain('not applied');

    for (const f of examples) {
      const original = readFileSync(join(fleet, f), 'utf8').split('\n');
      const now = readFileSync(join(dir, f), 'utf8').split('\n');
      const lines = fixable.filter((x) => x.file === join(dir, f)).map((x) => x.line);
      if (lines.length === 0) {
        // a file without a fix is not even written
        expect(statSync(join(dir, f)).mtimeMs, f).toBe(mtimes[f]);
        expect(now).toEqual(original);
        continue;
      }
      expect(now.length, f).toBe(original.length);
      // every comment and every line not fixed byte for byte
      expect(now.map((l, i) => (l === original[i] ? undefined : i + 1)).filter((n) => n !== undefined), f).toEqual(lines.sort((a, b) => a - b));
    }
    expect(readFileSync(join(dir, 'scopes-swapped.yaml'), 'utf8')).toBe(
      readFileSync(join(fleet, 'scopes-swapped.yaml'), 'utf8')
        .replace(`scope: ${OUTLOOK}`, 'scope: SWAP')
        .replace(`scope: ${GRAPH}\n      userName: replication`, `scope: ${OUTLOOK}\n      userName: replication`)
        .replace('scope: SWAP', `scope: ${GRAPH}`),
    );
    expect(readdirSync(dir).sort()).toEqual(examples);

    const fixedTimes = Object.fromEntries(examples.map((f) => [f, statSync(join(dir, f)).mtimeMs]));
    const again = await tmcheck(['lint', ...NOW, '--fix', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('tmcheck --fix: no fix to apply\n');
    for (const f of examples) expect(statSync(join(dir, f)).mtimeMs, f).toBe(fixedTimes[f]);
  });

  it.each([
    ['CRLF', (t: string) => Buffer.from(t.replace(/\n/g, '\r\n')), 'utf-8'],
    ['UTF-16 LE with BOM, CRLF', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t.replace(/\n/g, '\r\n'), 'utf16le')]), 'utf16le'],
    ['UTF-16 BE with BOM', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]), 'utf16be'],
  ] as const)('--fix keeps a %s file as it was saved, changing only the fixed lines', async (_name, save, encoding) => {
    const text = readFileSync(join(fleet, 'scopes-swapped.yaml'), 'utf8');
    const dir = temp({ 'm.yaml': save(text) });
    const r = await tmcheck(['lint', ...NOW, '--fix', join(dir, 'm.yaml')]);
    expect(r.stderr).toContain('tmcheck --fix: 2 fixes applied in 1 file\n');
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(dir, 'm.yaml'));
    const expected = save(
      text
        .replace(`scope: ${OUTLOOK}`, 'scope: SWAP')
        .replace(`scope: ${GRAPH}\n      userName: replication`, `scope: ${OUTLOOK}\n      userName: replication`)
        .replace('scope: SWAP', `scope: ${GRAPH}`),
    );
    expect(bytes.equals(expected)).toBe(true);
    expect(encoding).toBeTruthy();
    const again = await tmcheck(['lint', ...NOW, '--fix', join(dir, 'm.yaml')]);
    expect(again.stderr).toContain('no fix to apply');
    expect(readFileSync(join(dir, 'm.yaml')).equals(expected)).toBe(true);
  });

  it('--fix-dry-run prints a unified diff per changed file, then what would remain, and writes nothing', async () => {
    const dir = copyFleet();
    const r = await tmcheck(['lint', ...NOW, '--fix-dry-run', '--no-color', dir]);
    for (const f of examples) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(join(fleet, f), 'utf8'));
    expect(r.code).toBe(1);
    const diffs = r.stdout.split(/^(?=--- )/m).filter((d) => d.startsWith('--- '));
    expect(diffs.map((d) => /^--- (\S+)/.exec(d)?.[1])).toEqual([join(dir, 'address-from-user-without-placeholder.yaml'), join(dir, 'scopes-swapped.yaml')]);
    expect(r.stdout).toContain(`-      scope: ${OUTLOOK}\n+      scope: ${GRAPH}\n`);
    expect(r.stdout).toContain('+  smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail\n');
    // the report after the diff: what would remain (no scope finding)
    expect(r.stdout).toContain('tenant-placeholder.yaml');
    expect(r.stdout).not.toMatch(/error .*oauth2\/scope$/m);
    expect(r.stderr).toContain('tmcheck --fix-dry-run: 3 fixes would be applied in 2 files; nothing was written\n');
  });

  it('--fix-dry-run shows no secret, even one written in the lines around a change', async () => {
    const secret = 'Qx8~hT3.vLp0-Zr7yWk2_NbC5sDe9fGj1mAo';
    const text = readFileSync(join(fleet, 'scopes-swapped.yaml'), 'utf8').replaceAll('${TM_MAIL_SECRET}', secret).replace(/clientSecret: \S+/, `clientSecret: "${secret}"`);
    expect(text).toContain(secret);
    const dir = temp({ 'm.yaml': text });
    const r = await tmcheck(['lint', ...NOW, '--fix-dry-run', '--rule', 'oauth2/secret-plaintext:off', join(dir, 'm.yaml')]);
    expect(r.stdout).toContain('+      scope: ');
    expect(r.stdout).toContain('clientSecret: [secret]');
    for (let i = 0; i + 8 <= secret.length; i++) expect(r.stdout + r.stderr).not.toContain(secret.slice(i, i + 8));
  });

  it('--fix-dry-run with a machine format needs -o (standard output carries the diff)', async () => {
    const dir = temp({ 'm.yaml': readFileSync(join(fleet, 'scopes-swapped.yaml')) });
    const refused = await tmcheck(['lint', ...NOW, '--fix-dry-run', '--format', 'json', join(dir, 'm.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--fix-dry-run prints the diff on standard output: write the json report to a file with -o');
    const r = await tmcheck(['lint', ...NOW, '--fix-dry-run', '--format', 'json', '-o', join(dir, 'report.json'), join(dir, 'm.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`--- ${join(dir, 'm.yaml')}\n`)).toBe(true);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.errorCount).toBe(0);
  });

  it('--fix and --fix-dry-run together are a usage error', async () => {
    const r = await tmcheck(['lint', '--fix', '--fix-dry-run', fleet]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fix and --fix-dry-run do not go together');
  });

  it('--fix with - prints the fixed manifest on standard output and the report on standard error', async () => {
    const text = readFileSync(join(fleet, 'scopes-swapped.yaml'), 'utf8');
    const r = await tmcheck(['lint', ...NOW, '--fix', '-'], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      text
        .replace(`scope: ${OUTLOOK}`, 'scope: SWAP')
        .replace(`scope: ${GRAPH}\n      userName: replication`, `scope: ${OUTLOOK}\n      userName: replication`)
        .replace('scope: SWAP', `scope: ${GRAPH}`),
    );
    expect(r.stderr).toContain('tmcheck --fix: 2 fixes applied in 1 file');
    // nothing to fix: the manifest goes through as it came
    const clean = await tmcheck(['lint', ...NOW, '--fix', '-'], { stdin: VESSEL });
    expect(clean.stdout).toBe(VESSEL);
    const dry = await tmcheck(['lint', ...NOW, '--fix-dry-run', '-'], { stdin: text });
    expect(dry.stdout.startsWith('--- <stdin>\n+++ <stdin>\n@@ ')).toBe(true);
  });

  it('says which fix it did not apply, and why, and leaves that field as it is', async () => {
    // TM Exchange SMTP's OAuth2 tab anchored and merged into POP3's: POP3's scope comes from the anchor
    const merged = VESSEL.replace(/( {2}smtp:\n(?: {4}.*\n)*? {4}oauth2:)\n/, '$1 &exo\n').replace(
      /( {2}pop3:\n(?: {4}(?!oauth2).*\n)+ {4}oauth2:\n)(?: {6}.*\n)+/,
      '$1      <<: *exo\n      userName: replication.nordicstar@example.com\n',
    );
    expect(merged).toContain('<<: *exo');
    const dir = temp({ 'm.yaml': merged });
    const r = await tmcheck(['lint', ...NOW, '--fix', join(dir, 'm.yaml')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toBe(merged);
    expect(r.stderr).toContain('tmcheck --fix: no fix to apply\ntmcheck --fix: 1 fix not applied:\n');
    expect(r.stderr).toMatch(/m\.yaml:\d+:\d+ {2}oauth2\/scope {2}TM Exchange POP3 > OAuth2 > Scope is shared: it comes from the merge key <<: \*exo \(line \d+\)/);
  });
});

describe('docs/cli.md on fixing', () => {
  it('shows the diff --fix-dry-run prints for the example', async () => {
    const docs = readFileSync(join(repo, 'docs', 'cli.md'), 'utf8');
    const shown = /```diff\n([\s\S]*?)```/.exec(docs.slice(docs.indexOf('### Fixing')))?.[1];
    expect(shown).toBeDefined();
    const r = await tmcheck(['lint', '--now', '2026-11-29', '--fix-dry-run', 'fleet/scopes-swapped.yaml'], { cwd: join(repo, 'examples') });
    expect(r.stdout).toContain(shown as string);
  });
});
