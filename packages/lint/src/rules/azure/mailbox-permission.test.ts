import { ruleTester } from '../../test-utils/rule-tester.js';
import { APP_ID, OBJECT_ID, OFFICE, SP_ID, VESSEL, edit, removeBlock, removeLine } from '../../test-utils/fixtures.js';
import rule from './mailbox-permission.js';

const MAILBOX = 'replication.nordicstar@example.com';

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
    {
      name: "a placeholder service principal ID is azure/placeholder-id's finding, and the grant is there",
      yaml: edit(VESSEL, [`servicePrincipalId: ${SP_ID}`, 'servicePrincipalId: "<SERVICE_PRINCIPAL_ID>"']),
    },
    { name: 'FullAccess among other rights, written with spaces', yaml: edit(VESSEL, ['accessRights: [FullAccess]', 'accessRights: [ReadPermission, " FullAccess "]']) },
    { name: 'the mailbox listed twice, FullAccess in the second entry', yaml: grants(`      - { mailbox: ${MAILBOX}, accessRights: [] }\n      - { mailbox: ${MAILBOX}, accessRights: [FullAccess] }\n`) },
  ],
  invalid: [
    {
      name: 'New-ServicePrincipal was not run',
      yaml: removeLine(VESSEL, 'servicePrincipalId:'),
      errors: [
        {
          pointer: '/azure/exchangeOnline/servicePrincipalId',
          at: 'exchangeOnline:',
          messageId: 'noServicePrincipal',
          data: { field: 'Azure > Service principal ID', appId: APP_ID, objectId: OBJECT_ID },
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
          messageId: 'noServicePrincipal',
          data: { appId: '<Application (client) ID>', objectId: '<Enterprise application Object ID>' },
          fix: null,
        },
      ],
    },
    {
      name: 'no service principal, and the IDs to register are placeholders: they are not put in the command',
      yaml: edit(
        removeLine(VESSEL, 'servicePrincipalId:'),
        [`applicationId: ${APP_ID}`, 'applicationId: "<APPLICATION_ID>"'],
        [`objectId: ${OBJECT_ID}`, 'objectId: 00000000-0000-0000-0000-000000000000'],
      ),
      errors: [
        {
          pointer: '/azure/exchangeOnline/servicePrincipalId',
          messageId: 'noServicePrincipal',
          data: { appId: '<Application (client) ID>', objectId: '<Enterprise application Object ID>' },
          fix: null,
        },
      ],
    },
    {
      name: "no service principal, the guide's example IDs left in",
      yaml: edit(removeLine(VESSEL, 'servicePrincipalId:'), [`applicationId: ${APP_ID}`, 'applicationId: AAAAAAA'], [`objectId: ${OBJECT_ID}`, 'objectId: "00000"']),
      errors: [{ pointer: '/azure/exchangeOnline/servicePrincipalId', messageId: 'noServicePrincipal', data: { appId: '<Application (client) ID>', objectId: '<Enterprise application Object ID>' }, fix: null }],
    },
    {
      name: 'no service principal, the application ID in braces and capitals: the command takes the plain GUID',
      yaml: edit(removeLine(VESSEL, 'servicePrincipalId:'), [`applicationId: ${APP_ID}`, `applicationId: "{${APP_ID.toUpperCase()}}"`]),
      errors: [{ pointer: '/azure/exchangeOnline/servicePrincipalId', messageId: 'noServicePrincipal', data: { appId: APP_ID, objectId: OBJECT_ID }, fix: null }],
    },
    {
      name: 'an empty exchangeOnline section: no service principal, no mailbox permission',
      yaml: edit(removeBlock(VESSEL, '  exchangeOnline:'), ['  clientSecrets:', '  exchangeOnline: {}\n  clientSecrets:']),
      errors: [
        { pointer: '/azure/exchangeOnline/servicePrincipalId', at: 'exchangeOnline:', messageId: 'noServicePrincipal', fix: null },
        {
          pointer: '/azure/exchangeOnline',
          at: 'exchangeOnline:',
          messageId: 'noGrant',
          data: { field: 'Azure > Exchange Online', mailbox: `"${MAILBOX}"`, user: '<ID from Get-ServicePrincipal>' },
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
          messageId: 'noGrant',
          data: { mailbox: `"${MAILBOX}"`, userNameField: 'TM Exchange POP3 > OAuth2 > User Name', user: SP_ID },
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
          messageId: 'noGrant',
          data: { field: 'Azure > Mailbox permissions', mailbox: `"${MAILBOX}"`, user: SP_ID },
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
          messageId: 'noGrant',
          data: { mailbox: '"inbox.nordicstar@example.com"', user: SP_ID },
          fix: null,
        },
      ],
    },
    {
      name: "the grant missing, the service principal ID the guide's example: not put in the command",
      yaml: edit(removeBlock(VESSEL, '    mailboxPermissions:'), [`servicePrincipalId: ${SP_ID}`, 'servicePrincipalId: SSSSS']),
      errors: [{ pointer: '/azure/exchangeOnline', messageId: 'noGrant', data: { user: '<ID from Get-ServicePrincipal>' }, fix: null }],
    },
    {
      name: 'the grant missing, the service principal ID in capitals: given as written',
      yaml: edit(removeBlock(VESSEL, '    mailboxPermissions:'), [`servicePrincipalId: ${SP_ID}`, `servicePrincipalId: ${SP_ID.toUpperCase()}`]),
      errors: [{ pointer: '/azure/exchangeOnline', messageId: 'noGrant', data: { user: SP_ID.toUpperCase() }, fix: null }],
    },
    {
      name: 'the mailbox granted ReadPermission, not FullAccess',
      yaml: edit(VESSEL, ['accessRights: [FullAccess]', 'accessRights: [ReadPermission]']),
      errors: [
        {
          pointer: '/azure/exchangeOnline/mailboxPermissions/0/accessRights',
          at: 'accessRights:',
          messageId: 'otherRights',
          data: {
            field: 'Azure > Mailbox permissions #1 > Access rights',
            mailbox: `"${MAILBOX}"`,
            userNameField: 'TM Exchange POP3 > OAuth2 > User Name',
            rights: '"ReadPermission"',
            user: SP_ID,
          },
          fix: null,
        },
      ],
    },
    {
      name: 'the mailbox granted two other rights, as the second entry',
      yaml: grants(`      - { mailbox: ops.nordicstar@example.com, accessRights: [FullAccess] }\n      - { mailbox: ${MAILBOX}, accessRights: [ReadPermission, SendAs] }\n`),
      errors: [
        {
          pointer: '/azure/exchangeOnline/mailboxPermissions/1/accessRights',
          messageId: 'otherRights',
          data: { field: 'Azure > Mailbox permissions #2 > Access rights', rights: '"ReadPermission", "SendAs"' },
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
          messageId: 'noRights',
          data: { mailbox: `"${MAILBOX}"`, user: SP_ID },
          fix: null,
        },
      ],
    },
    {
      name: 'the mailbox listed with an empty list of access rights',
      yaml: edit(VESSEL, ['accessRights: [FullAccess]', 'accessRights: []']),
      errors: [{ pointer: '/azure/exchangeOnline/mailboxPermissions/0/accessRights', at: 'accessRights:', messageId: 'noRights', fix: null }],
    },
    {
      name: 'the national-cloud twin (GCC High) without the grant',
      yaml: removeBlock(GCC_HIGH, '    mailboxPermissions:'),
      errors: [{ pointer: '/azure/exchangeOnline', at: 'exchangeOnline:', messageId: 'noGrant', data: { mailbox: `"${MAILBOX}"`, user: SP_ID }, fix: null }],
    },
  ],
});
