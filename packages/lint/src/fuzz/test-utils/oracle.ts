/**
 * What must hold for every input, whatever it holds: no exception and no internal error; every
 * finding of a known rule and message, with a valid severity, a position within the input (its end
 * not before its start) and a valid JSON Pointer; no piece of a planted secret in any output string
 * (the results, every formatter, the summary line, the --fix-dry-run diff, the grant script); no raw
 * control character in a text format; machine formats that parse back. Time is measured here and
 * judged by the campaign (campaign.ts), against a budget that scales with the input's size.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { DocumentResult } from '../../finding.js';
import { SEVERITIES } from '../../finding.js';
import { fixDiff, fixUntilStable } from '../../fix/index.js';
import { FORMATTERS, summaryLine, type FormatterContext } from '../../formatters/index.js';
import { GrantScriptError, grantScriptForText } from '../../grant/grant-script.js';
import { decode } from '../../load/decode.js';
import { RULES } from '../../rules/index.js';
import type { Planted } from './generate.js';

/** The linter as the fuzzer drives it: the engine, with the default settings (no config file is looked for). */
export interface FuzzLinter {
  lintBytes(bytes: Uint8Array, input: { readonly filePath: string; readonly json: boolean }): readonly DocumentResult[];
  lintText(text: string, input: { readonly filePath: string; readonly json: boolean }): readonly DocumentResult[];
}

export interface FuzzInput {
  readonly bytes: Uint8Array;
  readonly filePath: string;
  readonly json: boolean;
  readonly secrets: readonly Planted[];
  readonly steps: readonly string[];
}

export type ViolationKind = 'crash' | 'internal' | 'finding' | 'position' | 'pointer' | 'secret' | 'controls' | 'format' | 'time';

export interface Violation {
  readonly kind: ViolationKind;
  readonly detail: string;
}

/** How long each part took, in milliseconds. */
export interface Timings {
  lint: number;
  fix: number;
  format: number;
}

export interface CheckOptions {
  /** Run every formatter on this input (else the campaign's rotation picks one). */
  readonly formats: readonly string[];
  /** Apply the fixes (as --fix-dry-run) and check the diff. */
  readonly fix: boolean;
  /** Write the grant script. */
  readonly grant: boolean;
  /** Every piece of a secret found in an output is a violation, wherever the secret now stands (for planted cases). */
  readonly strict?: boolean;
}

const MESSAGES = new Map(RULES.map((r) => [r.id, new Set([...Object.keys(r.messages), 'andMore'])]));

/** Characters no text output may hold raw: C0 but tab and line feed, DEL, C1, separators, bidirectional controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Letter case and compatibility forms folded, independently of the scrub's own folding (secrets/scrub.ts):
 * a piece found here and missed there is a leak.
 */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/i\u0307/g, 'i').replace(/ı/g, 'i').replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

const PIECE = 10;

/** The 10-character pieces of the secrets, folded; each with the secret it comes from. */
export function piecesOf(secrets: readonly Planted[]): Map<string, Planted> {
  const out = new Map<string, Planted>();
  for (const s of secrets) {
    const n = normalize(s.value.trim());
    for (let i = 0; i + PIECE <= n.length; i++) out.set(n.slice(i, i + PIECE), s);
    // percent-encoded (a query string, a SARIF URI): pieces mostly made of the secret's own characters
    const e = normalize(encodeURIComponent(s.value.trim()));
    for (let i = 0; i + PIECE <= e.length; i++) {
      const piece = e.slice(i, i + PIECE);
      if ((piece.match(/%/g) ?? []).length <= 1) out.set(piece, s);
    }
  }
  return out;
}

/** A 10-character window's hash, rolled one character at a time (no string made per position). */
const BASE = 31;
const TOP = (() => {
  let t = 1;
  for (let i = 0; i < PIECE - 1; i++) t = Math.imul(t, BASE);
  return t;
})();

function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

const hashes = new WeakMap<ReadonlyMap<string, Planted>, Set<number>>();

