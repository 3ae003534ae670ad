import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, SECRET_ID, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './secret-expired.js';
import expiring from './secret-expiring.js';

/** The vessel with its client secrets replaced by these expiry dates. */
function secrets(...dates: string[]): string {
  const rows = dates.map((d, i) => `    - { description: secret ${i + 1}, expires: ${d} }\n`).join('');
  return edit(VESSEL, [`    - description: tmmaster secret\n      expires: 2027-06-30\n      secretId: ${SECRET_ID}\n`, rows]);
}

const ALL_THREE =
  'Mail Settings > OAuth2 > Client Secret, TM Exchange SMTP > OAuth2 > Client Secret and TM Exchange POP3 > OAuth2 > Client Secret';

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office (no azure section)', yaml: OFFICE },
    { name: 'no azure section', yaml: removeBlock(VESSEL, 'azure:'), today: '2030-01-01' },
    { name: 'azure without clientSecrets', yaml: removeBlock(VESSEL, '  clientSecrets:'), today: '2030-01-01' },
    {
      name: 'an empty clientSecrets list',
      yaml: edit(removeBlock(VESSEL, '  clientSecrets:'), ['  exchangeOnline:', '  clientSecrets: []\n  exchangeOnline:']),
      today: '2030-01-01',
    },
    { name: 'a secret listed without a date', yaml: edit(VESSEL, ['      expires: 2027-06-30\n', '']), today: '2030-01-01' },
    { name: 'a secret that expires today still works today', yaml: VESSEL, today: '2027-06-30' },
    { name: 'an old secret has expired, the newest has not', yaml: secrets('2025-01-31', '2027-06-30', '2024-06-30') },
    { name: 'the newest listed first, the expired ones after it', yaml: secrets('2027-01-31', '2026-01-31', '2025-01-31') },
    { name: 'a date that does not exist (2027-02-30) is ignored', yaml: secrets('2027-02-30'), today: '2028-01-01' },
    { name: 'a leap day on that day', yaml: secrets('2028-02-29'), today: '2028-02-29' },
    { name: 'a secret expiring soon is not expired', yaml: VESSEL, today: '2027-06-29' },
  ],
  invalid: [
    {
      name: 'the only secret has expired',
      yaml: edit(VESSEL, ['expires: 2027-06-30', 'expires: 2026-01-31']),
      errors: [
        {
          pointer: '/azure/clientSecrets/0/expires',
          at: '2026-01-31',
          messageId: 'allExpired',
          data: { field: 'Azure > Client secrets #1 > Expires', expires: '2026-01-31', secretFields: ALL_THREE },
          fix: null,
        },
      ],
    },
    {
      name: 'it expired yesterday',
      yaml: VESSEL,
      today: '2027-07-01',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', messageId: 'allExpired', data: { expires: '2027-06-30' }, fix: null }],
    },
    {
      name: 'several secrets, all expired: the newest is reported',
      yaml: secrets('2025-03-01', '2026-01-31', '2024-12-31'),
      errors: [
        {
          pointer: '/azure/clientSecrets/1/expires',
          at: '2026-01-31',
          messageId: 'allExpired',
          data: { field: 'Azure > Client secrets #2 > Expires', expires: '2026-01-31' },
          fix: null,
        },
      ],
    },
    {
      name: 'a date that does not exist does not count as a valid secret',
      yaml: secrets('2027-02-30', '2026-01-31'),
      errors: [{ pointer: '/azure/clientSecrets/1/expires', at: '2026-01-31', messageId: 'allExpired', fix: null }],
    },
    {
      name: 'a leap day, the day after',
      yaml: secrets('2028-02-29'),
      today: '2028-03-01',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2028-02-29', messageId: 'allExpired', data: { expires: '2028-02-29' }, fix: null }],
    },
    {
      name: 'an office that only sends names its one Client Secret field',
      yaml: `${OFFICE}azure:
  clientSecrets:
    - description: tmmaster secret
      expires: 2025-09-30
`,
      errors: [
        {
          pointer: '/azure/clientSecrets/0/expires',
          at: '2025-09-30',
          messageId: 'allExpired',
          data: { secretFields: 'Mail Settings > OAuth2 > Client Secret' },
          fix: null,
        },
      ],
    },
    {
      name: 'a site on its own relay with OAuth2 off: every OAuth2 tab, named generally',
      yaml: `${OFFICE.replace('https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'relay.example.com').replace('useOAuth2: true', 'useOAuth2: false')}azure:
  clientSecrets:
    - { description: old, expires: 2025-09-30 }
`,
      errors: [{ pointer: '/azure/clientSecrets/0/expires', messageId: 'allExpired', data: { secretFields: 'the Client Secret of every OAuth2 tab' }, fix: null }],
    },
  ],
});

describe('azure/secret-expired supersedes azure/secret-expiring', () => {
  const rules = [rule, expiring];
  function found(today: string, off: readonly string[] = []): string[] {
    const config = resolveConfig(rules, { config: { rules: Object.fromEntries(off.map((id) => [id, 'off'])) } });
    return lintText(VESSEL, { filePath: 'case.yaml' }, { config, today, rules })
      .flatMap((r) => r.messages)
      .map((m) => `${m.ruleId}:${m.messageId}`);
  }

  it('an expired secret: the error alone; switched off, the warning still says so', () => {
    expect(found('2027-07-02')).toEqual(['azure/secret-expired:allExpired']);
    expect(found('2027-07-02', ['azure/secret-expired'])).toEqual(['azure/secret-expiring:expired']);
  });

  it('a secret expiring soon: the warning alone', () => {
    expect(found('2027-06-20')).toEqual(['azure/secret-expiring:expiresSoon']);
  });
});
