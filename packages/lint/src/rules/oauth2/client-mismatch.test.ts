import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import type { AnyRule } from '../../engine/define-rule.js';
import { lintText } from '../../engine/lint-document.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import { APP_ID, OBJECT_ID, OFFICE, SECRET_ID, SP_ID, TENANT, VESSEL, edit, removeBlock, removeLine } from '../../test-utils/fixtures.js';
import clientIdRule from './client-id.js';
import rule from './client-mismatch.js';

const MARK = { mailSettings: 'mailSettings:', smtp: '  smtp:', pop3: '  pop3:' } as const;
type Where = keyof typeof MARK;

const MAIL = '/mailSettings/oauth2/clientId';
const SMTP = '/exchange/smtp/oauth2/clientId';
const POP3 = '/exchange/pop3/oauth2/clientId';

/** The vessel without azure.applicationId: the tabs are compared with each other only. */
const BASE = removeLine(VESSEL, 'applicationId:');
/** A second app registration's ID. */
const OTHER = '7d3f2b1a-0c9e-4d8f-a6b5-4e3d2c1b0a99';
const THIRD = 'aa11bb22-cc33-4d44-8e55-ff6677889900';
const NIL = '00000000-0000-0000-0000-000000000000';
/** A realistic Entra secret Value, typed into a Client ID by mistake. */
const VALUE = 'Hm4Q8~pLk2.Xw_Rt7-Vb9Nc3Zs5Jd1Fg6Ya0Qe8U';
const HIDDEN = '[not shown: it may be a secret]';

/** The text with one section's Client ID replaced. */
function clientId(where: Where, id: string, text = BASE): string {
  const at = text.indexOf(MARK[where]);
  return text.slice(0, at) + edit(text.slice(at), [`clientId: ${APP_ID}`, `clientId: ${id}`]);
}

const GCC_HIGH = edit(
  BASE.replaceAll('login.microsoftonline.com', 'login.microsoftonline.us').replaceAll('graph.microsoft.com', 'graph.microsoft.us'),
  ['server: outlook.office365.com', 'server: outlook.office365.us'],
  ['scope: https://outlook.office365.com/.default', 'scope: https://outlook.office365.us/.default'],
);

