import { ruleTester } from '../../test-utils/rule-tester.js';
import { APP_ID, OBJECT_ID, OFFICE, SP_ID, VESSEL, edit, removeBlock, removeLine } from '../../test-utils/fixtures.js';
import rule from './mailbox-permission.js';

const MAILBOX = 'replication.nordicstar@example.com';
const GRANT = `Add-MailboxPermission -Identity "${MAILBOX}" -User ${SP_ID} -AccessRights FullAccess`;

/** Edits the text after `pop3:` (TM Exchange POP3) only. */
function inPop3(text: string, find: string, replace: string): string {
  const at = text.indexOf('  pop3:');
  return text.slice(0, at) + edit(text.slice(at), [find, replace]);
}

/** The vessel with these lines in place of its mailboxPermissions rows. */
function grants(rows: string): string {
  return edit(VESSEL, [`      - mailbox: ${MAILBOX}\n        accessRights: [FullAccess]\n`, rows]);
}

/** The vessel moved to US Government GCC High. */
const GCC_HIGH = edit(
  VESSEL.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'graph.microsoft.us'),
  ['server: outlook.office365.com', 'server: outlook.office365.us'],
  ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
);

ruleTester(rule, {
  valid: [
    // accessRights written as text instead of a list: the schema reports it, once
    { name: 'accessRights: FullAccess (text, not a list)', yaml: grants(`      - mailbox: ${MAILBOX}\n        accessRights: FullAccess\n`), schemaInvalid: true },
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office (no azure section)', yaml: OFFICE },
    { name: 'no azure section', yaml: removeBlock(VESSEL, 'azure:') },
    { name: 'azure without exchangeOnline', yaml: removeBlock(VESSEL, '  exchangeOnline:') },
    {
      name: 'mailbox and access right in other letter case, upper-case service principal ID',
      yaml: edit(
        VESSEL,
        [`servicePrincipalId: ${SP_ID}`, `servicePrincipalId: ${SP_ID.toUpperCase()}`],
        [`- mailbox: ${MAILBOX}`, '- mailbox: Replication.NordicStar@Example.COM'],
        ['accessRights: [FullAccess]', 'accessRights: [fullaccess]'],
      ),
    },
    {
      name: 'the POP3 User Name in other letter case, with trailing spaces',
      yaml: inPop3(VESSEL, `userName: ${MAILBOX}`, 'userName: "Replication.NordicStar@example.com  "'),
    },
    {
      name: 'several mailboxes and rights, FullAccess among them',
      yaml: grants(`      - { mailbox: ops.nordicstar@example.com, accessRights: [ReadPermission] }
      - { mailbox: ${MAILBOX}, accessRights: [ReadPermission] }
      - mailbox: ${MAILBOX}
        accessRights: [ReadPermission, FullAccess]
`),
    },
    {
      name: 'POP3 from its own server with basic auth: no mailbox permission needed',
      yaml: edit(
        VESSEL,
        [VESSEL.slice(VESSEL.indexOf('  pop3:'), VESSEL.indexOf('azure:')), '  pop3:\n    server: pop.example.com\n    port: 995\n    useSsl: true\n    oauth2: { useOAuth2: false }\n'],
        [`      - mailbox: ${MAILBOX}\n        accessRights: [FullAccess]\n`, ''],
        ['    mailboxPermissions:\n', ''],
      ),
    },
    {
      name: 'a POP3 User Name that is not an e-mail address is oauth2/user-name\'s finding',
      yaml: inPop3(grants(''), `userName: ${MAILBOX}`, 'userName: replication').replace('    mailboxPermissions:\n', ''),
    },
    {
      name: 'an office without TM Exchange needs only the service principal',
      yaml: `${OFFICE}azure:
  exchangeOnline:
    servicePrincipalId: ${SP_ID}
`,
    },
    { name: 'the national-cloud twin (GCC High)', yaml: GCC_HIGH },
  ],
  invalid: [
    {
      name: 'New-ServicePrincipal was not run',
      yaml: removeLine(VESSEL, 'servicePrincipalId:'),
      errors: [
        {
          pointer: '/azure/exchangeOnline/servicePrincipalId',
          at: 'exchangeOnline:',
          message: `Exchange Online has no service principal ID for TM Master: New-ServicePrincipal was not run, so POP3 sign-in fails; run New-ServicePrincipal -AppId ${APP_ID} -ObjectId ${OBJECT_ID}, then Get-ServicePrincipal | Format-List and write its ID as servicePrincipalId`,
          fix: null,
        },
      ],
    },
    {
      name: 'an empty service principal ID, without the IDs to register',
      yaml: removeLine(removeLine(edit(VESSEL, [`servicePrincipalId: ${SP_ID}`, 'servicePrincipalId: ""']), 'objectId:'), 'applicationId:'),
      errors: [
        {
          pointer: '/azure/exchangeOnline/servicePrincipalId',
          at: '""',
          message: 'New-ServicePrincipal -AppId <Application (client) ID> -ObjectId <Enterprise application Object ID>',
          fix: null,
        },
      ],
    },
    {
      name: 'an empty exchangeOnline section: no service principal, no mailbox permission',
      yaml: edit(removeBlock(VESSEL, '  exchangeOnline:'), ['  clientSecrets:', '  exchangeOnline: {}\n  clientSecrets:']),
      errors: [
        { pointer: '/azure/exchangeOnline/servicePrincipalId', at: 'exchangeOnline:', message: 'New-ServicePrincipal was not run', fix: null },
        {
          pointer: '/azure/exchangeOnline',
          at: 'exchangeOnline:',
          message: `run Add-MailboxPermission -Identity "${MAILBOX}" -User <ID from Get-ServicePrincipal> -AccessRights FullAccess`,
          fix: null,
        },
      ],
    },
    {
      name: 'no mailboxPermissions list',
      yaml: removeBlock(VESSEL, '    mailboxPermissions:'),
      errors: [
        {
          pointer: '/azure/exchangeOnline',
          at: 'exchangeOnline:',
          message: `the POP3 mailbox "${MAILBOX}" (TM Exchange POP3 > OAuth2 > User Name) has no mailbox permission for TM Master: POP3 sign-in fails with "-ERR Authentication failure"; run ${GRANT}`,
          fix: null,
        },
      ],
    },
    {
      name: 'the permission was granted on another mailbox',
      yaml: grants('      - { mailbox: ops.nordicstar@example.com, accessRights: [FullAccess] }\n'),
      errors: [
        {
          pointer: '/azure/exchangeOnline/mailboxPermissions',
          at: 'mailboxPermissions:',
          message: `has no mailbox permission for TM Master: POP3 sign-in fails with "-ERR Authentication failure"; run ${GRANT}`,
          fix: null,
        },
      ],
    },
    {
      name: 'POP3 downloads from another mailbox than the one granted',
      yaml: inPop3(VESSEL, `userName: ${MAILBOX}`, 'userName: inbox.nordicstar@example.com'),
      errors: [
        {
          pointer: '/azure/exchangeOnline/mailboxPermissions',
          at: 'mailboxPermissions:',
          message: `Add-MailboxPermission -Identity "inbox.nordicstar@example.com" -User ${SP_ID} -AccessRights FullAccess`,
          fix: null,
        },
      ],
    },
    {
      name: 'the mailbox granted ReadPermission, not FullAccess',
      yaml: edit(VESSEL, ['accessRights: [FullAccess]', 'accessRights: [ReadPermission]']),
      errors: [
        {
          pointer: '/azure/exchangeOnline/mailboxPermissions/0/accessRights',
          at: 'accessRights:',
          message: `the POP3 mailbox "${MAILBOX}" (TM Exchange POP3 > OAuth2 > User Name) has "ReadPermission" but not FullAccess: TM Exchange needs FullAccess to download replication mail; run ${GRANT}`,
          fix: null,
        },
      ],
    },
    {
      name: 'the mailbox listed with no access rights',
      yaml: removeLine(VESSEL, 'accessRights: [FullAccess]'),
      errors: [
        {
          pointer: '/azure/exchangeOnline/mailboxPermissions/0/accessRights',
          at: `mailbox: ${MAILBOX}`,
          message: `is listed without FullAccess: TM Exchange needs FullAccess to download replication mail; run ${GRANT}`,
          fix: null,
        },
      ],
    },
    {
      name: 'the national-cloud twin (GCC High) without the grant',
      yaml: removeBlock(GCC_HIGH, '    mailboxPermissions:'),
      errors: [{ pointer: '/azure/exchangeOnline', at: 'exchangeOnline:', message: GRANT, fix: null }],
    },
  ],
});
