import { edit, OFFICE, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './ssl.js';

const POINTER = '/exchange/pop3/useSsl';
const FIX = { pointer: POINTER, value: true };

const pop3 = (...edits: Array<readonly [string, string]>): string => within(VESSEL, 'pop3:', (t) => edit(t, ...edits));

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the office: no TM Exchange', yaml: OFFICE },
    {
      name: 'an own POP3 server with basic auth and no SSL',
      yaml: pop3(['server: outlook.office365.com', 'server: pop.example.com'], ['port: 995', 'port: 110'], ['useSsl: true', 'useSsl: false'], ['useOAuth2: true', 'useOAuth2: false']),
    },
    { name: 'the DoD twin with SSL/TLS ticked', yaml: pop3(['server: outlook.office365.com', 'server: outlook-dod.office365.us']) },
    { name: 'TM Exchange SMTP Use SSL/TLS is smtp/ssl\'s to judge', yaml: edit(VESSEL, ['useSsl: true', 'useSsl: false']) },
  ],
  invalid: [
    {
      name: 'Use SSL/TLS not ticked',
      yaml: pop3(['useSsl: true', 'useSsl: false']),
      errors: [
        {
          pointer: POINTER,
          at: 'false',
          after: 'pop3:',
          messageId: 'notTicked',
          data: { field: 'TM Exchange POP3 > Use SSL/TLS' },
          fix: FIX,
        },
      ],
    },
    {
      name: 'Use SSL/TLS left out: the fix adds it',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'useSsl: true')),
      errors: [{ pointer: POINTER, at: 'pop3:', messageId: 'notFilledIn', data: { field: 'TM Exchange POP3 > Use SSL/TLS' }, fix: FIX }],
    },
    {
      name: 'Exchange Online with Use OAuth2 not ticked still needs SSL/TLS',
      yaml: pop3(['useSsl: true', 'useSsl: false'], ['useOAuth2: true', 'useOAuth2: false']),
      errors: [{ pointer: POINTER, at: 'false', after: 'pop3:', messageId: 'notTicked', fix: FIX }],
    },
    {
      name: 'the China twin partner.outlook.cn',
      yaml: pop3(['server: outlook.office365.com', 'server: partner.outlook.cn'], ['useSsl: true', 'useSsl: false']),
      errors: [{ pointer: POINTER, at: 'false', after: 'pop3:', messageId: 'notTicked', fix: FIX }],
    },
    {
      name: 'Use SSL/TLS written with no value counts as not filled in',
      // a key with no value is read as absent (the tester's raw schema check sees null)
      schemaInvalid: true,
      yaml: pop3(['useSsl: true', 'useSsl:']),
      errors: [{ pointer: POINTER, messageId: 'notFilledIn', fix: FIX }],
    },
    {
      name: 'an own POP3 server with Use OAuth2 ticked still needs SSL/TLS',
      yaml: pop3(['server: outlook.office365.com', 'server: pop.example.com'], ['useSsl: true', 'useSsl: false']),
      errors: [{ pointer: POINTER, at: 'false', after: 'pop3:', messageId: 'notTicked', fix: FIX }],
    },
    {
      name: 'Use SSL/TLS written as the text "true" is the schema\'s to report',
      schemaInvalid: true,
      yaml: pop3(['useSsl: true', 'useSsl: "true"']),
      errors: [],
    },
    {
      name: 'a Use SSL/TLS of the wrong type is the schema\'s to report',
      schemaInvalid: true,
      yaml: pop3(['useSsl: true', 'useSsl: 1']),
      errors: [],
    },
  ],
});
