import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmcheck } from '../test-io.js';

const rulesSpec = readFileSync(fileURLToPath(new URL('../../../../../shared/spec/rules.md', import.meta.url)), 'utf8');
/** `| \`oauth2/scope\` | error | ...`: every rule ID and default severity of the contract. */
const specRules = [...rulesSpec.matchAll(/^\| `([a-z0-9/-]+)` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]);

describe('tmcheck rules', () => {
  it('lists every rule of rules.md with its default severity, description, fixability and docs', async () => {
    const r = await tmcheck(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const { rules } = JSON.parse(r.stdout) as { rules: Array<{ id: string; severity: string; description: string; fixable: boolean; docs: string }> };
    expect(specRules.length).toBeGreaterThan(25);
    expect(rules.map((x) => [x.id, x.severity]).sort()).toEqual([...specRules].sort());
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
});
