import { describe, expect, it } from 'vitest';
import { validateManifest } from '@tmcheck/schemas';
import { resolveConfig } from '../engine/config.js';
import type { AnyRule } from '../engine/define-rule.js';
import { lintText } from '../engine/lint-document.js';
import { placeholders } from '../engine/messages.js';
import type { DocumentResult, Finding, Fix } from '../finding.js';
import { fixText } from '../fix/fix-text.js';
import { parseDocuments } from '../load/parse-documents.js';
import { collectSecrets, collectSecretsFromText, fold } from '../secrets/scrub.js';

/** Rules are held to more than the scrub: no 8-character piece of a secret in what they build. */
const PIECE = 8;

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
  /** The message the finding must carry. */
  readonly messageId: string;
  /** Data the message must have (a subset: each given key must match; a RegExp matches the text). */
  readonly data?: Readonly<Record<string, string | number | RegExp>>;
  /**
   * Text whose first occurrence (after `after`, if given) is where the finding must start:
   * the oracle for line and column, found by plain string search.
   */
  readonly at?: string;
  readonly after?: string;
  readonly line?: number;
  readonly column?: number;
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

/** The secrets a case holds, as the engine collects them. */
function secretsOf(yaml: string): string[] {
  const out = collectSecretsFromText(yaml);
  for (const doc of parseDocuments(yaml)) if (doc.data !== undefined) collectSecrets(doc.data, out);
  return [...out];
}

/** Every piece of PIECE characters of a secret (the whole of a shorter one) found in a text. */
export function secretPieces(text: string, secrets: readonly string[]): string[] {
  const hay = fold(text);
  const found: string[] = [];
  for (const secret of secrets) {
    const s = fold(secret);
    if (s.length < PIECE) {
      if (s.length >= 5 && hay.includes(s)) found.push(secret);
      continue;
    }
    for (let i = 0; i + PIECE <= s.length; i++) {
      if (hay.includes(s.slice(i, i + PIECE))) {
        found.push(s.slice(i, i + PIECE));
        break;
      }
    }
  }
  return found;
}

interface Run {
  /** The findings of the rule under test. */
  readonly findings: Finding[];
  /** Everything the run found (the engine's parse and schema findings too). */
  readonly results: readonly DocumentResult[];
  /** Messages as the rule built them, before the engine's scrub. */
  readonly raw: string[];
}

function run(rule: AnyRule, c: ValidCase): Run {
  const config = resolveConfig([rule], { config: c.minimumBuilds ? { minimumBuilds: c.minimumBuilds } : {} });
  const rules = new Map(config.rules);
  rules.set(rule.id, { severity: rule.severity, options: { ...rules.get(rule.id)?.options, ...c.options } });
  const raw: string[] = [];
  const results = lintText(c.yaml, { filePath: 'case.yaml' }, {
    config: { ...config, rules },
    today: c.today ?? '2026-11-29',
    rules: [rule],
    onReport: (ruleId, report, message) => {
      if (ruleId === rule.id) raw.push(message, JSON.stringify(report.fix ?? null));
    },
  });
  return { findings: results.flatMap((r) => r.messages.filter((m) => m.ruleId === rule.id)), results, raw };
}

/**
 * Fixes that, by design, leave another mistake of the same field to say next (rule ID, message
 * ID): removing a credential from the Token URL is worth a fix even where the URL stays wrong
 * (http, v1). After them a new error of the same rule at the same field is expected; none elsewhere.
 */
const REVEALS_SAME_FIELD: ReadonlySet<string> = new Set(['oauth2/token-url querySecret']);

function findingKey(f: Finding): string {
  return `${f.ruleId} ${f.pointer} ${f.messageId}`;
}

/**
 * A fix, applied by the fix writer, makes its finding go away and brings no new error (of the
 * rule, or the engine's parse and schema checks). A fix the writer refuses because its field is
 * shared through an alias or a merge key is left to the user, as --fix leaves it.
 */
