import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { collectManifests, looksLikeManifest } from './collect.js';

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
    // in a folder, it is its own finding (never opened: a read would wait for a writer for ever)
    expect(collectManifests([dir]).files).toEqual([
      { filePath: join(dir, 'pipe.yaml'), readError: 'the file cannot be read: it is not a regular file (a FIFO); a manifest is a file of text', json: false },
    ]);
  });

  it('counts a JSON file only when schemaVersion is a key of its outermost object', () => {
    const dir = tree({
      'manifest.schema.json': '{ "$schema": "x", "required": ["schemaVersion"], "properties": { "schemaVersion": { "const": 1 } } }',
      'settings.json': '{ "items": [ { "schemaVersion": 1 } ] }',
      'note.json': '{ "text": "\\"schemaVersion\\": 1" }',
      'real.json': '{\n  "installation": { "name": "x" },\n  "schemaVersion": 1\n}\n',
      'broken.json': '{ "schemaVersion": 1, "installation": { "name": "x", } ',
    });
    const { files, skipped } = collectManifests([dir]);
    expect(files.map((f) => f.filePath)).toEqual([join(dir, 'broken.json'), join(dir, 'real.json')]);
    expect(skipped).toBe(3);
  });

  it('counts a .yaml file written in flow style (JSON in a YAML file) by its top-level schemaVersion', () => {
    const yes = ['{"schemaVersion": 1}', '# c\n{ schemaVersion: 1, installation: { name: x } }', "---\n{ 'schemaVersion' : 1 }"];
    const no = ['{ "x": { "schemaVersion": 1 } }', 'x: { schemaVersion: 1 }', '[ { schemaVersion: 1 } ]'];
    for (const text of yes) expect(looksLikeManifest(Buffer.from(text), false), text).toBe(true);
    for (const text of no) expect(looksLikeManifest(Buffer.from(text), false), text).toBe(false);
  });

  it('lints a file once when it is named twice, or named and also inside a folder named', () => {
    const dir = tree({ 'fleet/a.yaml': MANIFEST, 'fleet/b.yaml': MANIFEST, 'fleet/notes.yaml': 'x: 1\n' });
    const { files, skipped } = collectManifests(['fleet/a.yaml', './fleet/a.yaml', 'fleet', join(dir, 'fleet', 'b.yaml'), 'fleet/'], { cwd: dir });
    expect(files.map((f) => f.filePath)).toEqual(['fleet/a.yaml', join('fleet', 'b.yaml')]);
    expect(skipped).toBe(1);
  });

  it('still lints a file named on the command line that a folder named before it had skipped', () => {
    const dir = tree({ 'fleet/a.yaml': MANIFEST, 'fleet/notes.yaml': 'x: 1\n' });
    const { files, skipped } = collectManifests(['fleet', 'fleet/notes.yaml'], { cwd: dir });
    expect(files.map((f) => f.filePath)).toEqual([join('fleet', 'a.yaml'), 'fleet/notes.yaml']);
    expect(skipped).toBe(0);
  });

  it('names the folders that hold no manifest, a file met again counting as found', () => {
    const dir = tree({ 'fleet/a.yaml': MANIFEST, 'docs/notes.yaml': 'x: 1\n', 'empty/.keep': '' });
    expect(collectManifests(['fleet', 'docs', 'empty'], { cwd: dir }).emptyFolders).toEqual(['docs', 'empty']);
    expect(collectManifests(['fleet/a.yaml', 'fleet'], { cwd: dir }).emptyFolders).toEqual([]);
  });

  it('says what a missing path is, and how to write it when it uses backslashes', () => {
    const dir = tree({ 'fleet/a.yaml': MANIFEST });
    expect(() => collectManifests(['fleet/nope.yaml'], { cwd: dir })).toThrow('fleet/nope.yaml: no such file or folder');
    if (process.platform !== 'win32') {
      expect(() => collectManifests(['fleet\\nope.yaml'], { cwd: dir })).toThrow('folders are separated by / here: fleet/nope.yaml');
    }
  });

  it('reads a Windows path (backslashes) where folders are separated by /, as the same path with slashes', () => {
    const dir = tree({ 'fleet/vessels/a.yaml': MANIFEST });
    const expected = process.platform === 'win32' ? ['fleet\\vessels\\a.yaml', join('fleet\\vessels', 'a.yaml')] : ['fleet/vessels/a.yaml', join('fleet/vessels', 'a.yaml')];
    expect(collectManifests(['fleet\\vessels\\a.yaml'], { cwd: dir }).files.map((f) => f.filePath)).toEqual([expected[0]]);
    expect(collectManifests(['fleet\\vessels'], { cwd: dir }).files.map((f) => f.filePath)).toEqual([expected[1]]);
  });

  it('resolves relative paths against cwd and reports them as given', () => {
    const dir = tree({ 'fleet/a.yaml': MANIFEST });
    expect(collectManifests(['fleet'], { cwd: dir }).files.map((f) => f.filePath)).toEqual([join('fleet', 'a.yaml')]);
  });
});
