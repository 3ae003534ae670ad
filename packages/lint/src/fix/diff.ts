/**
 * The unified diff of a fix (`--fix-dry-run`), with no secret in it. A fix never carries a secret
 * (the engine drops those), but a diff shows lines of the file around each change, and a file may
 * hold a literal Client Secret or password. So, whatever the findings: the value of every line
 * whose key is a secret field is masked (and the lines of a secret written as a block below its
 * key), every secret the documents hold is scrubbed as in every other output, credential-shaped
 * pieces are hidden, and control characters are escaped.
 */
import { detach } from '../text/detach.js';
import { manifestSchema } from '@tmcheck/schemas';
import { createTwoFilesPatch, FILE_HEADERS_ONLY, formatPatch, structuredPatch, type StructuredPatch } from 'diff';
import { stripComment } from '../load/comment.js';
import { parseDocuments } from '../load/parse-documents.js';
import { isSecretReference } from '../model/values.js';
import { collectSecrets, collectSecretsFromText, isSecretKey, REDACTED, Scrubber } from '../secrets/scrub.js';
import { looksLikeSecret } from '../secrets/show.js';
import { escapeControls } from '../text/escape.js';

/** What stands for a masked value. */
export const MASK = REDACTED;

/**
 * The secret keys of the scrub (scrub.ts), for misspellings of them (`clientSecrte`, `pasword`):
 * an unknown key near one of these is masked too.
 */
const NEAR = ['clientSecret', 'client_secret', 'password', 'passwd', 'secret', 'secretValue', 'accessToken', 'access_token', 'token', 'apiKey', 'api_key', 'credential', 'credentials'];

/** Every property name the manifest schema knows (their secrecy is the scrub's to say). */
const KNOWN: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  const stack: unknown[] = [manifestSchema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const properties = (node as Record<string, unknown>)['properties'];
    if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) for (const name of Object.keys(properties)) names.add(name);
    for (const child of Object.values(node)) stack.push(child);
  }
  return names;
})();

const secretKeys = new Map<string, boolean>();

/** Edit distance with adjacent transpositions, stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length] as number;
}

/** An unknown key holding a secret's name (`smtpPassword`), or a misspelling of one (`clientSecrte`, `pasword`). */
function looksLikeSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  if (k.length < 4 || k.length > 64) return false;
  return NEAR.some((name) => {
    const n = name.toLowerCase();
    return (n.length >= 5 && k.includes(n)) || distance(k, n, 2) <= (n.length > 6 ? 2 : 1);
  });
}

/**
 * Whether a key holds a secret: one the scrub treats as secret (scrub.ts: clientSecret, password,
 * token, ... and `value`, the scrub's key inside a list of secrets), or an unknown key that looks
 * like one of them (a misspelling).
 */