function assertFixResolves(rule: AnyRule, c: InvalidCase, before: Run, finding: Finding): void {
  const only = before.results.map((r) => ({ ...r, messages: r.messages.filter((m) => m === finding) }));
  const fixed = fixText(c.yaml, only);
  const shared = fixed.refused.filter((r) => r.reason === 'alias' || r.reason === 'anchor' || r.reason === 'merge');
  if (shared.length > 0) return;
  expect(fixed.refused.map((r) => r.message), `the fix of ${finding.messageId} at ${finding.pointer} was refused`).toEqual([]);
  expect(fixed.applied.length, `the fix of ${finding.messageId} at ${finding.pointer} changed nothing`).toBe(1);
  const after = run(rule, { ...c, yaml: fixed.text });
  const all = (r: readonly DocumentResult[]): Finding[] => r.flatMap((x) => x.messages);
  expect(
    all(after.results).filter((f) => findingKey(f) === findingKey(finding)).map((f) => f.message),
    `the fix of ${finding.messageId} at ${finding.pointer} left its finding; fixed text:\n${fixed.text}`,
  ).toEqual([]);
  const known = new Set(all(before.results).map(findingKey));
  const revealed = (f: Finding): boolean =>
    REVEALS_SAME_FIELD.has(`${finding.ruleId} ${finding.messageId}`) && f.ruleId === finding.ruleId && f.pointer === finding.pointer;
  expect(
    all(after.results)
      .filter((f) => f.severity === 'error' && !known.has(findingKey(f)) && !revealed(f))
      .map((f) => `${f.ruleId} ${f.pointer}: ${f.message}`),
    `the fix of ${finding.messageId} at ${finding.pointer} brought new errors; fixed text:\n${fixed.text}`,
  ).toEqual([]);
}

/** No rule may quote a secret in a message or a fix, whatever the engine's scrub does after. */
function assertNoSecretQuoted(c: ValidCase, raw: readonly string[]): void {
  const secrets = secretsOf(c.yaml);
  if (secrets.length === 0) return;
  for (const text of raw) expect(secretPieces(text, secrets), `a rule quoted a secret: ${text}`).toEqual([]);
}

function assertSchemaValid(c: ValidCase): void {
  // as the linter reads it: merge keys merged, empty documents skipped
  for (const doc of parseDocuments(c.yaml).map((d) => d.data)) {
    const verdict = validateManifest(doc);
    expect(verdict.valid ? [] : verdict.errors, `case "${c.name}" must be schema-valid`).toEqual([]);
  }
}

/** Runs a rule on tables of valid and invalid manifests (ESLint's RuleTester, for tmcheck). */
export function ruleTester(rule: AnyRule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    const reached = new Set<string>();

    it('declares messages that name their field ({{field}}, from the field catalog)', () => {
      for (const [id, template] of Object.entries(rule.messages)) {
        expect(placeholders(template), `${rule.id}: ${id}`).toContain('field');
        // a field is named by the catalog, never typed again in a message
        expect(template, `${rule.id}: ${id} types a field title`).not.toMatch(/(?:Mail Settings|TM Exchange (?:SMTP|POP3)) >|> OAuth2 >/);
      }
    });

    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          if (!c.schemaInvalid) assertSchemaValid(c);
          const { findings, raw } = run(rule, c);
          expect(findings.map((f) => `${f.messageId}: ${f.message}`)).toEqual([]);
          assertNoSecretQuoted(c, raw);
        });
      }
    });

    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          if (!c.schemaInvalid) assertSchemaValid(c);
          const ran = run(rule, c);
          const { findings: found, raw } = ran;
          assertNoSecretQuoted(c, raw);
          expect(
            found.map((f) => [f.pointer, f.messageId]),
            `findings: ${JSON.stringify(found.map((f) => [f.pointer, f.messageId, f.message]))}`,
          ).toEqual(c.errors.map((e) => [e.pointer, e.messageId]));
          c.errors.forEach((e, i) => {
            const f = found[i] as Finding;
            reached.add(f.messageId);
            expect(f.severity).toBe(rule.severity);
            if (e.at !== undefined) expect({ line: f.line, column: f.column }).toEqual(positionOf(c.yaml, e.at, e.after));
            if (e.line !== undefined) expect(f.line).toBe(e.line);
            if (e.column !== undefined) expect(f.column).toBe(e.column);
            for (const [key, want] of Object.entries(e.data ?? {})) {
              const got = f.data?.[key];
              if (want instanceof RegExp) expect(String(got), `data.${key} of ${f.message}`).toMatch(want);
              else expect(got, `data.${key} of ${f.message}`).toBe(want);
            }
            if (e.fix === null) expect(f.fix).toBeUndefined();
            else if (e.fix !== undefined) expect(f.fix).toEqual(e.fix);
            expect(f.fix !== undefined ? rule.fixable : true, 'a fix from a rule not marked fixable').toBe(true);
          });
          for (const f of found) if (f.fix && !f.suppressed) assertFixResolves(rule, c, ran, f);
        });
      }
    });

    // runs after the cases above (vitest keeps the order of a file's tests)
    it('reaches every message it declares from an invalid case', () => {
      const engineReported = ['parse', 'schema', 'unused-disable'].includes(rule.id);
      if (engineReported) return;
      expect(Object.keys(rule.messages).filter((id) => !reached.has(id)), 'messages no invalid case reaches').toEqual([]);
    });
  });
}
