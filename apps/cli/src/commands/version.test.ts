import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmcheck } from '../test-io.js';

describe('tmcheck version', () => {
  it('exits 1 for build 8270 on DB 664, saying it is below 8271 and was built on 2022-08-23', async () => {
    const r = await tmcheck(['version', '2.664.8270.1234']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('build 8270 is below 8271, the minimum for DB 664');
    expect(r.stdout).toContain('built on 2022-08-23');
  });

  it('prints exactly the JSON fields of cli.md and exits 0 for a build that meets the minimum', async () => {
    const r = await tmcheck(['version', '2.664.8271.20345', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['input', 'valid', 'major', 'db', 'build', 'revision', 'buildDate', 'minimumBuild', 'ok', 'reason']);
    expect(report).toMatchObject({ input: '2.664.8271.20345', valid: true, major: 2, db: 664, build: 8271, revision: 20345, buildDate: '2022-08-24', minimumBuild: 8271, ok: true });
  });

  it('gives the reason of cli.md for a build below the minimum', async () => {
    const report = JSON.parse((await tmcheck(['version', '2.664.8270.1234', '--format', 'json'])).stdout);
    expect(report).toEqual({
      input: '2.664.8270.1234', valid: true, major: 2, db: 664, build: 8270, revision: 1234, buildDate: '2022-08-23',
      minimumBuild: 8271, ok: false, reason: 'build 8270 is below 8271, the minimum for DB 664',
    });
  });

  it('exits 2 for text that is not a version and points at column 7', async () => {
    const text = await tmcheck(['version', '2.664.08271.1']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('column 7');
    expect(text.stdout).toContain('  2.664.08271.1\n        ^');
    const json = JSON.parse((await tmcheck(['version', '2.664.08271.1', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ input: '2.664.08271.1', valid: false, column: 7, ok: false });
  });

  it('checks the DB part against --db', async () => {
    const r = await tmcheck(['version', '2.662.8300.1', '--db', '664', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).ok).toBe(false);
    expect((await tmcheck(['version', '2.664.8300.1', '--db', '664'])).code).toBe(0);
    expect((await tmcheck(['version', '2.664.8300.1', '--db', 'six'])).code).toBe(2);
  });

  it('exits 1 for a DB below the table and 0 with minimumBuild null for a DB not in it', async () => {
    expect((await tmcheck(['version', '2.661.9000.1'])).code).toBe(1);
    const unknown = await tmcheck(['version', '2.666.9000.1', '--format', 'json']);
    expect(unknown.code).toBe(0);
    expect(JSON.parse(unknown.stdout).minimumBuild).toBeNull();
  });

  it('refuses an unknown format with exit 2', async () => {
    expect((await tmcheck(['version', '2.664.8271.1', '--format', 'xml'])).code).toBe(2);
  });

  it('reads the minimum builds of the config lint would use: nearest the working folder, or --config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tmcheck-version-'));
    writeFileSync(join(dir, 'tmcheck.config.yaml'), 'minimumBuilds:\n  "666": 8400\n');
    mkdirSync(join(dir, 'fleet'));
    const found = JSON.parse((await tmcheck(['version', '2.666.8399.1', '--format', 'json'], { cwd: join(dir, 'fleet') })).stdout);
    expect(found).toMatchObject({ minimumBuild: 8400, ok: false });
    writeFileSync(join(dir, 'other.json'), '{ "minimumBuilds": { "666": 8300 } }');
    const named = await tmcheck(['version', '2.666.8399.1', '--config', join(dir, 'other.json')], { cwd: tmpdir() });
    expect(named.code).toBe(0);
    const broken = await tmcheck(['version', '2.666.8399.1', '--config', join(dir, 'missing.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('no such file or folder');
  });

  it('says "too old" only for a build below the minimum, and the real verdict otherwise', async () => {
    expect((await tmcheck(['version', '2.664.8270.1'])).stdout).toMatch(/^✖ too old:/);
    expect((await tmcheck(['version', '3.664.9000.1'])).stdout).toMatch(/^✖ not TM Master V2:/);
    expect((await tmcheck(['version', '2.662.9000.1', '--db', '664'])).stdout).toMatch(/^✖ wrong DB:/);
    expect((await tmcheck(['version', '2.600.9000.1'])).stdout).toMatch(/^✖ DB too old:/);
    expect((await tmcheck(['version', '2.666.9000.1'])).stdout).toMatch(/^⚠ unknown:/);
  });
});
