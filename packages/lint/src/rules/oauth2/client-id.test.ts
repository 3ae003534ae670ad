import { APP_ID, edit, OBJECT_ID, OFFICE, removeBlock, removeLine, SECRET_ID, SP_ID, TENANT, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './client-id.js';

const MAIL = '/mailSettings/oauth2/clientId';
const SMTP = '/exchange/smtp/oauth2/clientId';
const POP3 = '/exchange/pop3/oauth2/clientId';
const OTHER = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

/** The vessel with the Mail Settings Client ID replaced. */
const mail = (id: string): string => edit(VESSEL, [`clientId: ${APP_ID}`, `clientId: ${id}`]);
/** The vessel with the POP3 Client ID replaced. */
const pop3 = (id: string): string => within(VESSEL, 'pop3:', (t) => edit(t, [`clientId: ${APP_ID}`, `clientId: ${id}`]));
/** The office (no azure section) with its Client ID replaced. */
const office = (id: string): string => edit(OFFICE, [`clientId: ${APP_ID}`, `clientId: ${id}`]);

/** A vessel on its own relay and POP3 server, with basic auth and junk client IDs: OAuth2 does not apply. */
const RELAY = within(
  within(
    edit(
      VESSEL,
      ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: smtp.example.com'],
      ['useOAuth2: true', 'useOAuth2: false'],
      [`clientId: ${APP_ID}`, `clientId: ${OBJECT_ID}`],
      ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com'],
    ),
    'smtp:',
    (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false'], [`clientId: ${APP_ID}`, 'clientId: TMMaster']),
  ),
  'pop3:',
  (t) => removeLine(edit(t, ['server: outlook.office365.com', 'server: pop.example.com'], ['useOAuth2: true', 'useOAuth2: false']), 'clientId:'),
);

ruleTester(rule, {
  valid: [
    { name: 'a Microsoft POP3 server with oauth2: { useOAuth2: false } only (oauth2/disabled speaks)', yaml: within(VESSEL, '  pop3:', (t) => t.replace(/    oauth2:\n(?:      .*\n)+/, '    oauth2: { useOAuth2: false }\n')) },
    // shared/spec/manifest.md writes its example IDs as zeros: without azure facts to compare, a GUID is a GUID
    { name: 'the all-zero GUID of the spec example, no azure section', yaml: office('00000000-0000-0000-0000-000000000000') },
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'the Application (client) ID in capitals', yaml: pop3(APP_ID.toUpperCase()) },
    { name: 'azure.applicationId in capitals', yaml: edit(VESSEL, [`applicationId: ${APP_ID}`, `applicationId: ${APP_ID.toUpperCase()}`]) },
    { name: 'spaces around the GUID', yaml: mail(`"  ${APP_ID} "`) },
    { name: 'any GUID where nothing is known of the Microsoft side', yaml: office(OTHER) },
    { name: 'a vessel on its own relay and POP3 server with basic auth', yaml: RELAY },
    {
      name: 'a Microsoft server with no OAuth2 tab: oauth2/disabled speaks, not this rule',
      yaml: within(VESSEL, 'pop3:', (t) => removeBlock(t, 'oauth2:')),
    },
    { name: 'no TM Exchange', yaml: removeBlock(VESSEL, 'exchange:') },
  ],
  invalid: [
    {
      name: 'the POP3 Client ID not filled in',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'clientId:')),
      errors: [
        {
          pointer: POP3,
          at: 'oauth2:',
          after: 'pop3:',
          message: `TM Exchange POP3 > OAuth2 > Client ID is not filled in: enter the Application (client) ID from portal.azure.com > App registrations > TMMaster > Overview (azure.applicationId: ${APP_ID})`,
          fix: null,
        },
      ],
    },
    {
      name: 'an empty Client ID, no azure section',
      yaml: office('""'),
      errors: [{ pointer: MAIL, at: '""', message: 'Mail Settings > OAuth2 > Client ID is empty: enter the Application (client) ID', fix: null }],
    },
    {
      name: 'not a GUID, azure.applicationId known: fixed',
      yaml: mail('TMMaster'),
      errors: [{ pointer: MAIL, at: 'TMMaster', message: 'Mail Settings > OAuth2 > Client ID "TMMaster" is not a GUID', fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'not a GUID, no azure section: no fix',
      yaml: office('0b8e5c1d2f3a4b5c9d6e7f8091a2b3c4'),
      errors: [{ pointer: MAIL, at: '0b8e5c1d2f3a4b5c9d6e7f8091a2b3c4', message: 'is not a GUID', fix: null }],
    },
    {
      name: "the guide's placeholder <APPLICATION_ID>",
      yaml: office('<APPLICATION_ID>'),
      errors: [{ pointer: MAIL, at: '<APPLICATION_ID>', message: '"<APPLICATION_ID>" is still a placeholder', fix: null }],
    },
    {
      name: "the guide's example AAAAAAA",
      yaml: pop3('AAAAAAA'),
      errors: [{ pointer: POP3, at: 'AAAAAAA', message: 'is still a placeholder', fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: 'a braced GUID: the braces removed',
      yaml: office(`"{${OTHER.toUpperCase()}}"`),
      errors: [
        {
          pointer: MAIL,
          at: `"{${OTHER.toUpperCase()}}"`,
          message: 'has braces around the GUID: remove the braces',
          fix: { pointer: MAIL, value: OTHER.toUpperCase() },
        },
      ],
    },
    {
      name: 'the braced Application (client) ID',
      yaml: pop3(`"{${APP_ID}}"`),
      errors: [{ pointer: POP3, at: `"{${APP_ID}}"`, message: 'remove the braces', fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: 'the Object ID entered instead of the Application (client) ID',
      yaml: pop3(OBJECT_ID),
      errors: [
        {
          pointer: POP3,
          at: OBJECT_ID,
          message: 'is the Object ID (azure.objectId), not the Application (client) ID: enter the Application (client) ID from App registrations > Overview',
          fix: { pointer: POP3, value: APP_ID },
        },
      ],
    },
    {
      name: 'the Object ID in capitals and braces',
      yaml: mail(`"{${OBJECT_ID.toUpperCase()}}"`),
      errors: [{ pointer: MAIL, at: `"{${OBJECT_ID.toUpperCase()}}"`, message: 'is the Object ID', fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'the Directory (tenant) ID entered',
      yaml: mail(TENANT),
      errors: [{ pointer: MAIL, at: TENANT, after: 'clientId:', message: 'is the Directory (tenant) ID, which belongs in the Token URL', fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'the tenant GUID of the Token URL entered, no azure section',
      yaml: edit(office(TENANT), ['example.onmicrosoft.com', TENANT]),
      errors: [{ pointer: MAIL, at: TENANT, after: 'clientId:', message: 'is the Directory (tenant) ID', fix: null }],
    },
    {
      name: 'the Secret ID of the client secret entered',
      yaml: mail(SECRET_ID),
      errors: [{ pointer: MAIL, at: SECRET_ID, message: 'is the Secret ID of a client secret', fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'the Exchange service principal ID entered',
      yaml: pop3(SP_ID),
      errors: [{ pointer: POP3, at: SP_ID, message: 'is the Exchange service principal ID', fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: 'another GUID than azure.applicationId',
      yaml: pop3(OTHER),
      errors: [
        {
          pointer: POP3,
          at: OTHER,
          message: `differs from the Application (client) ID registered in azure.applicationId (${APP_ID})`,
          fix: { pointer: POP3, value: APP_ID },
        },
      ],
    },
    {
      name: 'the Object ID in every section: one finding each',
      yaml: VESSEL.split(`clientId: ${APP_ID}`).join(`clientId: ${OBJECT_ID}`),
      errors: [
        { pointer: MAIL, at: OBJECT_ID, fix: { pointer: MAIL, value: APP_ID } },
        { pointer: SMTP, at: OBJECT_ID, after: 'smtp:', message: 'TM Exchange SMTP > OAuth2 > Client ID', fix: { pointer: SMTP, value: APP_ID } },
        { pointer: POP3, at: OBJECT_ID, after: 'pop3:', fix: { pointer: POP3, value: APP_ID } },
      ],
    },
  ],
});
