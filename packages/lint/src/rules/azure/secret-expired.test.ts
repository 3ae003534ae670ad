import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, SECRET_ID, VESSEL, edit, removeBlock } from '../../test-utils/fixtures.js';
import rule from './secret-expired.js';

/** The vessel with its client secrets replaced by these expiry dates. */
function secrets(...dates: string[]): string {
  const rows = dates.map((d, i) => `    - { description: secret ${i + 1}, expires: ${d} }\n`).join('');
  return edit(VESSEL, [`    - description: tmmaster secret\n      expires: 2027-06-30\n      secretId: ${SECRET_ID}\n`, rows]);
}

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
    { name: 'a date that does not exist (2027-02-30) is ignored', yaml: secrets('2027-02-30'), today: '2028-01-01' },
    { name: 'a leap day on that day', yaml: secrets('2028-02-29'), today: '2028-02-29' },
  ],
  invalid: [
    {
      name: 'the only secret has expired',
      yaml: edit(VESSEL, ['expires: 2027-06-30', 'expires: 2026-01-31']),
      errors: [
        {
          pointer: '/azure/clientSecrets/0/expires',
          at: '2026-01-31',
          message:
            /^every client secret has expired \(the newest on 2026-01-31\): Microsoft refuses the sign-in with AADSTS7000222.*create a new secret in Certificates & secrets and paste its Value into Mail Settings > OAuth2 > Client Secret, TM Exchange SMTP > OAuth2 > Client Secret and TM Exchange POP3 > OAuth2 > Client Secret$/,
          fix: null,
        },
      ],
    },
    {
      name: 'it expired yesterday',
      yaml: VESSEL,
      today: '2027-07-01',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2027-06-30', message: '(the newest on 2027-06-30)', fix: null }],
    },
    {
      name: 'several secrets, all expired: the newest is reported',
      yaml: secrets('2025-03-01', '2026-01-31', '2024-12-31'),
      errors: [{ pointer: '/azure/clientSecrets/1/expires', at: '2026-01-31', message: '(the newest on 2026-01-31)', fix: null }],
    },
    {
      name: 'a date that does not exist does not count as a valid secret',
      yaml: secrets('2027-02-30', '2026-01-31'),
      errors: [{ pointer: '/azure/clientSecrets/1/expires', at: '2026-01-31', message: 'every client secret has expired', fix: null }],
    },
    {
      name: 'a leap day, the day after',
      yaml: secrets('2028-02-29'),
      today: '2028-03-01',
      errors: [{ pointer: '/azure/clientSecrets/0/expires', at: '2028-02-29', message: '(the newest on 2028-02-29)', fix: null }],
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
          message: /paste its Value into Mail Settings > OAuth2 > Client Secret$/,
          fix: null,
        },
      ],
    },
  ],
});
