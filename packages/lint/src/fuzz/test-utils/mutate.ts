/**
 * Mutations of a manifest's text and bytes, by class: structure (lines deleted, duplicated, moved,
 * re-indented, tabs, documents split), YAML features (anchors, aliases, alias bombs and chains, merge
 * keys, tags, directives, deep nesting, `__proto__` keys, complex keys), size (thousands of findings,
 * 100,000-character lines built to make regular expressions backtrack), encoding (UTF-8 with BOM,
 * UTF-16 with and without BOM, Latin-1, line ends) and bytes (flipped, inserted, cut, binary junk).
 * Each records what it did, for the report of a failure.
 */
import type { Random } from './random.js';

export interface TextCase {
  text: string;
  readonly steps: string[];
  /**
   * `full` (pnpm test:fuzz): lines of up to 100,000 characters, nesting 100,000 deep, 16,000 findings,
   * files of megabytes. `small` (the normal suite): the same shapes, a tenth to a hundredth the size.
   */
  readonly scale: Scale;
}

export type Scale = 'small' | 'full';

/** A size up to `full` in the full campaign, up to `small` in the normal suite. */
function upTo(rng: Random, scale: Scale, lo: number, small: number, full: number): number {
  return rng.size(lo, scale === 'full' ? full : small);
}

function lines(text: string): string[] {
  return text.split('\n');
}

function lineIndex(rng: Random, list: readonly string[]): number {
  return rng.int(Math.max(1, list.length));
}

/** Lines a hand-edited manifest may hold by mistake, or an attacker on purpose. */
const HOSTILE_LINES = [
  'schemaVersion: 1',
  'schemaVersion: 2',
  '  tokenUrl: https://login.microsoftonline.com/common/oauth2/v2.0/token',
  'installation: { name: "MV \\u0085Star", kind: vessel }',
  '\tname: tabbed',
  '  \t  mixed: tabs',
  '__proto__: { polluted: true }',
  'constructor: { prototype: { polluted: true } }',
  'prototype: 1',
  '<<: { __proto__: { polluted: true } }',
  '? complex key',
  ': complex value',
  '? [a, b]\n: c',
  '- orphan item',
  'key: [unclosed',
  'key: {unclosed: 1',
  'key: "unclosed',
  "key: 'unclosed",
  'key: value: with colon',
  'key: *undefinedAlias',
  'key: &anchorOnly',
  'key: !unknownTag value',
  'key: !<tag:example.com,2024:x> value',
  'key: !!binary aGVsbG8=',
  'key: !!timestamp 2027-09-30',
  'key: !!set { a, b }',
  'key: !!omap [ a: 1 ]',
  'key: |\n  block\n   more\n',
  'key: >2-\n   folded\n',
  'key: |9\n  x',
  '%TAG ! tag:example.com,2024:',
  '%YAML 1.1',
  '%FOO bar',
  '---',
  '...',
  '--- !tagged',
  '--- |\n  a document that is a block scalar',
  '# tmcheck-disable schema, oauth2/scope -- a reason',
  '# tmcheck-disable-next-line',
  '# tmcheck-disable-next-line unknown/rule',
  '# tmcheck-disable-next-line schema -- \u0085forged\nline',
  'password: ${TM_MAIL_SECRET',
  'clientSecret: $TM_MAIL_SECRET',
  'clientSecret: "${{ secrets.X }}"',
  'key: "\\xZZ bad escape"',
  'key: "\\u12 short escape"',
  '\u00a0nbsp: key',
  '\ufeffbom: in the middle',
  'smtpServer: https://user:pass@graph.microsoft.com/v1.0/users/{0}/sendMail?x=1#frag',
  'key: 1e9999',
  'key: 0x1F',
  'key: 0o777',
  'key: .inf',
  'key: -.nan',
  'key: 2027-09-30T10:00:00Z',
  '"quoted key": 1',
  "'single': 2",
  '"\\u0000": nul key',
  'a: &a [*a]',
  'key: [a, b,]',
  'key: {a: 1,, b: 2}',
];

