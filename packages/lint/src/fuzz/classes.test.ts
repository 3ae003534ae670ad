/**
 * What the fuzzing campaign of issue 12 found, one class per describe, each reproduced: crashes, time
 * that grows faster than the file, positions outside the text, secrets in output, raw control
 * characters. The fuzzer (fuzz.test.ts) keeps each class from coming back in another shape; these pin
 * the shapes found. (Memory and file names that are not UTF-8 are the CLI's: apps/cli/src/hostile.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { summarize, type DocumentResult, type Finding } from '../finding.js';
import { FORMATTERS, summaryLine } from '../formatters/index.js';
import { expandedSize } from '../load/parse-documents.js';
import { RULES } from '../rules/index.js';
import { FORMATS, fuzzLinter } from './test-utils/campaign.js';
import { checkFindings, checkInput, type Violation } from './test-utils/oracle.js';

const linter = fuzzLinter();
const BASE = 'schemaVersion: 1\ninstallation:\n  name: MV Nordic Star\n  kind: vessel\n';
/** Only a hang fails it: the campaign measured minutes for these, they take well under a second now. */
const HANG = 30_000;
const EVERY_OUTPUT = { formats: FORMATS, fix: true, grant: true, strict: true } as const;

function check(text: string | Uint8Array, secrets: readonly string[], filePath = 'fleet/nordic-star.yaml', json = false): Violation[] {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return checkInput(linter, { bytes, filePath, json, secrets: secrets.map((value) => ({ value, where: 'planted' })), steps: [] }, EVERY_OUTPUT).violations;
}

describe('1. crashes', () => {
  it('sizes a chain of 100,000 aliases without recursion', () => {
    let node: unknown = 'x';
    for (let i = 0; i < 100_000; i++) node = [node];
    expect(expandedSize(node, 20_000)).toBe(20_001);
    const shared = [1, 2, 3];
    let wide: unknown = shared;
    for (let i = 0; i < 30; i++) wide = [wide, wide];
    expect(expandedSize(wide, 1_000_000)).toBe(1_000_001);
  });

  it('fixes a file one of whose documents nests 100,000 deep (the parser of the fix writer overflowed the stack, or aborted the process)', () => {
    const text = `${BASE}exchange:\n  smtp:\n    timeoutSeconds: 5\n---\n ${'- '.repeat(100_000)}x\n`;
    const violations = check(text, []);
    expect(violations.filter((v) => v.kind === 'crash')).toEqual([]);
  });

  it('lints one document with 200,000 findings and an inline exception (the exceptions spread every finding as arguments and overflowed the stack)', () => {
    const keys = Array.from({ length: 200_000 }, (_v, i) => `unknownKey${i}: 1`).join('\n');
    const [result] = linter.lintText(`${BASE}# tmcheck-disable-next-line schema -- kept for the migration\n${keys}\n`, { filePath: 'big.yaml', json: false });
    expect(result?.messages.filter((m) => m.internal)).toEqual([]);
    expect(result?.messages.filter((m) => m.suppressed)).toHaveLength(1);
    // the first 999 and one that counts the rest, beside the one silenced
    const shown = result?.messages.filter((m) => !m.suppressed) ?? [];
    expect(shown).toHaveLength(1000);
    expect(shown.at(-1)?.messageId).toBe('andMore');
  });

  it('formats 180,000 findings in every format (the stylish one overflowed the stack)', () => {
    const finding = (i: number): Finding => ({ ruleId: 'schema', messageId: 'unknownProperty', severity: 'error', message: `unknown property ${i}`, pointer: `/k${i}`, line: i + 1, column: 1, endLine: i + 1, endColumn: 5 });
    const results: DocumentResult[] = [];
    for (let d = 0; d < 180; d++) results.push(summarize({ filePath: `fleet/m${d % 3}.yaml`, document: d, installation: `MV ${d}` }, Array.from({ length: 1000 }, (_v, i) => finding(i))));
    for (const name of FORMATS) {
      const out = (FORMATTERS[name] as (typeof FORMATTERS)[string])(results, { color: true, toolName: 'tmcheck', toolVersion: '0', rules: RULES, cwd: '/srv' });
      expect(out.length, name).toBeGreaterThan(180_000);
    }
    expect(summaryLine(results, { files: 3, skipped: 0, color: false })).toBe('✖ 180000 problems (180000 errors, 0 warnings, 0 infos) in 3 files (180 installations)\n');
  });
});

