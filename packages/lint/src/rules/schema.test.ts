import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import { lintText } from '../engine/lint-document.js';
import { OFFICE, VESSEL, edit } from '../test-utils/fixtures.js';
import { positionOf } from '../test-utils/rule-tester.js';
import { schemaReports } from '../engine/schema-findings.js';
import schema from './schema.js';

const RULES = [schema];
const options = { config: resolveConfig(RULES), today: '2026-11-29', rules: RULES };
const findings = (text: string) => lintText(text, { filePath: 'x.yaml' }, options).flatMap((r) => r.messages);

describe('schema', () => {
  it('accepts the correct vessel and office', () => {
    expect(findings(VESSEL)).toEqual([]);
    expect(findings(OFFICE)).toEqual([]);
  });

  it.each([
    ['    scope: https://outlook', '    scpoe: https://outlook', 'scpoe', '"scope"'],
    ['  pop3:', '  pop:', 'pop:', '"pop3"'],
    ['    maxMessages: 20', '    maxMessage: 20', 'maxMessage', '"maxMessages"'],
    ['  servicePrincipalId', '  servicePrincipalID', 'servicePrincipalID', '"servicePrincipalId"'],
  ])('reports a misspelt %s with a "did you mean" at the key, and a rename fix', (find, replace, at, suggestion) => {
    const text = edit(VESSEL, [find, replace]);
    const found = findings(text);
    expect(found.map((f) => f.messageId)).toEqual(['misspelt']);
    const [f] = found;
    expect(`"${f?.data?.['suggestion']}"`).toBe(suggestion);
    expect(f?.fix).toEqual({ pointer: f?.pointer, rename: JSON.parse(suggestion) });
    expect({ line: f?.line, column: f?.column }).toEqual(positionOf(text, at));
  });

  it.each([
    ['    port: 995', '    port: "995"', '/exchange/pop3/port', 'quotedValue', { expected: 'a whole number', found: '"995"', example: 'port: 995' }],
    ['    port: 995', '    port: 99500', '/exchange/pop3/port', 'outOfRange', { range: 'from 1 to 65535', found: 'the number 99500' }],
    ['  kind: vessel', '  kind: ship', '/installation/kind', 'notOneOf', { allowed: '"vessel", "office"', found: 'the text "ship"' }],
    ['expires: 2027-06-30', 'expires: 30/06/2027', '/azure/clientSecrets/0/expires', 'notDate', { found: 'the text "30/06/2027"' }],
    ['schemaVersion: 1', 'schemaVersion: 2', '/schemaVersion', 'notConst', { expected: '1', found: 'the number 2' }],
    ['type: Application', 'type: App', '/azure/permissions/0/type', 'notOneOf', { field: 'Azure > API permissions #1 > Type', allowed: '"Application", "Delegated"' }],
    ['    useSsl: true', '    useSsl: "yes"', '/exchange/smtp/useSsl', 'wrongType', { expected: 'true or false', found: 'the text "yes"' }],
    ['    useSsl: true', '    useSsl: "true"', '/exchange/smtp/useSsl', 'quotedValue', { example: 'useSsl: true' }],
  ])('reports %s -> %s at %s', (find, replace, pointer, messageId, data) => {
    const [f] = findings(edit(VESSEL, [find, replace]));
    expect(f).toMatchObject({ ruleId: 'schema', pointer, messageId });
    expect(f?.data).toMatchObject(data);
  });

  it('fixes schemaVersion to 1 and a number written as text to the number', () => {
    expect(findings(edit(VESSEL, ['schemaVersion: 1', 'schemaVersion: 2']))[0]?.fix).toEqual({ pointer: '/schemaVersion', value: 1 });
    expect(findings(edit(VESSEL, ['    port: 995', '    port: "995"']))[0]?.fix).toEqual({ pointer: '/exchange/pop3/port', value: 995 });
  });

  it('names every field by the catalog, and quotes no secret of the wrong type', () => {
    const [f] = findings(edit(VESSEL, ['clientSecret: ${TM_MAIL_SECRET}', 'clientSecret: 987654321012']));
    expect(f).toMatchObject({ messageId: 'wrongType', data: { field: 'Mail Settings > OAuth2 > Client Secret', found: 'a number' } });
    expect(JSON.stringify(f)).not.toContain('987654321012');
  });

  it('accepts an OAuth2 tab that only says useOAuth2: false', () => {
    expect(findings(OFFICE.replace(/  oauth2:\n(    .*\n)+/, '  oauth2: { useOAuth2: false }\n'))).toEqual([]);
  });

  it('reaches every message it declares', () => {
    const reached = new Set<string>();
    const add = (text: string): void => {
      for (const f of findings(text)) reached.add(f.messageId);
    };
    add(edit(VESSEL, ['    scope: https://outlook', '    scpoe: https://outlook'])); // misspelt
    add(edit(VESSEL, ['  kind: vessel', '  kind: vessel\n  flag: NO'])); // unknownProperty
    add(VESSEL.replace('schemaVersion: 1\n', '')); // required
    add(VESSEL.replace(/database:\n  version: \d+\n/, '')); // requiredSection
    add(VESSEL.replace(/serverService:\n  version: .*\n/, '')); // serverServiceRequired
    add(edit(VESSEL, ['    useSsl: true', '    useSsl: "yes"'])); // wrongType
    add(edit(VESSEL, ['    port: 995', '    port: "995"'])); // quotedValue
    add(edit(VESSEL, ['version: "2.664.8271.20345"', 'version: 2.664'])); // unquotedText
    add(edit(VESSEL, ['  kind: vessel', '  kind: ship'])); // notOneOf
    add(edit(VESSEL, ['schemaVersion: 1', 'schemaVersion: 2'])); // notConst
    add(edit(VESSEL, ['    port: 995', '    port: 99500'])); // outOfRange
    add(edit(VESSEL, ['expires: 2027-06-30', 'expires: 30/06/2027'])); // notDate
    add(edit(VESSEL, ['  name: MV Nordic Star', '  name: ""'])); // empty
    add('- a\n'); // notMapping
    add('# nothing\n'); // noManifest
    for (const r of schemaReports([{ instancePath: '/azure', schemaPath: '#/x/future', keyword: 'future', params: {}, message: 'must be in the future' }], {})) reached.add(r.messageId);
    expect([...reached].sort()).toEqual(Object.keys(schema.messages).sort());
  });
});