const POP3_RELAY = edit(
  BASE,
  [BASE.slice(BASE.indexOf('  pop3:'), BASE.indexOf('azure:')), `  pop3:\n    server: pop.example.com\n    port: 995\n    useSsl: true\n    oauth2:\n      useOAuth2: false\n      clientId: ${OTHER}\n`],
);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel', yaml: VESSEL },
    { name: 'the correct office (one section)', yaml: OFFICE },
    { name: 'the vessel without azure.applicationId', yaml: BASE },
    { name: 'no azure section', yaml: removeBlock(VESSEL, 'azure:') },
    {
      name: 'the same ID in other letter case, with braces and trailing spaces',
      yaml: clientId('pop3', `"${APP_ID.toUpperCase()}  "`, clientId('smtp', `"{${APP_ID}}"`)),
    },
    // every tab agrees: whether that ID is the right one is oauth2/client-id's question
    { name: 'the all-zero GUID of the spec example in every tab', yaml: BASE.replaceAll(`clientId: ${APP_ID}`, `clientId: ${NIL}`) },
    { name: 'the Object ID in every tab', yaml: VESSEL.replaceAll(`clientId: ${APP_ID}`, `clientId: ${OBJECT_ID}`) },
    { name: 'every tab agrees on an ID other than azure.applicationId', yaml: VESSEL.replaceAll(`clientId: ${APP_ID}`, `clientId: ${OTHER}`) },
    { name: "the same secret Value in every tab's Client ID", yaml: VESSEL.replaceAll(`clientId: ${APP_ID}`, `clientId: ${VALUE}`) },
    { name: 'a tab without Client ID', yaml: removeLine(BASE, `clientId: ${APP_ID}`) },
    { name: 'a tab with an empty Client ID', yaml: clientId('smtp', '""') },
    { name: 'POP3 from the site\'s own server with basic auth, another ID left in its unused tab', yaml: POP3_RELAY },
    { name: 'no exchange section', yaml: removeBlock(BASE, 'exchange:') },
    { name: 'national cloud, same IDs', yaml: GCC_HIGH },
  ],
  invalid: [
    {
      // a placeholder is no application's ID: the real ID in POP3 is what the others should hold
      name: "the spec example's all-zero GUID in two tabs, another ID in POP3: the two placeholders are the odd ones",
      yaml: clientId('mailSettings', NIL, clientId('smtp', NIL, clientId('pop3', OTHER))),
      errors: [
        {
          pointer: MAIL,
          at: NIL,
          messageId: 'differs',
          data: { field: 'Mail Settings > OAuth2 > Client ID', value: `"${NIL}"`, others: 'TM Exchange POP3', verb: 'uses', expected: `"${OTHER}"` },
          fix: null,
        },
        { pointer: SMTP, at: NIL, after: '  smtp:', messageId: 'differs', data: { value: `"${NIL}"`, expected: `"${OTHER}"` }, fix: null },
      ],
    },
    {
      name: 'the all-zero GUID in one tab, the registered ID in the others',
      yaml: clientId('pop3', NIL),
      errors: [{ pointer: POP3, at: NIL, messageId: 'differs', data: { others: 'Mail Settings and TM Exchange SMTP', verb: 'use', expected: `"${APP_ID}"` }, fix: null }],
    },
    {
      name: 'POP3 uses another Client ID than Mail Settings and TM Exchange SMTP',
      yaml: clientId('pop3', OTHER),
      errors: [
        {
          pointer: POP3,
          at: OTHER,
          messageId: 'differs',
          data: { field: 'TM Exchange POP3 > OAuth2 > Client ID', value: `"${OTHER}"`, others: 'Mail Settings and TM Exchange SMTP', verb: 'use', expected: `"${APP_ID}"` },
          fix: null,
        },
      ],
    },
    {
      name: 'Mail Settings is the odd one out',
      yaml: clientId('mailSettings', OTHER.toUpperCase()),
      errors: [
        {
          pointer: MAIL,
          at: OTHER.toUpperCase(),
          messageId: 'differs',
          data: { value: `"${OTHER.toUpperCase()}"`, others: 'TM Exchange SMTP and TM Exchange POP3', expected: `"${APP_ID}"` },
          fix: null,
        },
      ],
    },
    {
      name: 'a tie of two: the first section in the guide\'s order wins',
      yaml: clientId('pop3', OTHER, removeBlock(BASE, 'mailSettings:')),
      errors: [{ pointer: POP3, at: OTHER, messageId: 'differs', data: { value: `"${OTHER}"`, others: 'TM Exchange SMTP', verb: 'uses', expected: `"${APP_ID}"` }, fix: null }],
    },
    {
      name: 'three different IDs: both later sections reported against Mail Settings',
      yaml: clientId('pop3', THIRD, clientId('smtp', OTHER)),
      errors: [
        { pointer: SMTP, at: OTHER, messageId: 'differs', data: { field: 'TM Exchange SMTP > OAuth2 > Client ID', value: `"${OTHER}"`, others: 'Mail Settings', expected: `"${APP_ID}"` }, fix: null },
        { pointer: POP3, at: THIRD, messageId: 'differs', data: { field: 'TM Exchange POP3 > OAuth2 > Client ID', value: `"${THIRD}"`, others: 'Mail Settings', expected: `"${APP_ID}"` }, fix: null },
      ],
    },
    {
      name: 'no azure section: the tabs are compared with each other',
      yaml: clientId('smtp', OTHER, removeBlock(VESSEL, 'azure:')),
      errors: [{ pointer: SMTP, at: OTHER, messageId: 'differs', fix: null }],
    },
    {
      name: 'azure.applicationId that is not a GUID does not silence the comparison',
      yaml: clientId('pop3', OTHER, edit(VESSEL, [`applicationId: ${APP_ID}`, 'applicationId: TMMaster'])),
      errors: [{ pointer: POP3, at: OTHER, messageId: 'differs', data: { others: 'Mail Settings and TM Exchange SMTP' }, fix: null }],
    },
    {
      name: 'national cloud (GCC High): the same',
      yaml: clientId('pop3', OTHER, GCC_HIGH),
      errors: [{ pointer: POP3, at: OTHER, messageId: 'differs', data: { value: `"${OTHER}"` }, fix: null }],
    },

    // The rule reports its own view, whatever oauth2/client-id says: client-id supersedes it at the fields it reports
    {
      name: 'with azure.applicationId given, the tab that differs is compared with the registered ID',
      yaml: clientId('pop3', OTHER, VESSEL),
      errors: [
        {
          pointer: POP3,
          at: OTHER,
          messageId: 'differsFromRegistered',
          data: { value: `"${OTHER}"`, others: 'Mail Settings and TM Exchange SMTP', expected: `"${APP_ID}"`, registered: 'Azure > Application (client) ID' },
          fix: null,
        },
      ],
    },
    {
      name: 'the registered ID in one tab, another in two: the registered one is the reference, not the majority',
      yaml: clientId('pop3', OTHER, clientId('smtp', OTHER, VESSEL)),
      errors: [
        { pointer: SMTP, at: OTHER, messageId: 'differsFromRegistered', data: { others: 'Mail Settings', verb: 'uses', expected: `"${APP_ID}"` }, fix: null },
        { pointer: POP3, at: OTHER, after: '  pop3:', messageId: 'differsFromRegistered', data: { others: 'Mail Settings', verb: 'uses' }, fix: null },
      ],
    },
    {
      name: 'the Object ID in one tab',
      yaml: clientId('pop3', OBJECT_ID),
      errors: [{ pointer: POP3, at: OBJECT_ID, messageId: 'differs', data: { value: `"${OBJECT_ID}"`, expected: `"${APP_ID}"` }, fix: null }],
    },
    {
      name: 'the Object ID in two tabs, the right ID in one: the Object ID is never the reference',
      yaml: clientId('smtp', OBJECT_ID, clientId('mailSettings', OBJECT_ID)),
      errors: [
        { pointer: MAIL, at: OBJECT_ID, messageId: 'differs', data: { others: 'TM Exchange POP3', verb: 'uses', expected: `"${APP_ID}"` }, fix: null },
        { pointer: SMTP, at: OBJECT_ID, after: '  smtp:', messageId: 'differs', data: { expected: `"${APP_ID}"` }, fix: null },
      ],
    },
    {
      name: 'the tenant ID in one tab',
      yaml: clientId('smtp', TENANT),
      errors: [{ pointer: SMTP, at: TENANT, after: `clientId: ${TENANT}`, messageId: 'differs', data: { value: `"${TENANT}"` }, fix: null }],
    },
    {
      name: 'a Secret ID in one tab',
      yaml: clientId('mailSettings', SECRET_ID),
      errors: [{ pointer: MAIL, at: SECRET_ID, messageId: 'differs', data: { others: 'TM Exchange SMTP and TM Exchange POP3' }, fix: null }],
    },
    {
      name: 'the service principal ID in one tab',
      yaml: clientId('pop3', SP_ID),
      errors: [{ pointer: POP3, at: SP_ID, messageId: 'differs', fix: null }],
    },
    {
      name: 'the Token URL tenant in Client ID, no azure section',
      yaml: clientId('pop3', TENANT, removeBlock(VESSEL, 'azure:')),
      errors: [{ pointer: POP3, at: TENANT, after: `clientId: ${TENANT}`, messageId: 'differs', fix: null }],
    },
    {
      name: "Microsoft Graph's application ID in one tab",
      yaml: clientId('smtp', '00000003-0000-0000-c000-000000000000'),
      errors: [{ pointer: SMTP, at: '00000003-0000-0000-c000-000000000000', messageId: 'differs', data: { expected: `"${APP_ID}"` }, fix: null }],
    },
    {
      name: 'a Client ID that is not a GUID: compared all the same, never quoted',
      yaml: clientId('pop3', 'TMMaster'),
      errors: [{ pointer: POP3, at: 'TMMaster', messageId: 'differs', data: { value: HIDDEN, expected: `"${APP_ID}"` }, fix: null }],
    },
    {
      name: "a secret's Value in one tab's Client ID: never quoted",
      yaml: clientId('smtp', VALUE),
      errors: [{ pointer: SMTP, at: VALUE, messageId: 'differs', data: { value: HIDDEN, others: 'Mail Settings and TM Exchange POP3' }, fix: null }],
    },
  ],
});

