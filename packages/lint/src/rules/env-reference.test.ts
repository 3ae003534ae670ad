import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import type { AnyRule } from '../engine/define-rule.js';
import { lintText } from '../engine/lint-document.js';
import { APP_ID, edit, OBJECT_ID, OFFICE, SECRET_ID, TENANT, VESSEL, within } from '../test-utils/fixtures.js';
import { ruleTester } from '../test-utils/rule-tester.js';
import rule from './env-reference.js';
import pop3Port from './pop3/port.js';
import pop3Server from './pop3/server.js';
import pop3Ssl from './pop3/ssl.js';
import smtpAddressPlaceholder from './smtp/address-placeholder.js';
import smtpGraphUrl from './smtp/graph-url.js';
import smtpSenderMismatch from './smtp/sender-mismatch.js';
import smtpSsl from './smtp/ssl.js';

const POP3_SERVER = '/exchange/pop3/server';

/** The vessel with a field of its POP3 section replaced. */
const pop3 = (...edits: Array<readonly [string, string]>): string => within(VESSEL, 'pop3:', (t) => edit(t, ...edits));

/** The vessel with basic-auth passwords as references in all three sections (ignored with OAuth2, but allowed). */
const PASSWORDS = within(
  within(
    edit(VESSEL, ['  smtpEnableSsl: true', '  smtpEnableSsl: true\n  basicAuth:\n    userName: ops.nordicstar@example.com\n    password: ${TM_MAIL_PASSWORD}']),
    '    useSsl: true',
    (t) => edit(t, ['    useSsl: true', '    useSsl: true\n    basicAuth: { userName: replication.nordicstar@example.com, password: "${TM_SMTP_PASSWORD}" }']),
  ),
  'pop3:',
  (t) => edit(t, ['    useSsl: true', '    useSsl: true\n    basicAuth:\n      userName: replication.nordicstar@example.com\n      password: ${TM_POP3_PASSWORD}']),
);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide (its Client Secret a reference)', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'basic-auth passwords as references in every section', yaml: PASSWORDS },
    {
      name: 'a literal Client Secret is oauth2/secret-plaintext\'s business, not this rule\'s',
      yaml: edit(OFFICE, ['clientSecret: ${TM_MAIL_SECRET}', 'clientSecret: Zx8Q~abcdefghijklmnopqrstuvwxyz0123456789']),
    },
    {
      name: 'a pipeline expression in a Client Secret is the secret rules\' to judge',
      yaml: edit(OFFICE, ['clientSecret: ${TM_MAIL_SECRET}', 'clientSecret: "${{ secrets.TM_MAIL_SECRET }}"']),
    },
    { name: 'a dollar sign that starts no expression', yaml: edit(VESSEL, ['name: MV Nordic Star', 'name: MV $tar (ex $100 Star)']) },
    { name: 'a percent sign in a secret description', yaml: edit(VESSEL, ['description: tmmaster secret', 'description: tmmaster secret 100% rotated']) },
    { name: '{0} in the SMTP Server is TM Master\'s own placeholder', yaml: VESSEL },
    {
      name: 'a %NAME% placeholder in the SMTP Server is smtp/address-placeholder\'s to report',
      yaml: edit(OFFICE, ['users/purchasing@example.com/sendMail', 'users/%USERNAME%@example.com/sendMail']),
    },
    {
      name: 'a reference in a date is the schema\'s to report (the schema\'s finding stands alone)',
      schemaInvalid: true,
      yaml: edit(VESSEL, ['expires: 2027-06-30', 'expires: ${SECRET_EXPIRES}']),
    },
    {
      name: 'a reference in an enumeration is the schema\'s to report',
      schemaInvalid: true,
      yaml: edit(VESSEL, ['kind: vessel', 'kind: ${KIND}']),
    },
  ],
  invalid: [
    {
      name: 'the POP3 Server as a reference',
      yaml: pop3(['server: outlook.office365.com', 'server: ${POP3_SERVER}']),
      errors: [
        {
          pointer: POP3_SERVER,
          at: '${POP3_SERVER}',
          messageId: 'reference',
          data: { field: 'TM Exchange POP3 > Server', expression: '"${POP3_SERVER}"', wanted: 'the POP3 server address: outlook.office365.com' },
          fix: null,
        },
      ],
    },
    {
      name: 'a reference with spaces around it, in the TM Exchange Sender Address',
      yaml: edit(VESSEL, ['senderAddress: replication.nordicstar@example.com', 'senderAddress: " ${SENDER} "']),
      errors: [
        {
          pointer: '/exchange/smtp/senderAddress',
          at: '" ${SENDER} "',
          messageId: 'reference',
          data: {
            field: 'TM Exchange SMTP > Sender Address',
            expression: '"${SENDER}"',
            wanted: 'the e-mail address of the account to be used, such as replication@example.com',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'a reference inside the Token URL, in place of the tenant',
      yaml: pop3([`tokenUrl: https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`, 'tokenUrl: https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/tokenUrl',
          at: 'https://login.microsoftonline.com/${TENANT_ID}',
          messageId: 'reference',
          data: { field: 'TM Exchange POP3 > OAuth2 > Token URL', expression: '"${TENANT_ID}"', wanted: /^the token URL of your mail server/ },
          fix: null,
        },
      ],
    },
    {
      name: 'a Client ID as a reference: shown as written (a reference names a variable, never holds a secret)',
      yaml: pop3([`clientId: ${APP_ID}`, 'clientId: ${TM_CLIENT_ID}']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/clientId',
          at: '${TM_CLIENT_ID}',
          messageId: 'reference',
          data: { field: 'TM Exchange POP3 > OAuth2 > Client ID', expression: '"${TM_CLIENT_ID}"', wanted: /Application \(client\) ID/ },
          fix: null,
        },
      ],
    },
    {
      name: 'the client version as a reference',
      yaml: edit(VESSEL, ['version: "2.664.8271.20345"', 'version: ${CLIENT_VERSION}']),
      errors: [{ pointer: '/client/version', at: '${CLIENT_VERSION}', messageId: 'reference', data: { field: 'Client version' }, fix: null }],
    },
    {
      name: 'the installation name as a reference',
      yaml: edit(VESSEL, ['name: MV Nordic Star', 'name: ${VESSEL_NAME}']),
      errors: [{ pointer: '/installation/name', at: '${VESSEL_NAME}', messageId: 'reference', data: { field: 'Installation name' }, fix: null }],
    },
    {
      name: 'a GitHub Actions expression in the POP3 Scope',
      yaml: pop3(['scope: https://outlook.office365.com/.default', 'scope: "${{ vars.POP3_SCOPE }}"']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/scope',
          at: '"${{ vars.POP3_SCOPE }}"',
          messageId: 'pipelineExpression',
          data: {
            field: 'TM Exchange POP3 > OAuth2 > Scope',
            expression: '"${{ vars.POP3_SCOPE }}"',
            wanted: 'the POP3 server scope; for outlook.office365.com this should be https://outlook.office365.com/.default',
          },
          fix: null,
        },
      ],
    },
    {
      name: 'an Azure Pipelines macro in the server-service version',
      yaml: edit(VESSEL, ['version: "2.664.8302.1200"', 'version: $(ServerServiceVersion)']),
      errors: [
        { pointer: '/serverService/version', at: '$(ServerServiceVersion)', messageId: 'pipelineExpression', data: { expression: '"$(ServerServiceVersion)"' }, fix: null },
      ],
    },
    {
      name: 'an Azure Pipelines runtime expression inside the Graph URL',
      yaml: edit(VESSEL, [
        'server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail',
        'server: "https://graph.microsoft.com/v1.0/users/$[variables.mailbox]/sendMail"',
      ]),
      errors: [
        {
          pointer: '/exchange/smtp/server',
          at: '"https://graph.microsoft.com/v1.0/users/$[',
          messageId: 'pipelineExpression',
          data: { expression: '"$[variables.mailbox]"' },
          fix: null,
        },
      ],
    },
    {
      name: 'references in list items: a permission name, a mailbox, an access right, a Secret ID',
      yaml: edit(
        VESSEL,
        ['name: Mail.Send', 'name: ${GRAPH_PERMISSION}'],
        [`secretId: ${SECRET_ID}`, 'secretId: ${SECRET_ID}'],
        ['      - mailbox: replication.nordicstar@example.com', '      - mailbox: ${REPLICATION_MAILBOX}'],
        ['accessRights: [FullAccess]', 'accessRights: [FullAccess, "${EXTRA_RIGHT}"]'],
      ),
      errors: [
        { pointer: '/azure/permissions/0/name', at: '${GRAPH_PERMISSION}', messageId: 'reference', data: { field: 'Azure > API permissions #1 > Permissions name' }, fix: null },
        { pointer: '/azure/clientSecrets/0/secretId', at: '${SECRET_ID}', messageId: 'reference', data: { field: 'Azure > Client secrets #1 > Secret ID' }, fix: null },
        { pointer: '/azure/exchangeOnline/mailboxPermissions/0/mailbox', at: '${REPLICATION_MAILBOX}', messageId: 'reference', fix: null },
        { pointer: '/azure/exchangeOnline/mailboxPermissions/0/accessRights/1', at: '"${EXTRA_RIGHT}"', messageId: 'reference', fix: null },
      ],
    },
    {
      name: 'the Object ID and the SMTP test receiver as references: one finding each',
      yaml: edit(VESSEL, ['receiver: support@example.com', 'receiver: ${TEST_RECEIVER}'], [`objectId: ${OBJECT_ID}`, 'objectId: ${OBJECT_ID}']),
      errors: [
        { pointer: '/mailSettings/smtpTest/receiver', at: '${TEST_RECEIVER}', messageId: 'reference', data: { field: 'Mail Settings > SMTP Test Function > Receiver' }, fix: null },
        { pointer: '/azure/objectId', at: '${OBJECT_ID}', messageId: 'reference', data: { field: 'Azure > Object ID' }, fix: null },
      ],
    },
    {
      name: 'a shell variable as the POP3 User Name',
      yaml: pop3(['userName: replication.nordicstar@example.com', 'userName: $POP3_USER']),
      errors: [
        {
          pointer: '/exchange/pop3/oauth2/userName',
          at: '$POP3_USER',
          messageId: 'otherForm',
          data: { expression: '"$POP3_USER"', wanted: 'the e-mail address to retrieve (download) e-mail from, such as replication@example.com' },
          fix: null,
        },
      ],
    },
    {
      name: 'a Windows variable as the Directory (tenant) ID, a PowerShell one as the Application (client) ID',
      yaml: edit(VESSEL, [`tenantId: ${TENANT}`, 'tenantId: "%TENANT_ID%"'], [`applicationId: ${APP_ID}`, 'applicationId: $env:TM_APP_ID']),
      errors: [
        { pointer: '/azure/tenantId', at: '"%TENANT_ID%"', messageId: 'otherForm', data: { expression: '"%TENANT_ID%"' }, fix: null },
        { pointer: '/azure/applicationId', at: '$env:TM_APP_ID', messageId: 'otherForm', data: { field: 'Azure > Application (client) ID' }, fix: null },
      ],
    },
    {
      name: 'a basic-auth user name as a reference (only the password may be one)',
      yaml: edit(PASSWORDS, ['    userName: ops.nordicstar@example.com\n    password', '    userName: ${TM_MAIL_USER}\n    password']),
      errors: [{ pointer: '/mailSettings/basicAuth/userName', at: '${TM_MAIL_USER}', messageId: 'reference', fix: null }],
    },
  ],
});

