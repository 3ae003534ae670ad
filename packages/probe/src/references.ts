/**
 * What a field's value is to the probe: a `${NAME}` reference resolved from the environment (the only
 * form tmcheck reads, docs/manifest.md; lint's isSecretReference recognises it), a literal value, or
 * something only a pipeline could resolve. Bounded, anchored patterns only.
 */
import { isSecretReference, pipelineSyntax } from '@tmcheck/lint';

/** Environment variables written in a form tmcheck does not read. */
const OTHER_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\$[A-Za-z_][A-Za-z0-9_]{0,100}$/, 'a shell variable ($NAME)'],
  [/^%[A-Za-z_][A-Za-z0-9_]{0,100}%$/, 'a Windows variable (%NAME%)'],
  [/^\$env:[A-Za-z_][A-Za-z0-9_]{0,100}$/i, 'a PowerShell variable ($env:NAME)'],
  [/^\$\{[^{}]{0,200}\}?$/, 'a ${...} reference that is not written ${NAME}'],
];

export type Resolved =
  /** The value to use; `variable` names the environment variable it came from. */
  | { readonly kind: 'value'; readonly value: string; readonly variable?: string }
  /** Nothing written (the request goes without it, as TM Master's would). */
  | { readonly kind: 'empty' }
  /** `${NAME}` with NAME not set (or set to nothing) in the environment. */
  | { readonly kind: 'unset'; readonly variable: string; readonly empty: boolean }
  /** A pipeline expression, or a variable in a form tmcheck does not read: no value to use. */
  | { readonly kind: 'unresolvable'; readonly form: string; readonly pipeline: boolean };

/** How a value is written, when it is a reference of any kind. */
function referenceForm(value: string): { readonly form: string; readonly pipeline: boolean; readonly variable?: string } | undefined {
  const v = value.trim();
  if (v.length > 300) return undefined;
  if (isSecretReference(v)) return { form: 'a ${NAME} reference', pipeline: false, variable: v.slice(2, -1) };
  const pipeline = pipelineSyntax(v);
  if (pipeline) return { form: pipeline.description, pipeline: true };
  for (const [pattern, form] of OTHER_FORMS) if (pattern.test(v)) return { form, pipeline: false };
  return undefined;
}

/** A secret field's value, resolved. */
export function resolveSecret(value: unknown, env: Readonly<Record<string, string | undefined>>): Resolved {
  if (value === undefined || value === null) return { kind: 'empty' };
  const text = typeof value === 'string' ? value : String(value);
  if (text.trim() === '') return { kind: 'empty' };
  const form = referenceForm(text);
  if (form === undefined) return { kind: 'value', value: text };
  if (form.variable !== undefined) {
    const found = env[form.variable];
    if (found === undefined || found === '') return { kind: 'unset', variable: form.variable, empty: found === '' };
    return { kind: 'value', value: found, variable: form.variable };
  }
  return { kind: 'unresolvable', form: form.form, pipeline: form.pipeline };
}

/** A reference anywhere in a text (a Token URL with `${TENANT}` inside): only secret fields are resolved. */
export function holdsReference(value: string): boolean {
  return /\$\{[^{}]{0,200}\}|\$\([A-Za-z_][\w.-]{0,100}\)|\$\[[^[\]]{0,200}\]|#\{[A-Za-z_][\w.-]{0,100}\}#/.test(value);
}