describe('oauth2/client-id supersedes oauth2/client-mismatch at the Client ID it reports', () => {
  const lint = (yaml: string, rules: readonly AnyRule[], config: unknown = {}): string[] =>
    lintText(yaml, { filePath: 'case.yaml' }, { config: resolveConfig(rules, { config }), today: '2026-11-29', rules })
      .flatMap((r) => r.messages)
      .map((m) => `${m.ruleId} ${m.pointer}`);

  it('both on: the tab that differs from azure.applicationId is one finding, oauth2/client-id\'s', () => {
    expect(lint(clientId('pop3', OTHER, VESSEL), [clientIdRule, rule])).toEqual([`oauth2/client-id ${POP3}`]);
  });

  it('oauth2/client-id switched off: the mismatch shows', () => {
    const yaml = clientId('pop3', OTHER, VESSEL);
    expect(lint(yaml, [clientIdRule, rule], { rules: { 'oauth2/client-id': 'off' } })).toEqual([`oauth2/client-mismatch ${POP3}`]);
  });

  it('a tab client-id does not report is still compared: placeholders in two tabs, the real ID in POP3', () => {
    const yaml = clientId('mailSettings', NIL, clientId('smtp', NIL, clientId('pop3', OTHER)));
    expect(lint(yaml, [clientIdRule, rule])).toEqual([`oauth2/client-id ${MAIL}`, `oauth2/client-id ${SMTP}`]);
    expect(lint(yaml, [clientIdRule, rule], { rules: { 'oauth2/client-id': 'off' } })).toEqual([`oauth2/client-mismatch ${MAIL}`, `oauth2/client-mismatch ${SMTP}`]);
  });

  it('the Object ID in two tabs: client-id reports both, the correct tab is not reported', () => {
    const yaml = clientId('smtp', OBJECT_ID, clientId('mailSettings', OBJECT_ID, VESSEL));
    expect(lint(yaml, [clientIdRule, rule])).toEqual([`oauth2/client-id ${MAIL}`, `oauth2/client-id ${SMTP}`]);
  });
});