/** The findings of env-reference with the rules that read the same fields, as the linter runs them. */
function together(yaml: string): Array<[string, string, string]> {
  const rules: AnyRule[] = [rule, smtpGraphUrl, smtpAddressPlaceholder, smtpSenderMismatch, smtpSsl, pop3Server, pop3Port, pop3Ssl];
  const results = lintText(yaml, { filePath: 'case.yaml' }, { config: resolveConfig(rules), today: '2026-11-29', rules });
  return results.flatMap((r) => r.messages).map((m) => [m.ruleId, m.pointer, m.messageId]);
}

describe('env-reference with the rules that read the same fields', () => {
  it('replaces what smtp/graph-url and pop3/server say about a reference', () => {
    const yaml = pop3(['server: outlook.office365.com', 'server: ${POP3_SERVER}']).replace(
      'smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail',
      'smtpServer: ${SMTP_SERVER}',
    );
    expect(together(yaml)).toEqual([
      ['env-reference', '/mailSettings/smtpServer', 'reference'],
      ['env-reference', POP3_SERVER, 'reference'],
    ]);
  });

  it('replaces what smtp/graph-url says about a pipeline expression', () => {
    const yaml = edit(VESSEL, ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: $(GraphUrl)']);
    expect(together(yaml)).toEqual([['env-reference', '/exchange/smtp/server', 'pipelineExpression']]);
  });

  it('lets the schema speak alone about a reference in a date', () => {
    const yaml = edit(VESSEL, ['expires: 2027-06-30', 'expires: ${SECRET_EXPIRES}']);
    expect(together(yaml).map(([id, pointer]) => [id, pointer])).toEqual([['schema', '/azure/clientSecrets/0/expires']]);
  });
});
