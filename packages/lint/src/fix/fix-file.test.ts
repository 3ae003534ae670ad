import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../finding.js';
import { createLinter } from '../linter.js';
import { decode } from '../load/decode.js';
import { encode } from './encode.js';
import { fixFile } from './fix-file.js';
import { FixWriteError, writeFileAtomic } from './write-file.js';

const fleet = fileURLToPath(new URL('../../../../examples/fleet/', import.meta.url));
const linter = createLinter({ cwd: tmpdir(), now: '2026-11-29' });

const examples = readdirSync(fleet).filter((f) => f.endsWith('.yaml')).sort();
const fixable = examples.filter((f) => linter.lintText(readFileSync(join(fleet, f), 'utf8'), { filePath: f }).some((r) => r.fixableCount > 0));

const keyOf = (m: { ruleId: string; pointer: string; messageId: string }) => `${m.ruleId} ${m.pointer} ${m.messageId}`;
const findings = (results: readonly DocumentResult[]) => results.flatMap((r) => r.messages.map(keyOf)).sort();

/** The ways a manifest is saved: what decode reports must come back the same after the fix. */
const SAVED = {
  'UTF-8': (t: string) => Buffer.from(t, 'utf8'),
  'UTF-8 with BOM, CRLF': (t: string) => encode(t.replace(/\n/g, '\r\n'), { encoding: 'utf-8', bom: true }),
  'UTF-16 LE, CRLF': (t: string) => encode(t.replace(/\n/g, '\r\n'), { encoding: 'utf-16le', bom: true }),
  'UTF-16 BE': (t: string) => encode(t, { encoding: 'utf-16be', bom: true }),
} as const;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tmcheck-fix-'));
}

describe('fixFile on the example fleet', () => {
  it('has fixable examples', () => {
    expect(fixable.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of fixable) {
    for (const [saved, save] of Object.entries(SAVED)) {
      it(`${file}, saved as ${saved}: removes exactly the fixable findings, changes only their lines, keeps the encoding; a second run changes nothing`, () => {
        const original = readFileSync(join(fleet, file), 'utf8');
        const path = join(tempDir(), file);
        const bytes = save(original);
        writeFileSync(path, bytes);
        const before = linter.lintBytes(bytes, { filePath: file });
        const fixedLines = new Set(before.flatMap((r) => r.messages.filter((m) => m.fix).map((m) => m.line)));

        const run = fixFile(path, linter, { filePath: file });
        expect(run.written).toBe(true);
        expect(run.refused).toEqual([]);
        expect(run.applied.length).toBe(fixedLines.size);
        expect(findings(run.remaining)).toEqual(findings(before.map((r) => ({ ...r, messages: r.messages.filter((m) => !m.fix) }))));

        const after = readFileSync(path);
        const was = decode(bytes);
        const now = decode(after);
        if (!was.ok || !now.ok) throw new Error('undecodable');
        expect({ encoding: now.value.encoding, bom: now.value.bom, eol: now.value.eol }).toEqual({ encoding: was.value.encoding, bom: was.value.bom, eol: was.value.eol });
        // every line but the fixed ones byte for byte, comments included, and no line added or lost
        const a = was.value.text.split('\n');
        const b = now.value.text.split('\n');
        expect(b.length).toBe(a.length);
        const changed = b.map((line, i) => (line === a[i] ? undefined : i + 1)).filter((n) => n !== undefined);
        expect(changed).toEqual([...fixedLines].sort((x, y) => x - y));
        for (const [i, line] of a.entries()) if (line.trimStart().startsWith('#')) expect(b[i]).toBe(line);
        expect(findings(linter.lintBytes(after, { filePath: file }))).toEqual(findings(run.remaining));

        const mtime = statSync(path).mtimeMs;
        const again = fixFile(path, linter, { filePath: file });
        expect({ changed: again.changed, written: again.written, applied: again.applied.length }).toEqual({ changed: false, written: false, applied: 0 });
        expect(Buffer.from(readFileSync(path)).equals(Buffer.from(after))).toBe(true);
        expect(statSync(path).mtimeMs).toBe(mtime);
      });
    }
  }
});

describe('writing', () => {
  const file = fixable[0] as string;
  const text = () => readFileSync(join(fleet, file));

  it('writes nothing when nothing changes, and leaves no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'clean.yaml');
    writeFileSync(path, readFileSync(join(fleet, 'nordic-star.yaml')));
    const mtime = statSync(path).mtimeMs;
    const run = fixFile(path, linter);
    expect(run.written).toBe(false);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['clean.yaml']);
  });

  it('writes nothing with write: false, and says what would change', () => {
    const path = join(tempDir(), file);
    writeFileSync(path, text());
    const run = fixFile(path, linter, { write: false });
    expect(run.changed).toBe(true);
    expect(run.written).toBe(false);
    expect(run.original).toBe(text().toString('utf8'));
    expect(Buffer.from(readFileSync(path)).equals(text())).toBe(true);
  });

  it('keeps a link a link (the file it points to is fixed) and the permissions, and leaves no temporary file', () => {
    const dir = tempDir();
    const real = join(dir, 'real.yaml');
    writeFileSync(real, text());
    chmodSync(real, 0o640);
    const link = join(dir, 'link.yaml');
    symlinkSync(real, link);
    expect(fixFile(link, linter).written).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).not.toBe(text().toString('utf8'));
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'real.yaml']);
  });

  it('refuses to write over a file that changed since it was read', () => {
    const path = join(tempDir(), 'm.yaml');
    writeFileSync(path, 'a: 2\n');
    let error: unknown;
    try {
      writeFileAtomic(path, Buffer.from('a: 3\n'), { expected: Buffer.from('a: 1\n') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FixWriteError);
    expect((error as FixWriteError).facts.problem).toBe('changed');
    expect(readFileSync(path, 'utf8')).toBe('a: 2\n');
  });

  it('says why a file cannot be read or written (a typed error, for each front end to word)', () => {
    const missing = join(tempDir(), 'gone.yaml');
    expect(() => fixFile(missing, linter)).toThrow(/cannot read .*gone\.yaml to fix it: no such file or folder \(ENOENT\)/);
    expect(() => writeFileAtomic(missing, Buffer.from('a: 1\n'))).toThrow(FixWriteError);
  });
});
