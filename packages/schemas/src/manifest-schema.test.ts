import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { manifestSchema, validateManifest, type JsonObject, type JsonValue, type SchemaError } from './index.js';
import { fullManifest } from './test-utils/full-manifest.js';
import {
  documentObjects,
  documentPropertyPointers,
  isObject,
  objectSchemas,
  schemaPropertyPointers,
} from './test-utils/schema-walk.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const readFixture = (name: string): string => readFileSync(join(packageRoot, 'fixtures', name), 'utf8');
const loadYaml = (text: string): unknown => yaml.load(text, { schema: yaml.CORE_SCHEMA });

const fromJson = JSON.parse(readFixture('full-manifest.json')) as JsonObject;
const fromYaml = loadYaml(readFixture('full-manifest.yaml')) as JsonObject;

const minimal = {
  schemaVersion: 1,
  installation: { name: 'MV Nordic Star' },
  database: { version: 664 },
  client: { version: '2.664.8271.20345' },
};

function errorsOf(data: unknown): readonly SchemaError[] {
  const result = validateManifest(data);
  return result.valid ? [] : result.errors;
}

/** The short form of an error that the tables below compare. */
function brief(e: SchemaError): { keyword: string; instancePath: string; params: Readonly<Record<string, unknown>> } {
  return { keyword: e.keyword, instancePath: e.instancePath, params: e.params };
}

const REMOVE = Symbol('remove');

