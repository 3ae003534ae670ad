/**
 * The last line of defence: every output string of a document (messages, fixes, the installation
 * name, the file name) is scrubbed of the secrets that document holds, whole or in part, in any
 * letter case. Messages are safe by construction (show.ts); this catches what construction missed.
 */
import { FIELDS } from '@tmcheck/schemas';
import { guidKey } from '../model/guid.js';
import { isPlaceholder, isSecretReference } from '../model/values.js';
import { isPlaceholderId } from '../model/placeholder-id.js';
import { isSecretPlaceholder, looksLikeReference, pipelineSyntax } from '../model/secret-reference.js';
import { stripComment } from '../load/comment.js';
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

/**
 * The longest secret kept, in characters: an Entra secret is 40, a password seldom 100; a longer "secret"
 * (a block of text under a secret key) is kept by its beginning, what a cut quote would show, so that the
 * scrub's pieces stay bounded.
 */
const MAX_SECRET = 8192;

function addScalar(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    const v = value.trim().slice(0, MAX_SECRET);
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

/** The manifest's key names (`tokenUrl`, `userName`): a mapping of them under a secret key is a mistake of indentation, not secrets. */
let fieldKeys: ReadonlySet<string> | undefined;
function isFieldKey(key: string): boolean {
  fieldKeys ??= new Set(FIELDS.map((f) => f.pointer.slice(f.pointer.lastIndexOf('/') + 1)));
  return fieldKeys.has(key);
}

/** Every scalar under a value (a secret written as a list or a mapping holds secrets). */
function addAll(value: unknown, out: Set<string>): void {
  const stack: unknown[] = [value];
  let budget = 100_000;
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) for (const child of v) stack.push(child);
      else {
        // a secret written as a mapping's key (`password: { Sommer 2024: x }`, a colon typed in it) is a secret too
        for (const [k, child] of Object.entries(v)) {
          // unless it names a field (a mapping of fields under a secret key is a mistake of indentation): `E0awGHvFkhTt` is a word, and a secret
          if (!isFieldKey(k)) addScalar(k, out);
          stack.push(child);
        }
      }
    } else addScalar(v, out);
  }
}

/** The values of a URL's query string and user information: `?client_secret=...`, `https://user:pass@`. */
function addUrlCredentials(text: string, out: Set<string>): void {
  if (text.length > 4096) return;
  // each value as written (percent-encoded, as a diff or a quote shows it) and decoded (as a server reads it)
  const add = (part: string): void => {
    addScalar(part, out);
    addScalar(decodeSafely(part), out);
  };
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(text);
  if (userinfo?.[1]) for (const part of userinfo[1].split(':')) add(part);
  const q = text.indexOf('?');
  if (q === -1) return;
  for (const pair of text.slice(q + 1).split(/[&#;]/)) {
    const eq = pair.indexOf('=');
    add(eq === -1 ? pair : pair.slice(eq + 1));
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
      // `password:Sommer2024` (no space after the colon) is one key to YAML, and a secret after its colon
      const glued = /^["']?([A-Za-z_]+)["']?[ \t]*[:=](.+)$/s.exec(key);
      if (glued && isSecretKey(glued[1] as string, inSecretList)) addScalar(glued[2], out);
      if (isSecretKey(key, inSecretList)) addAll(child, out);
      else if (key === 'clientId' && typeof child === 'string' && mayBeSecretInClientId(child)) addScalar(child, out);
      else stack.push({ value: child, inSecretList: inSecretList || /secret/i.test(key) });
    }
  }
  return out;
}

/** A YAML double-quoted scalar's escapes read (`\x41`, `\u00e9`, `\"`, `\\`, ...); an escape it does not know stays as written. */
function unescapeDouble(body: string): string {
  const simple: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const e = body.charAt(i + 1);
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width > 0 && /^[0-9a-fA-F]+$/.test(body.slice(i + 2, i + 2 + width)) && body.length >= i + 2 + width) {
      const code = Number.parseInt(body.slice(i + 2, i + 2 + width), 16);
      out += code <= 0x10ffff ? String.fromCodePoint(code) : body.slice(i, i + 2 + width);
      i += 1 + width;
    } else if (Object.hasOwn(simple, e)) {
      out += simple[e];
      i++;
    } else out += c;
  }
  return out;
}

/** Where a quoted value that starts at `from` in `text` ends (the closing quote's index), or -1. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text.charAt(i + 1) === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * The scalars of a flow list or mapping starting at `from` (`[a, "b,]c", {k: v}]`), quotes and
 * nesting respected, up to where it closes (or the end of the text): each as written and unquoted.
 */
