/**
 * Fleets under faults, through `tmcheck lint` as a user runs it: each bad file is its own finding (or its own
 * error), every other file is still linted, and the exit status says so (1: findings). The tests run as root
 * here, so `chmod 000` does not make a file unreadable: a file that cannot be read is a link to nothing (what
 * a deleted or moved target leaves), a link loop, a path longer than the system takes, a file deleted while
 * the run goes on, a FIFO.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { main } from './main.js';
import { tmcheck } from './test-io.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const VESSEL = readFileSync(join(repo, 'examples', 'fleet', 'nordic-star.yaml'), 'utf8');

interface Message {
  ruleId: string;
  messageId: string;
  message: string;
}
interface Result {
  filePath: string;
  messages: Message[];
}
interface Report {
  results: Result[];
}

const dirs: string[] = [];
afterAll(() => {
  // rm walks a tree deeper than the longest path the system takes; Node's rmSync does not
  for (const dir of dirs) execFileSync('rm', ['-rf', dir]);
});

function temp(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tmcheck-hostile-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The findings of each file, by its name. */
function byFile(report: Report): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of report.results) out[r.filePath.split('/').pop() as string] = [...(out[r.filePath.split('/').pop() as string] ?? []), ...r.messages.map((m) => `${m.ruleId}: ${m.message}`)];
  return out;
}

/** Runs `tmcheck ARGS` with an Io of the test's own: stdin is `stdin` (an async iterable that may act when it is read). */
async function run(args: readonly string[], cwd: string, stdin: AsyncIterable<Buffer>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin,
    cwd,
    env: {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Standard input that deletes `path` when the run reads it: the run has listed its files, and reads them after. */
function deletingStdin(path: string): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      rmSync(path, { force: true });
      yield Buffer.from(VESSEL);
    },
  };
}

