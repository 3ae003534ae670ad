/**
 * Hostile files, each with the message a user sees: what an attacker (or an accident: Notepad, an
 * e-mail attachment, a file renamed) puts in a manifest. Each is linted in bounded time, ends in one
 * finding that says what is wrong and what to do, and leaves the process as it was (no prototype
 * polluted). Time limits here only catch a hang (minutes), never a slow machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../engine/config.js';
import type { DocumentResult } from '../finding.js';
import { fixDiff, fixUntilStable } from '../fix/index.js';
import { FORMATTERS } from '../formatters/index.js';
import { DEFAULT_LIMITS } from '../load/parse-documents.js';
import { RULES } from '../rules/index.js';
import { fuzzLinter } from './test-utils/campaign.js';

const linter = fuzzLinter();
const BASE = 'schemaVersion: 1\ninstallation:\n  name: MV Nordic Star\n  kind: vessel\n';
/**
 * A hundred times what each of these takes here (50 ms or less), far below what the patterns they
 * replaced took on the same input (10 s to 2 minutes).
 */
const HANG = 5000;

function lint(bytes: Uint8Array | string, filePath = 'fleet/hostile.yaml', json = false): { results: readonly DocumentResult[]; ms: number } {
  const start = performance.now();
  const results = linter.lintBytes(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, { filePath, json });
  return { results, ms: performance.now() - start };
}

