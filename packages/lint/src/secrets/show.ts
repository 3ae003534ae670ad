/**
 * The one place that decides what text from a manifest may be quoted in output.
 *
 * A message is built from a template and data; every piece of data is a `Shown`: either text
 * from the file that went through `showValue` (which knows which fields and which value shapes
 * may hold a secret), or tmcheck's own words (`ours`). Nothing else type-checks as message data.
 * The engine's scrub (scrub.ts) stays behind this as the last line of defence.
 */
import { fieldInfo, fieldPattern } from '@tmcheck/schemas';
import { isGuid } from '../model/guid.js';
import { isEmail } from '../model/values.js';
import { escapeControls } from '../text/escape.js';

declare const SHOWN: unique symbol;

/** Text that may appear in output: tmcheck's own words, or a value that passed `showValue`. */
export type Shown = string & { readonly [SHOWN]: true };

/** tmcheck's own words: constants, the catalog, values computed from tables. Never text read from a file. */
export function ours(text: string): Shown {
  return text as Shown;
}

/** What stands in a message for a value that is not shown. */
export const HIDDEN = {
  secret: ours('[a secret: not shown]'),
  mayBeSecret: ours('[not shown: it may be a secret]'),
  query: '?[query not shown]',
  token: '[not shown]',
} as const;

/** The longest quote, in characters; a longer value is cut with "...". */
export const MAX_QUOTE = 100;

/**
 * A secret field's key inside a text (`password:`, `clientSecret =`, `"pwd":`): the text is a value
 * that swallowed the lines of a secret field (a quote left open, a line joined), and what follows the
 * key is a secret.
 */
const SECRET_FIELD_INSIDE = /(?:secret|passw|pwd|token|apikey|api_key|credential)[\w-]{0,20}["']?[ \t]*[:=]/i;

/** A host name: labels of letters, digits and hyphens, and a top-level domain of letters. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/i;

/**
 * Whether a text is shaped like a credential: a generated Entra secret Value (16 to 64 characters of
 * letters, digits and `~ . _ -`, with a `~`; older ones with `+ / =`), an access token (a JWT), or
 * any long run of three or more kinds of characters (lower, upper, digits, symbols) without spaces
 * that is not a GUID, an address or a host name.
 */
export function looksLikeSecret(text: string): boolean {
  const t = text.trim();
  if (t.length < 12 || t.length > 2048 || /\s/.test(t)) return false;
  if (/^eyJ[\w-]{8,}\.[\w-]+/.test(t)) return true; // a JWT
  if (isGuid(t) || isEmail(t) || HOST.test(t)) return false;
  if (t.length >= 16 && /~/.test(t) && /^[\w.~-]+$/.test(t)) return true; // an Entra secret Value
  // kinds of characters; the dots, dashes and underscores of names (POP.AccessAsUser.All) do not count
  let kinds = 0;
  if (/[a-z]/.test(t)) kinds++;
  if (/[A-Z]/.test(t)) kinds++;
  if (/\d/.test(t)) kinds++;
  if (/[^\w.-]/.test(t)) kinds++;
  return t.length >= 16 && kinds >= 3;
}

/** Replaces the credential-shaped pieces of a text (split at spaces, quotes, and URL punctuation). */
function hideSecretPieces(text: string): string {
  return text.replace(/[^\s"'<>(),;:=&?#/\\[\]{}]+/g, (piece) => (looksLikeSecret(piece) ? HIDDEN.token : piece));
}

/** A URL split from what may carry a credential: the user information is dropped, the query string set apart. */
function splitUrlCredentials(text: string): { readonly base: string; readonly query: boolean } {
  // https://user:password@host/...
  const out = text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i, '$1');
  const q = out.search(/[?#]/);
  if (q !== -1 && /^[a-z][a-z0-9+.-]*:\/\//i.test(out)) return { base: out.slice(0, q), query: true };
  return { base: out, query: false };
}

/** A URL without what may carry a credential. */
function hideUrlCredentials(text: string): string {
  const { base, query } = splitUrlCredentials(text);
  return query ? base + HIDDEN.query : base;
}

/** A `${NAME}` reference or a pipeline expression (`${{ vars.X }}`, `$(X)`): a name, never a secret's Value. */
function isTemplate(text: string): boolean {
  const t = text.trim();
  return /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(t) || /^\$\{\{[^{}]{1,200}\}\}$/.test(t) || /^\$\([A-Za-z_][\w.]{0,200}\)$/.test(t);
}

/** Cut to `max` characters, never inside a surrogate pair. */
function cut(text: string, max: number = MAX_QUOTE): string {
  if (text.length <= max) return text;
  let end = max - 3;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}...`;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * A value read from the field at `pointer` (or a piece of it), as it may be quoted: nothing from a
 * secret field; nothing from a Client ID that is not a GUID (the secret's Value is often typed
 * there); no user information or query string of a URL; no credential-shaped piece anywhere; cut
 * to MAX_QUOTE characters; control characters escaped. Quoted with double quotes unless `bare`.
 */
export function showValue(pointer: string, value: unknown, options: { readonly bare?: boolean } = {}): Shown {
  const info = fieldInfo(pointer);
  if (info?.secret) return HIDDEN.secret;
  const text = asText(value);
  if (fieldPattern(pointer).endsWith('/clientId') && !isGuid(text.trim().replace(/^\{(.*)\}$/, '$1')) && !isTemplate(text)) return HIDDEN.mayBeSecret;
  // the visible part is cut, never the note that the query string is not shown
  const { base, query } = splitUrlCredentials(text);
  // a value that swallowed a secret field (`useSsl: yes password: ...`: a line broken or joined, a quote left open)
  if (SECRET_FIELD_INSIDE.test(base)) return HIDDEN.mayBeSecret;
  const suffix = query ? HIDDEN.query : '';
  const shown = escapeControls(cut(hideSecretPieces(base), MAX_QUOTE - suffix.length) + suffix);
  return ours(options.bare ? shown : `"${shown}"`);
}

/** A key name read from the file (an unknown property), as it may be quoted. */
export function showKey(name: string): Shown {
  if (looksLikeSecret(name)) return HIDDEN.mayBeSecret;
  return ours(`"${escapeControls(cut(name))}"`);
}

/** Whether a fix's value may be written into a report: nothing the gate would hide. */
export function fixValueShowable(pointer: string, value: unknown): boolean {
  if (typeof value !== 'string') return true;
  if (fieldInfo(pointer)?.secret) return false;
  if (fieldPattern(pointer).endsWith('/clientId') && !isGuid(value.trim())) return false;
  return hideSecretPieces(hideUrlCredentials(value)) === value;
}
