import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { configSchema, validateConfig, type JsonValue, type SchemaError } from './index.js';
import { rulesMdConfig } from './test-utils/full-manifest.js';
import { objectSchemas } from './test-utils/schema-walk.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function errorsOf(data: unknown): readonly SchemaError[] {
  const result = validateConfig(data);
  return result.valid ? [] : result.errors;
}

describe('config schema', () => {
  it('accepts the example of rules.md, as JSON and as YAML', () => {
    const json = JSON.parse(
      '{ "rules": { "oauth2/secret-plaintext": "off", "azure/secret-expiring": ["warning", { "days": 45 }] }, "minimumBuilds": { "666": 8400 } }',
    ) as unknown;
    expect(json).toEqual(rulesMdConfig);
    expect(errorsOf(json)).toEqual([]);
    const fromYaml = yaml.load(
      'rules:\n  oauth2/secret-plaintext: "off"\n  azure/secret-expiring: [warning, { days: 45 }]\nminimumBuilds:\n  "666": 8400\n',
      { schema: yaml.CORE_SCHEMA },
    );
    expect(fromYaml).toEqual(json);
    expect(errorsOf(fromYaml)).toEqual([]);
  });

  it.each([
    ['an empty config', {}],
    ['a $schema', { $schema: './node_modules/@tmcheck/schemas/schemas/config.schema.json' }],
    ['every severity', { rules: { a: 'off', b: 'info', c: 'warning', d: 'error' } }],
    ["ESLint's warn and 0/1/2", { rules: { a: 'warn', b: 0, c: 1, d: [2, {}] } }],
    ['overrides and ignores (rules.md)', { overrides: [{ files: ['offices/**'], rules: { 'azure/mailbox-permission': 'off' } }, { files: ['legacy-db-660/**'], minimumBuilds: { '660': 8100 } }], ignores: ['drafts/**'] }],
    ['[severity]', { rules: { 'oauth2/scope': ['error'] } }],
    ['[severity, options]', { rules: { 'azure/secret-expiring': ['info', {}] } }],
    // Rule IDs are the linter's business: it reports an unknown one with a suggestion.
    ['an unknown rule ID', { rules: { 'OAuth2/Scope': 'off' } }],
    ['a minimum build for a 5-digit DB version', { minimumBuilds: { '10000': 0 } }],
    ['the largest build', { minimumBuilds: { '666': 65534 } }],
  ])('accepts %s', (_name, config) => {
    expect(errorsOf(config)).toEqual([]);
  });

  const cases: readonly [name: string, config: unknown, keyword: string, instancePath: string][] = [
    ['a bad severity "warnings"', { rules: { 'oauth2/scope': 'warnings' } }, 'enum', '/rules/oauth2~1scope'],
    ['a bad severity in an array', { rules: { 'oauth2/scope': ['fatal'] } }, 'enum', '/rules/oauth2~1scope/0'],
    ['a severity number out of ESLint\'s 0/1/2', { rules: { 'oauth2/scope': 3 } }, 'enum', '/rules/oauth2~1scope'],
    ['an override without files', { overrides: [{ rules: {} }] }, 'required', '/overrides/0'],
    ['an override with an empty list of files', { overrides: [{ files: [] }] }, 'minItems', '/overrides/0/files'],
    ['an override with an unknown key', { overrides: [{ files: ['a/**'], rule: {} }] }, 'additionalProperties', '/overrides/0'],
    ['ignores as a string', { ignores: 'drafts/**' }, 'type', '/ignores'],
    ['an empty array', { rules: { 'oauth2/scope': [] } }, 'minItems', '/rules/oauth2~1scope'],
    ['options that are not an object', { rules: { 'azure/secret-expiring': ['warning', 45] } }, 'type', '/rules/azure~1secret-expiring/1'],
    ['three items', { rules: { 'azure/secret-expiring': ['warning', {}, {}] } }, 'items', '/rules/azure~1secret-expiring'],
    ['rules as an array', { rules: ['oauth2/scope'] }, 'type', '/rules'],
    ['an unknown top-level key', { rule: {} }, 'additionalProperties', ''],
    ['a DB version that is not digits', { minimumBuilds: { v666: 8400 } }, 'pattern', '/minimumBuilds'],
    ['a DB version of 6 digits', { minimumBuilds: { '123456': 8400 } }, 'pattern', '/minimumBuilds'],
    ['a build over 65534', { minimumBuilds: { '666': 65535 } }, 'maximum', '/minimumBuilds/666'],
    ['a negative build', { minimumBuilds: { '666': -1 } }, 'minimum', '/minimumBuilds/666'],
    ['a fractional build', { minimumBuilds: { '666': 8400.5 } }, 'type', '/minimumBuilds/666'],
    ['a build as a string', { minimumBuilds: { '666': '8400' } }, 'type', '/minimumBuilds/666'],
    ['a config that is not an object', ['rules'], 'type', ''],
  ];

  it.each(cases)('rejects %s', (_name, config, keyword, instancePath) => {
    const errors = errorsOf(config);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => [e.keyword, e.instancePath])).toContainEqual([keyword, instancePath]);
  });

  it('names the unknown top-level key', () => {
    expect(errorsOf({ rules: {}, minimumBuild: {} })).toEqual([
      {
        instancePath: '',
        schemaPath: '#/additionalProperties',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'minimumBuild' },
        message: 'must NOT have additional properties',
      },
    ]);
  });

  it('is draft 2020-12 with its $id, the same as schemas/config.schema.json', () => {
    expect(configSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(configSchema['$id']).toBe('https://tmcheck.dev/schemas/config.schema.json');
    const file = JSON.parse(readFileSync(join(packageRoot, 'schemas/config.schema.json'), 'utf8')) as JsonValue;
    expect(configSchema).toEqual(file);
  });

  it('closes the top level, types both maps, and leaves only rule options open', () => {
    const open = objectSchemas(configSchema).map(({ at, schema }) => [at, schema['additionalProperties']]);
    expect(open).toEqual([
      ['#', false],
      ['#/properties/rules', { $ref: '#/$defs/ruleSetting' }],
      ['#/properties/overrides/items', false],
      ['#/properties/overrides/items/properties/rules', { $ref: '#/$defs/ruleSetting' }],
      // Which options a rule takes is checked by the linter, rule by rule.
      ['#/$defs/ruleOptions', true],
      ['#/$defs/minimumBuilds', expect.objectContaining({ type: 'integer' })],
    ]);
  });
});
