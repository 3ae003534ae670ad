import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { edit, OFFICE, removeLine, VESSEL } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './address-placeholder.js';
import graphUrl from './graph-url.js';
import senderMismatch from './sender-mismatch.js';

const OFFICE_URL = 'https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail';
const USER_URL = 'https://graph.microsoft.com/v1.0/users/{0}/sendMail';
const REPLICATION_URL = 'https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail';
const MAIL = '/mailSettings/smtpServer';
const EXCHANGE = '/exchange/smtp/server';

/** The office (fixed mailbox, Use Address from User not ticked) with another SMTP Server. */
const office = (server: string): string => edit(OFFICE, [`smtpServer: ${OFFICE_URL}`, `smtpServer: ${server}`]);
/** The vessel (Use Address from User ticked) with another Mail Settings > SMTP Server. */
const vesselMail = (server: string): string => edit(VESSEL, [`smtpServer: ${USER_URL}`, `smtpServer: ${server}`]);
/** The vessel with another TM Exchange SMTP > SMTP Server. */
const vesselSmtp = (server: string): string => edit(VESSEL, [`server: ${REPLICATION_URL}`, `server: ${server}`]);

/** The vessel's TM Exchange SMTP with no address of its own: no Sender Address, User Name not an e-mail. */
const noAddress = (server: string): string =>
  edit(removeLine(vesselSmtp(server), 'senderAddress:'), ['userName: replication.nordicstar@example.com', 'userName: replication']);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide ({0} with Use Address from User ticked)', yaml: VESSEL },
    { name: 'the correct office of the guide (a fixed mailbox, Use Address from User not ticked)', yaml: OFFICE },
    { name: '{0} with Use Address from User not ticked (it falls back to the User Name)', yaml: office(USER_URL) },
    { name: '{0} on the US Government Graph host', yaml: vesselMail('https://graph.microsoft.us/v1.0/users/{0}/sendMail') },
    {
      name: 'an own relay with basic auth and a placeholder nobody uses',
      yaml: edit(office('smtp.example.com/{email}'), ['useOAuth2: true', 'useOAuth2: false']),
    },
    { name: 'Use Address from User with an SMTP host name is smtp/graph-url\'s to fix (to {0})', yaml: vesselMail('smtp.office365.com') },
    {
      name: 'Use Address from User with the guide\'s example@email.com is smtp/graph-url\'s to fix (to {0})',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/example@email.com/sendMail'),
    },
    { name: 'a ${NAME} reference names no mailbox (env-reference speaks about it)', yaml: vesselSmtp('${TM_GRAPH_URL}') },
    { name: 'a GUID in braces is not a placeholder', yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/{5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d}/sendMail') },
    {
      name: 'Use Address from User with a mailbox that is no address is smtp/graph-url\'s to report',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/purchasing/sendMail'),
    },
    { name: '{0} in Mail Settings with a trailing slash after sendMail', yaml: vesselMail('https://graph.microsoft.com/v1.0/users/{0}/sendMail/') },
    { name: 'no TM Exchange: only Mail Settings is judged', yaml: OFFICE },
  ],
  invalid: [
    {
      name: 'Use Address from User ticked, a fixed mailbox in the URL: fixed to {0}',
      yaml: vesselMail(OFFICE_URL),
      errors: [
        {
          pointer: MAIL,
          at: OFFICE_URL,
          messageId: 'fixedMailbox',
          data: { field: 'Mail Settings > SMTP Server', mailbox: '"purchasing@example.com"', example: USER_URL },
          fix: { pointer: MAIL, value: USER_URL },
        },
      ],
    },
    {
      name: 'Use Address from User ticked, a mailbox by GUID in the URL, on the China Graph host: the host is kept',
      yaml: vesselMail('https://microsoftgraph.chinacloudapi.cn/v1.0/users/5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D/sendmail'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://microsoftgraph',
          messageId: 'fixedMailbox',
          data: { mailbox: '"5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D"', example: 'https://microsoftgraph.chinacloudapi.cn/v1.0/users/{0}/sendMail' },
          fix: { pointer: MAIL, value: 'https://microsoftgraph.chinacloudapi.cn/v1.0/users/{0}/sendmail' },
        },
      ],
    },
    {
      name: 'Use Address from User ticked, a fixed mailbox in a URL with http: fixed to {0} over https (this finding replaces smtp/graph-url\'s)',
      yaml: vesselMail('http://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'http://', messageId: 'fixedMailbox', fix: { pointer: MAIL, value: USER_URL } }],
    },
    {
      name: 'a {email} placeholder with Use Address from User ticked: fixed to {0}',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/{email}/sendMail'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://',
          messageId: 'unknownPlaceholder',
          data: { field: 'Mail Settings > SMTP Server', placeholder: '"{email}"', example: USER_URL },
          fix: { pointer: MAIL, value: USER_URL },
        },
      ],
    },
    {
      name: 'a <mailbox> placeholder with Use Address from User not ticked: no fix (a fixed mailbox or {0}?)',
      yaml: office('https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'unknownPlaceholder', data: { placeholder: '"<mailbox>"' }, fix: null }],
    },
    {
      name: 'a {1} placeholder',
      yaml: office('https://graph.microsoft.com/v1.0/users/{1}/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'unknownPlaceholder', data: { placeholder: '"{1}"' }, fix: null }],
    },
    {
      name: 'a [user] placeholder',
      yaml: office('https://graph.microsoft.com/v1.0/users/[user]/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'unknownPlaceholder', data: { placeholder: '"[user]"' }, fix: null }],
    },
    {
      name: 'a %USERNAME% placeholder',
      yaml: office('https://graph.microsoft.com/v1.0/users/%USERNAME%@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', messageId: 'unknownPlaceholder', data: { placeholder: '"%USERNAME%"' }, fix: null }],
    },
    {
      name: '{0} inside the mailbox: {0} stands for the whole address',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/{0}@example.com/sendMail'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://',
          messageId: 'zeroInsideMailbox',
          data: { mailbox: '"{0}@example.com"', example: USER_URL },
          fix: { pointer: MAIL, value: USER_URL },
        },
      ],
    },
    {
      name: '{0} in TM Exchange: fixed to the Sender Address',
      yaml: vesselSmtp(USER_URL),
      errors: [
        {
          pointer: EXCHANGE,
          at: USER_URL,
          after: 'exchange:',
          messageId: 'zeroInExchange',
          data: { field: 'TM Exchange SMTP > SMTP Server', example: REPLICATION_URL },
          fix: { pointer: EXCHANGE, value: REPLICATION_URL },
        },
      ],
    },
    {
      name: '{0} in TM Exchange with only the OAuth2 User Name as an address: fixed to it',
      yaml: removeLine(vesselSmtp(USER_URL), 'senderAddress:'),
      errors: [{ pointer: EXCHANGE, at: USER_URL, after: 'exchange:', messageId: 'zeroInExchange', fix: { pointer: EXCHANGE, value: REPLICATION_URL } }],
    },
    {
      name: '{0} in TM Exchange with no address of its own: no fix',
      yaml: noAddress(USER_URL),
      errors: [{ pointer: EXCHANGE, at: USER_URL, after: 'exchange:', messageId: 'zeroInExchange', data: { example: 'https://graph.microsoft.com/v1.0/users/<replication mailbox>/sendMail' }, fix: null }],
    },
    {
      name: '{0} in TM Exchange whose Sender Address and User Name disagree: no fix',
      yaml: edit(vesselSmtp(USER_URL), ['senderAddress: replication.nordicstar@example.com', 'senderAddress: ops.nordicstar@example.com']),
      errors: [{ pointer: EXCHANGE, at: USER_URL, after: 'exchange:', messageId: 'zeroInExchange', fix: null }],
    },
    {
      name: '{0} in TM Exchange on the US Government Graph host: the host is kept',
      yaml: vesselSmtp('https://graph.microsoft.us/v1.0/users/{0}/sendMail'),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'https://graph.microsoft.us',
          messageId: 'zeroInExchange',
          data: { example: 'https://graph.microsoft.us/v1.0/users/replication.nordicstar@example.com/sendMail' },
          fix: { pointer: EXCHANGE, value: 'https://graph.microsoft.us/v1.0/users/replication.nordicstar@example.com/sendMail' },
        },
      ],
    },
    {
      name: '{0} in TM Exchange with /sendMail missing: fixed, /sendMail added (this finding replaces smtp/graph-url\'s)',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/{0}'),
      errors: [
        { pointer: EXCHANGE, at: 'https://graph.microsoft.com/v1.0/users/{0}', after: 'exchange:', messageId: 'zeroInExchange', fix: { pointer: EXCHANGE, value: REPLICATION_URL } },
      ],
    },
    {
      name: 'another placeholder in TM Exchange: fixed to the Sender Address',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/{email}/sendMail'),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'https://graph.microsoft.com/v1.0/users/{email}',
          messageId: 'placeholderInExchange',
          data: { field: 'TM Exchange SMTP > SMTP Server', placeholder: '"{email}"', example: REPLICATION_URL },
          fix: { pointer: EXCHANGE, value: REPLICATION_URL },
        },
      ],
    },
    {
      name: 'an {email} placeholder on http: with Use Address from User ticked: fixed to {0} over https',
      yaml: vesselMail('http://graph.microsoft.com/v1.0/users/{email}/sendMail'),
      errors: [{ pointer: MAIL, at: 'http://', messageId: 'unknownPlaceholder', fix: { pointer: MAIL, value: USER_URL } }],
    },
    {
      name: '{0} in TM Exchange on /beta/: fixed to the replication mailbox on /v1.0/',
      yaml: vesselSmtp('https://graph.microsoft.com/beta/users/{0}/sendMail'),
      errors: [{ pointer: EXCHANGE, at: 'https://graph.microsoft.com/beta', messageId: 'zeroInExchange', fix: { pointer: EXCHANGE, value: REPLICATION_URL } }],
    },
    {
      name: '{0} in TM Exchange on another Graph version: no certain fix',
      yaml: vesselSmtp('https://graph.microsoft.com/v2.0/users/{0}/sendMail'),
      errors: [{ pointer: EXCHANGE, at: 'https://graph.microsoft.com/v2.0', messageId: 'zeroInExchange', fix: null }],
    },
    {
      name: 'a placeholder in TM Exchange written as %MAILBOX%',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/%MAILBOX%/sendMail'),
      errors: [
        { pointer: EXCHANGE, at: 'https://graph.microsoft.com/v1.0/users/%MAILBOX%', messageId: 'placeholderInExchange', data: { placeholder: '"%MAILBOX%"' }, fix: { pointer: EXCHANGE, value: REPLICATION_URL } },
      ],
    },
    {
      name: 'both sections wrong: one finding each',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail').replace(USER_URL, OFFICE_URL),
      errors: [
        { pointer: MAIL, at: OFFICE_URL, messageId: 'fixedMailbox', fix: { pointer: MAIL, value: USER_URL } },
        { pointer: EXCHANGE, at: 'https://graph.microsoft.com/v1.0/users/<mailbox>', messageId: 'placeholderInExchange', data: { placeholder: '"<mailbox>"' }, fix: { pointer: EXCHANGE, value: REPLICATION_URL } },
      ],
    },
  ],
});

