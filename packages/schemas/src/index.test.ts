import { describe, expect, it } from 'vitest';
import { allowedProperties, configSchema, manifestSchema, validateConfig, validateManifest } from './index.js';

describe('validateManifest / validateConfig results', () => {
  it('is { valid: true } for a valid document, with nothing else', () => {
    const result = validateManifest({ schemaVersion: 1, installation: { name: 'x' }, database: { version: 664 }, client: { version: '2' } });
    expect(result).toEqual({ valid: true });
    expect(validateConfig({})).toEqual({ valid: true });
  });

  it('returns errors with exactly the trimmed ajv fields, frozen', () => {
    const result = validateConfig({ unknown: 1 });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(Object.keys(error ?? {}).sort()).toEqual(['instancePath', 'keyword', 'message', 'params', 'schemaPath']);
    expect(Object.isFrozen(result.errors)).toBe(true);
    expect(Object.isFrozen(error)).toBe(true);
  });

  it('keeps no state between calls', () => {
    expect(validateManifest({}).valid).toBe(false);
    expect(validateManifest({ schemaVersion: 1, installation: { name: 'x' }, database: { version: 1 }, client: { version: '' } })).toEqual({ valid: true });
    const again = validateManifest({});
    expect(again.valid ? [] : again.errors.map((e) => e.params['missingProperty'])).toEqual(['schemaVersion', 'installation', 'database', 'client']);
  });
});

describe('allowedProperties (for "did you mean")', () => {
  it('lists the properties of the object whose additionalProperties failed', () => {
    const result = validateManifest({
      schemaVersion: 1,
      installation: { name: 'x' },
      database: { version: 1 },
      client: { version: '2' },
      serverService: { version: '2' },
      exchange: { pop3: { oauth2: { useOAuth2: true, tokenURL: 'x' } } },
    });
    expect(result.valid).toBe(false);
    if (result.valid) return;
    const [error] = result.errors;
    expect(error?.schemaPath).toBe('#/properties/exchange/properties/pop3/properties/oauth2/additionalProperties');
    expect(allowedProperties(manifestSchema, error?.schemaPath ?? '')).toEqual([
      'useOAuth2',
      'tokenUrl',
      'scope',
      'userName',
      'clientId',
      'clientSecret',
    ]);
  });

  it('resolves the root, nested paths and escaped names', () => {
    expect(allowedProperties(manifestSchema, '#/additionalProperties')).toContain('$schema');
    expect(allowedProperties(manifestSchema, '#/properties/azure/properties/permissions/items/additionalProperties')).toEqual([
      'api',
      'name',
      'type',
      'adminConsent',
    ]);
    expect(allowedProperties(configSchema, '#/additionalProperties')).toEqual(['$schema', 'rules', 'minimumBuilds', 'overrides', 'ignores']);
  });

  it('returns [] where the path leads nowhere', () => {
    expect(allowedProperties(manifestSchema, '#/properties/nothing/additionalProperties')).toEqual([]);
    expect(allowedProperties(manifestSchema, '#/properties/schemaVersion')).toEqual([]);
    expect(allowedProperties(manifestSchema, 'not a fragment')).toEqual([]);
    expect(allowedProperties(manifestSchema, '#/%E0%A4%A')).toEqual([]);
  });
});
