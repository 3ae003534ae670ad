import { edit, OFFICE, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './server.js';

const POINTER = '/exchange/pop3/server';
const fix = (value: string) => ({ pointer: POINTER, value });
const FIX = fix('outlook.office365.com');

const pop3 = (...edits: Array<readonly [string, string]>): string => within(VESSEL, 'pop3:', (t) => edit(t, ...edits));
const server = (value: string): string => pop3(['server: outlook.office365.com', `server: ${value}`]);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the office: no TM Exchange', yaml: OFFICE },
    { name: 'the host in other letter case', yaml: server('Outlook.Office365.COM') },
    { name: 'white space around the host', yaml: server('" outlook.office365.com  "') },
    { name: 'the host with a trailing dot', yaml: server('outlook.office365.com.') },
    { name: 'the US Government GCC High twin', yaml: server('outlook.office365.us') },
    { name: 'the US Government DoD twin', yaml: server('outlook-dod.office365.us') },
    { name: 'the China (21Vianet) twin', yaml: server('partner.outlook.cn') },
    { name: 'an own POP3 server with basic auth', yaml: pop3(['server: outlook.office365.com', 'server: pop.example.com'], ['useOAuth2: true', 'useOAuth2: false']) },
    { name: 'the China twin in capitals with spaces around it', yaml: server('" PARTNER.OUTLOOK.CN "') },
    { name: 'Use OAuth2 not ticked on an own server with a URL (basic auth, not judged)', yaml: pop3(['server: outlook.office365.com', 'server: pop3://pop.example.com:110'], ['useOAuth2: true', 'useOAuth2: false']) },
  ],
  invalid: [
    {
      name: 'Server left out while Use OAuth2 is ticked',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'server: outlook.office365.com')),
      errors: [{ pointer: POINTER, at: 'pop3:', messageId: 'notFilledIn', data: { field: 'TM Exchange POP3 > Server', expected: 'outlook.office365.com' }, fix: null }],
    },
    {
      name: 'Server blank',
      yaml: server('" "'),
      errors: [{ pointer: POINTER, at: '" "', messageId: 'notFilledIn', fix: null }],
    },
    {
      name: 'a URL instead of the host name',
      yaml: server('https://outlook.office365.com/'),
      errors: [
        {
          pointer: POINTER,
          at: 'https://outlook.office365.com/',
          messageId: 'url',
          data: { field: 'TM Exchange POP3 > Server', value: '"https://outlook.office365.com/"', expected: 'outlook.office365.com' },
          fix: FIX,
        },
      ],
    },
    {
      name: 'a pop3:// URL with the port',
      yaml: server('pop3s://outlook.office365.com:995'),
      errors: [{ pointer: POINTER, at: 'pop3s://', messageId: 'urlWithPort', data: { value: '"pop3s://outlook.office365.com:995"' }, fix: FIX }],
    },
    {
      name: 'a host with a path',
      yaml: server('outlook.office365.com/owa'),
      errors: [{ pointer: POINTER, at: 'outlook.office365.com/owa', messageId: 'url', fix: FIX }],
    },
    {
      name: 'the port in the host',
      yaml: server('outlook.office365.com:995'),
      errors: [
        {
          pointer: POINTER,
          at: 'outlook.office365.com:995',
          messageId: 'hostWithPort',
          data: { value: '"outlook.office365.com:995"', expected: 'outlook.office365.com' },
          fix: FIX,
        },
      ],
    },
    {
      name: 'the SMTP host smtp.office365.com',
      yaml: server('smtp.office365.com'),
      errors: [
        {
          pointer: POINTER,
          at: 'smtp.office365.com',
          messageId: 'smtpHost',
          data: { value: '"smtp.office365.com"', expected: 'outlook.office365.com' },
          fix: FIX,
        },
      ],
    },
    {
      name: 'the China SMTP host: fixed to the China twin',
      yaml: server('smtp.partner.outlook.cn'),
      errors: [{ pointer: POINTER, at: 'smtp.partner.outlook.cn', messageId: 'smtpHost', data: { expected: 'partner.outlook.cn' }, fix: fix('partner.outlook.cn') }],
    },
    {
      name: 'the US Government SMTP host: GCC High or DoD is not certain, no fix',
      yaml: server('smtp.office365.us'),
      errors: [{ pointer: POINTER, at: 'smtp.office365.us', messageId: 'smtpHost', data: { expected: 'outlook.office365.us (GCC High) or outlook-dod.office365.us (DoD)' }, fix: null }],
    },
    {
      name: 'an unknown US Government Microsoft host: GCC High or DoD is not certain, no fix',
      yaml: server('pop.office365.us'),
      errors: [{ pointer: POINTER, at: 'pop.office365.us', messageId: 'otherMicrosoftHost', data: { expected: 'outlook.office365.us (GCC High) or outlook-dod.office365.us (DoD)' }, fix: null }],
    },
    {
      name: 'the Graph host',
      yaml: server('graph.microsoft.com'),
      errors: [
        {
          pointer: POINTER,
          at: 'graph.microsoft.com',
          after: 'pop3:',
          messageId: 'graphHost',
          data: { value: '"graph.microsoft.com"' },
          fix: FIX,
        },
      ],
    },
    {
      name: 'the DoD Graph host: fixed to the DoD twin',
      yaml: server('dod-graph.microsoft.us'),
      errors: [{ pointer: POINTER, at: 'dod-graph.microsoft.us', messageId: 'graphHost', data: { expected: 'outlook-dod.office365.us' }, fix: fix('outlook-dod.office365.us') }],
    },
    {
      name: 'the Graph sendMail URL pasted in: called a URL',
      yaml: server('https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail'),
      errors: [{ pointer: POINTER, at: 'https://graph.microsoft.com', after: 'pop3:', messageId: 'url', fix: FIX }],
    },
    {
      name: 'the legacy name outlook.office.com',
      yaml: server('outlook.office.com'),
      errors: [
        {
          pointer: POINTER,
          at: 'outlook.office.com',
          messageId: 'legacyHost',
          data: { value: '"outlook.office.com"' },
          fix: FIX,
        },
      ],
    },
    {
      name: 'another Microsoft host (Outlook.com\'s POP3)',
      yaml: server('pop-mail.outlook.com'),
      errors: [{ pointer: POINTER, at: 'pop-mail.outlook.com', messageId: 'otherMicrosoftHost', data: { value: '"pop-mail.outlook.com"', expected: 'outlook.office365.com' }, fix: FIX }],
    },
    {
      name: 'a pop.* host of Microsoft',
      yaml: server('pop.office365.com'),
      errors: [{ pointer: POINTER, at: 'pop.office365.com', messageId: 'otherMicrosoftHost', fix: FIX }],
    },
    {
      name: 'an own POP3 server with Use OAuth2 ticked: no fix (a customer\'s host)',
      yaml: server('pop.example.com'),
      errors: [
        {
          pointer: POINTER,
          at: 'pop.example.com',
          messageId: 'notExchangeOnline',
          data: { field: 'TM Exchange POP3 > Server', value: '"pop.example.com"', expected: 'outlook.office365.com' },
          fix: null,
        },
      ],
    },
    {
      name: 'an own POP3 server URL with Use OAuth2 ticked: a URL, no fix',
      yaml: server('pop3://mail.example.com'),
      errors: [{ pointer: POINTER, at: 'pop3://mail.example.com', messageId: 'url', fix: null }],
    },
    {
      name: 'a URL of Exchange Online with Use OAuth2 not ticked still is judged (a Microsoft 365 server)',
      yaml: pop3(['server: outlook.office365.com', 'server: https://outlook.office365.com'], ['useOAuth2: true', 'useOAuth2: false']),
      errors: [{ pointer: POINTER, at: 'https://outlook.office365.com', messageId: 'url', fix: FIX }],
    },
    {
      name: 'a ${NAME} reference is read as written (env-reference\'s finding replaces this one)',
      yaml: server('${POP3_HOST}'),
      errors: [{ pointer: POINTER, at: '${POP3_HOST}', messageId: 'notExchangeOnline', data: { value: '"${POP3_HOST}"' }, fix: null }],
    },
    {
      name: 'Server written with no value while Use OAuth2 is ticked',
      // a key with no value is read as absent (the tester's raw schema check sees null)
      schemaInvalid: true,
      yaml: server(''),
      errors: [{ pointer: POINTER, messageId: 'notFilledIn', data: { expected: 'outlook.office365.com' }, fix: null }],
    },
    {
      name: 'the GCC High Graph host: fixed to the GCC High twin',
      yaml: server('graph.microsoft.us'),
      errors: [{ pointer: POINTER, at: 'graph.microsoft.us', messageId: 'graphHost', data: { expected: 'outlook.office365.us' }, fix: fix('outlook.office365.us') }],
    },
    {
      name: 'a host with a note after it',
      yaml: server('"outlook.office365.com (Exchange Online)"'),
      errors: [{ pointer: POINTER, at: '"outlook.office365.com (', messageId: 'otherMicrosoftHost', fix: FIX }],
    },
    {
      name: 'an IMAP host of Microsoft: not the POP3 host',
      yaml: server('imap-mail.outlook.com'),
      errors: [{ pointer: POINTER, at: 'imap-mail.outlook.com', messageId: 'otherMicrosoftHost', fix: FIX }],
    },
    {
      name: 'a Server of the wrong type is the schema\'s to report',
      schemaInvalid: true,
      yaml: server('995'),
      errors: [],
    },
  ],
});