function flowItems(text: string, from: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let item = '';
  const flush = (): void => {
    const t = item.trim();
    const colon = t.search(/:(?:[ \t]|$)/);
    for (const part of colon === -1 || /^["']/.test(t) ? [t] : [t.slice(0, colon).trim(), t.slice(colon + 1).trim()]) {
      out.push(part);
      const q = part.charAt(0);
      if ((q === '"' || q === "'") && part.length > 1) {
        const inner = part.slice(1, part.endsWith(q) ? -1 : undefined);
        out.push(q === '"' ? unescapeDouble(inner) : inner.replace(/''/g, "'"));
      }
    }
    item = '';
  };
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i, c);
      const stop = end === -1 ? text.length - 1 : end;
      item += text.slice(i, stop + 1);
      i = stop;
    } else if (c === '[' || c === '{') {
      if (depth > 0) flush();
      depth++;
    } else if (c === ']' || c === '}') {
      flush();
      depth--;
      if (depth <= 0) break;
    } else if (c === ',') flush();
    else item += c;
  }
  if (item.trim() !== '') flush();
  return out.filter((v) => v !== '');
}

/** The most lines below a key read as its value (a block, a list, a quote running on): bounded work per key. */
const MAX_VALUE_LINES = 200;

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * The value of a `key:` line as the text writes it, every way it may be read: quoted (escapes read and
 * not, over several lines), a block (`|`, `>`) or the lines below the key, a flow list or mapping, a plain
 * value running on, with and without its anchor or tag (`&Sommer2024` may be the secret itself).
 */