/** A line of 1,000 to 100,000 characters, each built to make a careless regular expression backtrack. */
function longLine(rng: Random, scale: Scale): string {
  // now and then a line of a megabyte: a pattern that is quadratic there takes minutes, far over any budget
  const n = scale === 'full' && rng.chance(0.05) ? rng.range(100_000, 1_000_000) : upTo(rng, scale, 200, 3000, 100_000);
  const unit = rng.pick([
    '\t',
    ' ',
    '- ',
    '\t-',
    '\t#tmcheck-disable-next-line',
    ' # tmcheck-disable ',
    '<<:[',
    'a:',
    ': ',
    '"',
    "'",
    '\\',
    '!',
    '&',
    '*a',
    '#',
    ' #',
    'x',
    '~',
    '${',
    '{',
    '[',
    '%',
    '@a.',
    'a.',
    '-a',
    'ab',
    '\u0085',
    'https://a',
    '?x=',
  ]);
  const body = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const prefix = rng.pick(['', 'key: ', 'clientSecret: ', 'password: ', '# ', '  - ', 'name: "', "name: '", 'tokenUrl: https://login.microsoftonline.com/', 'x: |\n  ']);
  const suffix = rng.pick(['', '\u000b', 'x', ':', '\u0000', '"', ' #c', '!', '\t']);
  return `${prefix}${body}${suffix}`;
}

/** Nesting 100 to 100,000 levels deep, in flow style (a block nesting that deep would be gigabytes). */
function deepNesting(rng: Random, scale: Scale): string {
  const n = upTo(rng, scale, 50, 1000, 100_000);
  const kind = rng.pick(['[', '{a: ', '- ', 'block']);
  if (kind === '[') return `deep: ${'['.repeat(n)}${rng.chance(0.5) ? ']'.repeat(n) : ''}`;
  if (kind === '{a: ') return `deep: ${'{a: '.repeat(n)}1${rng.chance(0.5) ? '}'.repeat(n) : ''}`;
  if (kind === '- ') return `deep:\n  ${'- '.repeat(Math.min(n, 20_000))}x`;
  const depth = Math.min(n, 2000);
  const out: string[] = ['deep:'];
  for (let i = 1; i <= depth; i++) out.push(`${' '.repeat(i)}a${i}:`);
  return out.join('\n');
}

/** An alias bomb (billion laughs), a chain of aliases, or a chain of merges. */
function aliases(rng: Random, scale: Scale): string {
  const kind = rng.pick(['bomb', 'chain', 'merge', 'mergeList', 'cycle']);
  if (kind === 'bomb') {
    const width = rng.range(2, 10);
    const out = ['bomb0: &b0 [lol]'];
    for (let i = 1; i <= rng.range(3, 12); i++) out.push(`bomb${i}: &b${i} [${Array.from({ length: width }, () => `*b${i - 1}`).join(', ')}]`);
    return out.join('\n');
  }
  if (kind === 'chain') {
    const n = upTo(rng, scale, 10, 800, 8000);
    const out = ['chain0: &c0 x'];
    for (let i = 1; i < n; i++) out.push(`chain${i}: &c${i} [*c${i - 1}]`);
    return out.join('\n');
  }
  if (kind === 'merge') {
    const n = upTo(rng, scale, 10, 500, 5000);
    const out = ['merge0: &m0 { k0: 0 }'];
    for (let i = 1; i < n; i++) out.push(`merge${i}: &m${i} { <<: *m${i - 1}, k${i}: ${i} }`);
    return out.join('\n');
  }
  if (kind === 'mergeList') {
    const n = upTo(rng, scale, 2, 200, 2000);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(`s${i}: &s${i} { k${i}: ${i} }`);
    out.push(`merged: { <<: [${Array.from({ length: n }, (_v, i) => `*s${i}`).join(', ')}] }`);
    return out.join('\n');
  }
  return 'cycle: &cy { self: *cy }';
}

/** Thousands of findings: unknown keys, bad list items, secrets in plain text. */
function manyFindings(rng: Random, scale: Scale): string {
  const n = upTo(rng, scale, 50, 600, 16_000);
  const kind = rng.pick(['keys', 'permissions', 'passwords', 'clientSecrets', 'mailboxes']);
  const out: string[] = [];
  if (kind === 'keys') for (let i = 0; i < n; i++) out.push(`unknown${i}: ${i}`);
  else if (kind === 'permissions') {
    out.push('azurePermissions:');
    for (let i = 0; i < n; i++) out.push(`  - { api: Bogus ${i}, name: X.${i}, type: Delegated, adminConsent: no }`);
  } else if (kind === 'passwords') {
    out.push('passwords:');
    for (let i = 0; i < n; i++) out.push(`  - password: plain${i}`);
  } else if (kind === 'clientSecrets') {
    out.push('clientSecretsExtra:');
    for (let i = 0; i < n; i++) out.push(`  - { description: s${i}, expires: 2020-01-01, secretId: not-a-guid-${i} }`);
  } else {
    out.push('mailboxes:');
    for (let i = 0; i < n; i++) out.push(`  - { mailbox: m${i}, accessRights: [ReadOnly] }`);
  }
  return out.join('\n');
}

const CONTROL_CHARS = ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u009d', '\u2028', '\u2029', '\u202e', '\u2066', '\u200f', '\ufeff', '\ud800', '\udfff', '\r', '\t'];

