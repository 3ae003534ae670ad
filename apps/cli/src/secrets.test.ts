/**
 * No secret reaches any output: a known secret is planted in every field of the manifest that
 * accepts text (as itself, swapped into the wrong field, in a URL's query string and user
 * information, quoted and unquoted), and every format of `tmcheck lint` is searched for any piece
 * of it of 10 characters, letter case ignored.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIELDS } from '@tmcheck/schemas';
import { FORMATTERS } from '@tmcheck/lint';
import { afterAll, describe, expect, it } from 'vitest';
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
