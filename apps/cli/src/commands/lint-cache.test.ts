// tmcheck lint --cache (what it reuses, what it tells) and linting on worker threads from the one-file bundle.
// The options reach lintCommand as commander gives them (--cache, --cache-location PATH).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CACHE_FILE_NAME, createLinter } from '@tmcheck/lint';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { lintCommand, type LintCommandOptions } from './lint.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const examples = join(repo, 'examples', 'fleet');
const bundle = join(repo, 'apps', 'cli', 'dist', 'tmcheck.js');
const root = mkdtempSync(join(tmpdir(), 'tmcheck-cli-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fleet of `count` manifests made from the examples (each installation named apart), a config with an override, a file that is no manifest. */
function fleet(count: number): string {
  const dir = mkdtempSync(join(root, 'fleet-'));
  const templates = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort().map((f) => readFileSync(join(examples, f), 'utf8'));
  writeFileSync(join(dir, 'tmcheck.config.json'), JSON.stringify({ overrides: [{ files: ['east/**'], rules: { 'exchange/timeout': 'error' } }] }));
  for (const folder of ['east', 'west']) mkdirSync(join(dir, folder));
  writeFileSync(join(dir, 'west', 'notes.yaml'), 'title: not a manifest\n');
  for (let i = 0; i < count; i++) {
    const text = (templates[i % templates.length] as string).replace(/\n {2}name: ([^\n]*)/, `\n  name: $1 ${i}`);
    const multi = i % 10 === 3 ? `---\n${text}` : '';
    writeFileSync(join(dir, i % 2 === 0 ? 'east' : 'west', `site-${String(i).padStart(4, '0')}.yaml`), `${text}${multi}`);
  }
  return dir;
}

async function lint(paths: string[], options: LintCommandOptions, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: Readable.from([]),
    cwd,
    env: {},
  };
  const code = await lintCommand(paths, { format: 'json', now: '2026-11-29', ...options }, io);
  return { code, stdout, stderr };
}

describe('tmcheck lint --cache', () => {
  it('reuses the results of unchanged files, lints a changed one, and says what it did', async () => {
    const dir = fleet(12);
    const plain = await lint(['.'], {}, dir);
    const first = await lint(['.'], { cache: true }, dir);
    expect(first.stderr).toContain('tmcheck --cache: 0 files unchanged since the last run (their results reused), 12 files linted; cache written to .tmcheckcache\n');
    expect(existsSync(join(dir, '.tmcheckcache'))).toBe(true);
    const second = await lint(['.'], { cache: true }, dir);
    expect(second.stderr).toContain('tmcheck --cache: 12 files unchanged since the last run (their results reused), 0 files linted; cache .tmcheckcache unchanged\n');
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(second.code).toBe(plain.code);
    const file = join(dir, 'west', 'site-0003.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 664', 'version: 640'));
    const third = await lint(['.'], { cache: true }, dir);
    expect(third.stderr).toContain('11 files unchanged since the last run (their results reused), 1 file linted; cache written to .tmcheckcache\n');
    expect(JSON.parse(third.stdout)).toEqual(JSON.parse((await lint(['.'], {}, dir)).stdout));
  });

  it('keeps the cache where --cache-location says, and refuses --cache-location alone', async () => {
    const dir = fleet(4);
    const run = await lint(['.'], { cache: true, cacheLocation: 'build/cache/' }, dir);
    expect(run.stderr).toContain(`cache written to ${join('build', 'cache', '.tmcheckcache')}\n`);
    await expect(lint(['.'], { cacheLocation: 'x' }, dir)).rejects.toThrow('--cache-location names the file --cache keeps its results in: add --cache');
  });

  it('is described in docs/cli.md as it behaves', () => {
    const row = readFileSync(join(repo, 'docs', 'cli.md'), 'utf8').split('\n').find((l) => l.startsWith('| `--cache`'));
    expect(row).toContain(`\`${CACHE_FILE_NAME}\` in the working folder`);
    expect(row).toContain('size and modification time first');
    expect(row).toContain('SHA-256');
    expect(row).not.toContain('later release');
  });

  it('warns in words about a damaged cache, lints every file, and exits as without it', async () => {
    const dir = fleet(6);
    const plain = await lint(['.'], {}, dir);
    writeFileSync(join(dir, '.tmcheckcache'), '{"tmcheck": "lint cache", "files": {');
    const run = await lint(['.'], { cache: true }, dir);
    expect(run.stderr).toMatch(/^tmcheck: warning: the cache .*\.tmcheckcache is damaged \(it is not the JSON tmcheck writes\): it is ignored, every file is linted and the cache is written anew$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toContain('6 files linted; cache written to .tmcheckcache');
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(run.code).toBe(plain.code);
  });
});

describe('linting on worker threads from the one-file bundle', () => {
  it('runs its workers from the bundle itself, with the results of one thread', async () => {
    expect(existsSync(bundle)).toBe(true);
    const dir = fleet(40);
    const one = await createLinter({ cwd: dir, now: '2026-11-29', concurrency: 'off' }).run(['.']);
    const two = await createLinter({ cwd: dir, now: '2026-11-29', concurrency: 1, workerEntry: pathToFileURL(bundle) }).run(['.']);
    expect(two.workers).toBe(1);
    expect(two.results).toEqual(one.results);
  });

  it('tmcheck lint on a fleet large enough for workers writes the report of one thread, and nothing else on standard output', async () => {
    // more than the 2,000 files from which the linter starts workers by itself
    const dir = fleet(2100);
    const out = join(dir, 'report.json');
    const child = spawnSync(process.execPath, [join(repo, 'apps', 'cli', 'bin', 'tmcheck.js'), 'lint', '.', '--now', '2026-11-29', '-f', 'json', '-o', out], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TMCHECK_DEBUG: '1', NO_COLOR: '1' },
    });
    expect(child.stdout).toBe('');
    expect(child.stderr).toMatch(/^tmcheck: linted on (the main thread only|1 worker thread and the main thread|\d+ worker threads and the main thread)$/m);
    const inProcess = await lint(['.'], {}, dir);
    expect(child.status).toBe(inProcess.code);
    // the same report but for the tool's version (the bundle's is the package's, the source's a development one)
    expect({ ...JSON.parse(readFileSync(out, 'utf8')), tool: undefined }).toEqual({ ...JSON.parse(inProcess.stdout), tool: undefined });
  });
});