/** The findings as a user reads them: `rule/messageId line:column message`. */
function shown(results: readonly DocumentResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${m.ruleId}/${m.messageId} ${m.line}:${m.column} ${m.message}`));
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (bigEndian) body.swap16();
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
}

describe('aliases', () => {
  it('an alias bomb (billion laughs) is one finding at the alias limit, not gigabytes', () => {
    let bomb = `${BASE}l0: &l0 [lol]\n`;
    for (let i = 1; i < 10; i++) bomb += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    const { results, ms } = lint(bomb);
    expect(shown(results)).toEqual([
      `parse/aliases 1:1 aliases expand this document to more than ${DEFAULT_LIMITS.maxExpandedNodes} nodes: a manifest needs no more than a few hundred; remove the nested aliases (*name) and merges (<<)`,
    ]);
    expect(ms).toBeLessThan(HANG);
  });

  it('a chain of 5,000 aliases, each referring to the one before, overflows no stack', () => {
    let chain = `${BASE}a0: &a0 x\n`;
    for (let i = 1; i < 5000; i++) chain += `a${i}: &a${i} [*a${i - 1}]\n`;
    const { results } = lint(chain);
    expect(shown(results)).toEqual([expect.stringContaining('parse/aliases 1:1 aliases expand this document')]);
  });

  it('a chain of 5,000 merges is stopped at the limit too', () => {
    let chain = `${BASE}m0: &m0 { k0: 0 }\n`;
    for (let i = 1; i < 5000; i++) chain += `m${i}: &m${i} { <<: *m${i - 1}, k${i}: ${i} }\n`;
    const { results, ms } = lint(chain);
    expect(results[0]?.messages[0]).toMatchObject({ ruleId: 'parse', messageId: 'aliases' });
    expect(ms).toBeLessThan(HANG);
  });
});

describe('nesting', () => {
  it('100,000 levels of [ in YAML: one finding where the nesting goes too deep', () => {
    const { results } = lint(`${BASE}deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(shown(results)).toEqual(['parse/tooDeep 5:70 YAML syntax error: the document nests deeper than a manifest ever does: remove the extra levels']);
  });

  it('100,000 levels of [ in JSON: the same', () => {
    const { results } = lint(`{"schemaVersion": 1, "deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'fleet/deep.json', true);
    expect(shown(results)).toEqual([expect.stringMatching(/^parse\/(?:tooDeep|json) 1:\d+ /)]);
  });

  it('1,000 levels of block mappings: the same', () => {
    const { results } = lint(`${BASE}${Array.from({ length: 1000 }, (_v, i) => `${' '.repeat(i)}a${i}:`).join('\n')} x\n`);
    expect(results[0]?.messages.map((m) => `${m.ruleId}/${m.messageId}`)).toEqual(['parse/tooDeep']);
  });
});

describe('files that are not manifests', () => {
  it('a file over the size limit is one finding, and is not parsed', () => {
    const { results } = lint(Buffer.alloc(DEFAULT_LIMITS.maxBytes + 1, 0x61));
    expect(shown(results)).toEqual([
      `parse/tooLarge 1:1 the file is ${DEFAULT_LIMITS.maxBytes + 1} bytes, over the limit of ${DEFAULT_LIMITS.maxBytes} bytes: a manifest is a few kilobytes; split a fleet into one file per installation`,
    ]);
  });

  it('binary junk', () => {
    const junk = Buffer.from(Array.from({ length: 5000 }, (_v, i) => (i * 7919 + 13) % 256));
    expect(shown(lint(junk).results)).toEqual(['parse/encoding 1:1 the file holds NUL bytes: it is a binary file, not a YAML or JSON manifest']);
  });

  it('a PNG image renamed .yaml, a ZIP (an Excel file) renamed .json', () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), Buffer.alloc(64, 7)]);
    expect(shown(lint(png, 'fleet/photo.yaml').results)).toEqual([
      'parse/encoding 1:1 the file is a PNG image, not a YAML or JSON manifest (a file renamed .yaml or .json?): name the manifest itself',
    ]);
    const zip = Buffer.concat([Buffer.from('504b0304140006000800', 'hex'), Buffer.from('[Content_Types].xml')]);
    expect(shown(lint(zip, 'fleet/fleet.json', true).results)).toEqual([
      'parse/encoding 1:1 the file is a ZIP archive (an Excel or Word file is one), not a YAML or JSON manifest (a file renamed .yaml or .json?): name the manifest itself',
    ]);
  });

  it('NUL bytes in a text file', () => {
    expect(shown(lint(`${BASE}x: a\u0000b\n`).results)).toEqual(['parse/encoding 1:1 the file holds NUL bytes: it is a binary file, not a YAML or JSON manifest']);
  });
});

describe('encodings', () => {
  const withTab = `${BASE}database:\n  version: 664\n  versi0n: 665\n`;

  it('UTF-16 with a byte order mark, either byte order (what Notepad writes), is read with its positions', () => {
    for (const bigEndian of [false, true]) {
      const { results } = lint(utf16(withTab, bigEndian, true));
      expect(results[0]?.messages.find((m) => m.pointer === '/database/versi0n')).toMatchObject({ ruleId: 'schema', line: 7, column: 3 });
    }
  });

  it('UTF-16 without a byte order mark: named, and what to do', () => {
    expect(shown(lint(utf16(withTab, false, false)).results)).toEqual(['parse/encoding 1:1 the file looks like UTF-16 without a byte order mark: save it as UTF-8 (or UTF-16 with BOM)']);
    expect(shown(lint(utf16(withTab, true, false)).results)).toEqual(['parse/encoding 1:1 the file looks like UTF-16 without a byte order mark: save it as UTF-8 (or UTF-16 with BOM)']);
  });

  it('UTF-32: named, and what to do', () => {
    const body = Buffer.alloc(BASE.length * 4);
    for (let i = 0; i < BASE.length; i++) body.writeUInt32LE(BASE.charCodeAt(i), i * 4);
    expect(shown(lint(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), body])).results)).toEqual(['parse/encoding 1:1 the file is UTF-32 text: save it as UTF-8 (or UTF-16 with a byte order mark)']);
  });

  it('Latin-1 (a Windows code page): named, and how to save it as UTF-8', () => {
    expect(shown(lint(Buffer.from(BASE.replace('Nordic', 'Nørdic Søn'), 'latin1')).results)).toEqual([
      'parse/encoding 1:1 the file is not UTF-8 (nor UTF-16 with a byte order mark): save it as UTF-8, for example with "Save as > Encoding: UTF-8" in Notepad',
    ]);
  });
});

describe('structure', () => {
  it('a tab for indentation, and tabs mixed with spaces', () => {
    expect(shown(lint(`${BASE}mailSettings:\n\tsmtpServer: x\n`).results)).toEqual(['parse/tabs 6:1 YAML syntax error: a line is indented with a tab character: indent with spaces only']);
    expect(shown(lint(`${BASE}mailSettings:\n  \tsmtpServer: x\n`).results)[0]).toMatch(/^parse\/(?:tabs|indentation) 6:/);
  });

  it('a duplicate key is a finding: which value TM Master would take cannot be known', () => {
    expect(shown(lint(`${BASE}database:\n  version: 664\n  version: 665\n`).results)).toEqual([
      'parse/duplicateKey 7:3 YAML syntax error: version appears twice in the same section, and which of the two values TM Master would take cannot be known: keep one of them',
    ]);
    expect(shown(lint(`${BASE}installation:\n  name: Other\n`).results)[0]).toMatch(/^parse\/duplicateKey 5:1 YAML syntax error: installation appears twice/);
  });

  it('__proto__, constructor and prototype keys are unknown properties, and pollute no prototype', () => {
    const text = `${BASE}__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nprototype: 1\nmailSettings:\n  __proto__: { isAdmin: true }\n  <<: { __proto__: { viaMerge: true } }\n  smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail\n  smtpEnableSsl: false\n`;
    const { results } = lint(text);
    const unknown = results[0]?.messages.filter((m) => m.messageId === 'unknownProperty').map((m) => m.pointer);
    expect(unknown).toEqual(expect.arrayContaining(['/__proto__', '/constructor', '/prototype', '/mailSettings/__proto__']));
    // every output, and a fix, over the same text
    for (const format of Object.values(FORMATTERS)) format(results, { color: false, toolName: 'tmcheck', toolVersion: '0', rules: RULES });
    fixUntilStable(text, (t) => linter.lintText(t, { filePath: 'fleet/hostile.yaml', json: false }));
    const probe: Record<string, unknown> = {};
    for (const key of ['polluted', 'isAdmin', 'viaMerge']) {
      expect(probe[key], key).toBeUndefined();
      expect(Object.hasOwn(Object.prototype, key), key).toBe(false);
    }
  });
});

describe('100,000-character lines', () => {
  // every path that reads a line with patterns: the loader's error messages, the text of a document that
  // does not load (its secrets), inline exceptions, the --fix-dry-run diff's masking
  const long = (unit: string): string => unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['a plain value', `${BASE}x: ${long('a')}\n`],
    ['a key', `${BASE}${long('k')}: 1\n`],
    ['tabs after an inline exception', `${BASE}# tmcheck-disable schema${long('\t')}x\n`],
    ['inline exceptions repeated', `${BASE}h${long(' #tmcheck-disable-next-line')}\n`],
    ['thousands of next-line exceptions in a row', `${BASE}${'# tmcheck-disable-next-line schema\n'.repeat(30_000)}x: 1\n`],
    ['dashes and tabs before a key', `${BASE}-${long('\t-')}\\'${long('\t')}#':":\n`],
    ['a secret key with tags', `${BASE}clientSecret: ${long('!')}\u000b!\n`],
    ['a comment after tabs', `${BASE}clientSecret: x${long('\t')}\u0000\t#\n`],
    ['merge keys in a broken line', `${BASE}x: ${long('<<:[')}]\n  : bad\n`],
    ['a quote never closed', `${BASE}password: "${long('a')}\n`],
    ['a colon in a value', `${BASE}name: a: ${long('\t')}':\t":\t"\n`],
    ['a flow mapping never closed', `${BASE}oauth2: {clientSecret: ${long('[')}\n`],
    ['a block of secrets that does not load', `${BASE}password: |\n  ${long('x')}\n\tbad: tab\n`],
    ['a password of almost four megabytes (the scrub keeps its beginning)', `${BASE}mailSettings:\n  basicAuth:\n    password: "${'Zq9~'.repeat(950_000)}"\n`],
  ];
  for (const [name, text] of cases) {
    it(`${name}: linted, fixed and diffed in bounded time`, () => {
      const start = performance.now();
      const results = linter.lintText(text, { filePath: 'fleet/long.yaml', json: false });
      const run = fixUntilStable(text, (t) => linter.lintText(t, { filePath: 'fleet/long.yaml', json: false }), { initial: results });
      fixDiff('fleet/long.yaml', text, `${text}# changed\n`);
      expect(results.length).toBeGreaterThan(0);
      expect(run.remaining.length).toBeGreaterThan(0);
      expect(performance.now() - start).toBeLessThan(HANG);
    });
  }
});

