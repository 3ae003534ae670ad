/**
 * The last line of defence: every output string of a document (messages, fixes, the installation
 * name, the file name) is scrubbed of the secrets that document holds, whole or in part, in any
 * letter case. Messages are safe by construction (show.ts); this catches what construction missed.
 */
import { guidKey } from '../model/guid.js';
import { isPlaceholder, isSecretReference } from '../model/values.js';
import { isPlaceholderId } from '../rule-kit/azure-ids.js';
import { isSecretPlaceholder, looksLikeReference, pipelineSyntax } from '../rule-kit/secret-reference.js';
import { looksLikeSecret } from './show.js';

/** Any run of this many characters of a secret found in output is removed (fewer: common words of a passphrase, " on the ", would be cut out of every message). */
export const PIECE = 10;
/** A secret shorter than this is removed only where it stands as a whole word. */
const MIN_SECRET = 3;

export const REDACTED = '[secret]';

/** Keys whose value is a secret, lower case: the manifest's own, and what people add by mistake. */
const SECRET_KEYS = new Set([
  'clientsecret', 'client_secret', 'password', 'passwd', 'pwd', 'pass', 'secret', 'secretvalue', 'accesstoken',
  'access_token', 'token', 'apikey', 'api_key', 'credential', 'credentials',
]);

/** A key holding a secret: those above; `value` inside a list of client secrets. */
export function isSecretKey(key: string, inSecretList: boolean): boolean {
  const k = key.toLowerCase();
  return SECRET_KEYS.has(k) || (inSecretList && k === 'value');
}

/** Letter case folded one code unit for one, so that positions agree with the original text. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const lower = c.toLowerCase();
    out += lower.length === 1 ? lower : (lower.charAt(0) || c);
  }
  return out;
}

/**
 * A value in a secret field that names or stands for a secret instead of being one: a reference
 * (`${NAME}`, `$NAME`, `%NAME%`), a pipeline expression, a fill-in (`<secret>`, `changeme`). Its words
 * are tmcheck's words too ("Client Secret", "Application"): scrubbing them would cut up good messages.
 */
function standsForASecret(v: string): boolean {
  return isSecretReference(v) || looksLikeReference(v) || pipelineSyntax(v) !== undefined || isPlaceholder(v) || isSecretPlaceholder(v);
}

function addScalar(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    const v = value.trim();
    if (v !== '' && !standsForASecret(v)) out.add(v);
  } else if (typeof value === 'number' || typeof value === 'bigint') out.add(String(value));
}

/**
 * A Client ID that is not a GUID is collected when it may be a secret typed in the wrong field:
 * shaped like one, or a long passphrase; not the app's name (`TMMaster`) or a placeholder.
 */
function mayBeSecretInClientId(value: string): boolean {
  const v = value.trim();
  if (guidKey(v) !== undefined || isPlaceholderId(v) || standsForASecret(v)) return false;
  return looksLikeSecret(v) || (v.length >= 16 && /\s/.test(v));
}

/** Every scalar under a value (a secret written as a list or a mapping holds secrets). */
function addAll(value: unknown, out: Set<string>): void {
  const stack: unknown[] = [value];
  let budget = 100_000;
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === 'object') {
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
    } else addScalar(v, out);
  }
}

