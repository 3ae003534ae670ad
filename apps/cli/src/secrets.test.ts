/**
 * No secret reaches any output: a known secret is planted in every field of the manifest that
 * accepts text (as itself, swapped into the wrong field, in a URL's query string and user
 * information, quoted and unquoted), and every format of `tmcheck lint` is searched for any piece
 * of it of 10 characters, letter case ignored. Then every command, over manifests holding secrets in
 * every form: lint in every format with --fix-dry-run (its diffs) and -o (the files it writes), --fix,
 * --print-config, grant-script, and probe against the Entra ID stand-in and a real Dovecot, passed
 * and failed, text and JSON, with every flag (also TMCHECK_DEBUG). (The interactive checker's save
 * is apps/tui's, not yet built when this was written.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIELDS } from '@tmcheck/schemas';
import { FORMATTERS } from '@tmcheck/lint';
import { goodConfig, labManifest, manifestText, REPLICATION_MAILBOX, SECRET_ID, SECRET_VALUE, startLab, type Lab, type ManifestData } from '@tmcheck/probe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmcheck } from './test-io.js';

const EXAMPLE = readFileSync(new URL('../../../examples/fleet/nordic-star.yaml', import.meta.url), 'utf8');

/** Secrets as customers have them: an Entra secret Value, a long passphrase, an older-style one. */
const SECRETS = [
  'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789',
  'Correct horse battery staple, seven ravens at dawn: İstanbul 2024',
  'p@ss/Word+with=Symbols!2024#secret',
];

/** Every field that holds text, as a line of YAML at its place: the catalog's string fields. */
const TEXT_FIELDS = FIELDS.filter((f) => f.type === 'string' || f.type === 'date' || f.type === 'enum').map((f) => f.pointer);

/**
 * The full example manifest (as JSON) holding the secret in its Client Secret, as a real installation
 * whose secret was written in, and the same secret also in the field at `pointer` (swapped, pasted twice).
 */
function plant(pointer: string, value: string, secret: string = value): string {
  const doc = JSON.parse(JSON.stringify(loadExample())) as Record<string, unknown>;
  ((doc['mailSettings'] as Record<string, unknown>)['oauth2'] as Record<string, unknown>)['clientSecret'] = secret;
  const tokens = pointer.slice(1).split('/');
  let node: Record<string, unknown> = doc;
  for (const [i, raw] of tokens.entries()) {
    const token = raw === '*' ? '0' : raw;
    if (i === tokens.length - 1) {
      node[token] = value;
      break;
    }
    const next = node[token];
    if (next === undefined || next === null || typeof next !== 'object') node[token] = tokens[i + 1] === '*' ? [{}] : {};
    node = node[token] as Record<string, unknown>;
  }
  return JSON.stringify(doc, null, 2);
}

let example: unknown;
function loadExample(): unknown {
  if (example === undefined) {
    // the example manifest as data: YAML via the CLI's own loader is not needed, JSON.parse of a YAML-free copy is
    example = JSON.parse(readFileSync(new URL('../../../packages/schemas/fixtures/full-manifest.json', import.meta.url), 'utf8'));
  }
  return example;
}

function pieces(secret: string): string[] {
  const s = secret.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i + 10 <= s.length; i++) out.push(s.slice(i, i + 10));
  return out;
}

function leaked(output: string, secret: string): string[] {
  const hay = output.toLowerCase().replaceAll('i̇', 'i');
  return pieces(secret.replaceAll('İ', 'I')).filter((p) => hay.includes(p));
}

