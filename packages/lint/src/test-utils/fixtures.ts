/**
 * Correct installations, as the guide describes them, for rule tests to edit.
 * Every rule must be silent on both (rules/index.test.ts checks it).
 */

export const TENANT = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const APP_ID = '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4';
export const OBJECT_ID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
export const SECRET_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
export const SP_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';

export const VESSEL = `# yaml-language-server: $schema=../../packages/schemas/schemas/manifest.schema.json
schemaVersion: 1
installation:
  name: MV Nordic Star
  kind: vessel
database:
  version: 664
client:
  version: "2.664.8271.20345"
serverService:
  version: "2.664.8302.1200"
mailSettings:
  smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail
  smtpEnableSsl: true
  oauth2:
    useOAuth2: true
    tokenUrl: https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token
    scope: https://graph.microsoft.com/.default
    userName: ops.nordicstar@example.com
    useAddressFromUser: true
    clientId: ${APP_ID}
    clientSecret: \${TM_MAIL_SECRET}
  smtpTest:
    sender: ops.nordicstar@example.com
    receiver: support@example.com
exchange:
  smtp:
    server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail
    senderAddress: replication.nordicstar@example.com
    timeoutSeconds: 100
    useSsl: true
    oauth2:
      useOAuth2: true
      tokenUrl: https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token
      scope: https://graph.microsoft.com/.default
      userName: replication.nordicstar@example.com
      clientId: ${APP_ID}
      clientSecret: \${TM_MAIL_SECRET}
  pop3:
    server: outlook.office365.com
    port: 995
    maxMessages: 20
    useSsl: true
    oauth2:
      useOAuth2: true
      tokenUrl: https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token
      scope: https://outlook.office365.com/.default
      userName: replication.nordicstar@example.com
      clientId: ${APP_ID}
      clientSecret: \${TM_MAIL_SECRET}
azure:
  tenantId: ${TENANT}
  applicationId: ${APP_ID}
  objectId: ${OBJECT_ID}
  permissions:
    - api: Microsoft Graph
      name: Mail.Send
      type: Application
      adminConsent: true
    - { api: Office 365 Exchange Online, name: POP.AccessAsApp, type: Application, adminConsent: true }
  clientSecrets:
    - description: tmmaster secret
      expires: 2027-06-30
      secretId: ${SECRET_ID}
  exchangeOnline:
    servicePrincipalId: ${SP_ID}
    mailboxPermissions:
      - mailbox: replication.nordicstar@example.com
        accessRights: [FullAccess]
`;

export const OFFICE = `schemaVersion: 1
installation:
  name: Bergen office
  kind: office
database:
  version: 665
client:
  version: "2.665.8400.100"
mailSettings:
  smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail
  smtpPort: 587
  smtpEnableSsl: true
  oauth2:
    useOAuth2: true
    tokenUrl: https://login.microsoftonline.com/example.onmicrosoft.com/oauth2/v2.0/token
    scope: https://graph.microsoft.com/.default
    userName: purchasing@example.com
    useAddressFromUser: false
    clientId: ${APP_ID}
    clientSecret: \${TM_MAIL_SECRET}
`;

/** Edits a fixture: replaces the first occurrence of each `find`; a `find` that is not there fails the test. */
export function edit(text: string, ...edits: ReadonlyArray<readonly [find: string, replace: string]>): string {
  let out = text;
  for (const [find, replace] of edits) {
    const i = out.indexOf(find);
    if (i === -1) throw new Error(`fixture edit: ${JSON.stringify(find)} is not in the text`);
    out = out.slice(0, i) + replace + out.slice(i + find.length);
  }
  return out;
}

/** Removes the whole line holding `find` (first occurrence). */
export function removeLine(text: string, find: string): string {
  const i = text.indexOf(find);
  if (i === -1) throw new Error(`fixture edit: ${JSON.stringify(find)} is not in the text`);
  const start = text.lastIndexOf('\n', i) + 1;
  const end = text.indexOf('\n', i);
  return text.slice(0, start) + (end === -1 ? '' : text.slice(end + 1));
}

/** Removes a section: the line holding `find` and the more-indented lines under it. */
export function removeBlock(text: string, find: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(find));
  if (i === -1) throw new Error(`fixture edit: ${JSON.stringify(find)} is not in the text`);
  const indent = (lines[i] as string).search(/\S/);
  let j = i + 1;
  while (j < lines.length && ((lines[j] as string).trim() === '' || (lines[j] as string).search(/\S/) > indent)) j++;
  lines.splice(i, j - i);
  return lines.join('\n');
}

/** Applies a change to the text from the first occurrence of `after` on (to edit one section of several alike). */
export function within(text: string, after: string, change: (tail: string) => string): string {
  const i = text.indexOf(after);
  if (i === -1) throw new Error(`fixture edit: ${JSON.stringify(after)} is not in the text`);
  return text.slice(0, i) + change(text.slice(i));
}