/** The first piece of a secret in a text (folded), if any: a rolling hash finds the candidates, a comparison confirms. */
export function findPiece(text: string, pieces: ReadonlyMap<string, Planted>): { piece: string; secret: Planted } | undefined {
  if (pieces.size === 0 || text.length < PIECE) return undefined;
  let known = hashes.get(pieces);
  if (!known) {
    known = new Set([...pieces.keys()].map(hashOf));
    hashes.set(pieces, known);
  }
  // folding and compatibility forms matter only where the text is not ASCII
  const n = /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : normalize(text);
  let h = 0;
  for (let i = 0; i < n.length; i++) {
    if (i >= PIECE) h = (h - Math.imul(n.charCodeAt(i - PIECE), TOP)) | 0;
    h = (Math.imul(h, BASE) + n.charCodeAt(i)) | 0;
    if (i >= PIECE - 1 && known.has(h)) {
      const piece = n.slice(i - PIECE + 1, i + 1);
      const secret = pieces.get(piece);
      if (secret) return { piece, secret };
    }
  }
  return undefined;
}

/** Every string inside a value. */
function strings(value: unknown, out: string[] = []): string[] {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push(child);
  }
  return out;
}

/** The ways an output may carry a text escaped: JSON, XML entities, Markdown backslashes, GitHub's %XX. */
function unescapings(format: string, text: string): string[] {
  if (format === 'json' || format === 'gitlab' || format === 'sarif') {
    try {
      return strings(JSON.parse(text));
    } catch {
      return [text];
    }
  }
  if (format === 'junit') return [text, text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi, (_m, hex: string, dec: string, name: string) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? ''))];
  if (format === 'markdown') return [text, text.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')];
  if (format === 'github') return [text, text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')];
  return [text];
}

const KEYS = 'clientsecret|client_secret|password|passwd|pwd|pass|secret|secretvalue|accesstoken|access_token|token|apikey|api_key|credentials?|clientid';
/** A secret key starting a line (also in a comment that keeps an old secret: `# password: ...`). */
const LINE_KEY = new RegExp(`^[ \\t]*(?:#+[ \\t]*)?(?:-[ \\t]+)*["']?(?:${KEYS})["']?[ \\t]*:`, 'i');
/** A secret key further in a line that is no comment: in a flow mapping, or after another key (two lines joined). */
const INLINE_KEY = new RegExp(`(?:[{,]|:[ \\t])[ \\t]*["']?(?:${KEYS})["']?[ \\t]*:`, 'i');
/** `value` counts inside a list of secrets. */
const VALUE_KEY = /(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)["']?value["']?[ \t]*:/i;

function isSecretKeyAt(head: string): boolean {
  return LINE_KEY.test(head) || (!/^[ \t]*#/.test(head) && INLINE_KEY.test(head));
}

function indentOf(line: string): number {
  return /^[ \t]*(?:-[ \t]+)*/.exec(line)?.[0].length ?? 0;
}

/**
 * Whether a leaked secret is still in a field that can hold one, read from the text independently of
 * the linter: the line it stands on, or one of the lines above it, names a secret field (or a Client
 * ID, or a URL, whose query string and user information may hold one), also in a comment. A secret
 * that a mutation moved out of its field (into a plain value of another, or a block of text) is no
 * longer known to be one, and may be shown.
 */
export function stillSecret(text: string, secret: Planted, leaked?: string): boolean {
  const lower = normalize(text);
  const n = normalize(secret.value.trim());
  // where the piece that leaked stands, when the text has it: a secret split over two lines (a line broken
  // in an editor) is in its field only up to the break
  let at = leaked === undefined ? -1 : lower.indexOf(leaked);
  // where the secret is in the text: its first piece that is there (a cut quote, a flipped byte may have changed the rest)
  for (let i = 0; i + PIECE <= n.length && at === -1; i++) at = lower.indexOf(n.slice(i, i + PIECE));
  if (at === -1) {
    // the URL-encoded form, in a query string or user information
    const encoded = normalize(encodeURIComponent(secret.value.trim()));
    for (let i = 0; i + PIECE <= encoded.length && at === -1; i++) at = lower.indexOf(encoded.slice(i, i + PIECE));
  }
  // nowhere in the text (the file could not be decoded, or the secret was cut out): nothing can know it is one
  if (at === -1) return false;
  const list: string[] = [];
  let index = -1;
  let offset = 0;
  for (const m of lower.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
    if (m[0] === '' && m.index >= lower.length) break;
    list.push(m[0].replace(/[\r\n]+$/, ''));
    if (index === -1 && m.index + m[0].length > at) {
      index = list.length - 1;
      offset = m.index;
    }
  }
  if (index === -1) return false;
  const line = list[index] as string;
  const head = line.slice(0, Math.max(0, at - offset));
  // after a comment began on its line (` # ...`): in a comment, in no field
  if (/[ \t]#/.test(head.replace(/^[ \t]*#+/, ''))) return false;
  // on its own line: after a secret key, or in a URL's query string or user information
  if (isSecretKeyAt(head) || (!/^[ \t]*#/.test(head) && /\?|:\/\/[^/@\s]*$/.test(head))) return true;
  if (VALUE_KEY.test(head) && list.slice(Math.max(0, index - 8), index).some((l) => /secret/i.test(l))) return true;
  // below a secret key, more indented than it (a block scalar, a list, a mapping)
  let indent = indentOf(line);
  for (let i = index - 1; i >= Math.max(0, index - 8) && indent > 0; i--) {
    const above = list[i] as string;
    if (above.trim() === '' || above.trim().startsWith('#')) continue;
    const aboveIndent = indentOf(above);
    if (aboveIndent >= indent) continue;
    if (LINE_KEY.test(above)) return true;
    indent = aboveIndent;
  }
  return false;
}

export interface Checked {
  readonly violations: Violation[];
  readonly timings: Timings;
  readonly results: readonly DocumentResult[];
  /** Leaks found in an output but not confirmed by `stillSecret` (the mutation moved the secret). */
  readonly unconfirmed: number;
}

function lineLengths(input: { readonly bytes?: Uint8Array; readonly text?: string }): number[] | undefined {
  let text = input.text;
  if (text === undefined) {
    const decoded = decode(input.bytes ?? new Uint8Array());
    if (!decoded.ok) return undefined;
    text = decoded.value.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** Checks every finding: known rule and message, severity, position within the input, JSON Pointer. */
export function checkFindings(input: { readonly bytes?: Uint8Array; readonly text?: string }, results: readonly DocumentResult[], violations: Violation[]): void {
  const lengths = lineLengths(input);
  for (const r of results) {
    if (typeof r.filePath !== 'string' || !Number.isInteger(r.document) || r.document < 0) violations.push({ kind: 'finding', detail: `a result without a file or a document index: ${JSON.stringify({ filePath: r.filePath, document: r.document })}` });
    for (const m of r.messages) {
      const where = `${m.ruleId}/${m.messageId} at ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${JSON.stringify(m.pointer)}`;
      if (m.internal || m.messageId === 'internalError') {
        violations.push({ kind: 'internal', detail: `${where}: ${m.message}` });
        continue;
      }
      const known = MESSAGES.get(m.ruleId);
      if (!known) violations.push({ kind: 'finding', detail: `unknown rule ID: ${where}` });
      else if (!known.has(m.messageId)) violations.push({ kind: 'finding', detail: `unknown message ID: ${where}` });
      if (!SEVERITIES.includes(m.severity)) violations.push({ kind: 'finding', detail: `unknown severity ${JSON.stringify(m.severity)}: ${where}` });
      if (typeof m.message !== 'string' || m.message === '') violations.push({ kind: 'finding', detail: `no message: ${where}` });
      if (typeof m.pointer !== 'string' || (m.pointer !== '' && !/^(?:\/(?:[^~/]|~[01])*)+$/.test(m.pointer))) violations.push({ kind: 'pointer', detail: `not a JSON Pointer: ${where}` });
      const ints = [m.line, m.column, m.endLine, m.endColumn];
      if (!ints.every((n) => Number.isInteger(n) && n >= 1)) {
        violations.push({ kind: 'position', detail: `not a 1-based position: ${where}` });
        continue;
      }
      if (m.endLine < m.line || (m.endLine === m.line && m.endColumn < m.column)) violations.push({ kind: 'position', detail: `ends before it starts: ${where}` });
      const lineCount = lengths ? lengths.length : 1;
      const width = (line: number): number => Math.max(1, lengths ? (lengths[line - 1] ?? 0) : 1);
      if (m.line > lineCount || m.endLine > lineCount) violations.push({ kind: 'position', detail: `past the last line (${lineCount}): ${where}` });
      else if (m.column > width(m.line) || m.endColumn > width(m.endLine)) violations.push({ kind: 'position', detail: `past the end of its line (${width(m.line)}, ${width(m.endLine)} characters): ${where}` });
    }
  }
}

/** Runs the linter and every output on one input; never throws (an exception is a violation). */
export function checkInput(linter: FuzzLinter, input: FuzzInput, options: CheckOptions): Checked {
  const violations: Violation[] = [];
  const timings: Timings = { lint: 0, fix: 0, format: 0 };
  const pieces = piecesOf(input.secrets);
  let unconfirmed = 0;
  let text: string | undefined;
  const leak = (what: string, output: string, format = 'text'): void => {
    for (const form of unescapings(format, output)) {
      const found = findPiece(form, pieces);
      if (!found) continue;
      if (text === undefined) {
        const decoded = decode(input.bytes);
        text = decoded.ok ? decoded.value.text : '';
      }
      if (!options.strict && !stillSecret(text, found.secret, found.piece)) {
        unconfirmed++;
        return;
      }
      violations.push({ kind: 'secret', detail: `${what} holds "${found.piece}", a piece of the secret planted at ${found.secret.where}` });
      return;
    }
  };
  const controls = (what: string, output: string): void => {
    const m = RAW_CONTROL.exec(output);
    if (m) violations.push({ kind: 'controls', detail: `${what} holds U+${(m[0].codePointAt(0) as number).toString(16).padStart(4, '0').toUpperCase()} raw, at ${JSON.stringify(output.slice(Math.max(0, m.index - 30), m.index + 10))}` });
  };

  let results: readonly DocumentResult[] = [];
  let start = performance.now();
  try {
    results = linter.lintBytes(input.bytes, { filePath: input.filePath, json: input.json });
  } catch (error) {
    violations.push({ kind: 'crash', detail: `lint threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
    return { violations, timings, results, unconfirmed };
  }
  timings.lint = performance.now() - start;
  checkFindings(input, results, violations);
  for (const s of strings(results)) leak('a result', s);

  start = performance.now();
  const context: FormatterContext = { color: false, toolName: 'tmcheck', toolVersion: '0.0.0-fuzz', rules: RULES, cwd: '/srv/fleet', maxWarnings: 0 };
  for (const name of options.formats) {
    const formatter = FORMATTERS[name];
    if (!formatter) continue;
    let out: string;
    try {
      out = formatter(results, context);
    } catch (error) {
      violations.push({ kind: 'crash', detail: `the ${name} formatter threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
      continue;
    }
    leak(`the ${name} report`, out, name);
    controls(`the ${name} report`, out);
    if (name === 'json' || name === 'gitlab' || name === 'sarif') {
      try {
        JSON.parse(out);
      } catch (error) {
        violations.push({ kind: 'format', detail: `the ${name} report is not JSON: ${String(error)}` });
      }
    } else if (name === 'junit') {
      const valid = XMLValidator.validate(out);
      if (valid !== true) violations.push({ kind: 'format', detail: `the junit report is not XML: ${JSON.stringify(valid.err)}` });
    }
  }
  try {
    const line = summaryLine(results, { files: 1, skipped: 0, color: false });
    leak('the summary line', line);
    controls('the summary line', line.replace(/\n$/, ''));
  } catch (error) {
    violations.push({ kind: 'crash', detail: `summaryLine threw: ${String(error)}` });
  }
  timings.format = performance.now() - start;

  if (options.fix && results.some((r) => r.fixableCount > 0)) {
    start = performance.now();
    try {
      const decoded = decode(input.bytes);
      if (decoded.ok) {
        const before = decoded.value.text;
        const run = fixUntilStable(before, (t) => linter.lintText(t, { filePath: input.filePath, json: input.json }), { initial: results, json: input.json });
        const diff = fixDiff(input.filePath, before, run.text, { json: input.json });
        leak('the --fix-dry-run diff', diff);
        controls('the --fix-dry-run diff', diff);
        for (const r of run.refused) {
          leak('a refused fix', `${r.filePath} ${r.message}`);
          controls('a refused fix', r.message);
        }
        for (const s of strings(run.remaining)) leak('a result after --fix', s);
        // the fixed text as linted (text, not bytes: re-encoded, a NUL it holds would make it undecodable)
        checkFindings({ text: run.text }, run.remaining, violations);
      }
    } catch (error) {
      violations.push({ kind: 'crash', detail: `--fix threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
    }
    timings.fix = performance.now() - start;
  }

  if (options.grant) {
    start = performance.now();
    const decoded = decode(input.bytes);
    if (decoded.ok) {
      try {
        const script = grantScriptForText(decoded.value.text, { filePath: input.filePath, json: input.json, policy: true });
        leak('the grant script', script.text);
        controls('the grant script', script.text.replace(/\r\n/g, '\n'));
      } catch (error) {
        if (error instanceof GrantScriptError) {
          leak('a grant-script error', error.message);
          controls('a grant-script error', error.message);
        } else violations.push({ kind: 'crash', detail: `grant-script threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
      }
    }
    timings.fix += performance.now() - start;
  }
  return { violations, timings, results, unconfirmed };
}