/** A deep copy of `doc` with the value at `pointer` set (or removed). */
function withChange(doc: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = segments.pop();
  if (last === undefined) throw new Error('pointer to the root');
  let node: Record<string, unknown> = copy;
  for (const segment of segments) {
    const next = node[segment];
    if (next === null || typeof next !== 'object') throw new Error(`${pointer}: no object at ${segment}`);
    node = next as Record<string, unknown>;
  }
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

describe('the full example of manifest.md', () => {
  it('is valid as JSON', () => {
    expect(errorsOf(fromJson)).toEqual([]);
  });

  it('is valid as YAML loaded with js-yaml CORE_SCHEMA', () => {
    expect(errorsOf(fromYaml)).toEqual([]);
  });

  it('is the same document in YAML, JSON and the typed literal', () => {
    const { $schema, ...jsonWithoutSchema } = fromJson;
    expect($schema).toBe('../schemas/manifest.schema.json');
    expect(fromYaml).toEqual(jsonWithoutSchema);
    expect(fullManifest).toEqual(fromJson);
  });

  it('uses every field the schema defines, and the schema defines no other', () => {
    expect(documentPropertyPointers(fromJson)).toEqual(schemaPropertyPointers(manifestSchema));
  });

  it('lists exactly the fields of manifest.md', () => {
    expect(schemaPropertyPointers(manifestSchema)).toEqual(
      [
        '/$schema',
        '/schemaVersion',
        '/installation', '/installation/name', '/installation/kind',
        '/database', '/database/version',
        '/client', '/client/version',
        '/serverService', '/serverService/version',
        '/mailSettings', '/mailSettings/smtpServer', '/mailSettings/smtpPort', '/mailSettings/smtpEnableSsl',
        '/mailSettings/basicAuth', '/mailSettings/basicAuth/userName', '/mailSettings/basicAuth/password',
        '/mailSettings/oauth2', '/mailSettings/oauth2/useOAuth2', '/mailSettings/oauth2/tokenUrl',
        '/mailSettings/oauth2/scope', '/mailSettings/oauth2/userName', '/mailSettings/oauth2/useAddressFromUser',
        '/mailSettings/oauth2/clientId', '/mailSettings/oauth2/clientSecret',
        '/mailSettings/smtpTest', '/mailSettings/smtpTest/sender', '/mailSettings/smtpTest/receiver',
        '/exchange', '/exchange/smtp', '/exchange/smtp/server', '/exchange/smtp/port', '/exchange/smtp/senderAddress',
        '/exchange/smtp/senderName', '/exchange/smtp/timeoutSeconds', '/exchange/smtp/useSsl',
        '/exchange/smtp/basicAuth', '/exchange/smtp/basicAuth/userName', '/exchange/smtp/basicAuth/password',
        '/exchange/smtp/oauth2', '/exchange/smtp/oauth2/useOAuth2', '/exchange/smtp/oauth2/tokenUrl',
        '/exchange/smtp/oauth2/scope', '/exchange/smtp/oauth2/userName', '/exchange/smtp/oauth2/clientId',
        '/exchange/smtp/oauth2/clientSecret',
        '/exchange/pop3', '/exchange/pop3/server', '/exchange/pop3/port', '/exchange/pop3/maxMessages',
        '/exchange/pop3/useSsl', '/exchange/pop3/basicAuth', '/exchange/pop3/basicAuth/userName',
        '/exchange/pop3/basicAuth/password', '/exchange/pop3/oauth2', '/exchange/pop3/oauth2/useOAuth2',
        '/exchange/pop3/oauth2/tokenUrl', '/exchange/pop3/oauth2/scope', '/exchange/pop3/oauth2/userName',
        '/exchange/pop3/oauth2/clientId', '/exchange/pop3/oauth2/clientSecret',
        '/azure', '/azure/tenantId', '/azure/applicationId', '/azure/objectId',
        '/azure/permissions', '/azure/permissions/*/api', '/azure/permissions/*/name', '/azure/permissions/*/type',
        '/azure/permissions/*/adminConsent',
        '/azure/clientSecrets', '/azure/clientSecrets/*/description', '/azure/clientSecrets/*/expires',
        '/azure/clientSecrets/*/secretId',
        '/azure/exchangeOnline', '/azure/exchangeOnline/servicePrincipalId', '/azure/exchangeOnline/mailboxPermissions',
        '/azure/exchangeOnline/mailboxPermissions/*/mailbox', '/azure/exchangeOnline/mailboxPermissions/*/accessRights',
      ].sort(),
    );
  });

  // shared/ sits beside the repository, for developers and CI alike (shared/README.md).
  const specFile = join(packageRoot, '../../../shared/spec/manifest.md');
  it('matches the example in shared/spec/manifest.md field for field', () => {
    const spec = readFileSync(specFile, 'utf8');
    const block = /```yaml\n([\s\S]*?)```/.exec(spec)?.[1];
    expect(block).toBeDefined();
    const example = loadYaml(block ?? '') as JsonObject;
    // As written, with its `...` placeholders (which are strings), it is valid too.
    expect(errorsOf(example)).toEqual([]);
    expect(documentPropertyPointers(example)).toEqual(documentPropertyPointers(fromYaml));
  });
});

describe('every field is accepted', () => {
  // Each field of the full example, alone on top of a minimal manifest.
  const pointers = documentPropertyPointers(fromJson).filter((p) => !p.includes('*'));
  it.each(pointers)('%s', (pointer) => {
    const [, top] = pointer.split('/');
    const doc: Record<string, unknown> = { ...structuredClone(minimal), [top ?? '']: structuredClone(fromJson[top ?? '']) };
    if (top === 'exchange') doc['serverService'] = fromJson['serverService'];
    expect(errorsOf(doc)).toEqual([]);
  });
});

describe('unknown properties are rejected where they occur', () => {
  const objects = documentObjects(fromJson);

  it('covers every object of the example', () => {
    expect(objects.map((o) => o.pointer)).toContain('/exchange/pop3/oauth2');
    expect(objects.map((o) => o.pointer)).toContain('/azure/exchangeOnline/mailboxPermissions/0');
    expect(objects).toHaveLength(22);
  });

  // A typo of one of the object's own keys that is not itself a known key.
  function typoOf(value: JsonObject): string {
    const keys = Object.keys(value);
    const first = keys[0] ?? 'x';
    const candidates = [first.toLowerCase(), `${first}s`, `${first}_`];
    const typo = candidates.find((c) => c !== first && !keys.includes(c));
    if (typo === undefined) throw new Error(`no typo for ${first}`);
    return typo;
  }

  it.each(objects.map(({ pointer, value }) => ({ pointer: pointer === '' ? '(root)' : pointer, at: pointer, key: typoOf(value) })))(
    '$key in $pointer',
    ({ at, key }) => {
      const doc = at === '' ? { ...fromJson, [key]: 'x' } : withChange(fromJson, `${at}/${key}`, 'x');
      expect(errorsOf(doc).map(brief)).toEqual([
        { keyword: 'additionalProperties', instancePath: at, params: { additionalProperty: key } },
      ]);
    },
  );

  it.each([
    ['/exchange/pop3/oauth2', 'tokenURL'],
    ['/exchange/smtp/oauth2', 'clientID'],
    ['/mailSettings/oauth2', 'useOauth2'],
    ['/mailSettings/oauth2', 'secret'],
    ['/mailSettings', 'smtpEnableSSL'],
    ['/mailSettings/smtpTest', 'recipient'],
    ['/mailSettings/basicAuth', 'username'],
    ['/exchange/smtp', 'timeout'],
    ['/exchange/smtp', 'senderAdress'],
    ['/exchange/pop3', 'maxMessagesToDownload'],
    ['/exchange/pop3', 'useSSL'],
    ['/exchange', 'imap'],
    ['/exchange/smtp/oauth2', 'useAddressFromUser'],
    ['', 'schemaversion'],
    ['', 'Installation'],
    ['', 'serverservice'],
    ['/installation', 'type'],
    ['/database', 'dbVersion'],
    ['/client', 'build'],
    ['/serverService', 'Version'],
    ['/azure', 'tenantID'],
    ['/azure/permissions/0', 'consent'],
    ['/azure/clientSecrets/0', 'expiry'],
    ['/azure/exchangeOnline', 'servicePrincipalID'],
    ['/azure/exchangeOnline/mailboxPermissions/0', 'accessRight'],
  ])('%s: %s', (at, key) => {
    const doc = at === '' ? { ...fromJson, [key]: 'x' } : withChange(fromJson, `${at}/${key}`, 'x');
    expect(errorsOf(doc).map(brief)).toEqual([
      { keyword: 'additionalProperties', instancePath: at, params: { additionalProperty: key } },
    ]);
  });
});

describe('wrong values are rejected', () => {
  const cases: readonly [name: string, pointer: string, value: unknown, expected: ReturnType<typeof brief>][] = [
    ['a version as a number', '/client/version', 2.664, { keyword: 'type', instancePath: '/client/version', params: { type: 'string' } }],
    ['a server-service version as a number', '/serverService/version', 2.664, { keyword: 'type', instancePath: '/serverService/version', params: { type: 'string' } }],
    ['a port as a string', '/exchange/pop3/port', '995', { keyword: 'type', instancePath: '/exchange/pop3/port', params: { type: 'integer' } }],
    ['a port over 65535', '/exchange/pop3/port', 70000, { keyword: 'maximum', instancePath: '/exchange/pop3/port', params: { comparison: '<=', limit: 65535 } }],
    ['port 0', '/mailSettings/smtpPort', 0, { keyword: 'minimum', instancePath: '/mailSettings/smtpPort', params: { comparison: '>=', limit: 1 } }],
    ['a fractional port', '/exchange/smtp/port', 587.5, { keyword: 'type', instancePath: '/exchange/smtp/port', params: { type: 'integer' } }],
    ['maxMessages 0', '/exchange/pop3/maxMessages', 0, { keyword: 'minimum', instancePath: '/exchange/pop3/maxMessages', params: { comparison: '>=', limit: 1 } }],
    ['timeoutSeconds 1.5', '/exchange/smtp/timeoutSeconds', 1.5, { keyword: 'type', instancePath: '/exchange/smtp/timeoutSeconds', params: { type: 'integer' } }],
    ['a negative DB version', '/database/version', -1, { keyword: 'minimum', instancePath: '/database/version', params: { comparison: '>=', limit: 0 } }],
    ['a DB version as a string', '/database/version', '664', { keyword: 'type', instancePath: '/database/version', params: { type: 'integer' } }],
    ['kind "ship"', '/installation/kind', 'ship', { keyword: 'enum', instancePath: '/installation/kind', params: { allowedValues: ['vessel', 'office'] } }],
    ['permission type "App"', '/azure/permissions/0/type', 'App', { keyword: 'enum', instancePath: '/azure/permissions/0/type', params: { allowedValues: ['Application', 'Delegated'] } }],
    ['permission api "Graph"', '/azure/permissions/1/api', 'Graph', { keyword: 'enum', instancePath: '/azure/permissions/1/api', params: { allowedValues: ['Microsoft Graph', 'Office 365 Exchange Online'] } }],
    ['expires "30/06/2027"', '/azure/clientSecrets/0/expires', '30/06/2027', { keyword: 'pattern', instancePath: '/azure/clientSecrets/0/expires', params: { pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' } }],
    ['expires in month 13', '/azure/clientSecrets/0/expires', '2027-13-01', { keyword: 'pattern', instancePath: '/azure/clientSecrets/0/expires', params: { pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' } }],
    ['schemaVersion 2', '/schemaVersion', 2, { keyword: 'const', instancePath: '/schemaVersion', params: { allowedValue: 1 } }],
    ['schemaVersion "1"', '/schemaVersion', '1', { keyword: 'const', instancePath: '/schemaVersion', params: { allowedValue: 1 } }],
    ['a missing installation name', '/installation/name', REMOVE, { keyword: 'required', instancePath: '/installation', params: { missingProperty: 'name' } }],
    ['an empty installation name', '/installation/name', '', { keyword: 'minLength', instancePath: '/installation/name', params: { limit: 1 } }],
    ['exchange without serverService', '/serverService', REMOVE, { keyword: 'dependentRequired', instancePath: '', params: { property: 'exchange', missingProperty: 'serverService', depsCount: 1, deps: 'serverService' } }],
    ['an OAuth2 tab without useOAuth2', '/exchange/pop3/oauth2/useOAuth2', REMOVE, { keyword: 'required', instancePath: '/exchange/pop3/oauth2', params: { missingProperty: 'useOAuth2' } }],
    ['the mail OAuth2 tab without useOAuth2', '/mailSettings/oauth2/useOAuth2', REMOVE, { keyword: 'required', instancePath: '/mailSettings/oauth2', params: { missingProperty: 'useOAuth2' } }],
    ['useOAuth2 "true"', '/exchange/smtp/oauth2/useOAuth2', 'true', { keyword: 'type', instancePath: '/exchange/smtp/oauth2/useOAuth2', params: { type: 'boolean' } }],
    ['a secret as a number', '/exchange/smtp/oauth2/clientSecret', 12345, { keyword: 'type', instancePath: '/exchange/smtp/oauth2/clientSecret', params: { type: 'string' } }],
    ['a password as a number', '/mailSettings/basicAuth/password', 12345, { keyword: 'type', instancePath: '/mailSettings/basicAuth/password', params: { type: 'string' } }],
    ['accessRights as a string', '/azure/exchangeOnline/mailboxPermissions/0/accessRights', 'FullAccess', { keyword: 'type', instancePath: '/azure/exchangeOnline/mailboxPermissions/0/accessRights', params: { type: 'array' } }],
    ['an access right as a number', '/azure/exchangeOnline/mailboxPermissions/0/accessRights/0', 1, { keyword: 'type', instancePath: '/azure/exchangeOnline/mailboxPermissions/0/accessRights/0', params: { type: 'string' } }],
    ['permissions as an object', '/azure/permissions', {}, { keyword: 'type', instancePath: '/azure/permissions', params: { type: 'array' } }],
    ['a section that is null', '/mailSettings', null, { keyword: 'type', instancePath: '/mailSettings', params: { type: 'object' } }],
  ];

  it.each(cases)('%s', (_name, pointer, value, expected) => {
    expect(errorsOf(withChange(fromJson, pointer, value)).map(brief)).toEqual([expected]);
  });

  it.each([
    ['missing schemaVersion', 'schemaVersion'],
    ['missing installation', 'installation'],
    ['missing database', 'database'],
    ['missing client', 'client'],
  ])('%s', (_name, key) => {
    const { [key]: _removed, ...rest } = minimal as Record<string, unknown>;
    expect(errorsOf(rest).map(brief)).toEqual([{ keyword: 'required', instancePath: '', params: { missingProperty: key } }]);
  });

  it.each([null, [], 'schemaVersion: 1', 1])('a document that is not an object: %j', (doc) => {
    expect(errorsOf(doc).map(brief)).toEqual([{ keyword: 'type', instancePath: '', params: { type: 'object' } }]);
  });

  it('reports every error of a document, not only the first', () => {
    const doc = withChange(withChange(fromJson, '/exchange/pop3/port', '995'), '/installation/kind', 'ship');
    expect(errorsOf(doc).map((e) => e.instancePath)).toEqual(['/installation/kind', '/exchange/pop3/port']);
  });

  it('gives each error a message', () => {
    const [error] = errorsOf(withChange(fromJson, '/exchange/pop3/port', '995'));
    expect(error).toEqual({
      instancePath: '/exchange/pop3/port',
      schemaPath: '#/$defs/port/type',
      keyword: 'type',
      params: { type: 'integer' },
      message: 'must be integer',
    });
  });
});

describe('what the schema leaves to the rules', () => {
  it.each(['/mailSettings/oauth2', '/exchange/smtp/oauth2', '/exchange/pop3/oauth2'])(
    'accepts %s: { useOAuth2: false } alone (a site with its own relay)',
    (pointer) => {
      expect(errorsOf(withChange(fromJson, pointer, { useOAuth2: false }))).toEqual([]);
    },
  );

  it.each([
    ['a URL that format: uri would reject', '/mailSettings/smtpServer', 'https://graph.microsoft.com/v1.0/users/{0}/sendMail'],
    ['a token URL with the placeholder left in', '/exchange/smtp/oauth2/tokenUrl', 'https://login.microsoftonline.com/TenantID/oauth2/v2.0/token'],
    ['a client ID that is not a GUID', '/exchange/smtp/oauth2/clientId', 'TMMaster'],
    ['a user name that is not an e-mail address', '/exchange/pop3/oauth2/userName', 'replication'],
    ['an empty client secret', '/exchange/pop3/oauth2/clientSecret', ''],
    ['a version that is not MAJOR.DB.BUILD', '/client/version', '2.664'],
    ['an impossible calendar date', '/azure/clientSecrets/0/expires', '2027-02-30'],
    ['an unknown permission name', '/azure/permissions/0/name', 'Mail.Send.All'],
    ['empty sections', '/exchange', {}],
    ['an empty permission', '/azure/permissions/0', {}],
  ])('accepts %s', (_name, pointer, value) => {
    expect(errorsOf(withChange(fromJson, pointer, value))).toEqual([]);
  });

  it('accepts the minimal manifest', () => {
    expect(errorsOf(minimal)).toEqual([]);
  });
});

describe('YAML as users write it (js-yaml CORE_SCHEMA)', () => {
  const head = 'schemaVersion: 1\ninstallation: { name: MV Nordic Star }\ndatabase: { version: 664 }\n';

  it('rejects an unquoted version such as 2.664 (a YAML number)', () => {
    expect(errorsOf(loadYaml(`${head}client: { version: 2.664 }\n`)).map(brief)).toEqual([
      { keyword: 'type', instancePath: '/client/version', params: { type: 'string' } },
    ]);
  });

  it('reads an unquoted 2.664.8271.20345 as a string', () => {
    expect(errorsOf(loadYaml(`${head}client: { version: 2.664.8271.20345 }\n`))).toEqual([]);
  });

  it('keeps an unquoted date a string, which the schema accepts', () => {
    const doc = loadYaml(`${head}client: { version: "2.664.8271.1" }\nazure:\n  clientSecrets:\n    - expires: 2027-06-30\n`);
    expect(errorsOf(doc)).toEqual([]);
  });

  it('(why CORE_SCHEMA: the default schema makes a date a Date, which is not a string)', () => {
    const doc = yaml.load(`${head}client: { version: "2.664.8271.1" }\nazure:\n  clientSecrets:\n    - expires: 2027-06-30\n`);
    expect(errorsOf(doc).map(brief)).toEqual([
      { keyword: 'type', instancePath: '/azure/clientSecrets/0/expires', params: { type: 'string' } },
    ]);
  });

  it('rejects a port written "995" in quotes', () => {
    const doc = loadYaml(`${head}client: { version: "2.664.8271.1" }\nserverService: { version: "2.664.8271.1" }\nexchange:\n  pop3: { port: "995" }\n`);
    expect(errorsOf(doc).map(brief)).toEqual([{ keyword: 'type', instancePath: '/exchange/pop3/port', params: { type: 'integer' } }]);
  });
});

describe('the schema itself', () => {
  it('is draft 2020-12 with its $id', () => {
    expect(manifestSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(manifestSchema['$id']).toBe('https://tmcheck.dev/schemas/manifest.schema.json');
    expect(manifestSchema['title']).toEqual(expect.any(String));
    expect(manifestSchema['description']).toEqual(expect.any(String));
  });

  it('closes every object: additionalProperties is false everywhere', () => {
    const objects = objectSchemas(manifestSchema);
    expect(objects.length).toBeGreaterThanOrEqual(17);
    expect(objects.filter(({ schema }) => schema['additionalProperties'] !== false).map(({ at }) => at)).toEqual([]);
  });

  it('describes every property (editors show the descriptions)', () => {
    const undescribed: string[] = [];
    for (const { at, schema } of objectSchemas(manifestSchema)) {
      const properties = schema['properties'];
      if (!isObject(properties)) continue;
      for (const [key, child] of Object.entries(properties)) {
        if (!isObject(child) || typeof child['description'] !== 'string' || child['description'] === '') undescribed.push(`${at}/properties/${key}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('uses no format keyword (the rules judge URLs, GUIDs and addresses)', () => {
    expect(JSON.stringify(manifestSchema)).not.toContain('"format"');
  });

  it('is the same object as schemas/manifest.schema.json, frozen', () => {
    const file = JSON.parse(readFileSync(join(packageRoot, 'schemas/manifest.schema.json'), 'utf8')) as JsonValue;
    expect(manifestSchema).toEqual(file);
    expect(Object.isFrozen(manifestSchema)).toBe(true);
    expect(Object.isFrozen(manifestSchema['properties'])).toBe(true);
  });
});
