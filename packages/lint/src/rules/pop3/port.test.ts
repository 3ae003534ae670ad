import { edit, OFFICE, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './port.js';

const POINTER = '/exchange/pop3/port';
const FIX = { pointer: POINTER, value: 995 };

const pop3 = (...edits: Array<readonly [string, string]>): string => within(VESSEL, 'pop3:', (t) => edit(t, ...edits));
const port = (value: string): string => pop3(['port: 995', `port: ${value}`]);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the office: no TM Exchange', yaml: OFFICE },
    {
      name: 'an own POP3 server with basic auth on port 110',
      yaml: pop3(['server: outlook.office365.com', 'server: pop.example.com'], ['port: 995', 'port: 110'], ['useOAuth2: true', 'useOAuth2: false']),
    },
    {
      name: 'an own POP3 server with basic auth and no port written',
      yaml: within(pop3(['server: outlook.office365.com', 'server: pop.example.com'], ['useOAuth2: true', 'useOAuth2: false']), 'pop3:', (t) =>
        removeLine(t, 'port: 995'),
      ),
    },
    { name: 'the US Government twin on 995', yaml: pop3(['server: outlook.office365.com', 'server: outlook.office365.us']) },
  ],
  invalid: [
    {
      name: 'port 110, plain POP3',
      yaml: port('110'),
      errors: [
        {
          pointer: POINTER,
          at: '110',
          messageId: 'knownPort',
          data: { field: 'TM Exchange POP3 > Port', port: 110, why: '110 is plain POP3; Exchange Online POP3 with OAuth2 uses 995 with SSL/TLS' },
          fix: FIX,
        },
      ],
    },
    {
      name: 'port 993, IMAP over TLS',
      yaml: port('993'),
      errors: [{ pointer: POINTER, at: '993', messageId: 'knownPort', data: { port: 993, why: '993 is IMAP over TLS, not POP3' }, fix: FIX }],
    },
    {
      name: 'port 587, SMTP',
      yaml: port('587'),
      errors: [{ pointer: POINTER, at: '587', after: 'pop3:', messageId: 'knownPort', data: { why: '587 is SMTP (submission), for sending' }, fix: FIX }],
    },
    {
      name: 'another port',
      yaml: port('9995'),
      errors: [{ pointer: POINTER, at: '9995', messageId: 'otherPort', data: { field: 'TM Exchange POP3 > Port', port: 9995 }, fix: FIX }],
    },
    {
      name: 'Port left out while Use OAuth2 is ticked',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'port: 995')),
      errors: [{ pointer: POINTER, at: 'pop3:', messageId: 'notFilledIn', data: { field: 'TM Exchange POP3 > Port' }, fix: FIX }],
    },
    {
      name: 'Exchange Online with Use OAuth2 not ticked and port 110',
      yaml: pop3(['port: 995', 'port: 110'], ['useOAuth2: true', 'useOAuth2: false']),
      errors: [{ pointer: POINTER, at: '110', messageId: 'knownPort', data: { port: 110 }, fix: FIX }],
    },
    {
      name: 'an own POP3 server with Use OAuth2 ticked and port 110',
      yaml: pop3(['server: outlook.office365.com', 'server: pop.example.com'], ['port: 995', 'port: 110']),
      errors: [{ pointer: POINTER, at: '110', messageId: 'knownPort', data: { port: 110 }, fix: FIX }],
    },
    {
      name: 'port 995 quoted as text is the schema\'s to report (with its fix): nothing here',
      schemaInvalid: true,
      yaml: port('"995"'),
      errors: [],
    },
    {
      name: 'port 110 quoted as text is the schema\'s to report first: nothing here',
      schemaInvalid: true,
      yaml: port("'110'"),
      errors: [],
    },
    {
      name: 'a Port of another wrong type (a decimal) is the schema\'s to report',
      schemaInvalid: true,
      yaml: port('995.5'),
      errors: [],
    },
    {
      name: 'port 99500, out of range: the schema\'s finding replaces this one',
      schemaInvalid: true,
      yaml: port('99500'),
      errors: [],
    },
    {
      name: 'port 0, out of range: the schema\'s finding replaces this one',
      schemaInvalid: true,
      yaml: port('0'),
      errors: [],
    },
    {
      name: 'Port written with no value counts as not filled in',
      // a key with no value is read as absent (the tester's raw schema check sees null)
      schemaInvalid: true,
      yaml: port(''),
      errors: [{ pointer: POINTER, messageId: 'notFilledIn', fix: FIX }],
    },
    {
      name: 'port 143, IMAP, on the China twin',
      yaml: pop3(['server: outlook.office365.com', 'server: partner.outlook.cn'], ['port: 995', 'port: 143']),
      errors: [{ pointer: POINTER, at: '143', messageId: 'knownPort', data: { why: '143 is IMAP, not POP3' }, fix: FIX }],
    },
  ],
});
