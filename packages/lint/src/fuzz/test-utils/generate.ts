/**
 * Manifests for the fuzzer: generated from the field catalog (every field, good values and odd ones,
 * fields left out, unknown keys, lists long and short), written as YAML in a style drawn at random
 * for each node (block or flow; plain, quoted, literal or folded scalars; anchors and aliases) or as
 * JSON; and the example fleet as written by hand. Secrets are planted in every kind of field that can
 * hold one, in every form YAML has for a value, and the generator remembers each one planted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { FIELDS } from '@tmcheck/schemas';
import type { Random } from './random.js';

/** A secret planted in an input, and where (for the report of a failure). */
export interface Planted {
  readonly value: string;
  readonly where: string;
}

export interface Generated {
  /** The manifest's text (before any mutation). */
  readonly text: string;
  readonly json: boolean;
  readonly secrets: Planted[];
  /** What the generator did, for the report of a failure. */
  readonly steps: string[];
}

const EXAMPLES_DIR = new URL('../../../../../examples/fleet/', import.meta.url);
const FULL_MANIFEST = new URL('../../../../schemas/fixtures/full-manifest.json', import.meta.url);

let examples: readonly string[] | undefined;
/** The example fleet's manifests, as written by hand (comments, flow mappings, references). */
export function exampleTexts(): readonly string[] {
  examples ??= readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(new URL(f, EXAMPLES_DIR), 'utf8'));
  return examples;
}

