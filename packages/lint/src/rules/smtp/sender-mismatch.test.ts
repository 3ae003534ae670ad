import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { edit, OFFICE, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import graphUrl from './graph-url.js';
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
      name: 'Mail Settings with the User Name\'s mailbox and Use Address from User ticked (smtp/address-placeholder asks for {0})',
      yaml: edit(VESSEL, ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: https://graph.microsoft.com/v1.0/users/ops.nordicstar@example.com/sendMail']),
    },
    { name: 'a placeholder in the URL names no mailbox to compare', yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/{0}@example.com/sendMail') },
    { name: 'the guide\'s example in the URL names no mailbox to compare', yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/example@email.com/sendMail') },
    { name: 'a ${NAME} reference in the URL names no mailbox', yaml: vesselSmtp('${TM_GRAPH_URL}') },
    { name: 'a User Name that is not an e-mail is not compared (oauth2/user-name speaks)', yaml: edit(OFFICE, ['userName: purchasing@example.com', 'userName: purchasing']) },
    { name: 'an SMTP host name names no mailbox', yaml: office('smtp.office365.com') },
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
          messageId: 'addressInExchange',
          data: {
            field: 'TM Exchange SMTP > Sender Address',
            address: '"ops.nordicstar@example.com"',
            serverField: 'TM Exchange SMTP > SMTP Server',
            mailbox: '"replication.nordicstar@example.com"',
          },
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
          messageId: 'addressInExchange',
          data: { field: 'TM Exchange SMTP > OAuth2 > User Name', address: '"ops.nordicstar@example.com"', mailbox: '"replication.nordicstar@example.com"' },
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
          messageId: 'urlInExchange',
          data: {
            field: 'TM Exchange SMTP > SMTP Server',
            mailbox: '"ops.nordicstar@example.com"',
            senderField: 'TM Exchange SMTP > Sender Address',
            userNameField: 'TM Exchange SMTP > OAuth2 > User Name',
            address: '"replication.nordicstar@example.com"',
            example: REPLICATION_URL,
          },
          fix: null,
        },
      ],
    },
    {
      name: 'TM Exchange: three different addresses: each field reported',
      yaml: edit(vesselSmtp('https://graph.microsoft.com/v1.0/users/ops.nordicstar@example.com/sendMail'), [SENDER, 'senderAddress: replication.polarwind@example.com']),
      errors: [
        { pointer: '/exchange/smtp/senderAddress', at: 'replication.polarwind@example.com', messageId: 'addressInExchange', data: { mailbox: '"ops.nordicstar@example.com"' }, fix: null },
        { pointer: '/exchange/smtp/oauth2/userName', at: 'replication.nordicstar@example.com', after: 'useSsl: true', messageId: 'addressInExchange', data: { field: 'TM Exchange SMTP > OAuth2 > User Name' }, fix: null },
      ],
    },
    {
      name: 'Mail Settings: the URL names a fixed mailbox that is not the User Name',
      yaml: office('https://graph.microsoft.com/v1.0/users/orders@example.com/sendMail'),
      errors: [
        {
          pointer: '/mailSettings/smtpServer',
          at: 'https://',
          messageId: 'userNameInMailSettings',
          data: {
            field: 'Mail Settings > SMTP Server',
            mailbox: '"orders@example.com"',
            userNameField: 'Mail Settings > OAuth2 > User Name',
            userName: '"purchasing@example.com"',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'Mail Settings with a fixed mailbox that is not the User Name and Use Address from User ticked (smtp/address-placeholder\'s finding replaces this one)',
      yaml: edit(VESSEL, ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', `smtpServer: ${OFFICE_URL}`]),
      errors: [{ pointer: '/mailSettings/smtpServer', at: OFFICE_URL, messageId: 'userNameInMailSettings', data: { userName: '"ops.nordicstar@example.com"' }, fix: null }],
    },
    {
      name: 'TM Exchange: a URL without /sendMail names another mailbox (smtp/graph-url\'s finding replaces this one)',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/ops@example.com'),
      errors: [{ pointer: '/exchange/smtp/server', at: 'https://graph.microsoft.com/v1.0/users/ops@', messageId: 'urlInExchange', data: { example: 'https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com' }, fix: null }],
    },
    {
      name: 'TM Exchange: a URL on http: with another mailbox than the Sender Address, no User Name',
      yaml: edit(
        within(VESSEL, 'smtp:', (t) => removeLine(t, SMTP_USER)),
        [`server: ${REPLICATION_URL}`, 'server: http://graph.microsoft.com/v1.0/users/ops@example.com/sendMail'],
      ),
      errors: [{ pointer: '/exchange/smtp/senderAddress', at: 'replication.nordicstar@example.com', messageId: 'addressInExchange', data: { mailbox: '"ops@example.com"' }, fix: null }],
    },
    {
      name: 'TM Exchange: a percent-encoded mailbox is compared, and quoted, decoded',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/ops%40example.com/sendMail'),
      errors: [{ pointer: '/exchange/smtp/server', at: 'https://', after: 'smtp:', messageId: 'urlInExchange', data: { mailbox: '"ops@example.com"', example: REPLICATION_URL }, fix: null }],
    },
    {
      name: 'a national-cloud Graph URL is compared too',
      yaml: office('https://graph.microsoft.us/v1.0/users/orders@example.com/sendMail'),
      errors: [{ pointer: '/mailSettings/smtpServer', at: 'https://', messageId: 'userNameInMailSettings', data: { mailbox: '"orders@example.com"' }, fix: null }],
    },
  ],
});

describe('smtp/sender-mismatch with smtp/graph-url', () => {
  it('gives way to smtp/graph-url\'s finding about the same URL', () => {
    const rules = [rule, graphUrl];
    const yaml = vesselSmtp('https://graph.microsoft.com/v1.0/users/ops@example.com');
    const results = lintText(yaml, { filePath: 'case.yaml' }, { config: resolveConfig(rules), today: '2026-11-29', rules });
    expect(results.flatMap((r) => r.messages).map((m) => [m.ruleId, m.pointer, m.messageId])).toEqual([
      ['smtp/graph-url', '/exchange/smtp/server', 'noSendMail'],
    ]);
  });
});