describe('2. time that grows faster than the file', () => {
  const cases: ReadonlyArray<readonly [string, (n: number) => string]> = [
    ['unknown top-level keys', (n) => Array.from({ length: n }, (_v, i) => `unknown${i}: ${i}`).join('\n')],
    ['bad permission items', (n) => `azure:\n  permissions:\n${Array.from({ length: n }, (_v, i) => `    - { api: Bogus ${i}, name: X.${i}, type: Delegated, adminConsent: no }`).join('\n')}`],
    ['password entries', (n) => `mailSettings:\n  basicAuth:\n${Array.from({ length: n }, (_v, i) => `    password${i}: plain-${i}-Sommer`).join('\n')}`],
  ];
  for (const [name, body] of cases) {
    it(`16,000 ${name}: the first 1000 findings and one that counts the rest, in linear time`, () => {
      const start = performance.now();
      const [result] = linter.lintText(`${BASE}${body(16_000)}\n`, { filePath: 'fleet/many.yaml', json: false });
      expect(performance.now() - start).toBeLessThan(HANG);
      expect(result?.messages).toHaveLength(1001);
      const last = result?.messages[1000];
      expect(last).toMatchObject({ messageId: 'andMore' });
      expect(last?.message).toMatch(/^and \d+ more findings in this document/);
    });
  }
});

describe('3. positions outside the text', () => {
  const texts = ['', '---', '---\n', '...', '--- ', '---\n---\n', '\n\n', '#', 'a', ':', '- ', '{', '"', '\ufeff', '\ufeff---', '\r', '\r\n---\r\n', 'x: |', '%YAML 1.2', '%YAML 1.2\n---', '\t', ' ', '? ', '&a', '*a', '!', 'key: "unclosed', 'a: 1\n\u0085b: 2', 'a:\n  - b\n c', '[1, 2', 'x: !!binary', '--- |\n  text'];
  for (const text of texts) {
    it(`${JSON.stringify(text)}: every finding within the text`, () => {
      for (const json of [false, true]) {
        const violations: Violation[] = [];
        checkFindings({ bytes: Buffer.from(text, 'utf8') }, linter.lintText(text, { filePath: json ? 'x.json' : 'x.yaml', json }), violations);
        expect(violations).toEqual([]);
      }
    });
  }
});

