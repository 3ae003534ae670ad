import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmcheck } from './test-io.js';

const bin = fileURLToPath(new URL('../bin/tmcheck.js', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/tmcheck.js', import.meta.url));
const fleet = fileURLToPath(new URL('../../../examples/fleet/', import.meta.url));

describe('tmcheck', () => {
  it('prints help and its version with exit 0', async () => {
    const help = await tmcheck(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lint [options] [path...]');
    const version = await tmcheck(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect((await tmcheck(['lint', '--help'])).stdout).toContain('--max-warnings');
  });

  it('exits 2 without a command, with an unknown command or option, and for a missing argument', async () => {
    for (const args of [[], ['lnt'], ['lint', '--bogus'], ['version']]) {
      const r = await tmcheck(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
    expect((await tmcheck(['lnt'])).stderr).toContain('(Did you mean lint?)');
  });

  it('words commander\'s usage errors as its own: "tmcheck: ...", saying what it expected', async () => {
    const unknown = await tmcheck(['lint', '--bogus']);
    expect(unknown.stderr).toMatch(/^tmcheck: unknown option '--bogus'\n/);
    const missing = await tmcheck(['lint', '--max-warnings']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^tmcheck: option '--max-warnings <n>' argument missing\n/);
  });

  // the built program, as a pipeline runs it (turbo builds before it tests)
  it('stops quietly when the reader closes the pipe early (tmcheck lint -f json | head)', async () => {
    expect(existsSync(bundle), `${bundle} is missing: build first (pnpm build)`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'tmcheck-pipe-'));
    const text = readFileSync(join(fleet, 'scopes-swapped.yaml'));
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `m${i}.yaml`), text);
    const child = spawn(process.execPath, [bin, 'lint', '-f', 'json', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(1);
  });
});
