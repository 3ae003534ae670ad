import { edit, OFFICE, removeBlock, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './user-name.js';

const MAIL = '/mailSettings/oauth2/userName';
const SMTP = '/exchange/smtp/oauth2/userName';
const POP3 = '/exchange/pop3/oauth2/userName';

/** The vessel with the Mail Settings User Name replaced. */
const mail = (name: string): string => edit(VESSEL, ['userName: ops.nordicstar@example.com', `userName: ${name}`]);
/** The vessel with the TM Exchange SMTP User Name replaced. */
const smtp = (name: string): string => edit(VESSEL, ['userName: replication.nordicstar@example.com', `userName: ${name}`]);
/** The vessel with the POP3 User Name replaced. */
const pop3 = (name: string): string => within(VESSEL, 'pop3:', (t) => edit(t, ['userName: replication.nordicstar@example.com', `userName: ${name}`]));

/** A vessel on its own relay and POP3 server, with basic auth and junk user names: OAuth2 does not apply. */
const RELAY = within(
  within(
    edit(
      VESSEL,
      ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: smtp.example.com'],
      ['useOAuth2: true', 'useOAuth2: false'],
      ['userName: ops.nordicstar@example.com', 'userName: "{0}"'],
      ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com'],
    ),
    'smtp:',
    (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false'], ['userName: replication.nordicstar@example.com', 'userName: NORDIC\\replication']),
  ),
  'pop3:',
  (t) => removeLine(edit(t, ['server: outlook.office365.com', 'server: pop.example.com'], ['useOAuth2: true', 'useOAuth2: false']), 'userName:'),
);

ruleTester(rule, {
  valid: [
    { name: 'a Microsoft POP3 server with oauth2: { useOAuth2: false } only (oauth2/disabled speaks)', yaml: within(VESSEL, '  pop3:', (t) => t.replace(/    oauth2:\n(?:      .*\n)+/, '    oauth2: { useOAuth2: false }\n')) },
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'an address in capitals', yaml: pop3('Replication.NordicStar@Example.COM') },
    { name: 'spaces around the address', yaml: mail('"ops.nordicstar@example.com  "') },
    { name: 'a plus address on a sub-domain', yaml: smtp('replication+nordicstar@mail.example.co.uk') },
    { name: 'a vessel on its own relay and POP3 server with basic auth', yaml: RELAY },
    {
      name: 'a Microsoft server with no OAuth2 tab: oauth2/disabled speaks, not this rule',
      yaml: within(VESSEL, 'pop3:', (t) => removeBlock(t, 'oauth2:')),
    },
    { name: 'no TM Exchange', yaml: removeBlock(VESSEL, 'exchange:') },
  ],
  invalid: [
    {
      name: 'the POP3 User Name not filled in',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'userName:')),
      errors: [
        {
          pointer: POP3,
          at: 'oauth2:',
          after: 'pop3:',
          messageId: 'notFilledIn',
          data: { field: 'TM Exchange POP3 > OAuth2 > User Name', wanted: 'the e-mail address to download from' },
          fix: null,
        },
      ],
    },
    {
      name: 'an empty Mail Settings User Name',
      yaml: mail('""'),
      errors: [
        {
          pointer: MAIL,
          at: '""',
          messageId: 'notFilledIn',
          data: { field: 'Mail Settings > OAuth2 > User Name' },
          fix: null,
        },
      ],
    },
    {
      name: 'the TM Exchange SMTP User Name not filled in',
      yaml: within(VESSEL, 'smtp:', (t) => removeLine(t, 'userName:')),
      errors: [{ pointer: SMTP, at: 'oauth2:', after: 'smtp:', messageId: 'notFilledIn', data: { wanted: 'the e-mail address of the replication mailbox TM Exchange sends from' }, fix: null }],
    },
    {
      name: '{0} in the Mail Settings User Name',
      yaml: mail('"{0}"'),
      errors: [
        {
          pointer: MAIL,
          at: '"{0}"',
          messageId: 'placeholderInMailSettings',
          data: { value: '"{0}"' },
          fix: null,
        },
      ],
    },
    {
      name: '{0} in the TM Exchange SMTP User Name',
      yaml: smtp('"{0}@example.com"'),
      errors: [{ pointer: SMTP, at: '"{0}@example.com"', messageId: 'placeholderInExchange', data: { value: '"{0}@example.com"' }, fix: null }],
    },
    {
      name: 'a Windows logon (DOMAIN\\user)',
      yaml: pop3('NORDIC\\replication'),
      errors: [{ pointer: POP3, at: 'NORDIC\\replication', messageId: 'notEmail', data: { value: '"NORDIC\\replication"', wanted: 'the e-mail address to download from' }, fix: null }],
    },
    {
      name: 'a bare name',
      yaml: mail('ops'),
      errors: [{ pointer: MAIL, at: 'ops', after: 'userName:', messageId: 'notEmail', data: { field: 'Mail Settings > OAuth2 > User Name', value: '"ops"' }, fix: null }],
    },
    {
      name: 'an address with a display name',
      yaml: pop3('"Nordic Star <replication.nordicstar@example.com>"'),
      errors: [{ pointer: POP3, at: '"Nordic Star', messageId: 'notEmail', fix: null }],
    },
    {
      name: "the guide's example address left in",
      yaml: smtp('example@email.com'),
      errors: [{ pointer: SMTP, at: 'example@email.com', messageId: 'guideExample', fix: null }],
    },
    {
      name: 'Use OAuth2 ticked on a site\'s own server: the User Name is still judged',
      yaml: edit(
        OFFICE,
        ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: smtp.example.com'],
        ['userName: purchasing@example.com', 'userName: purchasing'],
      ),
      errors: [{ pointer: MAIL, at: 'purchasing', after: 'userName:', messageId: 'notEmail', data: { value: '"purchasing"' }, fix: null }],
    },
  ],
});
