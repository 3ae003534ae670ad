import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinter, type LinterOptions } from '../linter.js';
import { PLAIN_SECRET, tempFleet } from '../test-utils/temp-fleet.js';
import { CACHE_FILE_NAME } from './cache.js';

const root = mkdtempSync(join(tmpdir(), 'tmcheck-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = { now: '2026-11-29', toolVersion: '1.0.0', concurrency: 'off' } as const;

function run(dir: string, options: Partial<LinterOptions> = {}) {
  return createLinter({ cwd: dir, cache: true, ...base, ...options }).run(['.']);
}

/** The manifests of the fleet under a folder, relative to the fleet. */
function manifestsIn(dir: string, folder: string): string[] {
  return readdirSync(join(dir, folder)).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.startsWith('tmcheck.config')).map((f) => `${folder}/${f}`);
}

describe('the lint cache', () => {
  it('lints nothing again when nothing changed, and gives the same results', async () => {
    const dir = tempFleet(24, root);
    const fresh = await createLinter({ cwd: dir, ...base }).run(['.']);
    const first = await run(dir);
    expect(first.cache).toMatchObject({ location: join(dir, CACHE_FILE_NAME), reused: 0, linted: first.files, written: true, warnings: [] });
    const second = await run(dir);
    expect(second.cache).toMatchObject({ reused: first.files, linted: 0, written: false, warnings: [] });
    expect(second.results).toEqual(fresh.results);
    expect(first.results).toEqual(fresh.results);
    expect([second.files, second.skipped, second.ignored, second.paths]).toEqual([fresh.files, fresh.skipped, fresh.ignored, fresh.paths]);
  });

  it('lints a changed file again, and only it', async () => {
    const dir = tempFleet(24, root);
    await run(dir);
    const file = join(dir, 'b', 'site-0001.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('port: 995', 'port: 110'));
    const again = await run(dir);
    expect(again.cache).toMatchObject({ reused: again.files - 1, linted: 1, written: true });
    const result = again.results.find((r) => r.filePath === join('b', 'site-0001.yaml'));
    expect(result?.messages.map((m) => m.ruleId)).toContain('pop3/port');
    expect(again.results).toEqual((await createLinter({ cwd: dir, ...base }).run(['.'])).results);
  });

  it('sees an edit that keeps the size and the modification time (it checks the bytes of a file written just before the run)', async () => {
    const dir = tempFleet(6, root);
    const file = join(dir, 'b', 'site-0001.yaml');
    await run(dir);
    const { atime, mtime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('port: 995', 'port: 996'));
    utimesSync(file, atime, mtime);
    const again = await run(dir);
    expect(again.cache?.linted).toBe(1);
    expect(again.results.find((r) => r.filePath === join('b', 'site-0001.yaml'))?.messages.map((m) => m.ruleId)).toContain('pop3/port');
  });

  it('reuses the results of a file touched but not changed (a checkout, a fresh clone)', async () => {
    const dir = tempFleet(6, root);
    await run(dir);
    const file = join(dir, 'a', 'site-0003.yaml');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    const again = await run(dir);
    expect(again.cache).toMatchObject({ reused: again.files, linted: 0, written: true });
  });

  it('lints again the files whose settings changed: a config file, --rule', async () => {
    const dir = tempFleet(24, root);
    await run(dir);
    // the top config applies to a/ and b/; c/ has its own
    writeFileSync(join(dir, 'tmcheck.config.json'), JSON.stringify({ rules: { 'exchange/timeout': 'warning' }, ignores: ['drafts/**'] }));
    const changed = await run(dir);
    const underTop = changed.paths.filter((p) => p.startsWith(join(dir, 'a')) || p.startsWith(join(dir, 'b'))).length;
    expect(underTop).toBe(manifestsIn(dir, 'a').length + manifestsIn(dir, 'b').length);
    expect(changed.cache).toMatchObject({ linted: underTop, reused: changed.files - underTop });
    expect(changed.results).toEqual((await createLinter({ cwd: dir, ...base }).run(['.'])).results);
    const ruled = await run(dir, { overrides: ['oauth2/scope:warning'] });
    expect(ruled.cache).toMatchObject({ linted: ruled.files, reused: 0 });
  });

  it('lints every file again for another date (--now) or another version of the tool', async () => {
    const dir = tempFleet(8, root);
    await run(dir);
    const later = await run(dir, { now: '2027-12-01' });
    expect(later.cache).toMatchObject({ linted: later.files, reused: 0 });
    expect(later.results).toEqual((await createLinter({ cwd: dir, ...base, now: '2027-12-01' }).run(['.'])).results);
    await run(dir);
    const release = await run(dir, { toolVersion: '1.1.0' });
    expect(release.cache).toMatchObject({ linted: release.files, reused: 0 });
  });

  it('ignores a damaged cache, or a file that is no cache, with a warning in words, and writes it anew', async () => {
    const dir = tempFleet(8, root);
    const fresh = await createLinter({ cwd: dir, ...base }).run(['.']);
    const cacheFile = join(dir, CACHE_FILE_NAME);
    await run(dir);
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').slice(0, 500));
    const damaged = await run(dir);
    expect(damaged.results).toEqual(fresh.results);
    expect(damaged.cache?.warnings).toEqual([expect.stringMatching(/^the cache .*\.tmcheckcache is damaged \(it is not the JSON tmcheck writes\): it is ignored/)]);
    expect(damaged.cache?.warnings[0]).not.toMatch(/\n\s+at /);
    expect(damaged.cache).toMatchObject({ linted: damaged.files, written: true });
    expect((await run(dir)).cache).toMatchObject({ reused: damaged.files, warnings: [] });
    writeFileSync(cacheFile, JSON.stringify({ files: 'nothing here' }));
    const other = await run(dir);
    expect(other.cache?.warnings).toEqual([expect.stringMatching(/is not a tmcheck cache: it is ignored/)]);
    expect(other.results).toEqual(fresh.results);
  });

  it('says so when the cache cannot be written, and the run succeeds', async () => {
    const dir = tempFleet(4, root);
    writeFileSync(join(dir, 'blocker'), 'a file where a folder would be');
    const result = await run(dir, { cacheLocation: 'blocker/cache' });
    expect(result.files).toBeGreaterThan(0);
    expect(result.cache?.written).toBe(false);
    expect(result.cache?.warnings).toEqual([expect.stringMatching(/^the cache cannot be written to .*blocker.cache \(.*\): the next run lints every file again$/)]);
  });

  it('keeps the cache where --cache-location says: a file, or a folder that holds .tmcheckcache', async () => {
    const dir = tempFleet(4, root);
    expect((await run(dir, { cacheLocation: 'cache.json' })).cache?.location).toBe(join(dir, 'cache.json'));
    expect((await run(dir, { cacheLocation: 'cache.json' })).cache).toMatchObject({ linted: 0 });
    expect((await run(dir, { cacheLocation: 'caches/' })).cache?.location).toBe(join(dir, 'caches', CACHE_FILE_NAME));
    expect((await run(dir, { cacheLocation: 'caches' })).cache).toMatchObject({ location: join(dir, 'caches', CACHE_FILE_NAME), linted: 0 });
  });

  it('holds results only: no secret of a manifest', async () => {
    const dir = tempFleet(12, root);
    const result = await run(dir);
    expect(result.results.some((r) => r.messages.some((m) => m.ruleId === 'oauth2/secret-plaintext'))).toBe(true);
    const text = readFileSync(join(dir, CACHE_FILE_NAME), 'utf8');
    expect(text).not.toContain(PLAIN_SECRET);
    expect(text).not.toContain(PLAIN_SECRET.slice(8, 24));
  });

  it('gives the same results with workers, from the cache and not', async () => {
    const dir = tempFleet(30, root);
    const fresh = await createLinter({ cwd: dir, ...base }).run(['.']);
    const first = await run(dir, { concurrency: 2 });
    expect(first.workers).toBeGreaterThan(0);
    expect(first.results).toEqual(fresh.results);
    const second = await run(dir, { concurrency: 2 });
    expect(second.cache).toMatchObject({ reused: fresh.files, linted: 0 });
    expect(second.results).toEqual(fresh.results);
    expect(existsSync(join(dir, CACHE_FILE_NAME))).toBe(true);
  });
});