describe('4. secrets printed', () => {
  const SECRET = 'Sommer 2024 herbst-Regen';
  const cases: ReadonlyArray<readonly [string, string, string?]> = [
    ['read as a tag by YAML', `${BASE}mailSettings:\n  basicAuth:\n    password: !Sommer2024herbst-Regen\n`, 'Sommer2024herbst-Regen'],
    ['read as an alias', `${BASE}mailSettings:\n  basicAuth:\n    password: *Sommer2024herbst-Regen\n`, 'Sommer2024herbst-Regen'],
    ['read as an anchor', `${BASE}mailSettings:\n  basicAuth:\n    password: &${SECRET}\n`],
    ['a quote that ends early', `${BASE}mailSettings:\n  basicAuth:\n    password: "Sommer" 2024 herbst-Regen"\n`, '2024 herbst-Regen'],
    ['a colon in it', `${BASE}mailSettings:\n  basicAuth:\n    password: Sommer: 2024 herbst-Regen\n`, '2024 herbst-Regen'],
    ['a line above left open: the next key swallowed into a value', `${BASE}exchange:\n  pop3:\n    useSsl: yes\n      password: ${SECRET}\n`],
    ['two lines joined', `${BASE}exchange:\n  smtp: password: ${SECRET}\n`],
    ['a list', `${BASE}mailSettings:\n  basicAuth:\n    password: [${SECRET}, x]\n`],
    ['a list at its key\'s indentation, in a file that does not load', `${BASE}mailSettings:\n  basicAuth:\n    password:\n    - ${SECRET}\n\tbad: tab\n`],
    ['a number', `${BASE}mailSettings:\n  basicAuth:\n    password: 123456789012345\n`, '123456789012345'],
    ['a quote never closed', `${BASE}mailSettings:\n  basicAuth:\n    password: "${SECRET}\n`],
    ['a block, in a file that does not load', `${BASE}mailSettings:\n  basicAuth:\n    password: |\n      ${SECRET}\n\tbad: tab\n`],
    ['double-quoted escapes, in a file that does not load', `${BASE}mailSettings: {basicAuth: {password: "Sommer\\x202024 herbst-Regen"}}\n\tbad: tab\n`],
    ['a mapping key under a secret key', `${BASE}mailSettings:\n  basicAuth:\n    password: { ${SECRET}: x }\n`],
    ['another letter case elsewhere (ß is SS)', `${BASE.replace('MV Nordic Star', 'MV STRASSENBAHN-FAHRT 2024')}mailSettings:\n  basicAuth:\n    password: Straßenbahn-Fahrt 2024\n`, 'Straßenbahn-Fahrt 2024'],
    ['the secret of another document', `${BASE}mailSettings: { smtpServer: "${SECRET}" }\n---\n${BASE}mailSettings:\n  basicAuth:\n    password: ${SECRET}\n`],
    ['a Token URL query string, percent-encoded', `${BASE}mailSettings:\n  oauth2:\n    tokenUrl: https://login.microsoftonline.com/x/oauth2/v2.0/token?client_secret=${encodeURIComponent(SECRET)}\n    scope: https://outlook.office365.com/.default\n`],
    ['an old secret kept in a comment, beside a fix', `${BASE}exchange:\n  smtp:\n    # password: ${SECRET}\n    timeoutSeconds: 5\n`],
    ['no space after the colon: one key to YAML, in the JSON Pointer of its finding', `${BASE}mailSettings:\n  basicAuth:\n    password:Zq9Wolkenbruch1987Abend: x\n`, 'Zq9Wolkenbruch1987Abend'],
    ['a secret written as a key under the password, a word (not a field\'s name), its copy in upper case as the installation name', `schemaVersion: 1\ninstallation:\n  name: E0AWGHVFKHTT\n  kind: vessel\nexchange:\n  smtp:\n    basicAuth:\n      password: { E0awGHvFkhTt: x }\n`, 'E0awGHvFkhTt'],
    ['a secret line swallowed by a block of text above it (x: | at the margin), its copy in upper case as the installation name', `schemaVersion: 1\ninstallation:\n  name: "MV ZQ9WOLKENKRATZER QUOKKA HADDOCK"\n  kind: vessel\nexchange:\n  smtp:\n    oauth2:\n      userName: |-\nx: |\n  -a-a-a\n        replication@example.com\n      'clientSecret': "Zq9Wolkenkratzer \\x71uokka haddock"\n`, 'Zq9Wolkenkratzer quokka haddock'],
    ['a password in a folded Server URL of a document that does not load (a duplicate key), and as a key in the next document', `${BASE}installation:\n  name: x\nmailSettings:\n  smtpServer: >-\n    https://ops:Y4wX~o8WzhZjk.unDIf.plTmUvWWgcwunOsW@graph.microsoft.com/v1.0/users/{0}/sendMail\n---\t\n    Y4wX~o8WzhZjk.unDIf.plTmUvWWgcwunOsW: x\n`, 'Y4wX~o8WzhZjk.unDIf.plTmUvWWgcwunOsW'],
    ['a secret key that --fix would rename to a field that is not secret (client_secret: "did you mean client?")', `${BASE}exchange:\n  smtp:\n    timeoutSeconds: 5\nclient_secret: "${SECRET}"\n`],
  ];
  for (const [name, text, secret = SECRET] of cases) {
    it(`${name}: in no output (results, every format, the fix diff, the grant script)`, () => {
      expect(check(text, [secret]).filter((v) => v.kind === 'secret')).toEqual([]);
    });
  }

  it('the file name holding a secret of the file, in any document', () => {
    const text = `${BASE}---\n${BASE}mailSettings:\n  basicAuth:\n    password: ${SECRET}\n`;
    expect(check(text, [SECRET], `fleet/${SECRET}.yaml`).filter((v) => v.kind === 'secret')).toEqual([]);
  });
});

describe('5. control characters in file names and values', () => {
  const names = ['fleet/a\u0085b.yaml', 'fleet/x\n::error file=y::forged.yaml', 'fleet/\u009d\u009b2J.yaml', 'fleet/\u001b[31mred.yaml', 'fleet/\u202eylm.yaml', 'fleet/line\u2028sep.yaml'];
  for (const name of names) {
    it(`${JSON.stringify(name)} and the same in values: escaped in every format and the summary`, () => {
      const text = `${BASE.replace('MV Nordic Star', `"MV \\u0085Nordic\\u009d Star\\n::error::x"`)}database:\n  version: "\\u009b664"\nunknown\u0085key: 1\n`;
      expect(check(text, [], name).filter((v) => v.kind === 'controls' || v.kind === 'crash')).toEqual([]);
    });
  }
});
