import { describe, expect, it } from 'vitest';
import { validateManifest } from '@tmcheck/schemas';
import { resolveConfig } from '../engine/config.js';
import type { Rule } from '../engine/define-rule.js';
import { lintText } from '../engine/lint-document.js';
import type { Finding, Fix } from '../finding.js';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { dropNulls, isObj } from '../model/access.js';
import { mailSections } from '../model/sections.js';

export interface ValidCase {
  readonly name: string;
  readonly yaml: string;
  readonly options?: Readonly<Record<string, number>>;
  readonly today?: string;
  readonly minimumBuilds?: Readonly<Record<string, number>>;
  /** The case breaks the schema on purpose. */
  readonly schemaInvalid?: boolean;
}

export interface ExpectedFinding {
  readonly pointer: string;
  /**
   * Text whose first occurrence (after `after`, if given) is where the finding must start:
   * the oracle for line and column, found by plain string search.
   */
  readonly at?: string;
  readonly after?: string;
  readonly line?: number;
  readonly column?: number;
  /** Text the message must contain, or a pattern it must match. */
  readonly message?: string | RegExp;
  /** The fix the finding carries; `null` for none. */
  readonly fix?: Fix | null;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
}

export function positionOf(text: string, find: string, after?: string): { line: number; column: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from === -1) throw new Error(`rule tester: ${JSON.stringify(after)} is not in the case's text`);
  const i = text.indexOf(find, from);
  if (i === -1) throw new Error(`rule tester: ${JSON.stringify(find)} is not in the case's text`);
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - (before.lastIndexOf('\n') + 1) + 1 };
}

function run(rule: Rule, c: ValidCase): Finding[] {
  const config = resolveConfig([rule], { config: c.minimumBuilds ? { minimumBuilds: c.minimumBuilds } : {} });
  const rules = new Map(config.rules);
  rules.set(rule.id, { severity: rule.severity, options: { ...rules.get(rule.id)?.options, ...c.options } });
  const results = lintText(c.yaml, { filePath: 'case.yaml' }, {
    config: { ...config, rules },
    today: c.today ?? '2026-11-29',
    rules: [rule],
  });
  return results.flatMap((r) => r.messages.filter((m) => m.ruleId === rule.id));
}

/** The literal secrets a case writes: Client Secret and Basic Auth password values that are not ${NAME}. */
function secretsOf(yaml: string): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if ((k === 'clientSecret' || k === 'password') && typeof child === 'string') {
        const s = child.trim();
        if (s.length >= 5 && !/^\$\{\w+\}$/.test(s)) out.push(s);
      } else visit(child);
    }
  };
  for (const doc of loadAll(yaml, undefined, { schema: CORE_SCHEMA })) visit(doc);
  return out;
}

/**
 * The rule's own reports, before the engine's safety net scrubs secrets from messages:
 * no rule may quote a secret in a message or a fix, whatever the engine does after.
 */
function assertNoSecretQuoted(rule: Rule, c: ValidCase): void {
  const secrets = secretsOf(c.yaml);
  if (secrets.length === 0) return;
  const config = resolveConfig([rule], { config: c.minimumBuilds ? { minimumBuilds: c.minimumBuilds } : {} });
  for (const doc of loadAll(c.yaml, undefined, { schema: CORE_SCHEMA })) {
    const manifest = dropNulls(doc);
    if (!isObj(manifest)) continue;
    rule.check({
      manifest,
      sections: mailSections(manifest),
      options: { ...config.rules.get(rule.id)?.options, ...c.options },
      today: c.today ?? '2026-11-29',
      minimumBuilds: config.minimumBuilds,
      report: (r) => {
        for (const s of secrets) {
          expect(r.message, 'a rule quoted a secret').not.toContain(s);
          expect(JSON.stringify(r.fix ?? null), 'a fix carries a secret').not.toContain(s);
        }
      },
    });
  }
}

function assertSchemaValid(c: ValidCase): void {
  for (const doc of loadAll(c.yaml, undefined, { schema: CORE_SCHEMA })) {
    const verdict = validateManifest(doc);
    expect(verdict.valid ? [] : verdict.errors, `case "${c.name}" must be schema-valid`).toEqual([]);
  }
}

/** Runs a rule on tables of valid and invalid manifests (ESLint's RuleTester, for tmcheck). */
export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          if (!c.schemaInvalid) assertSchemaValid(c);
          expect(run(rule, c)).toEqual([]);
          assertNoSecretQuoted(rule, c);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          if (!c.schemaInvalid) assertSchemaValid(c);
          assertNoSecretQuoted(rule, c);
          const found = run(rule, c);
          expect(
            found.map((f) => f.pointer),
            `findings: ${JSON.stringify(found.map((f) => [f.pointer, f.message]))}`,
          ).toEqual(c.errors.map((e) => e.pointer));
          c.errors.forEach((e, i) => {
            const f = found[i] as Finding;
            expect(f.severity).toBe(rule.severity);
            if (e.at !== undefined) expect({ line: f.line, column: f.column }).toEqual(positionOf(c.yaml, e.at, e.after));
            if (e.line !== undefined) expect(f.line).toBe(e.line);
            if (e.column !== undefined) expect(f.column).toBe(e.column);
            if (typeof e.message === 'string') expect(f.message).toContain(e.message);
            else if (e.message) expect(f.message).toMatch(e.message);
            if (e.fix === null) expect(f.fix).toBeUndefined();
            else if (e.fix !== undefined) expect(f.fix).toEqual(e.fix);
            expect(f.fix !== undefined ? rule.fixable : true, 'a fix from a rule not marked fixable').toBe(true);
          });
        });
      }
    });
  });
}
