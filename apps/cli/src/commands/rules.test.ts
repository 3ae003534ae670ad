import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmcheck } from '../test-io.js';

// The rule catalogue users read (docs/rules.md, shipped with the repository): the contract `tmcheck rules` must match.
const rulesDoc = readFileSync(fileURLToPath(new URL('../../../../docs/rules.md', import.meta.url)), 'utf8');
/** `| [\`oauth2/scope\`](rules/oauth2/scope.md) | error | yes | ...`: every rule ID, default severity and fixability. */
const documented = [...rulesDoc.matchAll(/^\| \[`([a-z0-9/-]+)`\]\(rules\/\1\.md\) \| (error|warning|info) \| (yes|no) \|/gm)].map((m) => ({
  id: m[1],
  severity: m[2],
  fixable: m[3] === 'yes',
}));

describe('tmcheck rules', () => {
  it('lists every rule of docs/rules.md with its default severity, description, fixability and docs', async () => {
    const r = await tmcheck(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const { rules } = JSON.parse(r.stdout) as { rules: Array<{ id: string; severity: string; description: string; fixable: boolean; docs: string }> };
    expect(documented.length).toBeGreaterThan(25);
    const byId = (a: { id?: string }, b: { id?: string }): number => ((a.id ?? '') < (b.id ?? '') ? -1 : 1);
    expect(rules.map((x) => ({ id: x.id, severity: x.severity, fixable: x.fixable })).sort(byId)).toEqual([...documented].sort(byId));
    for (const rule of rules) {
      expect(rule.description.length).toBeGreaterThan(20);
      expect(typeof rule.fixable).toBe('boolean');
      expect(rule.docs).toBe(`docs/rules/${rule.id}.md`);
    }
  });

  it('prints a text table', async () => {
    const r = await tmcheck(['rules']);
    expect(r.stdout).toMatch(/^oauth2\/scope +error +fix +The OAuth2 scope/m);
  });

  it('prints a rule\'s documentation page, shipped with tmcheck, and refuses an unknown ID with the closest ones', async () => {
    const page = await tmcheck(['rules', 'oauth2/scope']);
    expect(page.code).toBe(0);
    expect(page.stdout.split('\n')[0]).toBe('# oauth2/scope');
    expect(page.stdout).toContain('## How to fix it in TM Master');
    const unknown = await tmcheck(['rules', 'oauth2/scop']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean oauth2/scope');
  });

  it('names no path that exists only in the repository in its text list', async () => {
    const r = await tmcheck(['rules']);
    expect(r.stdout).not.toContain('docs/rules/');
    expect(r.stdout).toContain('tmcheck rules <id>');
  });
});