/** The findings of several rules together, as the linter runs them. */
function together(yaml: string): Array<[string, string, string]> {
  const rules = [rule, graphUrl, senderMismatch];
  const results = lintText(yaml, { filePath: 'case.yaml' }, { config: resolveConfig(rules), today: '2026-11-29', rules });
  return results.flatMap((r) => r.messages).map((m) => [m.ruleId, m.pointer, m.messageId]);
}

describe('smtp/address-placeholder with smtp/graph-url and smtp/sender-mismatch', () => {
  it('replaces smtp/graph-url\'s finding about a placeholder in Mail Settings', () => {
    expect(together(office('https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail'))).toEqual([
      ['smtp/address-placeholder', MAIL, 'unknownPlaceholder'],
    ]);
  });

  it('replaces smtp/graph-url\'s finding about {0} in TM Exchange', () => {
    expect(together(vesselSmtp(USER_URL))).toEqual([['smtp/address-placeholder', EXCHANGE, 'zeroInExchange']]);
  });

  it('replaces smtp/graph-url\'s http: finding, and carries a fix for both', () => {
    expect(together(vesselMail('http://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail'))).toEqual([
      ['smtp/address-placeholder', MAIL, 'fixedMailbox'],
    ]);
  });

  it('replaces smtp/sender-mismatch\'s finding about a fixed mailbox with Use Address from User ticked', () => {
    expect(together(vesselMail(OFFICE_URL))).toEqual([['smtp/address-placeholder', MAIL, 'fixedMailbox']]);
  });

  it('leaves smtp/graph-url\'s finding when it has nothing to say itself', () => {
    expect(together(vesselMail('https://graph.microsoft.com/v1.0/users/example@email.com/sendMail'))).toEqual([
      ['smtp/graph-url', MAIL, 'exampleInMailSettings'],
    ]);
  });
});
