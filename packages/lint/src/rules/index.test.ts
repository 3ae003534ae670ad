import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import { lintText } from '../engine/lint-document.js';
import { OFFICE, VESSEL } from '../test-utils/fixtures.js';
import { RULES } from './index.js';

const rulesDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(rulesDir, '..', '..', '..', '..');

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return ruleFiles(full);
    if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts') || e.name.startsWith('_') || e.name === 'index.ts') return [];
    return [relative(rulesDir, full).split(sep).join('/').replace(/\.ts$/, '')];
  });
}

describe('the rule registry', () => {
  const ids = RULES.map((r) => r.id);

  it('lists every rule once, sorted by ID', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('has exactly one rule module per rule, whose path is its ID', () => {
    expect(ruleFiles(rulesDir).sort()).toEqual(ids);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a test file and a documentation page that match it', (id, rule) => {
    expect(existsSync(join(rulesDir, `${id}.test.ts`)), `src/rules/${id}.test.ts`).toBe(true);
    const docPath = join(repoRoot, 'docs', 'rules', `${id}.md`);
    expect(existsSync(docPath), `docs/rules/${id}.md`).toBe(true);
    const doc = readFileSync(docPath, 'utf8');
    expect(doc.split('\n')[0]).toBe(`# ${id}`);
    expect(doc).toContain(`Default severity: **${rule.severity}** · Fixable: **${rule.fixable ? 'yes' : 'no'}**`);
    for (const heading of ['## What it catches', '## Why it matters', '## Incorrect', '## Correct', '## How to fix it in TM Master']) {
      expect(doc, `${id}: ${heading}`).toContain(heading);
    }
    for (const option of Object.keys(rule.options ?? {})) expect(doc).toContain(`\`${option}\``);
  });

  /** A doc's example: the block under a heading; a `# tmcheck.config.json: {...}` line in it is the config it assumes. */
  function example(doc: string, heading: string): { text: string; config: unknown } {
    const m = new RegExp(`## ${heading}\\n+\`\`\`(?:yaml|json)\\n([\\s\\S]*?)\`\`\``).exec(doc);
    const text = m?.[1] ?? '';
    const config = /^# tmcheck\.config\.json: (.*)$/m.exec(text)?.[1];
    return { text, config: config ? JSON.parse(config) : {} };
  }

  it.each(RULES.map((r) => [r.id, r] as const))('%s: the Incorrect example of its page fires it, the Correct one does not', (id, rule) => {
    const doc = readFileSync(join(repoRoot, 'docs', 'rules', `${id}.md`), 'utf8');
    const fired = (e: { text: string; config: unknown }): number => {
      const config = resolveConfig(RULES, { config: e.config });
      return lintText(e.text, { filePath: 'example.yaml' }, { config, today: '2026-11-29', rules: [rule] })
        .flatMap((r) => r.messages)
        .filter((m) => m.ruleId === id).length;
    };
    expect(fired(example(doc, 'Incorrect'))).toBeGreaterThan(0);
    expect(fired(example(doc, 'Correct'))).toBe(0);
  });

  it('has no documentation page without a rule', () => {
    const pages = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? pages(join(dir, e.name)) : [relative(join(repoRoot, 'docs', 'rules'), join(dir, e.name)).split(sep).join('/')],
      );
    expect(pages(join(repoRoot, 'docs', 'rules')).sort()).toEqual(ids.map((id) => `${id}.md`).sort());
  });

  it('is silent on the correct vessel and office of the guide', () => {
    const options = { config: resolveConfig(RULES), today: '2026-11-29', rules: RULES };
    for (const text of [VESSEL, OFFICE]) {
      const results = lintText(text, { filePath: 'ok.yaml' }, options);
      expect(results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });
});
