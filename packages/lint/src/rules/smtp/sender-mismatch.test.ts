import { edit, OFFICE, removeLine, VESSEL } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './sender-mismatch.js';

const OFFICE_URL = 'https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail';
const REPLICATION_URL = 'https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail';
const SENDER = 'senderAddress: replication.nordicstar@example.com';
const SMTP_USER = 'userName: replication.nordicstar@example.com';

const office = (server: string): string => edit(OFFICE, [`smtpServer: ${OFFICE_URL}`, `smtpServer: ${server}`]);
const vesselSmtp = (server: string): string => edit(VESSEL, [`server: ${REPLICATION_URL}`, `server: ${server}`]);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'the same address in other letter case', yaml: office('https://graph.microsoft.com/v1.0/users/Purchasing@Example.COM/sendMail') },
    { name: 'the mailbox percent-encoded', yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/replication.nordicstar%40example.com/sendMail') },
    {
      name: 'the Sender Address with white space around it',
      yaml: edit(VESSEL, [SENDER, 'senderAddress: "replication.nordicstar@example.com "']),
    },
    {
      name: 'a mailbox by GUID cannot be compared',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d/sendMail'),
    },
    { name: 'Mail Settings with {0}: each user sends as themselves', yaml: VESSEL },
    {
      name: 'Mail Settings with a fixed mailbox and Use Address from User ticked is smtp/address-placeholder\'s to report',
      yaml: edit(VESSEL, ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', `smtpServer: ${OFFICE_URL}`]),
    },
    { name: 'a URL that is not a correct Graph URL is smtp/graph-url\'s to report', yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/ops@example.com') },
    { name: 'a Sender Address that is not an e-mail is not compared', yaml: edit(VESSEL, [SENDER, 'senderAddress: Nordic Star']) },
    { name: 'no Sender Address', yaml: removeLine(VESSEL, SENDER) },
    {
      name: 'an own relay with basic auth',
      yaml: edit(
        OFFICE,
        ['useOAuth2: true', 'useOAuth2: false'],
        [`smtpServer: ${OFFICE_URL}`, 'smtpServer: smtp.example.com'],
        ['userName: purchasing@example.com', 'userName: ops@example.com'],
      ),
    },
  ],
  invalid: [
    {
      name: 'TM Exchange: the Sender Address is another mailbox',
      yaml: edit(VESSEL, [SENDER, 'senderAddress: ops.nordicstar@example.com']),
      errors: [
        {
          pointer: '/exchange/smtp/senderAddress',
          at: 'ops.nordicstar@example.com',
          after: 'exchange:',
          message:
            'TM Exchange SMTP > Sender Address is "ops.nordicstar@example.com" but TM Exchange SMTP > SMTP Server sends as "replication.nordicstar@example.com"',
          fix: null,
        },
      ],
    },
    {
      name: 'TM Exchange: the OAuth2 User Name is another mailbox',
      yaml: edit(VESSEL, [`    ${SMTP_USER}`, '    userName: ops.nordicstar@example.com']),
      errors: [
        {
          pointer: '/exchange/smtp/oauth2/userName',
          at: 'ops.nordicstar@example.com',
          after: 'exchange:',
          message: 'TM Exchange SMTP > OAuth2 > User Name is "ops.nordicstar@example.com" but TM Exchange SMTP > SMTP Server sends as "replication.nordicstar@example.com"',
          fix: null,
        },
      ],
    },
    {
      name: 'TM Exchange: the URL names another mailbox than both fields, which agree: one finding, at the URL',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/ops.nordicstar@example.com/sendMail'),
      errors: [
        {
          pointer: '/exchange/smtp/server',
          at: 'https://graph.microsoft.com/v1.0/users/ops.nordicstar',
          message:
            'TM Exchange SMTP > SMTP Server sends as "ops.nordicstar@example.com" but TM Exchange SMTP > Sender Address and OAuth2 > User Name are "replication.nordicstar@example.com"',
          fix: null,
        },
      ],
    },
    {
      name: 'TM Exchange: three different addresses: each field reported',
      yaml: edit(vesselSmtp('https://graph.microsoft.com/v1.0/users/ops.nordicstar@example.com/sendMail'), [SENDER, 'senderAddress: replication.polarwind@example.com']),
      errors: [
        { pointer: '/exchange/smtp/senderAddress', at: 'replication.polarwind@example.com', message: 'sends as "ops.nordicstar@example.com"', fix: null },
        { pointer: '/exchange/smtp/oauth2/userName', at: 'replication.nordicstar@example.com', after: 'useSsl: true', message: 'OAuth2 > User Name', fix: null },
      ],
    },
    {
      name: 'Mail Settings: the URL names a fixed mailbox that is not the User Name',
      yaml: office('https://graph.microsoft.com/v1.0/users/orders@example.com/sendMail'),
      errors: [
        {
          pointer: '/mailSettings/smtpServer',
          at: 'https://',
          message: 'Mail Settings > SMTP Server sends as "orders@example.com" but OAuth2 > User Name is "purchasing@example.com"',
          fix: null,
        },
      ],
    },
    {
      name: 'a national-cloud Graph URL is compared too',
      yaml: office('https://graph.microsoft.us/v1.0/users/orders@example.com/sendMail'),
      errors: [{ pointer: '/mailSettings/smtpServer', at: 'https://', message: 'sends as "orders@example.com"', fix: null }],
    },
  ],
});
