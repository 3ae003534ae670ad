import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Windows refuses to rename over a file that another program holds open (EPERM, EACCES, EBUSY)
const refuse = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (refuse.code) throw Object.assign(new Error(`rename refused: ${refuse.code}`), { code: refuse.code });
      fs.renameSync(from, to);
    },
  };
});

const { FixWriteError, writeFileAtomic } = await import('./write-file.js');

describe('writeFileAtomic when the rename is refused', () => {
  it.each(['EPERM', 'EACCES', 'EBUSY'])('%s: writes the file in place, and leaves no temporary file', (code) => {
    refuse.code = code;
    const dir = mkdtempSync(join(tmpdir(), 'tmcheck-write-'));
    const path = join(dir, 'm.yaml');
    writeFileSync(path, 'a: 1\n');
    writeFileAtomic(path, Buffer.from('a: 2\n'), { expected: Buffer.from('a: 1\n') });
    expect(readFileSync(path, 'utf8')).toBe('a: 2\n');
    expect(readdirSync(dir)).toEqual(['m.yaml']);
  });

  it('any other refusal is an error, and the file is as it was', () => {
    refuse.code = 'EXDEV';
    const dir = mkdtempSync(join(tmpdir(), 'tmcheck-write-'));
    const path = join(dir, 'm.yaml');
    writeFileSync(path, 'a: 1\n');
    expect(() => writeFileAtomic(path, Buffer.from('a: 2\n'))).toThrow(FixWriteError);
    expect(readFileSync(path, 'utf8')).toBe('a: 1\n');
    expect(readdirSync(dir)).toEqual(['m.yaml']);
  });
});
