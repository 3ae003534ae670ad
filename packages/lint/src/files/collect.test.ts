import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { collectManifests } from './collect.js';

const MANIFEST = 'schemaVersion: 1\ninstallation: { name: x }\n';

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tmcheck-collect-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('collectManifests', () => {
  it('finds manifests by a top-level schemaVersion, in YAML, JSON and UTF-16, and counts the rest as skipped', () => {
    const dir = tree({
      'a.yaml': MANIFEST,
      'b.JSON': '{ "schemaVersion": 1 }',
      'c.yml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MANIFEST, 'utf16le')]),
      'd.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MANIFEST)]),
      'nested/schemaVersion-in-a-value.yaml': 'note: "schemaVersion: 1"\n',
      'indented.yaml': 'x:\n  schemaVersion: 1\n',
      'readme.md': MANIFEST,
    });
    const { files, skipped } = collectManifests([dir]);
    expect(files.map((f) => f.filePath)).toEqual([join(dir, 'a.yaml'), join(dir, 'b.JSON'), join(dir, 'c.yml'), join(dir, 'd.yaml')]);
    expect(files.map((f) => f.json)).toEqual([false, true, false, false]);
    expect(skipped).toBe(2);
  });

  it('reports a manifest over the size limit without reading it whole, and skips a large non-manifest', () => {
    const dir = tree({ 'big.yaml': MANIFEST + '#'.repeat(5000), 'big.json': '{"x": "' + 'y'.repeat(5000) + '"}' });
    const { files, skipped } = collectManifests([dir], { maxBytes: 1000 });
    expect(files).toHaveLength(1);
    expect(files[0]?.readError).toMatch(/over the limit of 1000 bytes/);
    expect(skipped).toBe(1);
  });

  it('does not follow a link to a folder (no cycles) but reads a link to a file', () => {
    const dir = tree({ 'real/a.yaml': MANIFEST });
    symlinkSync(join(dir, 'real'), join(dir, 'again'));
    symlinkSync(join(dir, 'real', 'a.yaml'), join(dir, 'linked.yaml'));
    symlinkSync(dir, join(dir, 'real', 'up'));
    expect(collectManifests([dir]).files.map((f) => f.filePath)).toEqual([join(dir, 'linked.yaml'), join(dir, 'real', 'a.yaml')]);
  });

  it('refuses a path that is neither a file nor a folder', () => {
    const dir = tree({});
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    expect(() => collectManifests([join(dir, 'pipe.yaml')])).toThrow(UsageError);
    expect(collectManifests([dir]).files).toEqual([]);
  });

  it('resolves relative paths against cwd and reports them as given', () => {
    const dir = tree({ 'fleet/a.yaml': MANIFEST });
    expect(collectManifests(['fleet'], { cwd: dir }).files.map((f) => f.filePath)).toEqual([join('fleet', 'a.yaml')]);
  });
});
