/**
 * docs/SECURITY.md names, for each threat, the test that proves its defence: every test file it names
 * exists, and every test it quotes after a file is in that file. A renamed or deleted test fails here,
 * so the page cannot promise a proof that is gone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const PAGE = readFileSync(join(ROOT, 'docs', 'SECURITY.md'), 'utf8');

/** The rows of the page's tables: each proof cell's files and the test names quoted after each. */
function proofs(): Array<{ threat: string; file: string; names: string[] }> {
  const out: Array<{ threat: string; file: string; names: string[] }> = [];
  for (const row of PAGE.split('\n').filter((l) => l.startsWith('| **'))) {
    const cells = row.split(' | ');
    const threat = (cells[0] ?? '').replace(/^\| /, '');
    const proof = cells[cells.length - 1] ?? '';
    // `file` "name", "name"; `file` ...
    for (const part of proof.split(/;\s*(?=`)/)) {
      const file = /`([^`]+\.test\.ts)`/.exec(part)?.[1];
      if (!file) continue;
      const names = [...part.matchAll(/"([^"]+)"/g)].map((m) => (m[1] as string).replace(/\s*\.\.\.$/, '').replace(/: \.\.\.$/, ''));
      out.push({ threat, file, names });
    }
  }
  return out;
}

describe('docs/SECURITY.md', () => {
  const rows = proofs();

  it('names a proof for every threat', () => {
    const threats = PAGE.split('\n').filter((l) => l.startsWith('| **'));
    expect(threats.length).toBeGreaterThan(30);
    for (const threat of threats) expect(threat, threat.slice(0, 80)).toMatch(/`[^`]+\.test\.ts`/);
  });

  it('names test files that exist, and tests that are in them', () => {
    const missing: string[] = [];
    for (const { threat, file, names } of rows) {
      const files = file.includes('*')
        ? readdirSync(join(ROOT, file.slice(0, file.lastIndexOf('/')))).filter((f) => f.endsWith('.test.ts')).map((f) => join(ROOT, file.slice(0, file.lastIndexOf('/')), f))
        : [join(ROOT, file)];
      if (files.length === 0 || !files.every((f) => existsSync(f))) {
        missing.push(`${threat}: ${file} does not exist`);
        continue;
      }
      const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
      for (const name of names) if (!text.includes(name)) missing.push(`${threat}: ${file} has no test "${name}"`);
    }
    expect(missing).toEqual([]);
  });
});