/** One structural or YAML-feature mutation of the text. */
export function mutateText(rng: Random, c: TextCase): void {
  // a file grows to a little over the size limit (4 MB), no further
  const most = c.scale === 'full' ? 3_000_000 : 60_000;
  if (c.text.length > most) {
    c.text = c.text.slice(0, rng.range(most, Math.floor(most * 1.5)));
    c.steps.push('cut to a few megabytes');
    return;
  }
  const list = lines(c.text);
  const at = lineIndex(rng, list);
  const op = rng.weighted<string>([
    [4, 'delete'],
    [4, 'duplicate'],
    [2, 'swap'],
    [3, 'indent'],
    [2, 'tabs'],
    [2, 'split'],
    [2, 'join'],
    [6, 'hostile'],
    [1, 'truncate'],
    [2, 'marker'],
    [c.scale === 'full' ? 1 : 0.4, 'documents'],
    [2, 'directive'],
    [c.scale === 'full' ? 1 : 0.4, 'long'],
    [c.scale === 'full' ? 1 : 0.3, 'deep'],
    [c.scale === 'full' ? 2 : 0.8, 'aliases'],
    [c.scale === 'full' ? 1 : 0.3, 'many'],
    [3, 'controls'],
    [1, 'lineEnds'],
    [1, 'anchorize'],
  ]);
  switch (op) {
    case 'delete':
      list.splice(at, 1);
      break;
    case 'duplicate':
      list.splice(at, 0, list[at] ?? '');
      break;
    case 'swap': {
      const other = lineIndex(rng, list);
      [list[at], list[other]] = [list[other] ?? '', list[at] ?? ''];
      break;
    }
    case 'indent': {
      const line = list[at] ?? '';
      list[at] = rng.chance(0.5) ? `${' '.repeat(rng.range(1, 3))}${line}` : line.replace(/^ {1,2}/, '');
      break;
    }
    case 'tabs':
      list[at] = (list[at] ?? '').replace(/^( +)/, (s) => (rng.chance(0.5) ? '\t'.repeat(Math.max(1, s.length >> 1)) : `\t${s.slice(1)}`));
      break;
    case 'split': {
      const line = list[at] ?? '';
      const pos = rng.int(line.length + 1);
      list.splice(at, 1, line.slice(0, pos), line.slice(pos));
      break;
    }
    case 'join':
      list.splice(at, 2, `${list[at] ?? ''}${rng.pick(['', ' '])}${(list[at + 1] ?? '').trimStart()}`);
      break;
    case 'hostile': {
      const line = rng.pick(HOSTILE_LINES);
      const indent = /^[ \t]*/.exec(list[at] ?? '')?.[0] ?? '';
      list.splice(at, 0, rng.chance(0.6) ? `${indent}${line.replace(/\n/g, `\n${indent}`)}` : line);
      break;
    }
    case 'truncate':
      c.text = c.text.slice(0, rng.int(c.text.length + 1));
      c.steps.push(`text truncated to ${c.text.length} characters`);
      return;
    case 'marker':
      list.splice(at, 0, rng.pick(['---', '...', '--- # x', '---\t', '... # end', '--- >', '---x']));
      break;
    case 'documents': {
      const n = Math.min(upTo(rng, c.scale, 2, 6, 300), Math.max(2, Math.floor((c.scale === 'full' ? 2_000_000 : 100_000) / Math.max(1, c.text.length))));
      c.text = Array.from({ length: n }, () => c.text).join(rng.pick(['---\n', '\n---\n', '...\n---\n']));
      c.steps.push(`${n} documents`);
      return;
    }
    case 'directive': {
      const rules = ['schema', 'parse', 'oauth2/scope', 'unused-disable', 'nope/nope', 'oauth2/secret-plaintext', '', '*'];
      const ids = Array.from({ length: rng.range(0, 3) }, () => rng.pick(rules)).join(rng.pick([', ', ' ', ',']));
      const reason = rng.chance(0.5) ? ` -- ${rng.pick(['reason', 'a | pipe', '<b>x</b>', 'line\u0085break', '\u202eevil', '::error::x'])}` : '';
      list.splice(at, 0, `${rng.pick(['', '  ', '\t'])}# ${rng.pick(['tmcheck-disable-next-line', 'tmcheck-disable'])} ${ids}${reason}`);
      break;
    }
    case 'long':
      list.splice(at, 0, longLine(rng, c.scale));
      c.steps.push('a long line');
      break;
    case 'deep':
      list.splice(at, 0, deepNesting(rng, c.scale));
      c.steps.push('deep nesting');
      break;
    case 'aliases':
      list.splice(rng.chance(0.5) ? list.length : at, 0, aliases(rng, c.scale));
      c.steps.push('aliases');
      break;
    case 'many':
      list.splice(rng.chance(0.7) ? list.length : at, 0, manyFindings(rng, c.scale));
      c.steps.push('many findings');
      break;
    case 'controls': {
      const line = list[at] ?? '';
      const pos = rng.int(line.length + 1);
      list[at] = `${line.slice(0, pos)}${rng.pick(CONTROL_CHARS)}${line.slice(pos)}`;
      break;
    }
    case 'lineEnds': {
      const eol = rng.pick(['\r\n', '\r', '\u0085', '\u2028']);
      c.text = rng.chance(0.5) ? list.join(eol) : list.map((l, i) => (i % 2 === 0 ? `${l}${eol}` : `${l}\n`)).join('');
      c.steps.push(`line ends ${JSON.stringify(eol)}`);
      return;
    }
    case 'anchorize': {
      // an alias to a value written earlier, in place of another value
      const m = /^([ \t]*(?:- )?[\w"']+:[ \t]+)(\S.*)$/.exec(list[at] ?? '');
      const later = lineIndex(rng, list);
      const n = /^([ \t]*(?:- )?[\w"']+:[ \t]+)(\S.*)$/.exec(list[later] ?? '');
      if (m && n && later > at) {
        list[at] = `${m[1]}&x${at} ${m[2]}`;
        list[later] = `${n[1]}*x${at}`;
      }
      break;
    }
  }
  c.steps.push(op);
  c.text = list.join('\n');
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'utf-16be' | 'latin-1' | 'png' | 'junk';

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (!bigEndian) return le;
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i] as number;
    le[i] = le[i + 1] as number;
    le[i + 1] = a;
  }
  return le;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** The text's bytes in an encoding drawn at random (UTF-8 most often). */
export function encode(rng: Random, text: string, steps: string[], scale: Scale = 'full'): Uint8Array {
  const encoding = rng.weighted<Encoding>([
    [40, 'utf-8'],
    [3, 'utf-8-bom'],
    [3, 'utf-16le-bom'],
    [1, 'utf-16be-bom'],
    [1, 'utf-16le'],
    [1, 'utf-16be'],
    [2, 'latin-1'],
    [1, 'png'],
    [1, 'junk'],
  ]);
  if (encoding !== 'utf-8') steps.push(`encoded ${encoding}`);
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(text, false)]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(text, true)]);
    case 'utf-16le':
      return utf16(text, false);
    case 'utf-16be':
      return utf16(text, true);
    case 'latin-1':
      return Buffer.from(text.replace(/[^\u0000-\u00ff]/g, 'é'), 'latin1');
    case 'png':
      return Buffer.concat([PNG, Buffer.from(text, 'utf8')]);
    default: {
      const junk = Buffer.alloc(upTo(rng, scale, 1, 2000, 20_000));
      for (let i = 0; i < junk.length; i++) junk[i] = rng.int(256);
      return junk;
    }
  }
}

