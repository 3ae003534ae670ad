import { isPlaceholder } from '../model/values.js';

/** Shared by oauth2/client-secret and oauth2/secret-plaintext. Neither ever puts a secret into a message. */

/** The environment variable the messages suggest for the Client Secret (the name manifest.md uses). */
export const CLIENT_SECRET_VARIABLE = '${TM_MAIL_SECRET}';

/**
 * An attempt at a reference to an environment variable that is not the `${NAME}` form lint reads:
 * `$NAME`, `%NAME%`, `$env:NAME`, `${NAME` or `${bad name}`. Check `isSecretReference` first.
 * An Entra secret Value never holds `$` or `%` (its characters are letters, digits and `~ . _ -`),
 * so for a Client Secret this never mistakes a real secret for a reference.
 */
export function looksLikeReference(value: string): boolean {
  const v = value.trim();
  if (v.length > 200) return false;
  return (
    /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) ||
    /^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v) ||
    /^\$env:[A-Za-z_][A-Za-z0-9_]*$/i.test(v) ||
    /^\$\{[^{}]*\}?$/.test(v)
  );
}

/** The variable name of a reference written the wrong way, when it is a valid name: `$NAME`, `%NAME%`, `$env:NAME`, `${NAME`. */
export function referenceName(value: string): string | undefined {
  const v = value.trim();
  const m =
    /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(v) ??
    /^%([A-Za-z_][A-Za-z0-9_]*)%$/.exec(v) ??
    /^\$env:([A-Za-z_][A-Za-z0-9_]*)$/i.exec(v) ??
    /^\$\{([A-Za-z_][A-Za-z0-9_]*)$/.exec(v);
  return m?.[1];
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
