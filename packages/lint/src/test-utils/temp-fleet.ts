/**
 * A temporary fleet for tests of whole runs (workers, the cache): `count` manifests made from the
 * fixtures, a mix a support engineer meets: correct ones, mistakes (a swapped scope, a secret in
 * plain text, a misspelt key, an inline exception), several installations in one file, JSON, a file
 * that does not parse, YAML that is no manifest, and config files that apply by folder (one with
 * overrides for a path, one with ignores).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { load, CORE_SCHEMA } from 'js-yaml';
import { OFFICE, VESSEL, edit } from './fixtures.js';

/** A client secret's value written in plain text (the findings must never quote it). */
export const PLAIN_SECRET = 'Tq8Q~fleetSecretValue.NotReal-0123456789ab';

function variant(i: number): string {
  let text = i % 3 === 0 ? OFFICE : VESSEL;
  text = edit(text, ['name: ', `name: Site ${i} `]);
  if (i % 5 === 1) text = text.replace('scope: https://outlook.office365.com/.default', 'scope: https://graph.microsoft.com/.default');
  if (i % 7 === 2) text = text.replace('clientSecret: ${TM_MAIL_SECRET}', `clientSecret: ${PLAIN_SECRET}`);
  if (i % 11 === 3) text = text.replace('useSsl:', 'useSSL:');
  if (i % 13 === 4) text = text.replace(/\n( +)timeoutSeconds: \d+/, '\n$1# tmcheck-disable-next-line exchange/timeout -- slow link\n$1timeoutSeconds: 900');
  return text;
}

/** Writes the fleet under a new temporary folder (inside `parent` when given) and returns the folder. */
export function tempFleet(count: number, parent?: string): string {
  const dir = mkdtempSync(join(parent ?? tmpdir(), 'tmcheck-fleet-'));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('tmcheck.config.json', JSON.stringify({ rules: { 'exchange/timeout': 'error' }, overrides: [{ files: ['b/**'], rules: { 'oauth2/secret-plaintext': 'error' } }], ignores: ['drafts/**'] }));
  write('c/tmcheck.config.yaml', 'minimumBuilds:\n  "666": 8400\nrules:\n  version/unknown-db: "off"\n');
  write('drafts/ignored.yaml', VESSEL);
  write('notes.yaml', 'title: not a manifest\n');
  for (let i = 0; i < count; i++) {
    const folder = ['a', 'b', 'c'][i % 3] as string;
    const name = `site-${String(i).padStart(4, '0')}`;
    if (i % 17 === 5) {
      write(`${folder}/${name}.yaml`, `${variant(i)}---\n${variant(i + 1)}`);
    } else if (i % 9 === 6) {
      write(`${folder}/${name}.json`, JSON.stringify(load(variant(i), { schema: CORE_SCHEMA }), null, 2));
    } else if (i % 29 === 7) {
      write(`${folder}/${name}.yaml`, variant(i).replace('installation:\n  name:', 'installation:\n\tname:'));
    } else {
      write(`${folder}/${name}.yaml`, variant(i));
    }
  }
  return dir;
}
