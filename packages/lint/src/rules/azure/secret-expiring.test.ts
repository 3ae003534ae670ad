import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, SECRET_ID, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './secret-expiring.js';

/** The vessel with its client secrets replaced by these expiry dates. */
function secrets(...dates: string[]): string {
  const rows = dates.map((d, i) => `    - { description: secret ${i + 1}, expires: ${d} }\n`).join('');
  return edit(VESSEL, [`    - description: tmmaster secret\n      expires: 2027-06-30\n      secretId: ${SECRET_ID}\n`, rows]);
}

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office (no azure section)', yaml: OFFICE },
    { name: 'no azure section', yaml: removeBlock(VESSEL, 'azure:'), today: '2027-06-29' },
    { name: 'azure without clientSecrets', yaml: removeBlock(VESSEL, '  clientSecrets:'), today: '2027-06-29' },
    { name: 'a secret listed without a date', yaml: edit(VESSEL, ['      expires: 2027-06-30\n', '']), today: '2027-06-29' },
    { name: '31 days left', yaml: VESSEL, today: '2027-05-30' },
    { name: 'already expired: that is azure/secret-expired', yaml: VESSEL, today: '2027-07-01' },
    { name: 'an old secret expires soon, the newest does not', yaml: secrets('2026-12-01', '2027-06-30') },
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
          message:
            /^the newest client secret expires on 2027-06-30, in 30 days; create a new secret in Certificates & secrets now and paste its Value into Mail Settings > OAuth2 > Client Secret, TM Exchange SMTP > OAuth2 > Client Secret and TM Exchange POP3 > OAuth2 > Client Secret/,
          fix: null,
        },
      ],
    },
    {
      name: 'it expires today',
      yaml: VESSEL,
      today: '2027-06-30',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', message: 'expires today, 2027-06-30', fix: null }],
    },
    {
      name: 'one day left',
      yaml: VESSEL,
      today: '2027-06-29',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', message: 'on 2027-06-30, in 1 day;', fix: null }],
    },
    {
      name: '45 days left with days: 45',
      yaml: VESSEL,
      today: '2027-05-16',
      options: { days: 45 },
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', message: 'in 45 days', fix: null }],
    },
    {
      name: 'the newest of several secrets is reported',
      yaml: secrets('2026-12-01', '2026-12-15', '2025-06-30'),
      errors: [{ pointer: '/azure/clientSecrets/1/expires', at: '2026-12-15', message: 'on 2026-12-15, in 16 days', fix: null }],
    },
    {
      name: 'across a year end, with a date that does not exist ignored',
      yaml: secrets('2027-02-30', '2027-01-05'),
      today: '2026-12-20',
      errors: [{ pointer: '/azure/clientSecrets/1/expires', at: '2027-01-05', message: 'in 16 days', fix: null }],
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
          message: 'in 10 days; create a new secret in Certificates & secrets now and paste its Value into Mail Settings > OAuth2 > Client Secret, or',
          fix: null,
        },
      ],
    },
  ],
});
