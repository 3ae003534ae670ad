import { describe, expect, it } from 'vitest';
import { tmcheck } from './test-io.js';

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
});
