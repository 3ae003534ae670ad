// A generated fleet for the bench: N manifests made from examples/fleet and the schema's full example,
// each installation with its own names, mailboxes, IDs, builds and secret dates, about a third with one to
// three mistakes a support engineer meets (swapped scopes, a secret pasted in plain text, an expired secret,
// a misspelt key...), some files holding several installations, some written as JSON, a few that do not
// parse, a few YAML files that are no manifests, and config files (one with overrides) that apply by folder.
// Deterministic: the same N gives the same files, byte for byte, on every machine.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** Bump when the generator changes: fleets made by an older one are made again. */
const GENERATOR = 3;
/** The date the bench judges secret expiry against (--now), so that the findings never change with the calendar. */
export const FLEET_NOW = '2026-11-29';

/** mulberry32: a small, fast, seeded generator (the same sequence everywhere). */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const HEX = '0123456789abcdef';
function guid(r) {
  let s = '';
  for (let i = 0; i < 32; i++) s += i === 12 ? '4' : i === 16 ? HEX[8 + r.int(0, 3)] : HEX[r.int(0, 15)];
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-';
/** A value shaped like an Entra ID client secret (never a real one). */
function fakeSecret(r) {
  let s = `${r.pick(['Xq8', 'Tz7', 'Lm2'])}Q~`;
  for (let i = 0; i < 35; i++) s += SECRET_CHARS[r.int(0, SECRET_CHARS.length - 1)];
  return s;
}

const pad = (n, width) => String(n).padStart(width, '0');

/** The templates: the example fleet and the schema's full example, with how often each is drawn. */
function templates() {
  const read = (path) => readFileSync(join(root, path), 'utf8');
  const weights = {
    'nordic-star.yaml': 30,
    'bergen-office.yaml': 14,
    'relay-office.yaml': 8,
    'address-from-user-without-placeholder.yaml': 4,
    'client-build-8270.yaml': 4,
    'scopes-swapped.yaml': 4,
    'secret-id-instead-of-value.yaml': 4,
    'server-service-too-old.yaml': 4,
    'tenant-placeholder.yaml': 4,
  };
  const list = [];
  for (const name of readdirSync(join(root, 'examples', 'fleet')).filter((f) => f.endsWith('.yaml')).sort()) {
    list.push({ name, text: read(`examples/fleet/${name}`), weight: weights[name] ?? 4 });
  }
  // the full example: every field, comments at the end of lines; its placeholder IDs become real ones below
  list.push({ name: 'full-manifest.yaml', text: read('packages/schemas/fixtures/full-manifest.yaml'), weight: 12 });
  const total = list.reduce((sum, t) => sum + t.weight, 0);
  return { list, total };
}

/** Mistakes, each a change of the text (a change that finds nothing to change leaves the file as it is). */
const FAULTS = [
  (t) => t.replace('scope: https://outlook.office365.com/.default', 'scope: https://graph.microsoft.com/.default'),
  (t) => t.replace(/(\n {4}port: )995/, '$1110'),
  (t, r) => t.replace('clientSecret: ${TM_MAIL_SECRET}', `clientSecret: ${fakeSecret(r)}`),
  (t) => t.replace(/expires: \d{4}-\d{2}-\d{2}/, 'expires: 2025-03-31'),
  (t) => t.replace(/expires: \d{4}-\d{2}-\d{2}/, 'expires: 2026-12-14'),
  (t) => t.replace('useSsl:', 'useSSL:'),
  (t) => t.replace('timeoutSeconds: 100', 'timeoutSeconds: 1000'),
  (t) => t.replace(/(client:\n {2}version: "2\.\d+\.)\d+/, '$18262'),
  (t) => t.replace(/(serverService:\n {2}version: "2\.\d+\.)\d+/, '$18100'),
  (t) => t.replace('useOAuth2: true', 'useOAuth2: false'),
  (t) => t.replace('/oauth2/v2.0/token', '/oauth2/token'),
  (t) => t.replace(/(tokenUrl: https:\/\/login\.microsoftonline\.com\/)[0-9a-f-]{36}/, '$1TenantID'),
  (t) => t.replace(/\n {6}clientId: [^\n]*/, ''),
  (t) => t.replace('smtpEnableSsl: true', 'smtpEnableSsl: false'),
  (t) => t.replace(/(database:\n {2}version: )\d+/, '$1670'),
  (t) => t.replace(/\n( +)timeoutSeconds: \d+/, '\n$1# tmcheck-disable-next-line exchange/timeout -- the satellite link is slow\n$1timeoutSeconds: 900'),
  (t) => t.replace(/(server: https:\/\/graph\.microsoft\.com\/v1\.0\/users\/)[^/\s]+/, '$1someone.else@example.com'),
  (t) => t.replace('server: outlook.office365.com', 'server: outlook.office365.com:995'),
  (t) => t.replace(/\n {4}userName: [^\n]*/, '\n    userName: TM Master'),
  (t) => t.replace('name: POP.AccessAsApp, type: Application', 'name: POP.AccessAsApp, type: Delegated'),
];

/** Text that does not parse, as hand edits leave it. */
const BROKEN = [
  (t) => t.replace('installation:\n  name:', 'installation:\n\tname:'),
  (t) => t.replace(/version: "(2\.\d+\.\d+\.\d+)"/, 'version: "$1'),
  (t) => t.replace(/\nclient:\n/, '\nclient:\n  - oops\n'),
];

/** One installation: a template made its own (names, mailboxes, IDs, builds, dates), with mistakes or not. */
function installation(r, t, i, code) {
  let text = t.text.replace(/\n# expect:[^\n]*/g, '').replace(/\n# (The full example|\(`\.\.\.`|full-manifest\.json)[^\n]*/g, '');
  text = text.replace(/(\n {2}name: )([^\n#]*?)(\s*(?:#[^\n]*)?\n)/, (_, a, name, rest) => `${a}${name} ${code}${rest}`);
  // every ID its own, the same ID the same everywhere in the file (so that a correct manifest stays correct)
  const ids = new Map();
  text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!ids.has(id)) ids.set(id, guid(r));
    return ids.get(id);
  });
  // mailboxes: the same address the same everywhere, one installation's own
  const site = code.toLowerCase();
  text = text.replace(/([a-z][a-z.]*)@example\.com/g, (_, local) => `${local}.${site}@example.com`);
  // a database and builds at or above the minimum for it
  const db = r.pick([662, 664, 664, 665]);
  const build = r.int(8271, 8420);
  text = text.replace(/(database:\n {2}version: )\d+/, `$1${db}`);
  text = text.replace(/"2\.(\d+)\.(\d+)\.(\d+)"/g, (whole, _db, b) => (Number(b) < 8271 ? `"2.${db}.${b}.${r.int(1000, 30000)}"` : `"2.${db}.${build}.${r.int(1000, 30000)}"`));
  text = text.replace(/expires: \d{4}-\d{2}-\d{2}/g, () => `expires: ${r.int(2027, 2029)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`);
  let faults = 0;
  if (r.chance(0.35)) {
    const n = r.int(1, 3);
    for (let k = 0; k < n; k++) text = r.pick(FAULTS)(text, r);
    faults = n;
  }
  return { text, faults };
}

function loadYaml() {
  const require = createRequire(join(root, 'packages', 'lint', 'package.json'));
  return require('js-yaml');
}

/** The files of a fleet of `count` manifests: paths relative to the fleet folder, and their text. */
export function* fleetFiles(count) {
  const r = random(0x7eca11 + count);
  const { list, total } = templates();
  const yaml = loadYaml();
  const draw = () => {
    let x = r.next() * total;
    for (const t of list) {
      x -= t.weight;
      if (x < 0) return t;
    }
    return list[list.length - 1];
  };
  const regions = ['north-sea', 'baltic', 'mediterranean', 'asia', 'americas'];
  for (let i = 0; i < count; i++) {
    const group = Math.floor(i / 500);
    const folder = `${regions[group % regions.length]}/group-${pad(group, 3)}`;
    const code = `V${pad(i, 5)}`;
    const kind = r.next();
    if (kind < 0.05) {
      // a file of several installations (one per document), as a ship with two systems is written
      const n = r.int(2, 4);
      const docs = [];
      for (let k = 0; k < n; k++) docs.push(installation(r, draw(), i, `${code}-${k + 1}`).text);
      yield { path: `${folder}/multi-${code}.yaml`, text: docs.join('---\n'), ajv: false };
      continue;
    }
    const t = draw();
    const { text } = installation(r, t, i, code);
    const stem = `${t.name.replace(/\.yaml$/, '')}-${code}`;
    if (kind < 0.15) {
      // JSON, as a tool exports it
      const data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
      yield { path: `${folder}/${stem}.json`, text: `${JSON.stringify(data, null, 2)}\n`, ajv: true };
      continue;
    }
    if (kind < 0.155) {
      yield { path: `${folder}/${stem}.yaml`, text: r.pick(BROKEN)(text), ajv: false };
      continue;
    }
    yield { path: `${folder}/${stem}.${kind < 0.2 ? 'yml' : 'yaml'}`, text, ajv: true };
  }
}

/** Files besides the manifests: configs that apply by folder, and YAML/JSON files that are no manifests. */
function extraFiles(count) {
  const files = [
    {
      path: 'tmcheck.config.json',
      text: `${JSON.stringify(
        {
          rules: { 'exchange/timeout': 'error', 'azure/secret-expiring': ['warning', { days: 45 }] },
          overrides: [{ files: ['baltic/**'], rules: { 'oauth2/secret-plaintext': 'error' } }],
        },
        null,
        2,
      )}\n`,
    },
    { path: 'asia/tmcheck.config.yaml', text: 'minimumBuilds:\n  "666": 8400\nrules:\n  version/unknown-db: "off"\n' },
    { path: 'package.json', text: '{ "name": "fleet-manifests", "private": true }\n' },
  ];
  const groups = Math.ceil(count / 500);
  const regions = ['north-sea', 'baltic', 'mediterranean', 'asia', 'americas'];
  for (let g = 0; g < groups; g++) files.push({ path: `${regions[g % regions.length]}/group-${pad(g, 3)}/.ci.yml`, text: 'steps:\n  - run: tmcheck lint .\n' });
  for (let g = 0; g < groups; g++) files.push({ path: `${regions[g % regions.length]}/group-${pad(g, 3)}/owners.yaml`, text: `owners:\n  - fleet.ops.${g}@example.com\n` });
  return files;
}

/**
 * The fleet of `count` manifests under bench/.fleet/COUNT, made once (again when the generator changed).
 * Returns its folder and the manifests ajv-cli can read (one document, valid syntax), relative to it.
 */
export function ensureFleet(count) {
  const base = join(root, 'bench', '.fleet');
  const dir = join(base, String(count));
  const stamp = join(base, `${count}.json`);
  if (existsSync(stamp) && existsSync(dir)) {
    const meta = JSON.parse(readFileSync(stamp, 'utf8'));
    if (meta.generator === GENERATOR) return { dir, ...meta };
  }
  rmSync(stamp, { force: true });
  const temporary = `${dir}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  const made = new Set();
  const ajv = [];
  let bytes = 0;
  let multi = 0;
  let json = 0;
  const write = (path, text) => {
    const full = join(temporary, path);
    const folder = dirname(full);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
  };
  for (const f of fleetFiles(count)) {
    write(f.path, f.text);
    if (f.ajv) ajv.push(f.path);
    if (f.path.includes('/multi-')) multi++;
    if (f.path.endsWith('.json')) json++;
  }
  for (const f of extraFiles(count)) write(f.path, f.text);
  rmSync(dir, { recursive: true, force: true });
  renameSync(temporary, dir);
  const meta = { generator: GENERATOR, count, bytes, multi, json, ajv };
  writeFileSync(stamp, JSON.stringify(meta));
  return { dir, ...meta };
}

export function shown(path) {
  return relative(root, path);
}