export function isSecretKeyName(key: string): boolean {
  let known = secretKeys.get(key);
  if (known === undefined) {
    const scrubbed = isSecretKey(key, true);
    known = scrubbed || (!KNOWN.has(key) && looksLikeSecretKey(key));
    // kept by a copy: the memo outlives the manifest the key is a piece of (text/detach.ts)
    if (secretKeys.size < 1000) secretKeys.set(detach(key), known);
  }
  return known;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Index of the quote closing a quoted key that opens at `from`, or -1. */
function closingQuote(line: string, from: number): number {
  const quote = line.charAt(from);
  for (let i = from + 1; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && line.charAt(i + 1) === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * A line's key and what follows its colon; undefined when the line holds no `key:`: the indentation
 * and the dashes of a list, the key quoted or plain, then the colon. Read by a scan: the pattern this
 * replaces took minutes on a line of 10,000 tabs and dashes.
 */
function keyOf(line: string): { readonly indent: number; readonly key: string; readonly head: string; readonly rest: string } | undefined {
  let i = 0;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  // the dashes of list items: `- - key:`
  while (line.charAt(i) === '-' && isBlank(line.charCodeAt(i + 1))) {
    i++;
    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  }
  const indent = i;
  const first = line.charAt(i);
  let key: string;
  let end: number;
  if (first === '"' || first === "'") {
    const close = closingQuote(line, i);
    if (close === -1) return undefined;
    key = line.slice(i + 1, close);
    end = close + 1;
    while (end < line.length && isBlank(line.charCodeAt(end))) end++;
    if (line.charAt(end) !== ':') return undefined;
  } else {
    // a plain key: no blank, quote, # or : first; it runs to the first colon, and holds no #
    if (first === '' || /[\s"'#:]/.test(first)) return undefined;
    const colon = line.indexOf(':', i + 1);
    if (colon === -1) return undefined;
    const hash = line.indexOf('#', i + 1);
    if (hash !== -1 && hash < colon) return undefined;
    key = line.slice(i, colon);
    end = colon;
  }
  const head = line.slice(0, end + 1);
  const rest = line.slice(end + 1);
  // a plain key's colon is followed by a space or the end of the line (`https://...` holds no key)
  if (first !== '"' && first !== "'" && rest !== '' && !isBlank(rest.charCodeAt(0))) return undefined;
  return { indent, key: key.trim(), head, rest };
}

/** Whether a value is only anchors and tags (`&a !tag`), maybe with a comment after: the value is below. */
function onlyProperties(v: string): boolean {
  let i = 0;
  let any = false;
  while (i < v.length) {
    const c = v.charAt(i);
    if (c === '&' || c === '!') {
      any = true;
      while (i < v.length && !/\s/.test(v.charAt(i))) i++;
      while (i < v.length && isBlank(v.charCodeAt(i))) i++;
    } else return any && c === '#';
  }
  return any;
}

/** A value that leaves the secret to the lines below: nothing, a comment, a block scalar header, an anchor or a tag, an opening bracket. */
function opensBlock(rest: string): boolean {
  const v = rest.trim();
  if (v === '' || v.startsWith('#')) return true;
  if (/^[|>][-+0-9]*$/.test(stripComment(v).trim())) return true;
  if (onlyProperties(v)) return true;
  const opens = (v.match(/[[{]/g) ?? []).length;
  const closes = (v.match(/[\]}]/g) ?? []).length;
  return opens > closes;
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].length ?? 0;
}

/** The lines of a text, secret values masked; line endings dropped (a CRLF file diffs as its lines). */
export function maskSecretLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const out: string[] = [];
  /** While inside a secret written below its key: that key's column. */
  let blockAt: number | undefined;
  for (const line of lines) {
    if (blockAt !== undefined) {
      if (line.trim() === '' || indentOf(line) > blockAt) {
        out.push(line.trim() === '' ? line : `${line.slice(0, indentOf(line))}${MASK}`);
        continue;
      }
      blockAt = undefined;
    }
    // an old secret kept in a comment (`# clientSecret: ...`): masked as a live one
    const comment = /^[ \t]*#+[ \t]*/.exec(line);
    if (comment) {
      const c = keyOf(line.slice(comment[0].length));
      if (c && isSecretKeyName(c.key) && c.rest.trim() !== '') {
        out.push(`${comment[0]}${c.head} ${MASK}`);
        continue;
      }
    }
    const k = keyOf(line);
    const secretKey = k !== undefined && isSecretKeyName(k.key);
    // a Client ID holding what looks like a secret, as the scrub reads lines
    const secretValue = !secretKey && k !== undefined && collectSecretsFromText(line).size > 0;
    if (!k || (!secretKey && !secretValue)) {
      out.push(line);
      continue;
    }
    // a ${NAME} reference names a variable and holds no secret: the diff shows it as written
    if (secretKey && isSecretReference(stripComment(k.rest).trim().replace(/^(["'])(.*)\1,?$/, '$2').replace(/,$/, ''))) {
      out.push(line);
      continue;
    }
    if (secretKey && opensBlock(k.rest)) {
      blockAt = k.indent;
      out.push(k.rest.trim() === '' ? line : `${k.head} ${MASK}`);
      continue;
    }
    out.push(`${k.head} ${MASK}${/,[ \t]*$/.test(k.rest) ? ',' : ''}`);
  }
  return out;
}

/** The secrets the documents of a text hold, as the engine collects them. */
function secretsOf(text: string, json: boolean): Set<string> {
  const secrets = collectSecretsFromText(text);
  try {
    for (const doc of parseDocuments(text, { json })) if (doc.data !== undefined) collectSecrets(doc.data, secrets);
  } catch {
    // the text lines above are the fallback
  }
  return secrets;
}

/** Credential-shaped pieces of a line (split at spaces, quotes and URL punctuation) hidden. */
function hideSecretShaped(line: string): string {
  return line.replace(/[^\s"'<>(),;:=&?#/\\[\]{}]+/g, (piece) => (looksLikeSecret(piece) ? MASK : piece));
}

export interface FixDiffOptions {
  /** Lines of context around each change (default 3). */
  readonly context?: number;
  readonly json?: boolean;
}

/**
 * A unified diff from `before` to `after` for the file shown as `filePath`, safe to print: see
 * the module's comment. Empty when nothing changed. A masked line reads the same on both sides,
 * so the diff is for reading, not for `patch` where it shows a mask.
 */
export function fixDiff(filePath: string, before: string, after: string, options: FixDiffOptions = {}): string {
  const strip = (t: string): string => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
  const a = strip(before);
  const b = strip(after);
  if (a === b) return '';
  const json = options.json ?? false;
  const scrubber = new Scrubber([...secretsOf(a, json), ...secretsOf(b, json)]);
  const clean = (lines: readonly string[]): string => lines.map((l) => escapeControls(hideSecretShaped(scrubber.scrub(l)))).join('\n');
  const name = escapeControls(scrubber.scrub(filePath));
  const context = options.context ?? 3;
  const oldText = clean(maskSecretLines(a));
  const newText = clean(maskSecretLines(b));
  const patch =
    byDocument(name, oldText, newText, context) ?? createTwoFilesPatch(name, name, oldText, newText, undefined, undefined, { context, headerOptions: FILE_HEADERS_ONLY });
  // no hunk: the change is in masked lines only
  return patch.includes('\n@@ ') ? patch : '';
}

/** From this many documents in a file, its diff is taken document by document (below). */
const DIFF_BY_DOCUMENT = 20;
const DOCUMENT_START = /^---(?:[ \t]|$)/;

/** The lines at which each document starts (the first, and each `---`). */
function documentStarts(lines: readonly string[]): number[] {
  const starts = [0];
  for (let i = 0; i < lines.length; i++) if (i > 0 && DOCUMENT_START.test(lines[i] as string)) starts.push(i);
  return starts;
}

/**
 * The diff of a file of many documents, taken document by document and put together: a diff of the whole
 * costs time that grows with the file's lines times its changes (Myers), and --fix on a fleet file of
 * thousands of installations changes thousands of lines. Fixes never add or remove a document; when the
 * documents do not pair up, or there are few, undefined (the whole file is diffed).
 */
function byDocument(name: string, before: string, after: string, context: number): string | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  const startsA = documentStarts(a);
  const startsB = documentStarts(b);
  if (startsA.length < DIFF_BY_DOCUMENT || startsA.length !== startsB.length) return undefined;
  const hunks: StructuredPatch['hunks'] = [];
  for (let d = 0; d < startsA.length; d++) {
    const last = d === startsA.length - 1;
    // each document's lines with their line breaks; the last as the file ends
    const piece = (lines: readonly string[], starts: readonly number[]): string => {
      const text = lines.slice(starts[d], last ? lines.length : starts[d + 1]).join('\n');
      return last ? text : `${text}\n`;
    };
    const oldPiece = piece(a, startsA);
    const newPiece = piece(b, startsB);
    if (oldPiece === newPiece) continue;
    for (const h of structuredPatch(name, name, oldPiece, newPiece, undefined, undefined, { context }).hunks) {
      hunks.push({ ...h, oldStart: h.oldStart + (startsA[d] as number), newStart: h.newStart + (startsB[d] as number) });
    }
  }
  return formatPatch({ oldFileName: name, newFileName: name, oldHeader: undefined, newHeader: undefined, hunks }, FILE_HEADERS_ONLY);
}
