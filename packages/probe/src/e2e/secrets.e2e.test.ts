/**
 * End to end (e2e): no secret, token or password reaches any output of the probe, passed or failed, in text
 * or JSON, in a progress line or an error. Secrets are planted in every place the probe handles one: the
 * environment, Client Secret written literally, Basic Auth passwords, the Token URL's query string; the
 * stand-in's tokens; and a careless server that quotes the secret and the token back in its errors. Every
 * output is searched for any 10-character piece of each, letter case ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe } from '../probe.js';
import { xoauth2 } from '../pop3/client.js';
import { probeLab } from '../test-utils/run.js';
import { goodApp, goodConfig, goodTenant, labManifest, REPLICATION_MAILBOX, SECRET_ID, SECRET_VALUE, startLab, type Lab, type ManifestData } from '../testing/lab.js';

const LITERAL = 'Lit3ral~SecretValue-abcdefghij0123';
const PASSWORD = 'Sommer 2024! Passwort für Basic';
const QUERY = 'QueryPlanted~Secret0123456789';

let lab: Lab;
const outputs: string[] = [];
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.stop();
});

function secretConfig(extra: Parameters<typeof goodConfig>[0] = {}) {
  return goodConfig({
    tenants: [goodTenant([goodApp({ secrets: [{ value: SECRET_VALUE, secretId: SECRET_ID }, { value: LITERAL, secretId: '1e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' }] })])],
    ...extra,
  });
}

/** The lab's manifest with secrets written into it: a literal Client Secret, Basic Auth passwords, a Token URL query. */
function planted(edit: (m: ManifestData) => void = () => {}): ManifestData {
  return labManifest(lab, (m) => {
    m['exchange'].smtp.oauth2.clientSecret = LITERAL;
    m['mailSettings'].basicAuth = { userName: 'ops@example.com', password: PASSWORD };
    m['exchange'].pop3.basicAuth = { userName: REPLICATION_MAILBOX, password: PASSWORD };
    m['exchange'].pop3.oauth2.tokenUrl = `${m['exchange'].pop3.oauth2.tokenUrl}?client_secret=${QUERY}`;
    edit(m);
  });
}

async function run(manifest: ManifestData, options: Parameters<typeof probeLab>[2] = {}): Promise<number> {
  const { report, text, json, progress } = await probeLab(lab, manifest, { sendTestTo: 'support@example.com', ...options });
  outputs.push(text, json, ...progress);
  return report.exitCode;
}

function pieces(secret: string): string[] {
  const s = secret.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i + 10 <= s.length; i++) out.push(s.slice(i, i + 10));
  return out;
}

describe('e2e: secrets in the output', () => {
  it('appear nowhere, in passed and failed runs, in any format', async () => {
    lab.entra.configure(secretConfig());
    expect(await run(planted())).toBe(0);
    // Secret ID instead of Value, with a server that quotes what it was sent
    lab.entra.configure(secretConfig({ echoSecrets: true }));
    expect(await run(planted(), { env: { TM_MAIL_SECRET: SECRET_ID } })).toBe(1);
    expect(await run(planted((m) => (m['exchange'].smtp.oauth2.clientSecret = `${LITERAL}-wrong`)))).toBe(1);
    // tokens refused by Graph and Dovecot (no roles), Graph quoting the token it was sent
    lab.entra.configure({ ...secretConfig({ echoSecrets: true }), tenants: [goodTenant([goodApp({ roles: {}, secrets: [{ value: SECRET_VALUE, secretId: SECRET_ID }, { value: LITERAL, secretId: '1e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' }] })])] });
    expect(await run(planted())).toBe(1);
    // scopes swapped: Graph quotes the Exchange token, Dovecot refuses the Graph token
    expect(
      await run(
        planted((m) => {
          m['mailSettings'].oauth2.scope = 'https://outlook.office365.com/.default';
          m['exchange'].pop3.oauth2.scope = 'https://graph.microsoft.com/.default';
        }),
      ),
    ).toBe(1);
    // the variable not set: the literal secrets are still in the file
    expect(await run(planted(), { env: {} })).toBe(1);
    // a Token URL with credentials in it, and a redirect
    lab.entra.configure({ ...secretConfig(), tokenEndpoint: 'redirect' });
    expect(await run(planted((m) => (m['mailSettings'].oauth2.tokenUrl = m['mailSettings'].oauth2.tokenUrl.replace('https://', `https://ops:${encodeURIComponent(PASSWORD)}@`))))).toBe(1);
    // an error before anything runs
    const file = lab.write('setup-error.yaml', JSON.stringify(planted()));
    await probe({ filePath: file, sendTestTo: LITERAL }).catch((error: Error) => outputs.push(error.message));

    const tokens = [...lab.entra.issued.keys()];
    expect(tokens.length).toBeGreaterThan(5);
    const secrets = [SECRET_VALUE, SECRET_ID, LITERAL, PASSWORD, QUERY, ...tokens, ...tokens.flatMap((t) => t.split('.')), ...tokens.map((t) => xoauth2(REPLICATION_MAILBOX, t))];
    const everything = outputs.join('\n').toLowerCase();
    for (const secret of secrets) {
      const leaked = pieces(secret).filter((p) => everything.includes(p));
      expect(leaked, `a piece of a planted secret or token (${secret.length} characters) is in the output`).toEqual([]);
    }
    expect(everything).toContain('[secret]'); // the careless server's quotes were there, and scrubbed
  });
});
