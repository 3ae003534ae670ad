import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import { lintText } from '../engine/lint-document.js';
import { OFFICE, VESSEL, edit } from '../test-utils/fixtures.js';
import { positionOf } from '../test-utils/rule-tester.js';
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
  ])('reports a misspelt %s with a "did you mean" at the key', (find, replace, at, suggestion) => {
    const text = edit(VESSEL, [find, replace]);
    const [f] = findings(text);
    expect(f?.message).toContain(`did you mean ${suggestion}?`);
    expect({ line: f?.line, column: f?.column }).toEqual(positionOf(text, at));
  });

  it.each([
    ['    port: 995', '    port: "995"', '/exchange/pop3/port', 'a whole number'],
    ['    port: 995', '    port: 99500', '/exchange/pop3/port', 'from 1 to 65535'],
    ['  kind: vessel', '  kind: ship', '/installation/kind', '"vessel", "office"'],
    ['expires: 2027-06-30', 'expires: 30/06/2027', '/azure/clientSecrets/0/expires', 'YYYY-MM-DD'],
    ['schemaVersion: 1', 'schemaVersion: 2', '/schemaVersion', 'must be 1'],
    ['type: Application', 'type: App', '/azure/permissions/0/type', '"Application", "Delegated"'],
  ])('reports %s -> %s at %s', (find, replace, pointer, words) => {
    const [f] = findings(edit(VESSEL, [find, replace]));
    expect(f).toMatchObject({ ruleId: 'schema', pointer });
    expect(f?.message).toContain(words);
  });

  it('accepts an OAuth2 tab that only says useOAuth2: false', () => {
    expect(findings(OFFICE.replace(/  oauth2:\n(    .*\n)+/, '  oauth2: { useOAuth2: false }\n'))).toEqual([]);
  });
});
