import { edit, OFFICE, removeBlock, removeLine, VESSEL, within } from '../../test-utils/fixtures.js';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../engine/config.js';
import { lintText } from '../../engine/lint-document.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import cloudMismatch from './cloud-mismatch.js';
import rule from './scope.js';

const GRAPH = 'https://graph.microsoft.com/.default';
const EXO = 'https://outlook.office365.com/.default';

/** The vessel with the POP3 scope replaced. */
const pop3 = (scope: string): string => edit(VESSEL, [`scope: ${EXO}`, `scope: ${scope}`]);
/** The vessel with the Mail Settings scope replaced. */
const mail = (scope: string): string => edit(VESSEL, [`scope: ${GRAPH}`, `scope: ${scope}`]);
/** The vessel with the TM Exchange SMTP scope replaced. */
const smtp = (scope: string): string => within(VESSEL, 'smtp:', (t) => edit(t, [`scope: ${GRAPH}`, `scope: ${scope}`]));

const MAIL = '/mailSettings/oauth2/scope';
const SMTP = '/exchange/smtp/oauth2/scope';
const POP3 = '/exchange/pop3/oauth2/scope';

/** The vessel's POP3 section moved to another server and sign-in server (GCC High, DoD). */
const pop3On = (server: string, authority: string, scope: string): string =>
  within(VESSEL, 'pop3:', (t) => edit(t, ['server: outlook.office365.com', `server: ${server}`], ['login.microsoftonline.com', authority], [`scope: ${EXO}`, `scope: ${scope}`]));
/** The office with its own SMTP relay and Use OAuth2 ticked, on the US Government sign-in server: GCC High or DoD is unknown. */
const usOffice = (scope: string): string =>
  edit(
    OFFICE,
    ['smtpServer: https://graph.microsoft.com/v1.0/users/purchasing@example.com/sendMail', 'smtpServer: smtp.example.com'],
    ['login.microsoftonline.com', 'login.microsoftonline.us'],
    [`scope: ${GRAPH}`, `scope: ${scope}`],
  );
const BOTH_US_GRAPH = 'https://graph.microsoft.us/.default (GCC High) or https://dod-graph.microsoft.us/.default (DoD)';

/** A vessel on its own relay and POP3 server, with basic auth and junk scopes: OAuth2 does not apply. */
const RELAY = within(
  within(
    edit(
      VESSEL,
      ['smtpServer: https://graph.microsoft.com/v1.0/users/{0}/sendMail', 'smtpServer: smtp.example.com'],
      ['useOAuth2: true', 'useOAuth2: false'],
      [`scope: ${GRAPH}`, 'scope: Mail.Send'],
      ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com'],
    ),
    'smtp:',
    (t) => edit(t, ['useOAuth2: true', 'useOAuth2: false'], [`scope: ${GRAPH}`, `scope: ${EXO}`]),
  ),
  'pop3:',
  (t) => edit(t, ['server: outlook.office365.com', 'server: pop.example.com'], ['useOAuth2: true', 'useOAuth2: false'], [`scope: ${EXO}`, 'scope: ""']),
);

