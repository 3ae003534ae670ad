import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { findConfigFile, parseRuleOverride, readConfigFile, resolveConfig } from './config.js';
import { defineRule } from './define-rule.js';

const messages = { x: '{{field}} x' };
const RULES = [
  defineRule({ id: 'parse', severity: 'error', docs: { description: 'x' }, fixable: false, messages, check() {} }),
  defineRule({ id: 'oauth2/scope', severity: 'error', docs: { description: 'x' }, fixable: true, messages, check() {} }),
  defineRule({ id: 'oauth2/secret-plaintext', severity: 'warning', docs: { description: 'x' }, fixable: false, messages, check() {} }),
  defineRule({
    id: 'azure/secret-expiring',
    severity: 'warning',
    docs: { description: 'x' },
    fixable: false,
    messages,
    options: { days: { type: 'integer', minimum: 1, maximum: 730, default: 30, description: 'days before expiry' } },
    check() {},
  }),
];

function thrown(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('resolveConfig', () => {
  it('starts from each rule\'s default severity and options', () => {
    const c = resolveConfig(RULES);
    expect(c.rules.get('oauth2/scope')).toEqual({ severity: 'error', options: {} });
    expect(c.rules.get('azure/secret-expiring')).toEqual({ severity: 'warning', options: { days: 30 } });
    expect(c.minimumBuilds.get(664)).toBe(8271);
  });

  it('applies the config of rules.md: severities, options, the build table', () => {
    const c = resolveConfig(RULES, {
      config: {
        rules: { 'oauth2/secret-plaintext': 'off', 'azure/secret-expiring': ['warning', { days: 45 }] },
        minimumBuilds: { '666': 8400 },
      },
    });
    expect(c.rules.get('oauth2/secret-plaintext')?.severity).toBe('off');
    expect(c.rules.get('azure/secret-expiring')?.options).toEqual({ days: 45 });
    expect(c.minimumBuilds.get(666)).toBe(8400);
  });

  it('lets --rule override the file', () => {
    const c = resolveConfig(RULES, { config: { rules: { 'oauth2/scope': 'off' } }, overrides: ['oauth2/scope:warning'] });
    expect(c.rules.get('oauth2/scope')?.severity).toBe('warning');
  });

  it('refuses an unknown rule ID, naming the closest known ones', () => {
    const e = thrown(() => resolveConfig(RULES, { config: { rules: { 'oauth2/scop': 'off' } }, configPath: 'tmcheck.config.json' }));
    expect(e.message).toContain('unknown rule "oauth2/scop" in tmcheck.config.json');
    expect(e.message).toContain('did you mean oauth2/scope');
    expect(thrown(() => resolveConfig(RULES, { overrides: ['oauth2/secret-plain:off'] })).message).toContain(
      'did you mean oauth2/secret-plaintext',
    );
  });

  it('refuses a bad severity and bad options', () => {
    expect(thrown(() => parseRuleOverride('oauth2/scope:severe', RULES)).message).toContain('off, info, warning, error');
    expect(thrown(() => parseRuleOverride('oauth2/scope', RULES)).message).toContain('ID:SEVERITY');
    expect(thrown(() => resolveConfig(RULES, { config: { rules: { 'azure/secret-expiring': ['warning', { day: 45 }] } } })).message).toContain(
      'no option "day"',
    );
    expect(thrown(() => resolveConfig(RULES, { config: { rules: { 'azure/secret-expiring': ['warning', { days: -1 }] } } })).message).toContain(
      'from 1 to 730',
    );
    expect(thrown(() => resolveConfig(RULES, { config: { rules: { 'oauth2/scope': ['error', { x: 1 }] } } })).message).toContain(
      'takes no options',
    );
  });

  it('refuses a minimum-build table entry that is not a DB version', () => {
    for (const key of ['0664', '99999']) {
      const e = thrown(() => resolveConfig(RULES, { config: { minimumBuilds: { [key]: 8300 } }, configPath: 'tmcheck.config.json' }));
      expect(e.message).toContain('minimumBuilds in tmcheck.config.json');
      expect(e.message).toContain(`"${key}"`);
    }
  });

  it('keeps parse an error: a file that cannot be read is never silent', () => {
    expect(thrown(() => resolveConfig(RULES, { overrides: ['parse:off'] })).message).toContain('parse cannot be set to off');
    expect(thrown(() => resolveConfig(RULES, { config: { rules: { parse: 'warning' } } })).message).toContain('always an error');
  });
});

describe('config files', () => {
  const root = mkdtempSync(join(tmpdir(), 'tmcheck-config-'));

  it('is found upward from the working folder, JSON or YAML', () => {
    const deep = join(root, 'fleet', 'vessels');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(root, 'tmcheck.config.yaml'), 'rules:\n  oauth2/secret-plaintext: off\n');
    const found = findConfigFile(deep);
    expect(found).toBe(join(root, 'tmcheck.config.yaml'));
    expect(readConfigFile(found!)).toEqual({ rules: { 'oauth2/secret-plaintext': 'off' } });
  });

  it('names the file and the field when invalid', () => {
    const bad = join(root, 'bad.json');
    writeFileSync(bad, '{ "rule": {} }');
    expect(thrown(() => readConfigFile(bad)).message).toMatch(/bad\.json is invalid at the top level: unknown property "rule": did you mean "rules"\?/);
    const warn = join(root, 'warn.json');
    writeFileSync(warn, '{ "rules": { "oauth2/scope": "warnings" } }');
    expect(thrown(() => readConfigFile(warn)).message).toContain('invalid at rules > oauth2/scope: received "warnings" (did you mean "warning"?)');
    const override = join(root, 'override.json');
    writeFileSync(override, '{ "overrides": [{ "files": ["a/**"] }, { "file": ["b/**"] }] }');
    expect(thrown(() => readConfigFile(override)).message).toContain('invalid at overrides #2');
    const broken = join(root, 'broken.json');
    writeFileSync(broken, '{ "rules": ');
    expect(thrown(() => readConfigFile(broken)).message).toMatch(/broken\.json:\d+:\d+ is not valid JSON\/YAML/);
    expect(thrown(() => readConfigFile(join(root, 'missing.json'))).message).toContain('ENOENT');
    expect(thrown(() => readConfigFile(join(root, 'missing.json'))).message).toContain('no such file or folder');
    expect(thrown(() => readConfigFile(root)).message).toContain('this is a folder, not a file');
    const scalar = join(root, 'scalar.yaml');
    writeFileSync(scalar, '42\n');
    expect(thrown(() => readConfigFile(scalar)).message).toContain('received 42; a config file is a mapping, such as { "rules"');
  });

  it('reads a config saved as UTF-16 with a byte order mark, as a manifest may be', () => {
    const utf16 = join(root, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{ "rules": { "oauth2/scope": "off" } }', 'utf16le')]));
    expect(readConfigFile(utf16)).toEqual({ rules: { 'oauth2/scope': 'off' } });
  });
});

describe('rule settings given directly (--rule)', () => {
  it('says how to give several rules, and suggests the severity meant', () => {
    expect(thrown(() => parseRuleOverride('oauth2/scope:off,parse:error', RULES)).message).toContain('one each');
    expect(thrown(() => parseRuleOverride('oauth2/scope:warnings', RULES)).message).toMatch(/such as oauth2\/scope:warning; received "warnings" \(did you mean warning\?\)/);
    expect(thrown(() => parseRuleOverride('oauth2/scope:', RULES)).message).not.toContain('did you mean');
  });

  it("accepts ESLint's warn and 0/1/2", () => {
    expect(parseRuleOverride('oauth2/scope:warn', RULES)).toEqual(['oauth2/scope', 'warning']);
    expect(parseRuleOverride('oauth2/scope:0', RULES)).toEqual(['oauth2/scope', 'off']);
    expect(parseRuleOverride('oauth2/scope:1', RULES)).toEqual(['oauth2/scope', 'warning']);
    expect(parseRuleOverride('oauth2/scope:2', RULES)).toEqual(['oauth2/scope', 'error']);
    const config = resolveConfig(RULES, { config: { rules: { 'oauth2/scope': 'warn', 'oauth2/secret-plaintext': 0, 'azure/secret-expiring': [2, { days: 10 }] } } });
    expect(config.rules.get('oauth2/scope')?.severity).toBe('warning');
    expect(config.rules.get('oauth2/secret-plaintext')?.severity).toBe('off');
    expect(config.rules.get('azure/secret-expiring')).toEqual({ severity: 'error', options: { days: 10 } });
  });
});
