import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from '@tmcheck/lint';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, drive, joined, KEY, NOW, testServices, tempFolder, type Driven } from '../../testing/render.js';
import { buildManifest, prescribedValues } from './form-model.js';
import { editManifestText, fileNameFor, newManifestText, schemaReference, SCHEMA_ID } from './save.js';

const fleet = fileURLToPath(new URL('../../../../../examples/fleet/', import.meta.url));
let app: Driven | undefined;
afterEach(cleanUp);

function folder(): string {
  const dir = tempFolder('form');
  return dir;
}

const SECRET = 'Xy7Q~k2P.secret-value-typed-in';

/** Types a value into the focused field and goes on to the next one. */
async function fill(a: Driven, label: string, value: string): Promise<void> {
  await a.waitFor(new RegExp(`› ${label.replace(/[()]/g, '\\$&')}( |$)`, 'm'), `the field ${label} focused`);
  a.type(value);
  a.press(KEY.enter);
}

describe('the installation form', () => {
  it('follows the guide, pre-fills what it prescribes, and checks a field as it is typed', async () => {
    app = drive({ screen: 'form' }, testServices(folder()));
    const first = await app.waitFor('› Installation name');
    expect(first).toContain('Name of the installation, such as the vessel name.');
    await fill(app, 'Installation name', 'Bergen office');
    await app.waitFor('› Kind');
    app.press(' ', ' ');
    await app.waitFor('‹ office ›');
    app.press(KEY.enter);
    await app.waitFor('› Uses TM Exchange');
    app.press('n', KEY.enter);
    await fill(app, 'SMTP Server', 'https://graph.microsoft.com/v1.0/users/{0}/sendMail');
    await app.waitFor('› SMTP Port');
    app.press(KEY.enter);
    const ssl = await app.waitFor('› SMTP Enable SSL');
    expect(ssl).toContain('[x] yes');
    app.press(KEY.enter, KEY.enter);
    await app.waitFor('› Token URL');
    app.type('https://login.microsoftonline.com/TenantID/oauth2/v2.0/token');
    // validation as you type: the placeholder is reported before the field is left
    const placeholder = await app.waitFor('oauth2/token-url');
    expect(joined(placeholder)).toContain('still holds the placeholder "TenantID"');
    expect(app.frame()).not.toMatch(/TM Exchange SMTP/);
  });

  it('masks a secret, offers a ${NAME} reference, and saves a manifest tmcheck lint passes', async () => {
    const dir = folder();
    app = drive({ screen: 'form' }, testServices(dir));
    await fill(app, 'Installation name', 'Bergen office');
    await app.waitFor('› Kind');
    app.press(' ', ' ', KEY.enter);
    await app.waitFor('› Uses TM Exchange');
    app.press('n', KEY.enter);
    await fill(app, 'SMTP Server', 'https://graph.microsoft.com/v1.0/users/{0}/sendMail');
    await app.waitFor('› SMTP Port');
    app.press(KEY.enter, KEY.enter, KEY.enter);
    await fill(app, 'Token URL', 'https://login.microsoftonline.com/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b/oauth2/v2.0/token');
    await app.waitFor('› Scope');
    app.press(KEY.enter);
    await fill(app, 'User Name', 'purchasing@example.com');
    await app.waitFor('› Use Address from User');
    app.press(' ', KEY.enter);
    await fill(app, 'Client ID', '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4');
    await app.waitFor('› Client Secret');
    app.type(SECRET);
    const masked = await app.waitFor('••••');
    expect(masked).not.toContain(SECRET.slice(0, 6));
    app.press(KEY.enter);
    const question = await app.waitFor('Save this secret in the file as:');
    expect(question).toContain('(•) the reference ${TM_MAIL_SECRET}');
    app.press(KEY.enter);
    await app.waitFor('› Sender');
    // the Azure facts are optional: on to the versions, a section at a time
    app.press(KEY.pageDown);
    await app.waitFor('› Fill in the Azure facts');
    app.press(KEY.pageDown);
    await fill(app, 'DB version', '664');
    await fill(app, 'Client version', '2.664.8271.20345');
    await app.waitFor('› Save as');
    app.press(KEY.ctrlS);
    const review = await app.waitFor('› Save as');
    expect(review).toContain('0 errors · ⚠ 0 warnings');
    app.press(KEY.enter);
    await app.waitFor('Saved to bergen-office.yaml');
    const saved = readFileSync(join(dir, 'bergen-office.yaml'), 'utf8');
    expect(saved.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_ID}`);
    expect(saved).toContain('clientSecret: ${TM_MAIL_SECRET}');
    expect(saved).not.toContain(SECRET);
    const [result] = createLinter({ cwd: dir, now: NOW }).inspectFile('bergen-office.yaml').map((d) => d.result);
    expect(result?.messages).toEqual([]);
  });

  it('opens an existing manifest for editing and keeps its comments when saving', async () => {
    const dir = folder();
    copyFileSync(join(fleet, 'scopes-swapped.yaml'), join(dir, 'scopes-swapped.yaml'));
    app = drive({ screen: 'form', file: 'scopes-swapped.yaml', focus: '/exchange/pop3/oauth2/scope' }, testServices(dir));
    const frame = await app.waitFor('Edit installation');
    expect(frame).toMatch(/› Scope +https:\/\/graph\.microsoft\.com\/\.default/);
    expect(joined(frame)).toContain('POP3 needs the scope https://outlook.office365.com/.default');
    app.press('\u0015');
    app.type('https://outlook.office365.com/.default');
    await app.waitFor((f) => !joined(f).includes('POP3 needs the scope'), 'the finding gone');
    app.press(KEY.ctrlS);
    await app.waitFor('› Save as');
    app.press(KEY.enter);
    await app.waitFor('Saved to scopes-swapped.yaml');
    const saved = readFileSync(join(dir, 'scopes-swapped.yaml'), 'utf8');
    expect(saved).toContain('# The two scopes swapped');
    expect(saved).toContain("clientSecret: ${TM_MAIL_SECRET}   # the secret's Value, from the environment");
    const messages = createLinter({ cwd: dir, now: NOW }).inspectFile('scopes-swapped.yaml')[0]?.result.messages.map((m) => m.pointer);
    expect(messages).toEqual(['/exchange/smtp/oauth2/scope']);
  });

  it('builds the manifest in the order of the examples, with the prescribed values', () => {
    const manifest = buildManifest({ ...prescribedValues(), '/installation/name': 'X' }, {});
    expect(Object.keys(manifest)).toEqual(['schemaVersion', 'installation', 'mailSettings', 'exchange']);
    expect(manifest['exchange']).toMatchObject({ smtp: { timeoutSeconds: 100, useSsl: true }, pop3: { server: 'outlook.office365.com', port: 995 } });
    expect(fileNameFor('MV Nordic Star')).toBe('mv-nordic-star.yaml');
    expect(schemaReference(join(fleet, 'new.yaml'))).toBe('../../packages/schemas/schemas/manifest.schema.json');
    expect(newManifestText({ schemaVersion: 1 }, 'x.json')).toBe('# yaml-language-server: $schema=x.json\nschemaVersion: 1\n');
    expect(editManifestText('# keep\na: 1 # one\n', 0, [{ pointer: '/a', value: 2 }, { pointer: '/b/c', value: 'x' }], 's.json')).toBe('# yaml-language-server: $schema=s.json\n# keep\na: 2 # one\nb:\n  c: x\n');
  });
});
