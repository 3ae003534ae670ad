import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinter } from '../linter.js';
import { RULES } from '../rules/index.js';
import { PLAIN_SECRET, tempFleet } from '../test-utils/temp-fleet.js';
import { VESSEL } from '../test-utils/fixtures.js';
import { WORKER_ENTRY } from './pool.js';

const root = mkdtempSync(join(tmpdir(), 'tmcheck-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const now = '2026-11-29';

describe('linting on worker threads', () => {
  it('runs the build of this module on the workers (build the package first: pnpm build)', () => {
    expect(existsSync(WORKER_ENTRY)).toBe(true);
  });

  it('gives the results of one thread, in the same order, with the same counts', async () => {
    const dir = tempFleet(90, root);
    const one = await createLinter({ cwd: dir, now, concurrency: 'off' }).run(['.']);
    const two = await createLinter({ cwd: dir, now, concurrency: 2 }).run(['.']);
    expect(one.workers).toBe(0);
    expect(two.workers).toBeGreaterThan(0);
    expect(two.results).toEqual(one.results);
    expect([two.files, two.skipped, two.ignored, two.paths]).toEqual([one.files, one.skipped, one.ignored, one.paths]);
    // the fleet has what a run must keep apart: findings, several installations in a file, JSON, a file that does not parse
    expect(one.results.length).toBeGreaterThan(one.files);
    expect(one.results.some((r) => r.filePath.endsWith('.json'))).toBe(true);
    expect(one.results.some((r) => r.messages.some((m) => m.ruleId === 'parse'))).toBe(true);
    expect(one.results.some((r) => r.messages.some((m) => m.suppressed))).toBe(true);
    expect(JSON.stringify(two.results)).not.toContain(PLAIN_SECRET);
  });

  it('applies each folder\'s config and its overrides on the workers, and the settings given directly', async () => {
    const dir = tempFleet(30, root);
    const options = { cwd: dir, now, overrides: ['oauth2/scope:warning'] };
    const one = await createLinter({ ...options, concurrency: 'off' }).run(['a', 'b', 'c']);
    const two = await createLinter({ ...options, concurrency: 1 }).run(['a', 'b', 'c']);
    expect(two.workers).toBe(1);
    expect(two.results).toEqual(one.results);
    const severities = new Set(two.results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'oauth2/scope').map((m) => m.severity)));
    expect([...severities]).toEqual(['warning']);
  });

  it('runs a subset of the registry\'s rules on the workers; rules of the caller\'s own run on this thread', async () => {
    const dir = tempFleet(20, root);
    const subset = RULES.filter((r) => r.id !== 'oauth2/scope');
    const one = await createLinter({ cwd: dir, now, rules: subset, concurrency: 'off' }).run(['.']);
    const two = await createLinter({ cwd: dir, now, rules: subset, concurrency: 2 }).run(['.']);
    expect(two.workers).toBeGreaterThan(0);
    expect(two.results).toEqual(one.results);
    expect(two.results.some((r) => r.messages.some((m) => m.ruleId === 'oauth2/scope'))).toBe(false);
    const own = [...subset, { ...(RULES.find((r) => r.id === 'oauth2/scope') as (typeof RULES)[number]) }];
    expect((await createLinter({ cwd: dir, now, rules: own, concurrency: 2 }).run(['.'])).workers).toBe(0);
  });

  it('keeps a run of a few hundred files on this thread by itself', async () => {
    const dir = tempFleet(230, root);
    const auto = await createLinter({ cwd: dir, now }).run(['.']);
    expect(auto.workers).toBe(0);
  });

  it('starts workers by itself for a run of thousands of files, this thread linting beside them, with the same results', async () => {
    const dir = tempFleet(2100, root);
    const one = await createLinter({ cwd: dir, now, concurrency: 'off' }).run(['.']);
    const auto = await createLinter({ cwd: dir, now }).run(['.']);
    expect(auto.results).toEqual(one.results);
    expect([auto.files, auto.skipped, auto.ignored]).toEqual([one.files, one.skipped, one.ignored]);
  });

  it('stops at a broken config where one thread stops, with the same error', async () => {
    const dir = tempFleet(12, root);
    writeFileSync(join(dir, 'b', 'tmcheck.config.json'), JSON.stringify({ rules: { 'oauth2/scoop': 'off' } }));
    const one = createLinter({ cwd: dir, now, concurrency: 'off' }).run(['.']);
    const two = createLinter({ cwd: dir, now, concurrency: 2 }).run(['.']);
    const [a, b] = await Promise.allSettled([one, two]);
    expect(a.status).toBe('rejected');
    expect(b).toEqual(a);
  });

  it('lints a single manifest given by name on a worker too', async () => {
    const dir = mkdtempSync(join(root, 'one-'));
    writeFileSync(join(dir, 'x.yaml'), VESSEL);
    const two = await createLinter({ cwd: dir, now, concurrency: 1 }).run(['x.yaml']);
    expect(two.workers).toBe(1);
    expect(two.results).toEqual((await createLinter({ cwd: dir, now, concurrency: 'off' }).run(['x.yaml'])).results);
  });

  it('refuses a number of workers it cannot start', () => {
    expect(() => createLinter({ concurrency: -1 })).toThrow(/concurrency/);
    expect(() => createLinter({ concurrency: 2.5 })).toThrow(/concurrency/);
  });
});
