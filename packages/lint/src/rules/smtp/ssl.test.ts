import { edit, OFFICE, removeBlock, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './ssl.js';

const MAIL = '/mailSettings/smtpEnableSsl';
const EXCHANGE = '/exchange/smtp/useSsl';

/** A vessel sending through its own relay with basic auth, no SSL anywhere: OAuth2 does not apply. */
const RELAY = within(
  edit(
    VESSEL,
    ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: smtp.example.com'],
    ['smtpEnableSsl: true', 'smtpEnableSsl: false'],
    ['useOAuth2: true', 'useOAuth2: false'],
    ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com'],
    ['useSsl: true', 'useSsl: false'],
  ),
  'smtp:',
  (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false']),
);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'a vessel on its own relay with basic auth and no SSL', yaml: RELAY },
    { name: 'no Mail Settings and no TM Exchange', yaml: removeBlock(OFFICE, 'mailSettings:') },
    { name: 'a Microsoft 365 SMTP server on its own relay\'s settings: Mail Settings through Exchange Online Protection (direct send)', yaml: edit(RELAY, ['smtpServer: smtp.example.com', 'smtpServer: example-com.mail.protection.outlook.com']) },
    { name: 'POP3 Use SSL/TLS is pop3/ssl\'s to judge', yaml: within(VESSEL, 'pop3:', (t) => edit(t, ['useSsl: true', 'useSsl: false'])) },
  ],
  invalid: [
    {
      name: 'SMTP Enable SSL not ticked in Mail Settings',
      yaml: edit(OFFICE, ['smtpEnableSsl: true', 'smtpEnableSsl: false']),
      errors: [
        {
          pointer: MAIL,
          at: 'false',
          messageId: 'notTicked',
          data: { field: 'Mail Settings > SMTP Enable SSL', guide: 'the guide: "Tick this check box, SSL should be enabled"' },
          fix: { pointer: MAIL, value: true },
        },
      ],
    },
    {
      name: 'SMTP Enable SSL left out: the fix adds it',
      yaml: removeLine(OFFICE, 'smtpEnableSsl:'),
      errors: [{ pointer: MAIL, at: 'mailSettings:', messageId: 'notFilledIn', data: { field: 'Mail Settings > SMTP Enable SSL' }, fix: { pointer: MAIL, value: true } }],
    },
    {
      name: 'Use SSL/TLS not ticked in TM Exchange SMTP',
      yaml: edit(VESSEL, ['useSsl: true', 'useSsl: false']),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'false',
          messageId: 'notTicked',
          data: { field: 'TM Exchange SMTP > Use SSL/TLS', guide: 'the guide: "SSL/TLS is required for OAuth2"' },
          fix: { pointer: EXCHANGE, value: true },
        },
      ],
    },
    {
      name: 'Use SSL/TLS left out of TM Exchange SMTP',
      yaml: removeLine(VESSEL, 'useSsl: true'),
      errors: [{ pointer: EXCHANGE, at: 'smtp:', after: 'exchange:', messageId: 'notFilledIn', data: { field: 'TM Exchange SMTP > Use SSL/TLS' }, fix: { pointer: EXCHANGE, value: true } }],
    },
    {
      name: 'an SMTP host of Microsoft 365 with Use OAuth2 not ticked still needs SSL',
      yaml: edit(
        OFFICE,
        ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: smtp.office365.com'],
        ['smtpEnableSsl: true', 'smtpEnableSsl: false'],
        ['useOAuth2: true', 'useOAuth2: false'],
      ),
      errors: [{ pointer: MAIL, at: 'false', messageId: 'notTicked', fix: { pointer: MAIL, value: true } }],
    },
    {
      name: 'an own server with Use OAuth2 ticked',
      yaml: edit(
        OFFICE,
        ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: smtp.example.com'],
        ['smtpEnableSsl: true', 'smtpEnableSsl: false'],
      ),
      errors: [{ pointer: MAIL, at: 'false', messageId: 'notTicked', fix: { pointer: MAIL, value: true } }],
    },
    {
      name: 'both sections: one finding each',
      yaml: edit(VESSEL, ['smtpEnableSsl: true', 'smtpEnableSsl: false'], ['useSsl: true', 'useSsl: false']),
      errors: [
        { pointer: MAIL, at: 'false', messageId: 'notTicked', data: { field: 'Mail Settings > SMTP Enable SSL' }, fix: { pointer: MAIL, value: true } },
        { pointer: EXCHANGE, at: 'false', after: 'exchange:', messageId: 'notTicked', data: { field: 'TM Exchange SMTP > Use SSL/TLS' }, fix: { pointer: EXCHANGE, value: true } },
      ],
    },
    {
      name: 'Use OAuth2 ticked in TM Exchange SMTP only, on an own server: its box is judged, Mail Settings\' is not',
      yaml: within(RELAY, 'smtp:', (t) => edit(t, ['useOAuth2: false', 'useOAuth2: true'])),
      errors: [{ pointer: EXCHANGE, at: 'false', after: 'smtp:', messageId: 'notTicked', fix: { pointer: EXCHANGE, value: true } }],
    },
    {
      name: 'SMTP Enable SSL written with no value counts as not filled in',
      // a key with no value is read as absent (the tester's raw schema check sees null)
      schemaInvalid: true,
      yaml: edit(OFFICE, ['smtpEnableSsl: true', 'smtpEnableSsl:']),
      errors: [{ pointer: MAIL, messageId: 'notFilledIn', fix: { pointer: MAIL, value: true } }],
    },
    {
      name: 'a box written as the text "true" is the schema\'s to report',
      schemaInvalid: true,
      yaml: edit(VESSEL, ['useSsl: true', 'useSsl: "true"']),
      errors: [],
    },
    {
      name: 'a box of the wrong type is the schema\'s to report',
      schemaInvalid: true,
      yaml: edit(OFFICE, ['smtpEnableSsl: true', 'smtpEnableSsl: "yes"']),
      errors: [],
    },
  ],
});
