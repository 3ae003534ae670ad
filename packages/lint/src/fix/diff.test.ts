import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../linter.js';
import { APP_ID, VESSEL, edit, within } from '../test-utils/fixtures.js';
import { fixDiff, isSecretKeyName, MASK } from './diff.js';
import { fixUntilStable } from './fix-text.js';

const linter = createLinter({ cwd: tmpdir(), now: '2026-11-29' });
const fixed = (text: string, json = false) => fixUntilStable(text, (t) => linter.lintText(t, { filePath: json ? 'm.json' : 'm.yaml', json }), { json }).text;

const GRAPH = 'https://graph.microsoft.com/.default';
const OUTLOOK = 'https://outlook.office365.com/.default';
/** Shaped like an Entra client secret's Value. */
const SECRET = 'Qx8~hT3.vLp0-Zr7yWk2_NbC5sDe9fGj1mAo';
const PASSWORD = 'Winter2026!Harbour';
const pop3 = (change: (tail: string) => string) => within(VESSEL, '  pop3:', change);
/** POP3's scope wrong: the fix changes the line just above POP3's clientSecret. */
const wrongScope = (text: string) => within(text, '  pop3:', (t) => edit(t, [`scope: ${OUTLOOK}`, `scope: ${GRAPH}`]));

/** No run of 8 characters of a secret in a text, in any letter case. */
function leaks(text: string, secrets: readonly string[]): string[] {
  const hay = text.toLowerCase();
  return secrets.flatMap((s) => {
    const low = s.toLowerCase();
    for (let i = 0; i + 8 <= low.length; i++) if (hay.includes(low.slice(i, i + 8))) return [s];
    return [];
  });
}

