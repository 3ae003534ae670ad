import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { APP_ID, edit, OBJECT_ID, OFFICE, removeBlock, removeLine, SECRET_ID, SP_ID, TENANT, VESSEL, within } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './client-id.js';

const MAIL = '/mailSettings/oauth2/clientId';
const SMTP = '/exchange/smtp/oauth2/clientId';
const POP3 = '/exchange/pop3/oauth2/clientId';
const OTHER = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const NIL = '00000000-0000-0000-0000-000000000000';
const GRAPH = '00000003-0000-0000-c000-000000000000';
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const REGISTERED = ` (Azure > Application (client) ID: ${APP_ID})`;

/** Realistic Entra secret Values (40 characters with `~`), as the portal's Value column shows them. */
const VALUE = 'Zr7Q8~Hn2.Ws_Kd-Fj9Lp0Xc4Vb6Nm1Qa3Se5Tg7';
const VALUE_2 = 'aB38Q~kLmNoPqRsTuVwXyZ.0123456789-AbCdEf';
/** An older secret Value (base64, before the `~` format). */
const BASE64_VALUE = 'hV3n0X9yWq+Zk2L/Pm8Rt4Ub7Ys1Ae6Dc5Gf0Ij3Kl=';

/** The vessel with the Mail Settings Client ID replaced. */
const mail = (id: string): string => edit(VESSEL, [`clientId: ${APP_ID}`, `clientId: ${id}`]);
/** The vessel with the TM Exchange SMTP Client ID replaced. */
const smtp = (id: string): string => within(VESSEL, '  smtp:', (t) => edit(t, [`clientId: ${APP_ID}`, `clientId: ${id}`]));
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
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'the Application (client) ID in capitals', yaml: pop3(APP_ID.toUpperCase()) },
    { name: 'azure.applicationId in capitals', yaml: edit(VESSEL, [`applicationId: ${APP_ID}`, `applicationId: ${APP_ID.toUpperCase()}`]) },
    { name: 'azure.applicationId written with braces, the Client IDs without', yaml: edit(VESSEL, [`applicationId: ${APP_ID}`, `applicationId: "{${APP_ID}}"`]) },
    { name: 'spaces around the GUID', yaml: mail(`"  ${APP_ID} "`) },
    { name: 'any GUID where nothing is known of the Microsoft side', yaml: office(OTHER) },
    { name: "a GUID that merely begins like Microsoft Graph's application ID", yaml: office('00000003-0000-4000-8000-00000000a1b2') },
    {
      name: 'azure.applicationId left as the nil GUID: a real Client ID is not compared with a placeholder',
      yaml: pop3(OTHER).replace(`applicationId: ${APP_ID}`, `applicationId: "${NIL}"`).replaceAll(`clientId: ${APP_ID}`, `clientId: ${OTHER}`),
    },
    { name: 'a vessel on its own relay and POP3 server with basic auth', yaml: RELAY },
    {
      name: 'a Microsoft server with no OAuth2 tab: oauth2/disabled speaks, not this rule',
      yaml: within(VESSEL, 'pop3:', (t) => removeBlock(t, 'oauth2:')),
    },
    { name: 'no TM Exchange', yaml: removeBlock(VESSEL, 'exchange:') },
    // YAML reads 00000 as the number 0: a wrong type, the schema's finding
    { name: "the guide's 00000 unquoted (a number: the schema reports it)", yaml: office('00000'), schemaInvalid: true },
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
          messageId: 'notFilledIn',
          data: { field: 'TM Exchange POP3 > OAuth2 > Client ID', registered: REGISTERED },
          fix: null,
        },
      ],
    },
    {
      name: 'an empty Client ID, no azure section',
      yaml: office('""'),
      errors: [{ pointer: MAIL, at: '""', messageId: 'notFilledIn', data: { field: 'Mail Settings > OAuth2 > Client ID', registered: '' }, fix: null }],
    },
    {
      name: 'not a GUID, azure.applicationId known: fixed',
      yaml: mail('TMMaster'),
      errors: [{ pointer: MAIL, at: 'TMMaster', messageId: 'notGuid', fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'not a GUID, no azure section: no fix',
      yaml: office('0b8e5c1d2f3a4b5c9d6e7f8091a2b3c4'),
      errors: [{ pointer: MAIL, at: '0b8e5c1d2f3a4b5c9d6e7f8091a2b3c4', messageId: 'notGuid', fix: null }],
    },
    {
      name: "the guide's placeholder <APPLICATION_ID>",
      yaml: office('<APPLICATION_ID>'),
      errors: [{ pointer: MAIL, at: '<APPLICATION_ID>', messageId: 'guideExample', data: { example: "the guide's example" }, fix: null }],
    },
    {
      name: "the guide's example AAAAAAA",
      yaml: pop3('AAAAAAA'),
      errors: [{ pointer: POP3, at: 'AAAAAAA', messageId: 'guideExample', data: { example: "the guide's example" }, fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: 'a braced GUID: the braces removed',
      yaml: office(`"{${OTHER.toUpperCase()}}"`),
      errors: [
        {
          pointer: MAIL,
          at: `"{${OTHER.toUpperCase()}}"`,
          messageId: 'braces',
          data: { value: `"{${OTHER.toUpperCase()}}"`, bare: OTHER.toUpperCase() },
          fix: { pointer: MAIL, value: OTHER.toUpperCase() },
        },
      ],
    },
    {
      name: 'the braced Application (client) ID',
      yaml: pop3(`"{${APP_ID}}"`),
      errors: [{ pointer: POP3, at: `"{${APP_ID}}"`, messageId: 'braces', data: { bare: APP_ID }, fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: 'the Object ID entered instead of the Application (client) ID',
      yaml: pop3(OBJECT_ID),
      errors: [
        {
          pointer: POP3,
          at: OBJECT_ID,
          messageId: 'objectId',
          data: { field: 'TM Exchange POP3 > OAuth2 > Client ID', value: `"${OBJECT_ID}"`, other: 'Azure > Object ID' },
          fix: { pointer: POP3, value: APP_ID },
        },
      ],
    },
    {
      name: 'the Object ID in capitals and braces',
      yaml: mail(`"{${OBJECT_ID.toUpperCase()}}"`),
      errors: [{ pointer: MAIL, at: `"{${OBJECT_ID.toUpperCase()}}"`, messageId: 'objectId', fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'the Directory (tenant) ID entered',
      yaml: mail(TENANT),
      errors: [{ pointer: MAIL, at: TENANT, after: 'clientId:', messageId: 'tenantId', data: { tokenUrl: 'Mail Settings > OAuth2 > Token URL' }, fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'the tenant GUID of the Token URL entered, no azure section',
      yaml: edit(office(TENANT), ['example.onmicrosoft.com', TENANT]),
      errors: [{ pointer: MAIL, at: TENANT, after: 'clientId:', messageId: 'tenantId', fix: null }],
    },
    {
      name: 'the Secret ID of the client secret entered',
      yaml: mail(SECRET_ID),
      errors: [{ pointer: MAIL, at: SECRET_ID, messageId: 'secretId', data: { other: 'Azure > Client secrets #1 > Secret ID' }, fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'the Exchange service principal ID entered',
      yaml: pop3(SP_ID),
      errors: [{ pointer: POP3, at: SP_ID, messageId: 'servicePrincipalId', data: { other: 'Azure > Service principal ID' }, fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: 'another GUID than azure.applicationId',
      yaml: pop3(OTHER),
      errors: [
        {
          pointer: POP3,
          at: OTHER,
          messageId: 'differs',
          data: { value: `"${OTHER}"`, other: 'Azure > Application (client) ID', registered: APP_ID },
          fix: { pointer: POP3, value: APP_ID },
        },
      ],
    },
    {
      name: 'the Object ID in every section: one finding each',
      yaml: VESSEL.split(`clientId: ${APP_ID}`).join(`clientId: ${OBJECT_ID}`),
      errors: [
        { pointer: MAIL, at: OBJECT_ID, messageId: 'objectId', fix: { pointer: MAIL, value: APP_ID } },
        { pointer: SMTP, at: OBJECT_ID, after: 'smtp:', messageId: 'objectId', data: { field: 'TM Exchange SMTP > OAuth2 > Client ID' }, fix: { pointer: SMTP, value: APP_ID } },
        { pointer: POP3, at: OBJECT_ID, after: 'pop3:', messageId: 'objectId', fix: { pointer: POP3, value: APP_ID } },
      ],
    },

    // 1. A Client ID that is not a GUID is never quoted: it may be the secret's Value typed into the wrong field
    {
      name: "the secret's Value typed into Client ID (fields swapped): not quoted, fixed to azure.applicationId",
      yaml: smtp(VALUE),
      errors: [
        {
          pointer: SMTP,
          at: VALUE,
          messageId: 'secretValue',
          data: { field: 'TM Exchange SMTP > OAuth2 > Client ID', secretField: 'TM Exchange SMTP > OAuth2 > Client Secret' },
          fix: { pointer: SMTP, value: APP_ID },
        },
      ],
    },
    {
      name: 'Client ID and Client Secret swapped in an office without azure section: no fix',
      yaml: edit(office(VALUE_2), ['clientSecret: ${TM_MAIL_SECRET}', `clientSecret: ${APP_ID}`]),
      errors: [{ pointer: MAIL, at: VALUE_2, messageId: 'secretValue', data: { secretField: 'Mail Settings > OAuth2 > Client Secret' }, fix: null }],
    },
    {
      name: 'an older base64 secret Value in Client ID',
      yaml: pop3(`"${BASE64_VALUE}"`),
      errors: [{ pointer: POP3, at: `"${BASE64_VALUE}"`, messageId: 'secretValue', fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: 'a passphrase with spaces in Client ID: not a GUID, not quoted',
      yaml: mail('"correct horse battery staple"'),
      errors: [{ pointer: MAIL, at: '"correct horse', messageId: 'notGuid', fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: 'a short password in Client ID: not a GUID, not quoted',
      yaml: office('"Pw1!x"'),
      errors: [{ pointer: MAIL, at: '"Pw1!x"', messageId: 'notGuid', fix: null }],
    },

    // 2. Placeholders left in are never an Application (client) ID
    {
      // shared/spec/manifest.md: "The GUIDs in the example below are placeholders: left in a real manifest, they are findings."
      name: 'the all-zero GUID of the spec example, no azure section',
      yaml: office(NIL),
      errors: [{ pointer: MAIL, at: NIL, messageId: 'placeholderGuid', data: { value: `"${NIL}"` }, fix: null }],
    },
    {
      name: 'the spec example copied whole: azure.applicationId and Client ID both the nil GUID, no fix to a placeholder',
      yaml: VESSEL.replace(`applicationId: ${APP_ID}`, `applicationId: "${NIL}"`).replace(`clientId: ${APP_ID}`, `clientId: "${NIL}"`),
      errors: [{ pointer: MAIL, at: `"${NIL}"`, after: 'mailSettings:', messageId: 'placeholderGuid', fix: null }],
    },
    {
      name: 'the nil GUID in braces, azure.applicationId known: fixed',
      yaml: smtp(`"{${NIL}}"`),
      errors: [{ pointer: SMTP, at: `"{${NIL}}"`, messageId: 'placeholderGuid', fix: { pointer: SMTP, value: APP_ID } }],
    },
    {
      name: 'one digit repeated, as the spec example writes its other IDs',
      yaml: pop3('11111111-1111-1111-1111-111111111111'),
      errors: [{ pointer: POP3, at: '11111111-1111-1111-1111-111111111111', messageId: 'placeholderGuid', fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: "learn.microsoft.com's placeholder Application (client) ID",
      yaml: office('00001111-aaaa-2222-bbbb-3333cccc4444'),
      errors: [{ pointer: MAIL, at: '00001111-aaaa-2222-bbbb-3333cccc4444', messageId: 'placeholderGuid', data: { value: '"00001111-aaaa-2222-bbbb-3333cccc4444"' }, fix: null }],
    },
    {
      name: "the guide's example IDs of the other fields: AAAAAA, 00000, TTTTTT, SSSSS",
      yaml: pop3('SSSSS').replace(`clientId: ${APP_ID}`, 'clientId: AAAAAA').replace(`clientId: ${APP_ID}`, 'clientId: "00000"'),
      errors: [
        { pointer: MAIL, at: 'AAAAAA', messageId: 'guideExample', data: { example: "the guide's example" }, fix: { pointer: MAIL, value: APP_ID } },
        { pointer: SMTP, at: '"00000"', messageId: 'guideExample', data: { example: "the guide's example for the Object ID" }, fix: { pointer: SMTP, value: APP_ID } },
        { pointer: POP3, at: 'SSSSS', messageId: 'guideExample', data: { example: "the guide's example for the service principal ID" }, fix: { pointer: POP3, value: APP_ID } },
      ],
    },
    {
      name: "the guide's TTTTTT and <OBJECT_ID>, in any letter case",
      yaml: pop3('tttttt').replace(`clientId: ${APP_ID}`, 'clientId: "<object_id>"'),
      errors: [
        { pointer: MAIL, at: '"<object_id>"', messageId: 'guideExample', data: { example: "the guide's example for the Object ID" } },
        { pointer: POP3, at: 'tttttt', messageId: 'guideExample', data: { example: "the guide's example for the Directory (tenant) ID" } },
      ],
    },
    {
      name: 'a fill-in-later placeholder: <app id>',
      yaml: office('"<app id>"'),
      errors: [{ pointer: MAIL, at: '"<app id>"', messageId: 'placeholder', fix: null }],
    },
    {
      name: 'a GUID-shaped fill-in: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      yaml: pop3('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'),
      errors: [{ pointer: POP3, at: 'xxxxxxxx-xxxx', messageId: 'placeholder', fix: { pointer: POP3, value: APP_ID } }],
    },
    {
      name: 'a fill-in-later placeholder: xxxx, with a fix',
      yaml: smtp('xxxx'),
      errors: [{ pointer: SMTP, at: 'xxxx', messageId: 'placeholder', fix: { pointer: SMTP, value: APP_ID } }],
    },
    {
      name: "Microsoft Graph's own application ID (copied from API permissions)",
      yaml: mail(GRAPH),
      errors: [{ pointer: MAIL, at: GRAPH, messageId: 'microsoftApp', data: { value: `"${GRAPH}"`, app: 'Microsoft Graph' }, fix: { pointer: MAIL, value: APP_ID } }],
    },
    {
      name: "Exchange Online's own application ID in capitals, no azure section",
      yaml: office(EXCHANGE.toUpperCase()),
      errors: [{ pointer: MAIL, at: EXCHANGE.toUpperCase(), messageId: 'microsoftApp', data: { app: 'Office 365 Exchange Online' }, fix: null }],
    },
  ],
});

describe('oauth2/client-id never quotes a Client ID that is not a GUID', () => {
  const config = resolveConfig([rule]);
  const shortSecrets = ['k9$Q', 'p4ss', 'Pw1!x', 'hunter2'];
  it.each([VALUE, VALUE_2, BASE64_VALUE, 'correct horse battery staple', ...shortSecrets])('%s', (secret) => {
    const yaml = office(JSON.stringify(secret));
    const findings = lintText(yaml, { filePath: 'case.yaml' }, { config, today: '2026-11-29', rules: [rule] }).flatMap((r) => r.messages);
    expect(findings.map((f) => f.ruleId)).toEqual(['oauth2/client-id']);
    for (const f of findings) {
      expect(f.message).not.toContain(secret);
      expect(JSON.stringify(f.data)).not.toContain(secret);
      expect(f.message).not.toContain('[secret]'); // nothing for the engine's scrub to catch either
    }
  });
});