/** One mutation of the bytes: a bit flipped, bytes inserted, removed, repeated or cut. */
export function mutateBytes(rng: Random, bytes: Uint8Array, steps: string[]): Uint8Array {
  const b = Buffer.from(bytes);
  const at = rng.int(b.length + 1);
  const op = rng.pick(['flip', 'set', 'insert', 'delete', 'repeat', 'cut']);
  steps.push(`bytes ${op} at ${at}`);
  switch (op) {
    case 'flip':
      if (at < b.length) b[at] = (b[at] as number) ^ (1 << rng.int(8));
      return b;
    case 'set':
      if (at < b.length) b[at] = rng.pick([0x00, 0xff, 0xfe, 0xc0, 0x80, 0xc2, 0xe2, 0x0d, 0x0a, 0x09, 0x22, 0x27, 0x3a, 0x23, 0x7f]);
      return b;
    case 'insert': {
      const extra = Buffer.from(rng.pick([[0x00], [0xff, 0xfe], [0xef, 0xbb, 0xbf], [0xc2, 0x85], [0xc2, 0x9b], [0xe2, 0x80, 0xa8], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x0d], [0x80]]));
      return Buffer.concat([b.subarray(0, at), extra, b.subarray(at)]);
    }
    case 'delete':
      return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + rng.size(1, 64)))]);
    case 'repeat': {
      const len = rng.size(1, 256);
      const chunk = b.subarray(at, at + len);
      return Buffer.concat([b.subarray(0, at), chunk, chunk, b.subarray(at)]);
    }
    default:
      return b.subarray(0, at);
  }
}