describe('fixDiff', () => {
  it('is a unified diff of the changed lines, with context, that a patch reader reads back', () => {
    const text = readFileSync(new URL('../../../../examples/fleet/scopes-swapped.yaml', import.meta.url), 'utf8');
    const diff = fixDiff('examples/fleet/scopes-swapped.yaml', text, fixed(text));
    expect(diff.startsWith('--- examples/fleet/scopes-swapped.yaml\n+++ examples/fleet/scopes-swapped.yaml\n@@ ')).toBe(true);
    const [patch] = parsePatch(diff);
    expect(patch?.hunks.length).toBe(2);
    const changes = patch?.hunks.flatMap((h) => h.lines.filter((l) => /^[-+]/.test(l)));
    expect(changes).toEqual([
      `-      scope: ${OUTLOOK}`,
      `+      scope: ${GRAPH}`,
      `-      scope: ${GRAPH}`,
      `+      scope: ${OUTLOOK}`,
    ]);
    for (const hunk of patch?.hunks ?? []) expect(hunk.lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThanOrEqual(3);
  });

  it('shows a ${NAME} reference in a secret field as written: it names a variable, it holds no secret', () => {
    const text = readFileSync(new URL('../../../../examples/fleet/scopes-swapped.yaml', import.meta.url), 'utf8');
    const diff = fixDiff('s.yaml', text, fixed(text));
    expect(diff).toContain('clientSecret: ${TM_MAIL_SECRET}');
    expect(diff).not.toContain(MASK);
  });

  it('is empty when nothing changed', () => {
    expect(fixDiff('m.yaml', VESSEL, VESSEL)).toBe('');
  });

  it('masks a literal Client Secret and a password in the lines around a change', () => {
    const text = wrongScope(
      edit(
        pop3((t) => t.replace('clientSecret: ${TM_MAIL_SECRET}', `clientSecret: ${SECRET}`)),
        ['    maxMessages: 20\n', `    maxMessages: 20\n    basicAuth:\n      userName: replication.nordicstar@example.com\n      password: "${PASSWORD}"  # rotated weekly\n`],
      ),
    );
    const after = fixed(text);
    expect(after).toContain(SECRET);
    const diff = fixDiff('m.yaml', text, after, { context: 20 });
    expect(leaks(diff, [SECRET, PASSWORD])).toEqual([]);
    expect(diff).toContain(`       clientSecret: ${MASK}\n`);
    expect(diff).toContain(`       password: ${MASK}\n`);
    expect(diff).toContain(`+      scope: ${OUTLOOK}\n`);
  });

  it('masks a secret whatever the findings say: a misspelt secret key, a secret written as a block, in JSON, in a Client ID', () => {
    const base = wrongScope(VESSEL);
    const cases: Array<[string, string, string]> = [
      ['misspelt key', base.replace('      clientSecret: ${TM_MAIL_SECRET}\nazure:', `      clientSecrte: ${SECRET}\nazure:`), `clientSecrte: ${MASK}`],
      ['block', base.replace('      clientSecret: ${TM_MAIL_SECRET}\nazure:', `      clientSecret: |\n        ${SECRET}\n        ${PASSWORD}\nazure:`), `        ${MASK}`],
      ['client id', base.replace(`      clientId: ${APP_ID}\n      clientSecret: \${TM_MAIL_SECRET}\nazure:`, `      clientId: ${SECRET}\n      clientSecret: \${TM_MAIL_SECRET}\nazure:`), `clientId: ${MASK}`],
    ];
    for (const [name, text, shown] of cases) {
      const diff = fixDiff('m.yaml', text, fixed(text), { context: 30 });
      expect(diff, name).not.toBe('');
      expect(leaks(diff, [SECRET, PASSWORD]), name).toEqual([]);
      expect(diff, name).toContain(shown);
    }
    const json = '{\n  "schemaVersion": 2,\n  "mailSettings": {\n    "clientSecret": "' + SECRET + '",\n    "password": "' + PASSWORD + '"\n  }\n}\n';
    const after = json.replace('"schemaVersion": 2', '"schemaVersion": 1');
    const diff = fixDiff('m.json', json, after, { json: true });
    expect(leaks(diff, [SECRET, PASSWORD])).toEqual([]);
    expect(diff).toContain(`     "clientSecret": ${MASK},\n`);
  });

  it('scrubs the secrets a document holds elsewhere (a URL\'s query) and hides credential-shaped pieces', () => {
    const text = wrongScope(VESSEL).replace('oauth2/v2.0/token\n      scope: ' + GRAPH, `oauth2/v2.0/token?client_secret=${encodeURIComponent(SECRET)}\n      scope: ${GRAPH}`);
    const diff = fixDiff('m.yaml', text, text.replace(`scope: ${GRAPH}\n      userName: replication`, `scope: ${OUTLOOK}\n      userName: replication`), { context: 5 });
    expect(diff).toContain('scope');
    expect(leaks(diff, [SECRET])).toEqual([]);
    expect(fixDiff('m.yaml', `a: 1\nnote: ${SECRET}\n`, `a: 2\nnote: ${SECRET}\n`)).not.toContain(SECRET.slice(0, 8));
  });

  it('shows a CRLF file as its lines, and escapes control characters and the file name', () => {
    const text = 'a: 1\r\nb: "\u001b[31mred"\r\n';
    const diff = fixDiff('m\u001b.yaml', text, text.replace('a: 1', 'a: 2'));
    expect(diff).not.toMatch(/[\r\u001b]/);
    // a name with a backslash is quoted, C-style, as git and patch read it
    expect(diff).toContain('--- "m\\\\u001b.yaml"');
    expect(diff).toContain(' b: "\\u001b[31mred"');
  });

  it('knows the secret keys of the scrub, and their misspellings, but not the secrets\' descriptions', () => {
    for (const key of ['clientSecret', 'password', 'Password', 'client_secret', 'accessToken', 'clientSecrte', 'pasword', 'value']) expect(isSecretKeyName(key), key).toBe(true);
    for (const key of ['clientSecrets', 'secretId', 'clientId', 'tokenUrl', 'scope', 'userName', 'expires']) expect(isSecretKeyName(key), key).toBe(false);
  });
});

describe('fixDiff of a fleet file of many documents', () => {
  const doc = (i: number, timeout: number): string =>
    `schemaVersion: 1\ninstallation:\n  name: MV Ship ${i}\n  kind: vessel\nexchange:\n  smtp:\n    senderName: Ship ${i}\n    timeoutSeconds: ${timeout}\n    useSsl: true\n    note: a line\n    more: another line\n    last: the last line\n`;
  const file = (count: number, fixed: (i: number) => boolean): string =>
    Array.from({ length: count }, (_v, i) => doc(i, fixed(i) ? 100 : 5)).join('---\n');

  it('is the same diff as the whole file gives, taken document by document', () => {
    const before = file(30, () => false);
    const after = file(30, (i) => i % 7 === 3);
    const diff = fixDiff('fleet.yaml', before, after);
    // the whole file diffed by the library, as for a file of few documents
    const whole = fixDiff('fleet.yaml', before.split('---\n').slice(0, 19).join('---\n'), after.split('---\n').slice(0, 19).join('---\n'));
    const [patch] = parsePatch(diff);
    expect(patch?.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])).toEqual([3, 10, 17, 24].map((d) => [d * 13 + 5, 7, d * 13 + 5, 7]));
    // where they overlap (the first 19 documents), the two diffs agree line for line
    expect(diff.startsWith(whole.slice(0, whole.lastIndexOf('@@ -')))).toBe(true);
  });

  it('takes thousands of fixes in thousands of documents (a diff of the whole grew with lines times changes)', () => {
    const before = file(4000, () => false);
    const after = file(4000, () => true);
    const [patch] = parsePatch(fixDiff('fleet.yaml', before, after));
    expect(patch?.hunks).toHaveLength(4000);
    expect(patch?.hunks.at(-1)?.lines).toEqual([' exchange:', '   smtp:', '     senderName: Ship 3999', '-    timeoutSeconds: 5', '+    timeoutSeconds: 100', '     useSsl: true', '     note: a line', '     more: another line']);
  });
});
