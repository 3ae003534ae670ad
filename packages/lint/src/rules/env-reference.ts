import { fieldInfo } from '@tmcheck/schemas';
import { defineRule } from '../engine/define-rule.js';
import { joinPointer } from '../load/pointer.js';
import { isSecretReference } from '../model/values.js';
import { looksLikeReference } from '../model/secret-reference.js';
import { ours, showValue } from '../secrets/show.js';

/** `${NAME}` inside a longer text. */
const REFERENCE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/;

/**
 * Expressions that CI/CD pipelines replace before a file is used, never lint: GitHub Actions and
 * Azure Pipelines template expressions `${{ vars.X }}`, Azure Pipelines macros `$(X)` and runtime
 * expressions `$[ variables.X ]`. Bounded, without nested quantifiers.
 */
const PIPELINE = /\$\{\{[^{}]{0,200}\}\}|\$\([A-Za-z_][\w.-]{0,100}\)|\$\[[^[\]]{0,200}\]/;

/** What a field takes, in the catalog's words, with its prescribed or typical value. */
function wanted(pointer: string): string {
  const info = fieldInfo(pointer);
  if (!info) return 'the value itself, as TM Master shows it';
  // the hint as the end of a sentence: "The POP3 server address." -> "the POP3 server address"
  const hint = info.hint.replace(/\.$/, '').replace(/^(?:The|With|An?|One|Not|Tick|Whether|Name|Path|How|What|Where) /, (w) => w.toLowerCase());
  const value = info.prescribed ?? info.example;
  if (typeof value !== 'string' || hint.includes(value)) return hint;
  return typeof info.prescribed === 'string' ? `${hint}: ${value}` : `${hint}, such as ${value}`;
}

/** Each string of the view with its pointer, list items included. */
/**
 * Every string of a document that holds a $ or a % (every form this rule reads has one), with its
 * pointer: a walk with a stack of tokens, so that no pointer is built for the other values.
 */
function candidates(root: unknown): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  const path: Array<string | number> = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.includes('$') || node.includes('%')) out.push([joinPointer('', ...path), node]);
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        path.push(key);
        walk((node as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(root);
  return out;
}

/**
 * References belong in secret fields only (manifest.md): anywhere else lint cannot check the value,
 * and says so. A `${NAME}` reference, a pipeline expression or an environment variable written
 * another way (`$NAME`, `%NAME%`, `$env:NAME`) in any other field is reported, and this finding
 * replaces whatever other rules say about the field.
 */
export default defineRule({
  id: 'env-reference',
  severity: 'error',
  docs: { description: 'Only secret fields (Client Secret, Password) hold ${NAME} references; every other field carries its value itself' },
  fixable: false,
  messages: {
    reference:
      '{{field}} holds a reference to an environment variable, {{expression}}: lint reads ${NAME} references only in secret fields (Client Secret, Password), and cannot check a value it cannot see; the manifest must carry the value itself: {{wanted}}',
    pipelineExpression:
      '{{field}} holds a pipeline expression, {{expression}}, which lint does not resolve (it reads ${NAME} references, and only in secret fields): lint cannot check a value it cannot see; the manifest must carry the value itself: {{wanted}}',
    otherForm:
      '{{field}} is {{expression}}, an environment variable in a form lint does not read (it reads ${NAME} references, and only in secret fields): lint cannot check a value it cannot see; the manifest must carry the value itself: {{wanted}}',
  },
  supersedes: ['*'],
  check(ctx) {
    for (const [pointer, value] of candidates(ctx.manifest)) {
      const info = fieldInfo(pointer);
      // secret fields take references; dates, enumerations and constants are the schema's to report
      if (info?.reference === true || (info !== undefined && info.type !== 'string')) continue;
      const whole = isSecretReference(value) ? value.trim() : undefined;
      const reference = whole ?? REFERENCE.exec(value)?.[0];
      const pipeline = reference === undefined ? PIPELINE.exec(value)?.[0] : undefined;
      // `$NAME`, `%NAME%`, `$env:NAME`, `${NAME`: the whole value, an environment variable written another way
      const other = reference === undefined && pipeline === undefined && looksLikeReference(value) ? value.trim() : undefined;
      const expression = reference ?? pipeline ?? other;
      if (expression === undefined) continue;
      ctx.report({
        messageId: reference !== undefined ? 'reference' : pipeline !== undefined ? 'pipelineExpression' : 'otherForm',
        pointer,
        data: { expression: showValue(pointer, expression), wanted: ours(wanted(pointer)) },
      });
    }
  },
});
