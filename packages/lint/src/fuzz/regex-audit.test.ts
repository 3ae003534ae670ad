/**
 * Every regular expression of the product (lint, the schemas and versions packages it runs, the probe,
 * the CLI) is checked for catastrophic backtracking by recheck (makenowjust-labs/recheck: exponential
 * and polynomial ReDoS, with an attack string), at the recheck version pinned in package.json. A pattern
 * that backtracks is allowed only where its input is bounded, listed below with why; it is then run on
 * its attack string cut to that bound, which must finish at once. Patterns built at run time
 * (`new RegExp` of a template) are listed with why they are safe.
 *
 * Checking 250-odd patterns takes recheck about 20 s, so the verdicts are kept in regex-audit.json:
 * the normal suite checks only patterns that are not in it (a new or changed one), `pnpm test:fuzz`
 * checks every one again. REGEX_AUDIT_WRITE=1 rewrites the file with the verdicts found.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { regexesOf } from './test-utils/regex-literals.js';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const DIRS = ['packages/lint/src', 'packages/versions/src', 'packages/schemas/src', 'packages/probe/src', 'apps/cli/src'];
const CACHE_FILE = new URL('./regex-audit.json', import.meta.url);
const MODE = (import.meta as unknown as { readonly env?: { readonly MODE?: string } }).env?.MODE;
const ALL = MODE === 'fuzz' || process.env['REGEX_AUDIT_WRITE'] === '1';

/** Patterns that backtrack, on inputs bounded to `limit` characters by the code that runs them. */
const BOUNDED: ReadonlyArray<{ readonly file: string; readonly source: string; readonly limit: number; readonly reason: string }> = [
  {
    file: 'packages/lint/src/load/yaml-errors.ts',
    source: String.raw`<<[ \t]*:[ \t]*(?:\[[^\]]*)?$`,
    limit: 400,
    reason: 'run on the text before a parse error on its line, at most 400 characters (SPLIT_REACH in parse-documents.ts)',
  },
  {
    file: 'packages/lint/src/load/yaml-errors.ts',
    source: String.raw`^([ \t]*(?:-[ \t]+)?(?:"[^"]*"|'[^']*'|[^"'#:\s][^:#]*?)[ \t]*:[ \t]+)(\S.*)$`,
    limit: 800,
    reason: 'run on the line of a parse error, at most 400 characters each side of it (SPLIT_REACH in parse-documents.ts)',
  },
];

/** `new RegExp` calls whose pattern is built at run time, each reviewed. */
const COMPUTED: ReadonlyArray<{ readonly file: string; readonly starts: string; readonly reason: string }> = [
  {
    file: 'packages/lint/src/load/yaml-errors.ts',
    starts: 'new RegExp(`',
    reason: 'key-and-value patterns of yaml-errors.ts, run only on at most 400 characters each side of a parse error (SPLIT_REACH)',
  },
  { file: 'packages/lint/src/formatters/sarif.ts', starts: 'new RegExp(UNPRINTABLE.source)', reason: 'the UNPRINTABLE literal of the same file, checked as a literal' },
];

interface Cache {
  readonly recheck: string;
  readonly safe: readonly string[];
}

function recheckVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../node_modules/recheck/package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function readCache(): Cache {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Cache;
  } catch {
    return { recheck: '', safe: [] };
  }
}

const { literals, calls } = regexesOf(ROOT, DIRS);
const called = calls.filter((c) => c.source !== undefined).map((c) => ({ file: c.file, line: c.line, source: c.source as string, flags: c.flags }));
const patterns = [...literals, ...called];

describe('regular expressions', () => {
  it('finds every pattern of the sources: literals, and new RegExp of a string', () => {
    expect(literals.length).toBeGreaterThan(200);
    expect(patterns.some((p) => p.file === 'packages/lint/src/text/escape.ts')).toBe(true);
    expect(called.some((p) => p.file.includes('generated'))).toBe(true);
    for (const p of patterns) expect(() => new RegExp(p.source, p.flags), `${p.file}:${p.line} /${p.source}/${p.flags}`).not.toThrow();
  });

  it('has no pattern that backtracks catastrophically, except on input bounded where it runs', { timeout: 600_000 }, () => {
    const version = recheckVersion();
    const cache = readCache();
    const known = new Set(cache.recheck === version && !ALL ? cache.safe : []);
    const safe = new Set<string>();
    const problems: string[] = [];
    for (const p of patterns) {
      const flags = p.flags.replace(/g/g, '');
      const key = `${flags}/${p.source}`;
      if (known.has(key) || safe.has(key)) {
        safe.add(key);
        continue;
      }
      const verdict = checkSync(p.source, flags, { randomSeed: 0, timeout: 30_000 });
      if (verdict.status === 'safe') {
        safe.add(key);
        continue;
      }
      const bounded = BOUNDED.find((b) => b.file === p.file && b.source === p.source);
      if (verdict.status === 'vulnerable' && bounded) {
        // the attack, cut to the bound the code keeps: at once
        const attack = verdict.attack.string.slice(0, bounded.limit);
        const start = performance.now();
        new RegExp(p.source, flags).exec(attack);
        expect(performance.now() - start, `${p.file}:${p.line} on ${bounded.limit} characters`).toBeLessThan(1000);
        continue;
      }
      problems.push(
        `${p.file}:${p.line} /${p.source}/${p.flags}: ${verdict.status}${verdict.status === 'vulnerable' ? ` (${verdict.complexity.summary}; attack ${verdict.attack.pattern})` : verdict.status === 'unknown' ? ` (${verdict.error.kind})` : ''}`,
      );
    }
    if (process.env['REGEX_AUDIT_WRITE'] === '1') writeFileSync(CACHE_FILE, `${JSON.stringify({ recheck: version, safe: [...safe].sort() }, null, 1)}\n`);
    expect(problems, 'patterns that backtrack catastrophically: rewrite them (a scan, a bounded quantifier), or bound their input and list them in BOUNDED').toEqual([]);
  });

  it('lists every pattern built at run time, with why it is safe', () => {
    const computed = calls.filter((c) => c.source === undefined);
    const unreviewed = computed.filter((c) => !COMPUTED.some((r) => r.file === c.file && c.text.startsWith(r.starts)));
    expect(unreviewed.map((c) => `${c.file}:${c.line} ${c.text}`)).toEqual([]);
  });
});