function valuesOf(rest: string, lines: readonly string[], at: number, keyIndent: number, out: string[]): void {
  let v = rest.trim();
  // a comment after a value that is not quoted is no part of it
  if (!/^["']/.test(v)) v = (v.startsWith('#') ? '' : stripComment(v)).trim();
  out.push(v);
  // properties before the value: `&anchor`, `!tag`
  while ((v.startsWith('&') || v.startsWith('!')) && /\s/.test(v)) {
    v = v.slice(v.search(/\s/)).trim();
    out.push(v);
  }
  const below = (): string[] => {
    const found: string[] = [];
    for (let k = at + 1; k < lines.length && k <= at + MAX_VALUE_LINES; k++) {
      const line = lines[k] as string;
      if (line.trim() === '') continue;
      // more indented than the key, or a list at the key's own indentation (`password:` then `- ...`)
      const indent = indentOf(line);
      if (indent < keyIndent || (indent === keyIndent && !/^[ \t]*-(?:[ \t]|$)/.test(line))) break;
      found.push(line.trim());
    }
    return found;
  };
  const quote = v.charAt(0);
  if (quote === '"' || quote === "'") {
    // a quote may run over lines: read on until it closes
    let body = v;
    let end = closingQuote(body, 0, quote);
    for (let k = at + 1; end === -1 && k < lines.length && k <= at + MAX_VALUE_LINES && body.length <= MAX_SECRET; k++) {
      body += ` ${(lines[k] as string).trim()}`;
      end = closingQuote(body, 0, quote);
    }
    const inner = end === -1 ? v.slice(1) : body.slice(1, end);
    out.push(inner, quote === '"' ? unescapeDouble(inner) : inner.replace(/''/g, "'"));
    return;
  }
  if (/^[|>]/.test(v)) {
    const block = below();
    out.push(block.join('\n'), block.join(' '), ...block);
    return;
  }
  if (v === '' || v.startsWith('#')) {
    // a list, a mapping or a value on the lines below
    for (const line of below()) {
      const item = line.replace(/^(?:-[ \t]+)+/, '');
      out.push(item);
      const colon = item.search(/:(?:[ \t]|$)/);
      if (colon !== -1) out.push(item.slice(0, colon).replace(/^["']|["']$/g, ''), item.slice(colon + 1).trim());
      out.push(item.replace(/^["'](.*)["']$/, '$1'));
    }
    return;
  }
  if (v.startsWith('[') || v.startsWith('{')) {
    // a flow collection may run over the lines below (JSON written over lines): read on until it closes
    const balance = (t: string): number => (t.match(/[[{]/g) ?? []).length - (t.match(/[\]}]/g) ?? []).length;
    let flow = v;
    let depth = balance(v);
    for (let k = at + 1; depth > 0 && k < lines.length && k <= at + MAX_VALUE_LINES; k++) {
      flow += ` ${(lines[k] as string).trim()}`;
      depth += balance(lines[k] as string);
    }
    // one by one: a flow list on one line of a megabyte has too many items for a spread
    for (const item of flowItems(flow, 0)) out.push(item);
    return;
  }
  // a plain value; the lines below it that carry it on
  const plain = v;
  const more = below().filter((l) => !/^[^\s:]+:(?:[ \t]|$)/.test(l) && !l.startsWith('#'));
  if (more.length > 0) out.push([plain, ...more].join(' '));
}

/** Where a URL stops in a line of text: a space, a quote, a bracket. */
const URL_END = new Set([' ', '\t', "'", '"', '<', '>', '{', '}', '[', ']', '`']);

/** The URLs in a line of text (a scheme, `://`, then up to a space, a quote or a bracket): a scan, linear in the line. */
function urlsIn(line: string): string[] {
  const urls: string[] = [];
  let from = 0;
  for (let at = line.indexOf('://', from); at !== -1; at = line.indexOf('://', from)) {
    let start = at;
    while (start > 0 && at - start < 32 && /[A-Za-z0-9+.-]/.test(line.charAt(start - 1))) start--;
    let end = at + 3;
    while (end < line.length && !URL_END.has(line.charAt(end))) end++;
    if (start < at) urls.push(line.slice(start, end));
    from = end > at + 3 ? end : at + 3;
  }
  return urls;
}

/**
 * A key after the start of a line: inside a flow mapping (`{ clientId: x, clientSecret: "..." }`), or
 * after another key (`smtp: password: ...`, two lines joined), with where its value starts.
 */
const FLOW_KEY = /(?:[{,]|:[ \t])[ \t]*["']?([A-Za-z_]+)["']?[ \t]*:[ \t]*/g;
/** A `key:` line: indentation and the dash of a list item (the key's column), the key quoted or plain, the colon. */
const KEY_LINE = /^([ \t]*(?:-[ \t]+)?)["']?([A-Za-z_]+)["']?[ \t]*:/;

/**
 * Secrets read from the text itself, line by line, for a document that does not load (a syntax
 * error): the value of every secret key (`clientSecret`, `password`, `- value` ...) and of a Client ID
 * that may hold one, in every way the text may hold it (valuesOf), also inside a flow mapping and in a
 * comment that keeps an old secret (`# password: ...`).
 */
export function collectSecretsFromText(text: string, out: Set<string> = new Set()): Set<string> {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (!line.includes(':')) continue;
    // a URL's user information and query string, on any line (a folded Server value, a comment)
    if (line.includes('://')) for (const url of urlsIn(line)) addUrlCredentials(url, out);
    // a secret commented out is still a secret
    const comment = /^[ \t]*#+[ \t]?/.exec(line);
    if (comment) line = ' '.repeat(comment[0].length) + line.slice(comment[0].length);
    const found: Array<{ key: string; values: string[] }> = [];
    const m = KEY_LINE.exec(line);
    if (m && (isSecretKey(m[2] as string, true) || m[2] === 'clientId')) {
      const values: string[] = [];
      valuesOf(line.slice(m[0].length), lines, i, (m[1] as string).length, values);
      found.push({ key: m[2] as string, values });
    }
    if (line.includes('{') || /:[ \t]+["']?[A-Za-z_]+["']?[ \t]*:/.test(line)) {
      FLOW_KEY.lastIndex = 0;
      for (let f = FLOW_KEY.exec(line); f; f = FLOW_KEY.exec(line)) {
        const key = f[1] as string;
        if (!isSecretKey(key, true) && key !== 'clientId') continue;
        const from = f.index + f[0].length;
        const quote = line.charAt(from);
        let value: string;
        if (quote === '"' || quote === "'") {
          const end = closingQuote(line, from, quote);
          value = line.slice(from + 1, end === -1 ? line.length : end);
          found.push({ key, values: [value, quote === '"' ? unescapeDouble(value) : value.replace(/''/g, "'")] });
        } else if (quote === '[' || quote === '{') {
          found.push({ key, values: flowItems(line, from) });
        } else {
          const end = line.slice(from).search(/[,}]/);
          value = line.slice(from, end === -1 ? line.length : from + end).trim();
          // outside braces, the rest of the line (a comma may be part of the value)
          const rest = stripComment(line.slice(from)).trim();
          found.push({ key, values: [value, rest] });
        }
      }
    }
    for (const { key, values } of found) {
      for (const value of values) {
        // a Client ID is judged unquoted (its quoted form as written is no secret; valuesOf gives its content too)
        if (key === 'clientId' && (/^["']/.test(value.trim()) || !mayBeSecretInClientId(value))) continue;
        // a value as written, quotes and all (and the comma of a JSON line), is judged by what it holds:
        // `"#{MailClientSecret}#"` and `"${TM_MAIL_SECRET}",` stand for a secret
        if (standsForASecret(value.trim().replace(/,$/, '').trimEnd().replace(/^(["'])(.*)\1$/s, '$2'))) continue;
        addScalar(value, out);
      }
    }
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
    const t = secret.trim();
    // the secret as written, and as another letter case or a compatibility form spells it: "ß" is "SS" in
    // upper case, "ﬁ" is "FI", a final "ς" is "Σ"; output is folded one code unit for one (fold)
    const upper = t.toUpperCase();
    const forms = /^[\x00-\x7f]*$/.test(t) ? [t] : [t, upper, t.toLowerCase(), upper.toLowerCase(), t.normalize('NFKC'), upper.normalize('NFKC')];
    for (const s of new Set(forms.map(fold))) {
      if (s.length >= PIECE) for (let i = 0; i + PIECE <= s.length; i++) this.#pieces.add(s.slice(i, i + PIECE));
      else if (s.length >= MIN_SECRET && !this.#short.includes(s)) this.#short.push(s);
    }
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