describe('a fleet with files that cannot be read', () => {
  it('a link to nothing and a link loop: each its own finding; the rest linted; exit 1', async () => {
    const dir = temp({ 'fleet/a-good.yaml': VESSEL, 'fleet/z-good.yaml': VESSEL });
    symlinkSync(join(dir, 'fleet', 'moved-away.yaml'), join(dir, 'fleet', 'dangling.yaml'));
    symlinkSync(join(dir, 'fleet', 'loop-b.yaml'), join(dir, 'fleet', 'loop-a.yaml'));
    symlinkSync(join(dir, 'fleet', 'loop-a.yaml'), join(dir, 'fleet', 'loop-b.yaml'));
    const r = await tmcheck(['lint', '--format', 'json', 'fleet'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(byFile(JSON.parse(r.stdout) as Report)).toEqual({
      'a-good.yaml': [],
      'dangling.yaml': ['parse: the file cannot be read: it disappeared, or it is a link to nothing (ENOENT)'],
      'loop-a.yaml': ['parse: the file cannot be read: too many symbolic links (a link that points to itself?) (ELOOP)'],
      'loop-b.yaml': ['parse: the file cannot be read: too many symbolic links (a link that points to itself?) (ELOOP)'],
      'z-good.yaml': [],
    });
    // the same in the words of the terminal report
    const stylish = await tmcheck(['lint', 'fleet'], { cwd: dir });
    expect(stylish.stdout).toContain('fleet/dangling.yaml');
    expect(stylish.stderr).toContain('✖ 3 problems (3 errors, 0 warnings, 0 infos) in 5 files (5 installations)');
  });

  it('a file deleted while the run goes on: its own finding; the rest linted; exit 1', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`fleet/m${String(i).padStart(2, '0')}.yaml`] = VESSEL;
    const dir = temp(files);
    const r = await run(['lint', '--format', 'json', '-', 'fleet'], dir, deletingStdin(join(dir, 'fleet', 'm13.yaml')));
    expect(r.code).toBe(1);
    const found = byFile(JSON.parse(r.stdout) as Report);
    expect(found['m13.yaml']).toEqual(['parse: the file cannot be read: it disappeared, or it is a link to nothing (ENOENT)']);
    expect(Object.keys(found)).toHaveLength(21);
    expect(Object.entries(found).filter(([, m]) => m.length > 0).map(([f]) => f)).toEqual(['m13.yaml']);
  });

  // it used to throw a PathError out of the run (exit 2, no report) once the paths had been checked
  it('a file named on the command line and deleted while the run goes on: its own finding; exit 1', async () => {
    const dir = temp({ 'a.yaml': VESSEL, 'b.yaml': VESSEL, 'c.yaml': VESSEL });
    const r = await run(['lint', '--format', 'json', '-', 'a.yaml', 'b.yaml', 'c.yaml'], dir, deletingStdin(join(dir, 'b.yaml')));
    // a report and its summary, not a usage error
    expect(r.stderr).not.toContain('tmcheck: ');
    expect(r.code).toBe(1);
    expect(byFile(JSON.parse(r.stdout) as Report)['b.yaml']).toEqual(['parse: the file cannot be read: it disappeared, or it is a link to nothing (ENOENT)']);
  });

  it('a path longer than the system allows: named, it is a usage error that says so; in a folder, its own finding', async () => {
    const dir = temp({ 'fleet/good.yaml': VESSEL });
    // built with relative steps in a child process (the system refuses the whole path at once)
    const part = 'd'.repeat(200);
    const build = `process.chdir(process.argv[1]); for (let i = 0; i < 22; i++) { require('node:fs').mkdirSync('${part}'); process.chdir('${part}'); } require('node:fs').writeFileSync('deep.yaml', require('node:fs').readFileSync(0));`;
    execFileSync(process.execPath, ['-e', build, join(dir, 'fleet')], { input: VESSEL });
    const long = join('fleet', ...Array<string>(22).fill(part), 'deep.yaml');
    expect(long.length).toBeGreaterThan(4096);
    const named = await tmcheck(['lint', long], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(': cannot be read: the path is too long (ENAMETOOLONG)');
    const r = await tmcheck(['lint', '--format', 'json', 'fleet'], { cwd: dir });
    const found = byFile(JSON.parse(r.stdout) as Report);
    expect(found['good.yaml']).toEqual([]);
    expect(Object.values(found).flat()).toContainEqual(expect.stringContaining('(ENAMETOOLONG)'));
    expect(r.code).toBe(1);
  });
});

describe('a FIFO', () => {
  it('named on the command line: a usage error, not a hang', async () => {
    const dir = temp();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const r = await tmcheck(['lint', 'pipe.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tmcheck: pipe.yaml: not a file or a folder; name a manifest file, or - for standard input\n');
  });

  it('in a folder: the run does not hang, and the rest is linted', async () => {
    const dir = temp({ 'fleet/good.yaml': VESSEL });
    execFileSync('mkfifo', [join(dir, 'fleet', 'pipe.yaml')]);
    const r = await tmcheck(['lint', '--format', 'json', 'fleet'], { cwd: dir });
    expect(byFile(JSON.parse(r.stdout) as Report)['good.yaml']).toEqual([]);
  });

  // it used to be skipped without a word
  it('in a folder, it is its own finding; exit 1', async () => {
    const dir = temp({ 'fleet/good.yaml': VESSEL });
    execFileSync('mkfifo', [join(dir, 'fleet', 'pipe.yaml')]);
    const r = await tmcheck(['lint', '--format', 'json', 'fleet'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(byFile(JSON.parse(r.stdout) as Report)['pipe.yaml']).toHaveLength(1);
  });
});

describe('a folder of 10,000 files, some broken', () => {
  it('lints every file; each broken one is its own finding; exit 1', async () => {
    const dir = temp();
    const fleet = join(dir, 'fleet');
    mkdirSync(fleet);
    const broken: Record<string, string | Buffer> = {
      'b-syntax.yaml': `${VESSEL}\n  bad: [unclosed\n`,
      'b-binary.yaml': Buffer.concat([Buffer.from('schemaVersion: 1\n'), Buffer.from([0, 1, 2, 0xff])]),
      'b-latin1.yaml': Buffer.from(VESSEL.replace('MV Nordic Star', 'MV Nørdic Stær'), 'latin1'),
      'b-tabs.yaml': VESSEL.replace('  name: MV Nordic Star', '\tname: MV Nordic Star'),
      'b-bomb.yaml': `${VESSEL}l0: &l0 [lol]\n${Array.from({ length: 9 }, (_v, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`).join('\n')}\n`,
      'b-huge.yaml': `schemaVersion: 1\n${'#'.repeat(5 * 1024 * 1024)}\n`,
    };
    for (let i = 0; i < 10_000 - Object.keys(broken).length - 1; i++) writeFileSync(join(fleet, `m${String(i).padStart(5, '0')}.yaml`), VESSEL);
    for (const [name, text] of Object.entries(broken)) writeFileSync(join(fleet, name), text);
    symlinkSync(join(fleet, 'gone.yaml'), join(fleet, 'b-dangling.yaml'));
    const r = await tmcheck(['lint', '--format', 'json', 'fleet'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(new Set(report.results.map((x) => x.filePath)).size).toBe(10_000);
    const failing = report.results.filter((x) => x.messages.length > 0).map((x) => `${x.filePath.split('/').pop()}: ${x.messages.map((m) => `${m.ruleId}/${m.messageId}`).join(', ')}`);
    expect(failing.sort()).toEqual([
      'b-binary.yaml: parse/encoding',
      'b-bomb.yaml: parse/aliases',
      'b-dangling.yaml: parse/unreadable',
      'b-huge.yaml: parse/unreadable',
      'b-latin1.yaml: parse/encoding',
      'b-syntax.yaml: parse/flow',
      'b-tabs.yaml: parse/tabs',
    ]);
  });
});

describe('a file name that is not UTF-8', () => {
  // a name in another encoding (Latin-1 from an old Windows share: "café" as 63 61 66 E9) used to come back from
  // the folder listing with U+FFFD and could not be opened (ENOENT)
  it('a Latin-1 name in a folder is linted by its raw name, shown with the byte escaped', async () => {
    const dir = temp({ 'fleet/good.yaml': VESSEL });
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'fleet', 'caf')), Buffer.from([0xe9]), Buffer.from('.yaml')]), VESSEL.replace('timeoutSeconds: 100', 'timeoutSeconds: 5'));
    const r = await tmcheck(['lint', '--format', 'json', 'fleet'], { cwd: dir });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.map((x) => x.filePath).sort()).toEqual(['fleet/caf\\xE9.yaml', 'fleet/good.yaml']);
    const cafe = report.results.find((x) => x.filePath.includes('caf'));
    expect(cafe?.messages.map((m) => m.ruleId)).toEqual(['exchange/timeout']);
    // a warning: the run passes
    expect(r.code).toBe(0);
    // --fix writes the file by its raw name, and no other
    const fixed = await tmcheck(['lint', '--fix', 'fleet'], { cwd: dir });
    expect(fixed.stderr).toContain('tmcheck --fix: 1 fix applied in 1 file');
    expect(fixed.code).toBe(0);
    const names = readdirSync(join(dir, 'fleet'), { encoding: 'buffer' });
    expect(names.map((n) => n.toString('latin1')).sort()).toEqual(['caf\u00e9.yaml', 'good.yaml']);
    const raw = names.find((n) => n.includes(0xe9)) as Buffer;
    expect(readFileSync(Buffer.concat([Buffer.from(join(dir, 'fleet', '/')), raw]), 'utf8')).toContain('timeoutSeconds: 100');
  });

  it('in a folder whose own name is not UTF-8, and in the terminal report (no raw byte, no U+FFFD)', async () => {
    const dir = temp({ 'fleet/good.yaml': VESSEL });
    const folder = Buffer.concat([Buffer.from(join(dir, 'fleet', 'Schiffe-')), Buffer.from([0xfc, 0xff])]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/m\u00fcller.yaml')]), VESSEL.replace('timeoutSeconds: 100', 'timeoutSeconds: 5'));
    const r = await tmcheck(['lint', 'fleet'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fleet/Schiffe-\\xFC\\xFF/m\u00fcller.yaml');
    expect(r.stdout).toContain('exchange/timeout');
    expect(r.stdout + r.stderr).not.toMatch(/[\u0080-\u009f\uFFFD]/);
  });
});

describe('hostile file names in every text output', () => {
  it('C1 controls and line breaks in a file name are escaped in the report, the summary and errors', async () => {
    const names = ['a\u0085b.yaml', 'x\n::error file=y::forged.yaml', '\u009d\u009b2J.yaml'];
    // a Scope for the other API: an error in each
    const dir = temp(Object.fromEntries(names.map((n) => [`fleet/${n}`, VESSEL.replace('scope: https://graph.microsoft.com/.default', 'scope: https://outlook.office365.com/.default')])));
    for (const format of ['stylish', 'github', 'markdown', 'junit', 'json', 'sarif', 'gitlab']) {
      const r = await tmcheck(['lint', '--format', format, 'fleet'], { cwd: dir });
      expect(r.code, format).toBe(1);
      expect(r.stdout + r.stderr, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      // no line of the report starts a forged workflow command
      expect(r.stdout.split('\n').filter((l) => l.startsWith('::error file=y')), format).toEqual([]);
    }
    const missing = await tmcheck(['lint', 'no\u0085such\n::error::x.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('tmcheck: no\\u0085such\\u000a::error::x.yaml: no such file or folder\n');
  });
});

describe('the probe', () => {
  it('offers no option that turns certificate checks off', async () => {
    const help = await tmcheck(['probe', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--ca-file');
    expect(help.stdout).not.toMatch(/insecure|no-verify|skip-verify|--no-tls|reject|unauthori[sz]ed|-k\b/i);
  });
});

describe('standard input', () => {
  it('reads at most the size limit, then says the input is too large', async () => {
    const big = Readable.from([Buffer.alloc(3 * 1024 * 1024, 0x23), Buffer.alloc(3 * 1024 * 1024, 0x23), Buffer.alloc(3 * 1024 * 1024, 0x23)]);
    const r = await run(['lint', '--format', 'json', '-'], tmpdir(), big);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Report).results[0]?.messages.map((m) => m.messageId)).toEqual(['tooLarge']);
  });
});
