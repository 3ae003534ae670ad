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
    { name: 'a ${NAME} reference is not judged', yaml: server('${POP3_HOST}') },
  ],
  invalid: [
    {
      name: 'Server left out while Use OAuth2 is ticked',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'server: outlook.office365.com')),
      errors: [{ pointer: POINTER, at: 'pop3:', message: 'TM Exchange POP3 > Server is empty while Use OAuth2 is ticked: type outlook.office365.com', fix: null }],
    },
    {
      name: 'Server blank',
      yaml: server('" "'),
      errors: [{ pointer: POINTER, at: '" "', message: 'is empty while Use OAuth2 is ticked', fix: null }],
    },
    {
      name: 'a URL instead of the host name',
      yaml: server('https://outlook.office365.com/'),
      errors: [
        {
          pointer: POINTER,
          at: 'https://outlook.office365.com/',
          message: 'TM Exchange POP3 > Server is "https://outlook.office365.com/", a URL: type only the host name, outlook.office365.com',
          fix: FIX,
        },
      ],
    },
    {
      name: 'a pop3:// URL with the port',
      yaml: server('pop3s://outlook.office365.com:995'),
      errors: [{ pointer: POINTER, at: 'pop3s://', message: 'a URL: type only the host name, outlook.office365.com, and put 995 in Port', fix: FIX }],
    },
    {
      name: 'a host with a path',
      yaml: server('outlook.office365.com/owa'),
      errors: [{ pointer: POINTER, at: 'outlook.office365.com/owa', message: 'a URL: type only the host name', fix: FIX }],
    },
    {
      name: 'the port in the host',
      yaml: server('outlook.office365.com:995'),
      errors: [
        {
          pointer: POINTER,
          at: 'outlook.office365.com:995',
          message: 'TM Exchange POP3 > Server is "outlook.office365.com:995", a host with a port: type only the host name, outlook.office365.com, and put 995 in Port',
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
          message: 'TM Exchange POP3 > Server is "smtp.office365.com", the host for sending mail over SMTP: TM Exchange downloads replication mail over POP3 from outlook.office365.com',
          fix: FIX,
        },
      ],
    },
    {
      name: 'the China SMTP host: fixed to the China twin',
      yaml: server('smtp.partner.outlook.cn'),
      errors: [{ pointer: POINTER, at: 'smtp.partner.outlook.cn', message: 'the host for sending mail over SMTP', fix: fix('partner.outlook.cn') }],
    },
    {
      name: 'the US Government SMTP host: GCC High or DoD is not certain, no fix',
      yaml: server('smtp.office365.us'),
      errors: [{ pointer: POINTER, at: 'smtp.office365.us', message: 'over POP3 from outlook.office365.us', fix: null }],
    },
    {
      name: 'the Graph host',
      yaml: server('graph.microsoft.com'),
      errors: [
        {
          pointer: POINTER,
          at: 'graph.microsoft.com',
          after: 'pop3:',
          message: 'TM Exchange POP3 > Server is "graph.microsoft.com", the Microsoft Graph host used for sending',
          fix: FIX,
        },
      ],
    },
    {
      name: 'the DoD Graph host: fixed to the DoD twin',
      yaml: server('dod-graph.microsoft.us'),
      errors: [{ pointer: POINTER, at: 'dod-graph.microsoft.us', message: 'the Microsoft Graph host', fix: fix('outlook-dod.office365.us') }],
    },
    {
      name: 'the Graph sendMail URL pasted in: called a URL',
      yaml: server('https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail'),
      errors: [{ pointer: POINTER, at: 'https://graph.microsoft.com', after: 'pop3:', message: 'a URL: type only the host name', fix: FIX }],
    },
    {
      name: 'the legacy name outlook.office.com',
      yaml: server('outlook.office.com'),
      errors: [
        {
          pointer: POINTER,
          at: 'outlook.office.com',
          message: "the legacy name: Exchange Online's documented POP3 host and token audience is outlook.office365.com",
          fix: FIX,
        },
      ],
    },
    {
      name: 'another Microsoft host (Outlook.com\'s POP3)',
      yaml: server('pop-mail.outlook.com'),
      errors: [{ pointer: POINTER, at: 'pop-mail.outlook.com', message: "which is not Exchange Online's POP3 host: type outlook.office365.com", fix: FIX }],
    },
    {
      name: 'a pop.* host of Microsoft',
      yaml: server('pop.office365.com'),
      errors: [{ pointer: POINTER, at: 'pop.office365.com', message: "which is not Exchange Online's POP3 host", fix: FIX }],
    },
    {
      name: 'an own POP3 server with Use OAuth2 ticked: no fix (a customer\'s host)',
      yaml: server('pop.example.com'),
      errors: [
        {
          pointer: POINTER,
          at: 'pop.example.com',
          message: 'TM Exchange POP3 > Server is "pop.example.com", which is not Exchange Online: with Use OAuth2 ticked TM Exchange downloads from outlook.office365.com',
          fix: null,
        },
      ],
    },
    {
      name: 'an own POP3 server URL with Use OAuth2 ticked: a URL, no fix',
      yaml: server('pop3://mail.example.com'),
      errors: [{ pointer: POINTER, at: 'pop3://mail.example.com', message: 'a URL: type only the host name', fix: null }],
    },
    {
      name: 'a URL of Exchange Online with Use OAuth2 not ticked still is judged (a Microsoft 365 server)',
      yaml: pop3(['server: outlook.office365.com', 'server: https://outlook.office365.com'], ['useOAuth2: true', 'useOAuth2: false']),
      errors: [{ pointer: POINTER, at: 'https://outlook.office365.com', message: 'a URL', fix: FIX }],
    },
    {
      name: 'a Server of the wrong type is the schema\'s to report',
      schemaInvalid: true,
      yaml: server('995'),
      errors: [],
    },
  ],
});