const dir = mkdtempSync(join(tmpdir(), 'tmcheck-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The manifests: each secret in each text field, and in the Token URL's query string and a URL's user information. */
function manifests(): Array<{ name: string; file: string; secret: string }> {
  const out: Array<{ name: string; file: string; secret: string }> = [];
  let n = 0;
  for (const secret of SECRETS) {
    for (const pointer of TEXT_FIELDS) {
      const file = join(dir, `m${n++}.json`);
      writeFileSync(file, plant(pointer, secret));
      out.push({ name: `${pointer} = ${secret.slice(0, 6)}...`, file, secret });
    }
    const query = join(dir, `m${n++}.json`);
    writeFileSync(query, plant('/exchange/pop3/oauth2/tokenUrl', `https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token?client_secret=${encodeURIComponent(secret)}`, secret));
    out.push({ name: `query string ${secret.slice(0, 6)}`, file: query, secret });
    const userinfo = join(dir, `m${n++}.json`);
    writeFileSync(userinfo, plant('/mailSettings/smtpServer', `https://ops:${encodeURIComponent(secret)}@graph.microsoft.com/v1.0/users/{0}/sendMail`, secret));
    out.push({ name: `user information ${secret.slice(0, 6)}`, file: userinfo, secret });
    const yaml = join(dir, `m${n++}.yaml`);
    writeFileSync(yaml, EXAMPLE.replace(/clientSecret: \$\{TM_MAIL_SECRET\}.*/, `clientSecret: !${secret.replace(/\s/g, '')}`));
    out.push({ name: `a tag-like secret ${secret.slice(0, 6)}`, file: yaml, secret: secret.replace(/\s/g, '') });
  }
  return out;
}

describe('no secret in any output', () => {
  const cases = manifests();

  it('plants secrets in every text field of the catalog', () => {
    expect(TEXT_FIELDS.length).toBeGreaterThan(30);
    expect(TEXT_FIELDS).toContain('/exchange/pop3/oauth2/clientId');
    expect(TEXT_FIELDS).toContain('/mailSettings/basicAuth/password');
  });

  for (const format of Object.keys(FORMATTERS)) {
    it(`lint --format ${format}, with and without --quiet, on ${cases.length} manifests`, async () => {
      for (const quiet of [false, true]) {
        const r = await tmcheck(['lint', '--format', format, ...(quiet ? ['--quiet'] : []), ...cases.map((c) => c.file)], { cwd: dir });
        expect(r.code, r.stderr).toBeLessThan(2);
        for (const c of cases) {
          expect(leaked(r.stdout + r.stderr, c.secret), `${format}: ${c.name}`).toEqual([]);
        }
      }
    });
  }

  it('lints each manifest alone in JSON, so that nothing is hidden by another file', async () => {
    for (const c of cases) {
      const r = await tmcheck(['lint', '--format', 'json', c.file], { cwd: dir });
      expect(leaked(r.stdout + r.stderr, c.secret), c.name).toEqual([]);
    }
  });
});

/** Secrets in the forms a hand-written manifest holds them, each with a fixable finding beside it (so --fix has work). */
const FORMS = {
  literal: 'Lit3ral~SecretValue-abcdefghij0123',
  passphrase: 'Wolkenbruch 1987 Abendrot und Hagel',
  symbols: 'p@ss/Word+with=Symbols!2024#secret',
  list: 'ListItem~Secret-0123456789abcdef',
  number: '904417263355810022',
  comment: 'OldSecret~KeptInAComment-012345',
  query: 'QueryPlanted~Secret0123456789',
  quoteCut: 'CutQuote Zq9 Xylem 2024 Vantablack',
};

function formsManifests(): Array<{ name: string; text: string; secrets: string[] }> {
  const fixable = EXAMPLE.replace('timeoutSeconds: 100', 'timeoutSeconds: 5');
  const swap = (text: string, from: RegExp, to: string): string => text.replace(from, to);
  return [
    {
      name: 'literal, passphrase, list, number',
      text: swap(
        swap(fixable, /clientSecret: \$\{TM_MAIL_SECRET\}.*/, `clientSecret: ${FORMS.literal}`),
        /(\n  smtp:\n)/,
        `$1    basicAuth:\n      userName: ops@example.com\n      password: "${FORMS.passphrase}"\n`,
      ).replace(/(\n  pop3:\n)/, `$1    basicAuth:\n      userName: ops@example.com\n      password:\n        - ${FORMS.list}\n`).replace(/(mailSettings:\n)/, `$1  basicAuth:\n    userName: ops@example.com\n    password: ${FORMS.number}\n`),
      secrets: [FORMS.literal, FORMS.passphrase, FORMS.list, FORMS.number],
    },
    {
      name: 'symbols in single quotes, an old secret in a comment, a Token URL query string',
      text: swap(fixable, /clientSecret: \$\{TM_MAIL_SECRET\}.*/, `clientSecret: '${FORMS.symbols}'\n    # clientSecret: ${FORMS.comment}`).replace(
        /tokenUrl: (https:\/\/login\.microsoftonline\.com\/[^\n]*\/token)\n/,
        `tokenUrl: $1?client_secret=${encodeURIComponent(FORMS.query)}\n`,
      ),
      secrets: [FORMS.symbols, FORMS.comment, FORMS.query],
    },
    {
      name: 'a quote never closed (the file does not load)',
      text: swap(fixable, /clientSecret: \$\{TM_MAIL_SECRET\}.*/, `clientSecret: "${FORMS.quoteCut}`),
      secrets: [FORMS.quoteCut],
    },
  ];
}

describe('no secret in any output of any command', () => {
  const work = mkdtempSync(join(tmpdir(), 'tmcheck-every-command-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const manifests = formsManifests();
  const files = manifests.map((m, i) => {
    const file = join(work, `fleet-${i}.yaml`);
    writeFileSync(file, m.text);
    return { ...m, file };
  });
  const all = files.flatMap((f) => f.secrets);
  const seen: string[] = [];
  const expectClean = (what: string, ...outputs: string[]): void => {
    seen.push(...outputs);
    for (const secret of all) expect(leaked(outputs.join('\n'), secret), `${what}: ${secret.slice(0, 6)}...`).toEqual([]);
  };

  it('plants secrets the lint reads as secrets, and findings with fixes beside them', async () => {
    const r = await tmcheck(['lint', '--format', 'json', ...files.map((f) => f.file)], { cwd: work });
    const report = JSON.parse(r.stdout) as { results: Array<{ fixableCount: number; messages: Array<{ ruleId: string }> }> };
    expect(report.results.some((x) => x.fixableCount > 0)).toBe(true);
    expect(report.results.some((x) => x.messages.some((m) => m.ruleId === 'parse'))).toBe(true);
  });

  for (const format of Object.keys(FORMATTERS)) {
    it(`lint --fix-dry-run, the report in ${format} written with -o: the diffs, the summary, the report file`, async () => {
      const out = join(work, `report.${format}`);
      const r = await tmcheck(['lint', '--fix-dry-run', '--format', format, '-o', out, ...files.map((f) => f.file)], { cwd: work });
      expect(r.code).toBeLessThan(2);
      expect(r.stdout).toContain('@@');
      expectClean(`--fix-dry-run --format ${format}`, r.stdout, r.stderr, readFileSync(out, 'utf8'));
    });
  }

  it('lint --fix-dry-run with the report on standard output, --quiet, --max-warnings, --rule', async () => {
    const r = await tmcheck(['lint', '--fix-dry-run', '--quiet', '--max-warnings', '0', '--rule', 'exchange/timeout:error', ...files.map((f) => f.file)], { cwd: work });
    expectClean('--fix-dry-run (stylish)', r.stdout, r.stderr);
  });

  it('lint --fix: what it prints, and the fixed manifest read back from standard input', async () => {
    const copy = mkdtempSync(join(work, 'fix-'));
    for (const f of files) writeFileSync(join(copy, f.file.split('/').pop() as string), f.text);
    const r = await tmcheck(['lint', '--fix', '--format', 'json', copy], { cwd: copy });
    expectClean('--fix', r.stdout, r.stderr);
    expect(readdirSync(copy).sort()).toEqual(files.map((f) => f.file.split('/').pop()).sort());
    const piped = await tmcheck(['lint', '--fix', '-'], { cwd: copy, stdin: files[0]?.text ?? '' });
    // standard output is the fixed manifest itself (its own secrets, as written); standard error the report
    expectClean('--fix - (the report)', piped.stderr);
  });

  it('lint --print-config', async () => {
    const r = await tmcheck(['lint', '--print-config', files[0]?.file ?? ''], { cwd: work });
    expectClean('--print-config', r.stdout, r.stderr);
  });

  it('grant-script, with and without --policy and --display-name, and for a file that does not load', async () => {
    for (const f of files) {
      for (const args of [[], ['--policy'], ['--display-name', 'TM Master App']]) {
        const r = await tmcheck(['grant-script', ...args, f.file], { cwd: work });
        expectClean(`grant-script ${args.join(' ')} ${f.name}`, r.stdout, r.stderr);
      }
    }
    expect(seen.join('\n')).toContain('New-ServicePrincipal');
  });

  it('finds every secret when a tool leaks one (the search is not blind)', () => {
    expect(leaked(`x ${FORMS.passphrase.toUpperCase()} y`, FORMS.passphrase)).not.toEqual([]);
  });
});

describe('no secret or token in any output of tmcheck probe', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('passed and failed, text and JSON, with every flag, and TMCHECK_DEBUG set', async () => {
    const LITERAL = FORMS.literal;
    const PASSWORD = FORMS.passphrase;
    const write = (name: string, edit: (m: ManifestData) => void = () => {}): string =>
      lab.write(
        name,
        manifestText(
          labManifest(lab, (m) => {
            m['exchange'].smtp.oauth2.clientSecret = LITERAL;
            m['mailSettings'].basicAuth = { userName: 'ops@example.com', password: PASSWORD };
            m['exchange'].pop3.oauth2.tokenUrl = `${m['exchange'].pop3.oauth2.tokenUrl}?client_secret=${FORMS.query}`;
            edit(m);
          }),
        ),
      );
    const good = write('probe-good.yaml');
    const outputs: string[] = [];
    const probe = async (args: string[], env: Record<string, string>): Promise<number> => {
      const r = await tmcheck(['probe', ...args], { cwd: lab.dir, env: { ...env, TMCHECK_DEBUG: '1' }, tty: true });
      outputs.push(r.stdout, r.stderr);
      return r.code;
    };
    lab.entra.configure(goodConfig({ echoSecrets: true }));
    for (const format of ['text', 'json']) {
      const common = ['--ca-file', lab.caFile, '--format', format, '--timeout', '20'];
      expect(await probe([...common, '--send-test', '--to', 'support@example.com', good], { TM_MAIL_SECRET: SECRET_VALUE })).toBeLessThan(2);
      // the Secret ID in place of the Value: Entra ID refuses it and quotes it back
      expect(await probe([...common, '--section', 'TM Exchange POP3', good], { TM_MAIL_SECRET: SECRET_ID })).toBe(1);
      // no CA file: every TLS connection refused
      expect(await probe(['--format', format, '--timeout', '5', good], { TM_MAIL_SECRET: SECRET_VALUE })).toBeGreaterThan(0);
      // a setup error that quotes an option back
      expect(await probe([...common, '--send-test', '--to', LITERAL, good], { TM_MAIL_SECRET: SECRET_VALUE })).toBe(2);
    }
    const tokens = [...lab.entra.issued.keys()];
    expect(tokens.length).toBeGreaterThan(2);
    const everything = outputs.join('\n');
    for (const secret of [SECRET_VALUE, SECRET_ID, LITERAL, PASSWORD, FORMS.query, ...tokens, ...tokens.flatMap((t) => t.split('.').filter((p) => p.length >= 10))]) {
      expect(leaked(everything, secret), `${secret.slice(0, 6)}... (${secret.length} characters)`).toEqual([]);
    }
    expect(everything).toContain('tmcheck probe:'); // the progress lines were there
    expect(lab.dovecot?.messageCount(REPLICATION_MAILBOX)).toBeGreaterThan(0);
  });
});