/** The values of a URL's query string and user information: `?client_secret=...`, `https://user:pass@`. */
function addUrlCredentials(text: string, out: Set<string>): void {
  if (text.length > 4096) return;
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(text);
  if (userinfo?.[1]) for (const part of userinfo[1].split(':')) addScalar(decodeSafely(part), out);
  const q = text.indexOf('?');
  if (q === -1) return;
  for (const pair of text.slice(q + 1).split(/[&#;]/)) {
    const eq = pair.indexOf('=');
    addScalar(decodeSafely(eq === -1 ? pair : pair.slice(eq + 1)), out);
  }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * The secrets a loaded document holds: every scalar under a secret key (in lists and mappings, at
 * any depth, numbers too), a Client ID that is not a GUID (the secret's Value typed in the wrong
 * field), and the query values and passwords of URLs.
 */
export function collectSecrets(data: unknown, out: Set<string> = new Set()): Set<string> {
  const stack: Array<{ value: unknown; inSecretList: boolean }> = [{ value: data, inSecretList: false }];
  let budget = 200_000;
  while (stack.length > 0 && budget-- > 0) {
    const { value, inSecretList } = stack.pop() as { value: unknown; inSecretList: boolean };
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string' && value.includes('://')) addUrlCredentials(value.trim(), out);
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, inSecretList });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (isSecretKey(key, inSecretList)) addAll(child, out);
      else if (key === 'clientId' && typeof child === 'string' && mayBeSecretInClientId(child)) addScalar(child, out);
      else stack.push({ value: child, inSecretList: inSecretList || /secret/i.test(key) });
    }
  }
  return out;
}

/**
 * Secrets read from the text itself, line by line, for a document that did not load (a syntax
 * error): `clientSecret: ...`, `password: ...`, `- value: ...`, quoted or not, comment removed.
 */
export function collectSecretsFromText(text: string, out: Set<string> = new Set()): Set<string> {
  const line = /^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_]+)["']?[ \t]*:[ \t]*(.*)$/gm;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const key = m[1] as string;
    if (!isSecretKey(key, true) && key !== 'clientId') continue;
    let value = (m[2] as string).trim();
    const quote = value.charAt(0);
    if (quote === '"' || quote === "'") {
      const end = value.indexOf(quote, 1);
      value = end === -1 ? value.slice(1) : value.slice(1, end);
    } else {
      const hash = value.search(/[ \t]#/);
      if (hash !== -1) value = value.slice(0, hash).trim();
      // a flow mapping or list: its pieces
      if (/^[{[]/.test(value)) {
        for (const piece of value.replace(/^[{[]|[}\]]$/g, '').split(',')) addScalar(piece.replace(/^[^:]*:/, '').trim(), out);
        continue;
      }
    }
    if (key === 'clientId' && !mayBeSecretInClientId(value)) continue;
    addScalar(value, out);
  }
  return out;
}

/** Removes the given secrets from output strings. Build it once per document. */
export class Scrubber {
  readonly #pieces = new Set<string>();
  readonly #short: string[] = [];

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Learns one more secret (a front end learns some as it goes: from the environment, a token it received). */
  add(secret: string): void {
    const s = fold(secret.trim());
    if (s.length >= PIECE) for (let i = 0; i + PIECE <= s.length; i++) this.#pieces.add(s.slice(i, i + PIECE));
    else if (s.length >= MIN_SECRET && !this.#short.includes(s)) this.#short.push(s);
  }

  get empty(): boolean {
    return this.#pieces.size === 0 && this.#short.length === 0;
  }

  /** The text with every run that holds a secret's piece (or a short secret as a whole word) replaced. */
  scrub(text: string): string {
    if (this.empty || text.length === 0) return text;
    const folded = fold(text);
    const marked = new Uint8Array(text.length);
    let any = false;
    if (this.#pieces.size > 0) {
      for (let i = 0; i + PIECE <= folded.length; i++) {
        if (!this.#pieces.has(folded.slice(i, i + PIECE))) continue;
        marked.fill(1, i, i + PIECE);
        any = true;
      }
    }
    for (const s of this.#short) {
      for (let i = folded.indexOf(s); i !== -1; i = folded.indexOf(s, i + 1)) {
        const before = folded.charAt(i - 1);
        const after = folded.charAt(i + s.length);
        if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
        marked.fill(1, i, i + s.length);
        any = true;
      }
    }
    if (!any) return text;
    let out = '';
    for (let i = 0; i < text.length; ) {
      if (marked[i] === 0) {
        out += text.charAt(i++);
        continue;
      }
      while (i < text.length && marked[i] === 1) i++;
      out += REDACTED;
    }
    return out;
  }
}