describe('config files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tmcheck-hostile-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('a FIFO named tmcheck.config.yaml is refused at once, not waited on for ever', () => {
    const fifo = join(dir, 'tmcheck.config.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(() => readConfigFile(fifo)).toThrow(`the config file ${fifo} is not a file (a FIFO or a device): name a tmcheck.config.json or .yaml file`);
  });

  it('a link to /dev/zero, and a file of megabytes, are refused without reading them', () => {
    const zero = join(dir, 'zero.json');
    symlinkSync('/dev/zero', zero);
    expect(() => readConfigFile(zero)).toThrow('is not a file');
    const big = file('big.json', `{"rules": {}, "x": "${'a'.repeat(2 * 1024 * 1024)}"}`);
    expect(() => readConfigFile(big)).toThrow(/is 2097\d+ bytes, over the limit of 1048576 bytes: a config file is a few hundred bytes/);
  });

  it('an alias bomb, and nesting 100,000 deep, are refused before the validator walks them', () => {
    let bomb = 'l0: &l0 [lol]\n';
    for (let i = 1; i < 10; i++) bomb += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    const start = performance.now();
    expect(() => readConfigFile(file('bomb.yaml', `rules: {}\n${bomb}`))).toThrow(/is not valid JSON\/YAML: aliases expand it to more than 20000 nodes: a config file needs none/);
    expect(() => readConfigFile(file('deep.yaml', `rules: ${'['.repeat(100_000)}`))).toThrow(/is not valid JSON\/YAML/);
    expect(performance.now() - start).toBeLessThan(HANG);
  });
});
