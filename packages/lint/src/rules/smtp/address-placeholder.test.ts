import { edit, OFFICE, removeLine, VESSEL } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './address-placeholder.js';

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
    { name: 'a ${NAME} reference is not judged', yaml: vesselSmtp('${TM_GRAPH_URL}') },
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
          message: 'Use Address from User needs {0} in the SMTP Server URL, e.g. https://graph.microsoft.com/v1.0/users/{0}/sendMail',
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
          message: 'names the fixed mailbox "5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D"',
          fix: { pointer: MAIL, value: 'https://microsoftgraph.chinacloudapi.cn/v1.0/users/{0}/sendmail' },
        },
      ],
    },
    {
      name: 'Use Address from User ticked, a fixed mailbox in a URL with http: (smtp/graph-url\'s fix first): no fix here',
      yaml: vesselMail('http://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'http://', message: 'Use Address from User needs {0}', fix: null }],
    },
    {
      name: 'a {email} placeholder with Use Address from User ticked: fixed to {0}',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/{email}/sendMail'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://',
          message: 'Mail Settings > SMTP Server holds the placeholder "{email}", which TM Master does not fill in: the only placeholder it knows is {0}',
          fix: { pointer: MAIL, value: USER_URL },
        },
      ],
    },
    {
      name: 'a <mailbox> placeholder with Use Address from User not ticked: no fix (a fixed mailbox or {0}?)',
      yaml: office('https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', message: 'holds the placeholder "<mailbox>"', fix: null }],
    },
    {
      name: 'a {1} placeholder',
      yaml: office('https://graph.microsoft.com/v1.0/users/{1}/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', message: 'holds the placeholder "{1}"', fix: null }],
    },
    {
      name: 'a [user] placeholder',
      yaml: office('https://graph.microsoft.com/v1.0/users/[user]/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', message: 'holds the placeholder "[user]"', fix: null }],
    },
    {
      name: 'a %USERNAME% placeholder',
      yaml: office('https://graph.microsoft.com/v1.0/users/%USERNAME%@example.com/sendMail'),
      errors: [{ pointer: MAIL, at: 'https://', message: 'holds the placeholder "%USERNAME%"', fix: null }],
    },
    {
      name: '{0} inside the mailbox: {0} stands for the whole address',
      yaml: vesselMail('https://graph.microsoft.com/v1.0/users/{0}@example.com/sendMail'),
      errors: [
        {
          pointer: MAIL,
          at: 'https://',
          message: 'has {0} inside the mailbox "{0}@example.com": TM Master replaces {0} with the user\'s whole e-mail address',
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
          message: 'TM Exchange sends as the replication mailbox: put its address instead of {0} in TM Exchange SMTP > SMTP Server',
          fix: { pointer: EXCHANGE, value: REPLICATION_URL },
        },
      ],
    },
    {
      name: '{0} in TM Exchange with only the OAuth2 User Name as an address: fixed to it',
      yaml: removeLine(vesselSmtp(USER_URL), 'senderAddress:'),
      errors: [{ pointer: EXCHANGE, at: USER_URL, after: 'exchange:', message: 'instead of {0}', fix: { pointer: EXCHANGE, value: REPLICATION_URL } }],
    },
    {
      name: '{0} in TM Exchange with no address of its own: no fix',
      yaml: noAddress(USER_URL),
      errors: [{ pointer: EXCHANGE, at: USER_URL, after: 'exchange:', message: 'users/<replication mailbox>/sendMail', fix: null }],
    },
    {
      name: '{0} in TM Exchange whose Sender Address and User Name disagree: no fix',
      yaml: edit(vesselSmtp(USER_URL), ['senderAddress: replication.nordicstar@example.com', 'senderAddress: ops.nordicstar@example.com']),
      errors: [{ pointer: EXCHANGE, at: USER_URL, after: 'exchange:', message: 'instead of {0}', fix: null }],
    },
    {
      name: '{0} in TM Exchange on the US Government Graph host: the host is kept',
      yaml: vesselSmtp('https://graph.microsoft.us/v1.0/users/{0}/sendMail'),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'https://graph.microsoft.us',
          message: 'instead of {0}',
          fix: { pointer: EXCHANGE, value: 'https://graph.microsoft.us/v1.0/users/replication.nordicstar@example.com/sendMail' },
        },
      ],
    },
    {
      name: '{0} in TM Exchange with /sendMail missing (smtp/graph-url\'s fix first): no fix here',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/{0}'),
      errors: [{ pointer: EXCHANGE, at: 'https://graph.microsoft.com/v1.0/users/{0}', after: 'exchange:', message: 'instead of {0}', fix: null }],
    },
    {
      name: 'another placeholder in TM Exchange: fixed to the Sender Address',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/{email}/sendMail'),
      errors: [
        {
          pointer: EXCHANGE,
          at: 'https://graph.microsoft.com/v1.0/users/{email}',
          message: 'TM Exchange SMTP > SMTP Server holds the placeholder "{email}", which TM Exchange does not fill in',
          fix: { pointer: EXCHANGE, value: REPLICATION_URL },
        },
      ],
    },
    {
      name: 'both sections wrong: one finding each',
      yaml: vesselSmtp('https://graph.microsoft.com/v1.0/users/<mailbox>/sendMail').replace(USER_URL, OFFICE_URL),
      errors: [
        { pointer: MAIL, at: OFFICE_URL, message: 'Use Address from User needs {0}', fix: { pointer: MAIL, value: USER_URL } },
        { pointer: EXCHANGE, at: 'https://graph.microsoft.com/v1.0/users/<mailbox>', message: '"<mailbox>"', fix: { pointer: EXCHANGE, value: REPLICATION_URL } },
      ],
    },
  ],
});
