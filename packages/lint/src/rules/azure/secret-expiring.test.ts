import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, SECRET_ID, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './secret-expiring.js';

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
    { name: 'no azure section', yaml: removeBlock(VESSEL, 'azure:'), today: '2027-06-29' },
    { name: 'azure without clientSecrets', yaml: removeBlock(VESSEL, '  clientSecrets:'), today: '2027-06-29' },
    { name: 'a secret listed without a date', yaml: edit(VESSEL, ['      expires: 2027-06-30\n', '']), today: '2027-06-29' },
    { name: '31 days left', yaml: VESSEL, today: '2027-05-30' },
    { name: 'an old secret expires soon, the newest does not', yaml: secrets('2026-12-01', '2027-06-30') },
    { name: 'an old secret has expired, the newest lasts', yaml: secrets('2025-12-01', '2027-06-30') },
    { name: '46 days left with days: 45', yaml: VESSEL, today: '2027-05-15', options: { days: 45 } },
    { name: '10 days left with days: 7', yaml: VESSEL, today: '2027-06-20', options: { days: 7 } },
    { name: 'a date that does not exist (2026-11-31) is ignored', yaml: secrets('2026-11-31') },
  ],
  invalid: [
    {
      name: '30 days left',
      yaml: VESSEL,
      today: '2027-05-31',
      errors: [
        {
          pointer: '/azure/clientSecrets/0/expires',
          at: '2027-06-30',
          messageId: 'expiresSoon',
          data: { field: 'Azure > Client secrets #1 > Expires', expires: '2027-06-30', days: 30, secretFields: ALL_THREE },
          fix: null,
        },
      ],
    },
    {
      name: 'it expires today',
      yaml: VESSEL,
      today: '2027-06-30',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', messageId: 'expiresToday', data: { expires: '2027-06-30', days: 0 }, fix: null }],
    },
    {
      name: 'one day left',
      yaml: VESSEL,
      today: '2027-06-29',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', messageId: 'expiresTomorrow', data: { expires: '2027-06-30', days: 1 }, fix: null }],
    },
    {
      name: 'already expired: said here too (azure/secret-expired supersedes it when on)',
      yaml: VESSEL,
      today: '2027-07-01',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', messageId: 'expired', data: { expires: '2027-06-30' }, fix: null }],
    },
    {
      name: '45 days left with days: 45',
      yaml: VESSEL,
      today: '2027-05-16',
      options: { days: 45 },
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', messageId: 'expiresSoon', data: { days: 45 }, fix: null }],
    },
    {
      name: 'the newest of several secrets is reported',
      yaml: secrets('2026-12-01', '2026-12-15', '2025-06-30'),
      errors: [
        {
          pointer: '/azure/clientSecrets/1/expires',
          at: '2026-12-15',
          messageId: 'expiresSoon',
          data: { field: 'Azure > Client secrets #2 > Expires', expires: '2026-12-15', days: 16 },
          fix: null,
        },
      ],
    },
    {
      name: 'across a year end, with a date that does not exist ignored',
      yaml: secrets('2027-02-30', '2027-01-05'),
      today: '2026-12-20',
      errors: [{ pointer: '/azure/clientSecrets/1/expires', at: '2027-01-05', messageId: 'expiresSoon', data: { days: 16 }, fix: null }],
    },
    {
      name: 'an office that only sends names its one Client Secret field',
      yaml: `${OFFICE}azure:
  clientSecrets:
    - description: tmmaster secret
      expires: 2026-12-09
`,
      errors: [
        {
          pointer: '/azure/clientSecrets/0/expires',
          at: '2026-12-09',
          messageId: 'expiresSoon',
          data: { days: 10, secretFields: 'Mail Settings > OAuth2 > Client Secret' },
          fix: null,
        },
      ],
    },
  ],
});