ruleTester(rule, {
  valid: [
    { name: 'a Microsoft POP3 server with oauth2: { useOAuth2: false } only (oauth2/disabled speaks)', yaml: within(VESSEL, '  pop3:', (t) => t.replace(/    oauth2:\n(?:      .*\n)+/, '    oauth2: { useOAuth2: false }\n')) },
    { name: 'the correct vessel of the guide', yaml: VESSEL },
    { name: 'the correct office of the guide', yaml: OFFICE },
    { name: 'host and scheme in capitals', yaml: pop3('HTTPS://Outlook.Office365.COM/.default') },
    { name: 'spaces around the scope', yaml: mail(`"  ${GRAPH} "`) },
    { name: 'outlook.office.com, the other name of the Exchange Online resource', yaml: pop3('https://outlook.office.com/.default') },
    { name: 'the US Government scopes', yaml: smtp('https://graph.microsoft.us/.default').replace(`scope: ${EXO}`, 'scope: https://outlook.office365.us/.default') },
    { name: 'the DoD scopes', yaml: smtp('https://dod-graph.microsoft.us/.default').replace(`scope: ${EXO}`, 'scope: https://outlook-dod.office365.us/.default') },
    { name: 'the China scopes', yaml: smtp('https://microsoftgraph.chinacloudapi.cn/.default').replace(`scope: ${EXO}`, 'scope: https://partner.outlook.cn/.default') },
    { name: 'a DoD POP3 section, all of a piece', yaml: pop3On('outlook-dod.office365.us', 'login.microsoftonline.us', 'https://outlook-dod.office365.us/.default') },
    { name: 'a scope of another cloud than the server: oauth2/cloud-mismatch speaks, not this rule', yaml: pop3('https://outlook.office365.us/.default') },
    {
      name: 'the GCC High scope on a DoD POP3 server: the right resource, the wrong cloud (oauth2/cloud-mismatch speaks)',
      yaml: pop3On('outlook-dod.office365.us', 'login.microsoftonline.us', 'https://outlook.office365.us/.default'),
    },
    { name: 'the DoD Graph scope on the US Government sign-in server, the site\'s own relay', yaml: usOffice('https://dod-graph.microsoft.us/.default') },
    { name: 'a vessel on its own relay and POP3 server with basic auth', yaml: RELAY },
    {
      name: 'a Microsoft server with no OAuth2 tab: oauth2/disabled speaks, not this rule',
      yaml: within(VESSEL, 'pop3:', (t) => removeBlock(t, 'oauth2:')),
    },
    { name: 'no TM Exchange', yaml: removeBlock(VESSEL, 'exchange:') },
  ],
  invalid: [
    {
      name: 'the Graph scope on POP3 (the two scopes swapped)',
      yaml: pop3(GRAPH),
      errors: [
        {
          pointer: POP3,
          at: GRAPH,
          after: 'pop3:',
          messageId: 'swappedScope',
          data: { field: 'TM Exchange POP3 > OAuth2 > Scope', needs: 'POP3 needs the scope', expected: EXO, value: `"${GRAPH}"`, other: 'sending through Graph' },
          fix: { pointer: POP3, value: EXO },
        },
      ],
    },
    {
      name: 'the Exchange scope on Mail Settings (the reverse)',
      yaml: mail(EXO),
      errors: [
        {
          pointer: MAIL,
          at: EXO,
          messageId: 'swappedScope',
          data: { field: 'Mail Settings > OAuth2 > Scope', needs: 'sending through Graph needs the scope', expected: GRAPH, other: 'downloading with POP3' },
          fix: { pointer: MAIL, value: GRAPH },
        },
      ],
    },
    {
      name: 'swapped in the US Government cloud: fixed in that cloud',
      yaml: edit(pop3('https://graph.microsoft.us/.default'), ['server: outlook.office365.com', 'server: outlook.office365.us']),
      errors: [
        {
          pointer: POP3,
          at: 'https://graph.microsoft.us/.default',
          messageId: 'swappedScope',
          data: { expected: 'https://outlook.office365.us/.default' },
          fix: { pointer: POP3, value: 'https://outlook.office365.us/.default' },
        },
      ],
    },
    {
      name: 'swapped in the DoD cloud: fixed to the DoD Exchange host',
      yaml: edit(pop3('https://dod-graph.microsoft.us/.default'), ['server: outlook.office365.com', 'server: outlook-dod.office365.us']),
      errors: [{ pointer: POP3, at: 'https://dod-graph', messageId: 'swappedScope', data: { expected: 'https://outlook-dod.office365.us/.default' }, fix: { pointer: POP3, value: 'https://outlook-dod.office365.us/.default' } }],
    },
    {
      name: 'the GCC High Graph scope on a DoD POP3 server: swapped and of the other US cloud, fixed to the DoD Exchange host',
      yaml: pop3On('outlook-dod.office365.us', 'login.microsoftonline.us', 'https://graph.microsoft.us/.default'),
      errors: [{ pointer: POP3, at: 'https://graph.microsoft.us', messageId: 'swappedScope', data: { expected: 'https://outlook-dod.office365.us/.default' }, fix: { pointer: POP3, value: 'https://outlook-dod.office365.us/.default' } }],
    },
    {
      name: 'the global Graph scope on a GCC High POP3 server: swapped and of another cloud, fixed in the cloud the server and Token URL agree on',
      yaml: pop3On('outlook.office365.us', 'login.microsoftonline.us', GRAPH),
      errors: [{ pointer: POP3, at: GRAPH, after: 'pop3:', messageId: 'swappedScope', data: { expected: 'https://outlook.office365.us/.default' }, fix: { pointer: POP3, value: 'https://outlook.office365.us/.default' } }],
    },
    {
      name: 'the Graph resource without /.default on POP3: swapped, not merely incomplete',
      yaml: pop3('https://graph.microsoft.com'),
      errors: [{ pointer: POP3, at: 'https://graph.microsoft.com', after: 'pop3:', messageId: 'swappedResource', data: { value: '"https://graph.microsoft.com"', other: 'sending through Graph' }, fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a permission name (Mail.Send)',
      yaml: mail('Mail.Send'),
      errors: [{ pointer: MAIL, at: 'Mail.Send', messageId: 'permission', data: { value: '"Mail.Send"', expected: GRAPH }, fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'a permission name (POP.AccessAsApp)',
      yaml: pop3('POP.AccessAsApp'),
      errors: [{ pointer: POP3, at: 'POP.AccessAsApp', messageId: 'permission', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a permission name in the China cloud: the fix follows the server',
      yaml: edit(pop3('IMAP.AccessAsApp'), ['server: outlook.office365.com', 'server: partner.outlook.cn']),
      errors: [{ pointer: POP3, at: 'IMAP.AccessAsApp', messageId: 'permission', fix: { pointer: POP3, value: 'https://partner.outlook.cn/.default' } }],
    },
    {
      name: 'a permission name on a DoD POP3 server: the fix is the DoD scope, not the GCC High one',
      yaml: pop3On('outlook-dod.office365.us', 'login.microsoftonline.us', 'POP.AccessAsApp'),
      errors: [{ pointer: POP3, at: 'POP.AccessAsApp', messageId: 'permission', data: { expected: 'https://outlook-dod.office365.us/.default' }, fix: { pointer: POP3, value: 'https://outlook-dod.office365.us/.default' } }],
    },
    {
      name: 'a permission name with only the US Government sign-in server known: both US scopes named, no fix',
      yaml: usOffice('Mail.Send'),
      errors: [{ pointer: MAIL, at: 'Mail.Send', messageId: 'permission', data: { expected: BOTH_US_GRAPH }, fix: null }],
    },
    {
      name: 'a delegated scope (POP.AccessAsUser.All)',
      yaml: pop3('https://outlook.office365.com/POP.AccessAsUser.All'),
      errors: [{ pointer: POP3, at: 'https://outlook.office365.com/POP', messageId: 'delegated', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a delegated scope (Graph Mail.Send)',
      yaml: smtp('https://graph.microsoft.com/Mail.Send'),
      errors: [{ pointer: SMTP, at: 'https://graph.microsoft.com/Mail.Send', messageId: 'delegated', data: { field: 'TM Exchange SMTP > OAuth2 > Scope', value: '"https://graph.microsoft.com/Mail.Send"' }, fix: { pointer: SMTP, value: GRAPH } }],
    },
    {
      name: 'a delegated scope (offline_access)',
      yaml: pop3('offline_access'),
      errors: [{ pointer: POP3, at: 'offline_access', messageId: 'delegated', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a delegated scope (User.Read)',
      yaml: mail('User.Read'),
      errors: [{ pointer: MAIL, at: 'User.Read', messageId: 'delegated', data: { value: '"User.Read"' }, fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'a delegated scope (openid)',
      yaml: mail('openid'),
      errors: [{ pointer: MAIL, at: 'openid', messageId: 'delegated', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: '/.default missing',
      yaml: mail('https://graph.microsoft.com'),
      errors: [{ pointer: MAIL, at: 'https://graph.microsoft.com', after: 'scope:', messageId: 'noDefault', data: { expected: GRAPH }, fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: '/.default missing after a trailing slash',
      yaml: pop3('https://outlook.office365.com/'),
      errors: [{ pointer: POP3, at: 'https://outlook.office365.com/', after: 'pop3:', messageId: 'noDefault', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: '/.default missing on the DoD Graph resource: the DoD scope',
      yaml: usOffice('https://dod-graph.microsoft.us'),
      errors: [{ pointer: MAIL, at: 'https://dod-graph.microsoft.us', messageId: 'noDefault', data: { expected: 'https://dod-graph.microsoft.us/.default' }, fix: { pointer: MAIL, value: 'https://dod-graph.microsoft.us/.default' } }],
    },
    {
      name: 'several scopes separated by a space',
      yaml: mail(`${GRAPH} offline_access`),
      errors: [{ pointer: MAIL, at: GRAPH, messageId: 'several', data: { count: 2, value: `"${GRAPH} offline_access"` }, fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'several scopes separated by commas',
      yaml: pop3(`"${EXO},${GRAPH}"`),
      errors: [{ pointer: POP3, at: `"${EXO}`, messageId: 'several', data: { count: 2 }, fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'the scope not filled in',
      yaml: within(VESSEL, 'pop3:', (t) => removeLine(t, 'scope:')),
      errors: [
        {
          pointer: POP3,
          at: 'oauth2:',
          after: 'pop3:',
          messageId: 'notFilledIn',
          data: { field: 'TM Exchange POP3 > OAuth2 > Scope', needs: 'POP3 needs the scope', expected: EXO },
          fix: { pointer: POP3, value: EXO },
        },
      ],
    },
    {
      name: 'an empty scope: "is not filled in" too',
      yaml: mail('""'),
      errors: [{ pointer: MAIL, at: '""', messageId: 'notFilledIn', data: { expected: GRAPH }, fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'an empty scope on a DoD POP3 server: the DoD scope',
      yaml: pop3On('outlook-dod.office365.us', 'login.microsoftonline.us', '" "'),
      errors: [{ pointer: POP3, at: '" "', messageId: 'notFilledIn', data: { expected: 'https://outlook-dod.office365.us/.default' }, fix: { pointer: POP3, value: 'https://outlook-dod.office365.us/.default' } }],
    },
    {
      name: 'an empty scope on the site\'s own server with a US Government Token URL: GCC High or DoD is unknown, both named, no fix',
      yaml: usOffice('""'),
      errors: [{ pointer: MAIL, at: '""', messageId: 'notFilledIn', data: { expected: BOTH_US_GRAPH }, fix: null }],
    },
    {
      name: 'an empty scope on the site\'s own server with a China Token URL: the fix follows the Token URL',
      yaml: edit(usOffice('""'), ['login.microsoftonline.us', 'login.partner.microsoftonline.cn']),
      errors: [{ pointer: MAIL, at: '""', messageId: 'notFilledIn', fix: { pointer: MAIL, value: 'https://microsoftgraph.chinacloudapi.cn/.default' } }],
    },
    {
      name: 'the sign-in server as the scope',
      yaml: mail('https://login.microsoftonline.com/.default'),
      errors: [{ pointer: MAIL, at: 'https://login.microsoftonline.com/.default', messageId: 'other', data: { purpose: 'sending through Graph', expected: GRAPH }, fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: 'the app registration\'s own URI',
      yaml: mail('api://tmmaster/.default'),
      errors: [{ pointer: MAIL, at: 'api://tmmaster/.default', messageId: 'other', fix: { pointer: MAIL, value: GRAPH } }],
    },
    {
      name: '.default in capitals',
      yaml: pop3('https://outlook.office365.com/.DEFAULT'),
      errors: [{ pointer: POP3, at: 'https://outlook.office365.com/.DEFAULT', messageId: 'notExact', data: { purpose: 'downloading with POP3', expected: EXO }, fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'http: instead of https:',
      yaml: pop3('http://outlook.office365.com/.default'),
      errors: [{ pointer: POP3, at: 'http://outlook.office365.com/.default', messageId: 'notExact', fix: { pointer: POP3, value: EXO } }],
    },
    {
      name: 'a wrong scope in every section: one finding each',
      yaml: VESSEL.split(`scope: ${GRAPH}`).join('scope: Mail.Send').replace(`scope: ${EXO}`, 'scope: POP.AccessAsApp'),
      errors: [
        { pointer: MAIL, at: 'Mail.Send', messageId: 'permission', fix: { pointer: MAIL, value: GRAPH } },
        { pointer: SMTP, at: 'Mail.Send', after: 'smtp:', messageId: 'permission', fix: { pointer: SMTP, value: GRAPH } },
        { pointer: POP3, at: 'POP.AccessAsApp', messageId: 'permission', fix: { pointer: POP3, value: EXO } },
      ],
    },
  ],
});

describe('with oauth2/cloud-mismatch, which this rule supersedes at the Scope', () => {
  const lint = (yaml: string, scopeOff: boolean): string[] => {
    const rules = [rule, cloudMismatch];
    const config = resolveConfig(rules, scopeOff ? { config: { rules: { 'oauth2/scope': 'off' } } } : {});
    return lintText(yaml, { filePath: 'case.yaml' }, { config, today: '2026-11-29', rules })
      .flatMap((r) => r.messages)
      .map((m) => `${m.ruleId} ${m.messageId} ${m.pointer}`);
  };
  const SWAPPED_ACROSS = pop3On('outlook-dod.office365.us', 'login.microsoftonline.us', 'https://graph.microsoft.us/.default');

  it('a scope of the wrong resource and the wrong cloud is one finding, this rule\'s, whose fix is in the right cloud', () => {
    expect(lint(SWAPPED_ACROSS, false)).toEqual([`oauth2/scope swappedScope ${POP3}`]);
  });
  it('with this rule off, oauth2/cloud-mismatch still says it', () => {
    expect(lint(SWAPPED_ACROSS, true)).toEqual([`oauth2/cloud-mismatch oddOneOut ${POP3}`]);
  });
});
