/**
 * How a secret field (Client Secret, Basic Auth password) is written: a `${NAME}` reference, another
 * template syntax, a reference written the wrong way, or a value nobody filled in. Shared by
 * oauth2/client-secret and oauth2/secret-plaintext. Nothing here ever goes into a message: the
 * messages name the form (tmcheck's own words), never the text of the field.
 */
import { isPlaceholder } from './values.js';

/** The environment variable the messages suggest for the Client Secret (the name manifest.md uses). */
export const CLIENT_SECRET_VARIABLE = '${TM_MAIL_SECRET}';

/** Longer texts are not judged as references (bounded work; a reference is short). */
const MAX_REFERENCE = 200;

/** A pipeline's template syntax, in tmcheck's words. */
export interface PipelineSyntax {
  /** What it is: "a GitHub Actions or Azure Pipelines expression (${{ ... }})". */
  readonly description: string;
}

/**
 * Template syntaxes of CI/CD pipelines that a secret field may hold when the manifest is kept next
 * to a pipeline: they are resolved by the pipeline in its own files, never by tmcheck. Linear,
 * anchored patterns only.
 */
const PIPELINE_SYNTAXES: ReadonlyArray<{ readonly pattern: RegExp; readonly syntax: PipelineSyntax }> = [
  // GitHub Actions `${{ secrets.X }}`, Azure Pipelines template expressions `${{ variables.X }}`
  { pattern: /^\$\{\{[^{}]*\}\}$/, syntax: { description: 'a GitHub Actions or Azure Pipelines expression (${{ ... }})' } },
  // Azure Pipelines macro `$(X)`, `$(Group.Name)`
  { pattern: /^\$\([A-Za-z_][\w.-]*\)$/, syntax: { description: 'an Azure Pipelines macro ($(...))' } },
  // Azure Pipelines runtime expression `$[ variables.X ]`
  { pattern: /^\$\[[^[\]]*\]$/, syntax: { description: 'an Azure Pipelines runtime expression ($[ ... ])' } },
  // the token of a replace-tokens pipeline task `#{X}#`
  { pattern: /^#\{[A-Za-z_][\w.-]*\}#$/, syntax: { description: 'a token of a replace-tokens pipeline task (#{...}#)' } },
];

/** The pipeline syntax a value is written in (`${{ secrets.X }}`, `$(X)`, `$[ ... ]`, `#{X}#`), if any. */
export function pipelineSyntax(value: string): PipelineSyntax | undefined {
  const v = value.trim();
  if (v.length > MAX_REFERENCE) return undefined;
  return PIPELINE_SYNTAXES.find((s) => s.pattern.test(v))?.syntax;
}

/**
 * An attempt at a reference to an environment variable that is not the `${NAME}` form lint reads:
 * `$NAME`, `%NAME%`, `$env:NAME`, `${NAME` or `${bad name}`. Check `isSecretReference` and
 * `pipelineSyntax` first. An Entra secret Value never holds `$` or `%` (its characters are letters,
 * digits and `~ . _ -`), so for a Client Secret this never mistakes a real secret for a reference.
 */
export function looksLikeReference(value: string): boolean {
  const v = value.trim();
  if (v.length > MAX_REFERENCE) return false;
  return (
    /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) ||
    /^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v) ||
    /^\$env:[A-Za-z_][A-Za-z0-9_]*$/i.test(v) ||
    /^\$\{[^{}]*\}?$/.test(v)
  );
}

/**
 * Fill-in-later texts for a secret that `isPlaceholder` does not know, compared with letters and digits only
 * (`your-client-secret`, `<Your Client Secret>`, `Paste secret here`). A real Entra secret Value is about
 * 40 random characters: it never reads as one of these.
 */
const SECRET_PLACEHOLDERS = new Set([
  'secret', 'clientsecret', 'clientsecretvalue', 'secretvalue', 'thesecret', 'mysecret', 'myclientsecret',
  'yoursecret', 'yourclientsecret', 'yoursecretvalue', 'yourclientsecretvalue', 'yourappsecret', 'appsecret',
  'secrethere', 'yoursecrethere', 'clientsecrethere', 'secretgoeshere', 'clientsecretgoeshere',
  'entersecret', 'enteryoursecret', 'entersecrethere', 'enterclientsecret', 'insertsecret', 'insertsecrethere',
  'pastesecret', 'pastesecrethere', 'pasteyoursecrethere', 'pastethesecrethere', 'pastevaluehere',
  'changeme', 'changethis', 'replaceme', 'replacethis', 'value', 'valuehere', 'password', 'yourpassword',
  'redacted', 'removed', 'hidden', 'masked', 'notset', 'unset', 'empty', 'blank', 'missing', 'unknown',
  'todo', 'tbd', 'fixme', 'placeholder', 'none', 'null', 'nil', 'undefined', 'na', 'test', 'dummy', 'example', 'sample',
]);

/** A Client Secret that nobody filled in: `<secret>`, `xxx`, `changeme`, `your-client-secret`... */
export function isSecretPlaceholder(value: string): boolean {
  const v = value.trim();
  if (isPlaceholder(v) || /^(.)\1{2,}$/.test(v)) return true;
  if (v.length > 40) return false;
  return SECRET_PLACEHOLDERS.has(v.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/**
 * A value left out rather than written: `...`, `***`, `xxx`, `<password>`, `[password]`, `{password}`.
 * The spec's own example writes `password: ...`; such a value stores no secret. Words (`changeme`,
 * `password`) are not in this list: for a password they may well be the real, weak password.
 */
export function isElided(value: string): boolean {
  const v = value.trim();
  return /^(?:x+|\*+|\.+|\u2026+|\?+|-+|_+)$/i.test(v) || /^<[^<>]*>$/.test(v) || /^\[[^[\]]*\]$/.test(v) || /^\{[^{}$]*\}$/.test(v);
}