let full: unknown;
/** A manifest with every field filled in (the schemas package's fixture). */
export function fullManifest(): Record<string, unknown> {
  full ??= JSON.parse(readFileSync(FULL_MANIFEST, 'utf8'));
  return structuredClone(full) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// secrets

const WORDS = ['quokka', 'zeppelin', 'marmalade', 'fjord', 'xylophone', 'Blåbærsyltetøy', 'İstanbul', 'Straße', 'KELVIN', 'ΣΟΦΙΑ', 'pampelmuse', 'Wolkenkratzer', 'Ærøskøbing', 'okapi', 'haddock'];
const ENTRA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function chars(rng: Random, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet.charAt(rng.int(alphabet.length));
  return out;
}

/** A secret as customers have them, drawn at random: never shaped like a reference or a fill-in. */
export function secretValue(rng: Random): string {
  const kind = rng.weighted<string>([
    [4, 'entra'],
    [3, 'passphrase'],
    [2, 'symbols'],
    [1, 'digits'],
    [1, 'folding'],
    [1, 'long'],
    [1, 'short'],
  ]);
  let s: string;
  switch (kind) {
    case 'entra':
      s = `${chars(rng, ENTRA, rng.range(3, 6))}~${chars(rng, `${ENTRA}._~-`, rng.range(30, 36))}`;
      break;
    case 'passphrase': {
      const words: string[] = [];
      for (let i = rng.range(3, 6); i > 0; i--) words.push(rng.pick(WORDS));
      s = words.join(rng.pick([' ', ' ', '-', ', ', ' & ', ': '])) + (rng.chance(0.5) ? ` ${rng.range(1000, 9999)}!` : '');
      break;
    }
    case 'symbols':
      s = chars(rng, ENTRA, 4) + chars(rng, `${ENTRA}${SYMBOLS}${SYMBOLS} `, rng.range(12, 40)) + chars(rng, ENTRA, 2);
      break;
    case 'digits':
      s = `${rng.range(1, 9)}${chars(rng, '0123456789', rng.range(11, 18))}`;
      break;
    case 'folding':
      // letters whose case folds change length or meet another letter: İ, ẞ, K (Kelvin), Σ/ς, ﬁ
      s = chars(rng, ENTRA, 3) + Array.from({ length: rng.range(10, 20) }, () => rng.pick(['İ', 'ı', 'ẞ', 'ß', 'K', 'k', 'Σ', 'ς', 'σ', 'ﬁ', 'Å', 'Å', 'x', 'Q', '7'])).join('') + chars(rng, ENTRA, 3);
      break;
    case 'long':
      s = chars(rng, `${ENTRA}~._- `, rng.size(120, 3000)).trim() + 'Zz';
      break;
    default:
      s = chars(rng, ENTRA, rng.range(12, 13));
  }
  s = s.trim();
  // never a fill-in or a reference (those are tmcheck's words, not secrets): the first character is a letter
  if (!/^[A-Za-z]/.test(s)) s = `Q${s}`;
  if (!/[A-Za-z0-9]$/.test(s)) s = `${s}9`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// values

const GUIDS = ['6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4', '00000000-0000-0000-0000-000000000000', '{9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b}', 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'];
const ODD_STRINGS = [
  '',
  ' ',
  '${TM_MAIL_SECRET}',
  '${{ secrets.TM_MAIL_SECRET }}',
  '$(TmMailSecret)',
  '%TM_MAIL_SECRET%',
  '<tenant>',
  'changeme',
  'xxx',
  'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  'https://login.microsoftonline.com/{tenant}/oauth2/token?x=1',
  'https://graph.microsoft.com/v1.0/me/sendMail',
  'smtp.office365.com:587',
  'outlook.office365.com:995',
  'pop3://outlook.office365.com',
  'https://outlook.office365.com/.default',
  'https://graph.microsoft.com/.default',
  'Mail.Send POP.AccessAsApp',
  'user@',
  'ops@example.com',
  '{0}@example.com',
  '2.664',
  '2.664.8271.20345',
  '99.0.0.0',
  '2027-02-30',
  '2027-09-30',
  'Ünïcödé ☃ 💥',
  'line\nbreak',
  'tab\there',
  'nul\u0000byte',
  'c1\u0085line\u009b[31mred',
  'bidi\u202eevil',
  'sep\u2028arator',
  '::error file=x::forged',
  '| a | b |',
  '<script>alert(1)</script>',
  '# not a comment',
  'a: b',
  '- item',
  '*alias',
  '&anchor',
  '!tag',
  '@reserved',
  '`backtick`',
  '__proto__',
  'constructor',
  'toString',
];

function oddValue(rng: Random, depth: number): unknown {
  return rng.weighted<() => unknown>([
    [8, () => rng.pick(ODD_STRINGS)],
    [3, () => rng.pick(GUIDS)],
    [2, () => rng.pick([0, -1, 1, 995, 587, 25, 65536, 3.5, 1e21, -0, 2 ** 53 + 1])],
    [2, () => rng.pick([true, false, null])],
    [1, () => 'x'.repeat(rng.size(100, 3000))],
    [1, () => chars(rng, `${ENTRA}${SYMBOLS} \t`, rng.size(1, 200))],
    [1, () => (depth > 4 ? null : [oddValue(rng, depth + 1), oddValue(rng, depth + 1)])],
    [1, () => (depth > 4 ? null : { [rng.pick(['a', 'value', 'tenantId', '__proto__', 'constructor'])]: oddValue(rng, depth + 1) })],
  ])();
}

/** A value for the field at `pointer` (a catalog pattern): its example mostly, an odd value sometimes. */
function valueFor(rng: Random, pointer: string, depth: number): unknown {
  const field = FIELDS.find((f) => f.pointer === pointer);
  if (rng.chance(0.15) || !field) return oddValue(rng, depth);
  if (field.prescribed !== undefined && rng.chance(0.7)) return field.prescribed;
  const example = (field as { example?: unknown }).example;
  if (example !== undefined && rng.chance(0.8)) return structuredClone(example);
  switch (field.type) {
    case 'string':
      return rng.pick([...ODD_STRINGS.slice(2, 22), ...GUIDS]);
    case 'integer':
      return rng.pick([995, 587, 100, 0, 20, -5]);
    case 'boolean':
      return rng.chance(0.8) ? rng.chance(0.5) : rng.pick(['yes', 'True', 1]);
    case 'date':
      return rng.pick(['2027-09-30', '2025-01-01', '2027-13-01', '30.09.2027']);
    case 'enum':
      return rng.pick(['vessel', 'office', 'Application', 'Delegated', 'Microsoft Graph', 'Office 365 Exchange Online', 'other']);
    case 'const':
      return 1;
    default:
      return oddValue(rng, depth);
  }
}

/** The catalog's fields below `pointer` (one level). */
function childrenOf(pointer: string): readonly string[] {
  const depth = pointer === '' ? 1 : pointer.split('/').length;
  return FIELDS.map((f) => f.pointer).filter((p) => p.startsWith(`${pointer}/`) && p.split('/').length === depth + 1 && !p.endsWith('/*'));
}

function build(rng: Random, pointer: string, depth: number, full: boolean): unknown {
  const field = FIELDS.find((f) => f.pointer === pointer);
  if (field?.type === 'list') {
    const item = `${pointer}/*`;
    const itemField = FIELDS.find((f) => f.pointer === item);
    const n = rng.chance(0.02) ? rng.size(50, full ? 3000 : 150) : rng.range(0, 3);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(itemField?.type === 'object' ? build(rng, item, depth + 1, full) : valueFor(rng, item, depth + 1));
    return out;
  }
  if (field?.type !== 'object' && pointer !== '') return valueFor(rng, pointer, depth);
  const out: Record<string, unknown> = {};
  for (const child of childrenOf(pointer)) {
    if (pointer !== '' && rng.chance(0.12)) continue;
    if (pointer === '' && child !== '/schemaVersion' && rng.chance(0.08)) continue;
    const key = child.slice(child.lastIndexOf('/') + 1);
    out[key] = build(rng, child, depth + 1, full);
  }
  if (rng.chance(0.05)) out[rng.pick(['tokenURL', 'clientSecrte', 'Password', 'unknownKey', 'smtp_server', '__proto__', 'constructor', 'prototype'])] = oddValue(rng, depth + 1);
  if (rng.chance(0.01)) {
    // a great many unknown keys: thousands of findings in one document
    const n = rng.size(100, full ? 6000 : 600);
    for (let i = 0; i < n; i++) out[`unknown${i}`] = i;
  }
  return out;
}

/** A manifest as data: from the catalog, or the full fixture. */
export function manifestData(rng: Random, full: boolean): Record<string, unknown> {
  return rng.chance(0.3) ? fullManifest() : (build(rng, '', 0, full) as Record<string, unknown>);
}

// ---------------------------------------------------------------------------------------------
// planting secrets in the data

/** Fields that hold secrets: the catalog's, `value` in a list of secrets, and keys people add. */
const SECRET_POINTERS = [
  '/mailSettings/oauth2/clientSecret',
  '/exchange/smtp/oauth2/clientSecret',
  '/exchange/pop3/oauth2/clientSecret',
  '/mailSettings/basicAuth/password',
  '/exchange/smtp/basicAuth/password',
  '/exchange/pop3/basicAuth/password',
  '/azure/clientSecrets/0/value',
  '/installation/password',
  '/exchange/pop3/oauth2/client_secret',
  '/mailSettings/oauth2/accessToken',
  '/azure/apiKey',
];

function setAt(data: Record<string, unknown>, pointer: string, value: unknown): void {
  const tokens = pointer.slice(1).split('/');
  let node: Record<string, unknown> | unknown[] = data;
  for (const [i, token] of tokens.entries()) {
    const last = i === tokens.length - 1;
    const key = Array.isArray(node) ? Number(token) : token;
    if (last) {
      (node as Record<string, unknown>)[key as string] = value;
      return;
    }
    let next = (node as Record<string, unknown>)[key as string];
    if (next === null || typeof next !== 'object') {
      next = /^\d+$/.test(tokens[i + 1] as string) ? [] : {};
      (node as Record<string, unknown>)[key as string] = next;
    }
    node = next as Record<string, unknown> | unknown[];
  }
}

/** Marks a value the emitter writes in a form drawn for secrets (and may cut its quote). */
export class SecretText {
  constructor(readonly value: string) {}
}

/** Plants 1 to 3 secrets in secret fields, in the shapes a secret takes: text, a list, a mapping, a number. */
export function plantSecrets(rng: Random, data: Record<string, unknown>, steps: string[]): Planted[] {
  const planted: Planted[] = [];
  const pointers = [...SECRET_POINTERS];
  for (let n = rng.range(1, 3); n > 0; n--) {
    let value = secretValue(rng);
    // each secret in a field of its own: one planted over another is no secret of the file any more
    const pointer = pointers.splice(rng.int(pointers.length), 1)[0] as string;
    const shape = rng.weighted<string>([
      [10, 'text'],
      [1, 'list'],
      [1, 'mapping'],
      [1, 'number'],
      [1, 'key'],
    ]);
    let written: unknown = new SecretText(value);
    if (shape === 'number') {
      value = `${rng.range(1, 9)}${chars(rng, '0123456789', rng.range(11, 14))}`;
      written = Number(value);
      value = String(written);
    } else if (shape === 'list') written = [new SecretText(value)];
    else if (shape === 'mapping') written = { value: new SecretText(value) };
    else if (shape === 'key') written = { [value]: 'x' };
    setAt(data, pointer, written);
    planted.push({ value, where: `${pointer} (${shape})` });
    steps.push(`secret ${shape} at ${pointer}`);
    // the same secret again: in the wrong field, in a URL, in another letter case
    const copy = rng.weighted<string>([
      [6, 'none'],
      [1, 'clientId'],
      [1, 'query'],
      [1, 'userinfo'],
      [1, 'upper'],
    ]);
    if (copy === 'clientId') setAt(data, '/exchange/pop3/oauth2/clientId', new SecretText(value));
    else if (copy === 'query') setAt(data, '/mailSettings/oauth2/tokenUrl', `https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token?client_secret=${encodeURIComponent(value)}`);
    else if (copy === 'userinfo') setAt(data, '/mailSettings/smtpServer', `https://ops:${encodeURIComponent(value)}@graph.microsoft.com/v1.0/users/{0}/sendMail`);
    else if (copy === 'upper') setAt(data, '/installation/name', `MV ${value.toUpperCase()}`);
    if (copy !== 'none') steps.push(`secret copied: ${copy}`);
  }
  // a secret alone in the wrong field, shaped like one (the Value typed into Client ID)
  if (rng.chance(0.1)) {
    const value = `${chars(rng, ENTRA, 4)}~${chars(rng, ENTRA, 34)}`;
    setAt(data, '/mailSettings/oauth2/clientId', new SecretText(value));
    planted.push({ value, where: '/mailSettings/oauth2/clientId (a secret typed into the Client ID)' });
  }
  // in a Token URL's query string or a URL's user information only
  if (rng.chance(0.1)) {
    const value = secretValue(rng).replace(/\s/g, '');
    setAt(data, '/exchange/smtp/oauth2/tokenUrl', `https://login.microsoftonline.com/x/oauth2/v2.0/token?client_secret=${encodeURIComponent(value)}&x=1`);
    planted.push({ value, where: '/exchange/smtp/oauth2/tokenUrl (query string)' });
  }
  return planted;
}

// ---------------------------------------------------------------------------------------------
// writing YAML

const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~|\.inf|\.nan|-\.inf|[-+]?\.?\d.*|0x.*|0o.*)$/i;

/** Whether a string may be written plain (unquoted) and read back as the same string, in block and flow context. */
function plainSafe(text: string): boolean {
  if (text === '' || text !== text.trim() || RESERVED.test(text)) return false;
  if (!/^[A-Za-z_$(][\w .@/~+=$(){}:#%-]*$/.test(text)) return false;
  if (/[:#][ ]|[ ]#|:$/.test(text)) return false;
  // flow indicators and {} would end a flow collection
  return !/[{},[\]]/.test(text);
}

function doubleQuoted(text: string, rng: Random): string {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code < 0x7f && rng.chance(0.03)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function printable(text: string): boolean {
  return !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text) && !/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
}

export interface Emitter {
  readonly rng: Random;
  readonly steps: string[];
  /** Anchored scalars, for aliases. */
  readonly anchors: string[];
  anchorCount: number;
}

/** A scalar in a form drawn at random among those that read back as the same value. */
function scalar(e: Emitter, value: unknown, indent: string, secret: boolean): string {
  const { rng } = e;
  if (value === null) return rng.pick(['null', '~', '', 'Null']);
  if (typeof value === 'boolean') return rng.chance(0.9) ? String(value) : String(value).toUpperCase();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '.nan';
  const text = String(value);
  const forms: Array<readonly [number, () => string]> = [
    [3, () => doubleQuoted(text, rng)],
    [3, () => singleQuoted(text)],
  ];
  if (plainSafe(text)) forms.push([6, () => text]);
  if (printable(text) && !text.includes('\n') && text !== '' && !/^[ \t]/.test(text) && !/[ \t]$/.test(text)) {
    forms.push([1, () => `>-\n${indent}  ${text}`]);
    forms.push([1, () => `|-\n${indent}  ${text}`]);
    if (plainSafe(text) && text.includes(' ') && !/ {2}/.test(text)) {
      // a plain scalar folded over two lines reads back with one space
      const at = text.indexOf(' ');
      forms.push([1, () => `${text.slice(0, at)}\n${indent}  ${text.slice(at + 1)}`]);
    }
  }
  if (printable(text) && text.includes('\n') && !/^[ \t]/.test(text) && !text.split('\n').some((l) => /^[ \t]/.test(l))) {
    const keep = text.endsWith('\n') ? (text.endsWith('\n\n') ? undefined : '') : '-';
    if (keep !== undefined) forms.push([2, () => `|${keep}\n${text.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : `${indent}  ${l}`)).join('\n')}`]);
  }
  let written = rng.weighted(forms)();
  if (secret && rng.chance(0.05) && /^["']/.test(written)) {
    // a quote never closed: the file does not load, and the secret is read from its text
    written = written.slice(0, -1);
    e.steps.push('secret quote cut');
  }
  if (rng.chance(0.03) && !written.includes('\n')) written = `!!str ${written}`;
  if (rng.chance(0.05) && !written.includes('\n') && !written.startsWith('!')) {
    const name = `a${e.anchorCount++}`;
    e.anchors.push(name);
    written = `&${name} ${written}`;
  }
  if (rng.chance(0.03) && !written.includes('\n')) written += rng.pick(['  # a comment', ' # tmcheck-disable-next-line schema', '\t# tab']);
  return written;
}

function key(e: Emitter, name: string): string {
  if (plainSafe(name) && !name.includes(':') && !name.includes('#') && e.rng.chance(0.9)) return name;
  return e.rng.chance(0.5) ? doubleQuoted(name, e.rng) : singleQuoted(name);
}

/** A value in flow style: `{ a: 1, b: [x, y] }`. */
function flow(e: Emitter, value: unknown): string {
  if (value instanceof SecretText) {
    const text = value.value;
    const written = plainSafe(text) && e.rng.chance(0.4) ? text : e.rng.chance(0.5) ? doubleQuoted(text, e.rng) : singleQuoted(text);
    if (e.rng.chance(0.05) && /^["']/.test(written)) {
      e.steps.push('secret quote cut (in flow)');
      return written.slice(0, -1);
    }
    return written;
  }
  if (Array.isArray(value)) return `[${value.map((v) => flow(e, v)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${key(e, k)}: ${flow(e, v)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') return plainSafe(value) ? value : doubleQuoted(value, e.rng);
  return value === null ? 'null' : String(value);
}

function isSmall(value: unknown): boolean {
  return JSON.stringify(value, (_k, v) => (v instanceof SecretText ? v.value : v))?.length < 200;
}

/** YAML for a value at an indentation, in block style mostly. */
function block(e: Emitter, value: unknown, indent: string): string[] {
  const { rng } = e;
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !(item instanceof SecretText) && !Array.isArray(item) && Object.keys(item).length > 0 && !(rng.chance(0.3) && isSmall(item))) {
        const inner = block(e, item, `${indent}  `);
        lines.push(`${indent}- ${(inner[0] as string).trimStart()}`);
        for (let i = 1; i < inner.length; i++) lines.push(inner[i] as string);
      } else lines.push(`${indent}- ${inline(e, item, `${indent}  `)}`);
    }
    return lines;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const name = key(e, k);
    if (v !== null && typeof v === 'object' && !(v instanceof SecretText) && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0) && !(isSmall(v) && rng.chance(0.25))) {
      const anchor = rng.chance(0.03) ? ` &m${e.anchorCount++}` : '';
      lines.push(`${indent}${name}:${anchor}`);
      // one by one: a list of thousands of items is too many arguments for a spread
      for (const line of block(e, v, Array.isArray(v) && rng.chance(0.5) ? indent : `${indent}  `)) lines.push(line);
    } else {
      lines.push(`${indent}${name}: ${inline(e, v, indent)}`);
    }
  }
  return lines;
}

function inline(e: Emitter, value: unknown, indent: string): string {
  if (value instanceof SecretText) return scalar(e, value.value, indent, true);
  if (value !== null && typeof value === 'object') return flow(e, value);
  return scalar(e, value, indent, false);
}

/** The data written as YAML, each node in a style drawn at random. */
export function toYaml(rng: Random, data: unknown, steps: string[]): string {
  const e: Emitter = { rng, steps, anchors: [], anchorCount: 0 };
  const lines = block(e, data, '');
  const head = rng.weighted<string>([
    [8, ''],
    [1, '---\n'],
    [1, '# yaml-language-server: $schema=../manifest.schema.json\n'],
    [1, '%YAML 1.2\n---\n'],
  ]);
  return `${head}${lines.join('\n')}\n`;
}

/** JSON, indented or not; secrets as the strings they are. */
export function toJson(rng: Random, data: unknown): string {
  return `${JSON.stringify(data, (_k, v) => (v instanceof SecretText ? v.value : v), rng.pick([0, 2, 4, '\t']))}\n`;
}

/** Puts a secret into an example manifest's text, in place of a reference, in a form drawn at random. */
export function plantInText(rng: Random, text: string, steps: string[]): { text: string; secrets: Planted[] } {
  const secrets: Planted[] = [];
  const e: Emitter = { rng, steps, anchors: [], anchorCount: 0 };
  const out = text.replace(/(clientSecret|password): \$\{TM_MAIL_SECRET\}/g, (_m, k: string) => {
    if (!rng.chance(0.6)) return _m;
    const value = secretValue(rng);
    secrets.push({ value, where: `${k} in an example` });
    return `${k}: ${scalar(e, value, '      ', true)}`;
  });
  return { text: out, secrets };
}
