import { edit, OFFICE, removeBlock, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './disabled.js';

const POP3_OFF = within(VESSEL, 'pop3:', (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false']));

/** A vessel on its own relay and POP3 server, with basic auth: OAuth2 does not apply. */
const RELAY = within(
  within(
    edit(
      VESSEL,
      ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: smtp.example.com'],
      ['useOAuth2: true', 'useOAuth2: false'],
      ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com'],
    ),
    'smtp:',
    (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false']),
  ),
  'pop3:',
  (t) => edit(t, ['server: outlook.office365.com', 'server: pop.example.com'], ['useOAuth2: true', 'useOAuth2: false']),
);

ruleTester(rule, {
  valid: [
    {
      name: 'an OAuth2 tab written as text, oauth2: "yes" (the schema reports the type, once)',
      yaml: within(VESSEL, 'pop3:', (t) => t.replace(/    oauth2:\n(?:      .*\n)+/, '    oauth2: "yes"\n')),
      schemaInvalid: true,
    },
    {
      name: 'a tab written without useOAuth2 (the schema reports the required field, once)',
      yaml: removeLine(OFFICE, 'useOAuth2: true'),
      schemaInvalid: true,
    },
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'a vessel on its own relay and POP3 server with basic auth', yaml: RELAY },
    {
      name: 'an own relay with no OAuth2 tab at all',
      yaml: removeBlock(edit(OFFICE, ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: smtp.example.com']), 'oauth2:'),
    },
    {
      name: 'direct send through an Exchange Online Protection relay (*.mail.protection.outlook.com)',
      yaml: edit(
        OFFICE,
        ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: example-com.mail.protection.outlook.com'],
        ['useOAuth2: true', 'useOAuth2: false'],
      ),
    },
    {
      name: 'a Microsoft host in capitals with Use OAuth2 ticked',
      yaml: edit(VESSEL, ['server: outlook.office365.com', 'server: OUTLOOK.Office365.com']),
    },
    { name: 'no TM Exchange (the office): only Mail Settings is judged', yaml: removeBlock(VESSEL, 'exchange:') },
    {
      name: 'a tab whose useOAuth2 has no value (the schema reports the required field there, which supersedes this rule)',
      yaml: within(VESSEL, 'pop3:', (t) => edit(t, ['useOAuth2: true', 'useOAuth2:'])),
      schemaInvalid: true,
    },
    { name: 'the DoD twins with Use OAuth2 ticked', yaml: edit(VESSEL, ['server: outlook.office365.com', 'server: outlook-dod.office365.us']) },
  ],
  invalid: [
    {
      name: 'POP3 on outlook.office365.com with Use OAuth2 not ticked',
      yaml: POP3_OFF,
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/useOAuth2',
          at: 'false',
          after: 'pop3:',
          messageId: 'notTicked',
          data: {
            field: 'TM Exchange POP3 > OAuth2 > Use OAuth2',
            server: 'TM Exchange POP3 > Server',
            host: '"outlook.office365.com"',
            why: 'basic authentication to Exchange Online ended on 1 October 2022',
          },
          fix: { pointer: '/exchange/pop3/oauth2/useOAuth2', value: true },
        },
      ],
    },
    {
      name: 'Mail Settings sending through Graph with Use OAuth2 not ticked',
      yaml: edit(OFFICE, ['useOAuth2: true', 'useOAuth2: false']),
      errors: [
        {
          pointer: '/mailSettings/oauth2/useOAuth2',
          at: 'false',
          messageId: 'notTicked',
          data: { server: 'Mail Settings > SMTP Server', host: '"graph.microsoft.com"', why: /^Microsoft Graph accepts only OAuth2 tokens/ },
          fix: { pointer: '/mailSettings/oauth2/useOAuth2', value: true },
        },
      ],
    },
    {
      name: 'Use OAuth2 left out of a tab that is otherwise filled in: the schema\'s required-field finding stands alone',
      schemaInvalid: true,
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'useOAuth2: true')),
      errors: [],
    },
    {
      name: 'the POP3 OAuth2 tab left out: no fix, the tab must be filled in',
      yaml: within(VESSEL, 'pop3:', (t) => removeBlock(t, 'oauth2:')),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/useOAuth2',
          at: 'pop3:',
          messageId: 'noTab',
          data: { field: 'TM Exchange POP3 > OAuth2 > Use OAuth2', host: '"outlook.office365.com"' },
          fix: null,
        },
      ],
    },
    {
      name: 'the Mail Settings OAuth2 tab written with no value (oauth2:): no tab, said here as well as by the schema',
      schemaInvalid: true,
      yaml: OFFICE.replace(/  oauth2:\n(?:    .*\n)+/, '  oauth2:\n'),
      errors: [{ pointer: '/mailSettings/oauth2/useOAuth2', at: 'oauth2:', messageId: 'noTab', data: { server: 'Mail Settings > SMTP Server' }, fix: null }],
    },
    {
      name: 'TM Exchange SMTP on smtp.office365.com with basic auth and no OAuth2 tab',
      yaml: within(VESSEL, 'smtp:', (t) =>
        removeBlock(
          edit(t, ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.office365.com']),
          'oauth2:',
        ),
      ),
      errors: [
        {
          pointer: '/exchange/smtp/oauth2/useOAuth2',
          at: 'smtp:',
          after: 'exchange:',
          messageId: 'noTab',
          data: { server: 'TM Exchange SMTP > SMTP Server', host: '"smtp.office365.com"', why: /SMTP AUTH/ },
          fix: null,
        },
      ],
    },
    {
      name: 'every section with Use OAuth2 not ticked: one finding each',
      yaml: edit(VESSEL, ['useOAuth2: true', 'useOAuth2: false'], ['useOAuth2: true', 'useOAuth2: false'], ['useOAuth2: true', 'useOAuth2: false']),
      errors: [
        { pointer: '/mailSettings/oauth2/useOAuth2', at: 'false', messageId: 'notTicked', fix: { pointer: '/mailSettings/oauth2/useOAuth2', value: true } },
        { pointer: '/exchange/smtp/oauth2/useOAuth2', at: 'false', after: 'smtp:', messageId: 'notTicked', fix: { pointer: '/exchange/smtp/oauth2/useOAuth2', value: true } },
        { pointer: '/exchange/pop3/oauth2/useOAuth2', at: 'false', after: 'pop3:', messageId: 'notTicked', fix: { pointer: '/exchange/pop3/oauth2/useOAuth2', value: true } },
      ],
    },
    {
      name: 'the US Government twin outlook.office365.us',
      yaml: edit(POP3_OFF, ['server: outlook.office365.com', 'server: outlook.office365.us']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/useOAuth2',
          at: 'false',
          after: 'pop3:',
          messageId: 'notTicked',
          data: { host: '"outlook.office365.us"' },
          fix: { pointer: '/exchange/pop3/oauth2/useOAuth2', value: true },
        },
      ],
    },
    {
      name: 'the DoD twin outlook-dod.office365.us',
      yaml: edit(POP3_OFF, ['server: outlook.office365.com', 'server: outlook-dod.office365.us']),
      errors: [{ pointer: '/exchange/pop3/oauth2/useOAuth2', at: 'false', after: 'pop3:', messageId: 'notTicked', data: { host: '"outlook-dod.office365.us"' }, fix: { pointer: '/exchange/pop3/oauth2/useOAuth2', value: true } }],
    },
    {
      name: 'the China twin partner.outlook.cn',
      yaml: edit(POP3_OFF, ['server: outlook.office365.com', 'server: partner.outlook.cn']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/useOAuth2',
          at: 'false',
          after: 'pop3:',
          messageId: 'notTicked',
          data: { host: '"partner.outlook.cn"' },
          fix: { pointer: '/exchange/pop3/oauth2/useOAuth2', value: true },
        },
      ],
    },
    {
      name: 'Use OAuth2 of the wrong type is the schema\'s to report, not this rule\'s',
      schemaInvalid: true,
      yaml: within(VESSEL, 'pop3:', (t) => edit(t, ['useOAuth2: true', 'useOAuth2: "yes"'])),
      errors: [],
    },
  ],
});
