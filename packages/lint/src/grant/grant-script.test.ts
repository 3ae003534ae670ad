import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { createLinter } from '../linter.js';
import { APP_ID, OBJECT_ID, OFFICE, SP_ID, TENANT, VESSEL, edit, removeBlock, within } from '../test-utils/fixtures.js';
import { GrantScriptError, grantScript, grantScriptForText, psQuote, type GrantScriptOptions } from './grant-script.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

// ---------------------------------------------------------------------------------------------
// A reader of the script written from PowerShell's language specification, independent of the
// writer: a verbatim string starts and ends with a single-quote character (' or U+2018 to U+201B),
// and two single-quote characters in a row inside it stand for the second. Anything else outside a
// string is a bare word, up to white space.

const QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);

type Token = { readonly word: string } | { readonly string: string };

function tokens(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (c === ' ') {
      i++;
      continue;
    }
    if (QUOTES.has(c)) {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`a string that does not end: ${line}`);
        const d = line.charAt(i);
        if (QUOTES.has(d)) {
          if (QUOTES.has(line.charAt(i + 1))) {
            value += line.charAt(i + 1);
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += d;
        i++;
      }
      if (i < line.length && line.charAt(i) !== ' ') throw new Error(`a string runs into a word: ${line}`);
      out.push({ string: value });
      continue;
    }
    let word = '';
    while (i < line.length && line.charAt(i) !== ' ') word += line.charAt(i++);
    out.push({ word });
  }
  return out;
}

/** The words a command line may hold outside strings: names, parameters, pipes, the one variable, placeholders. */
const WORD = /^(?:[A-Za-z][\w-]*,?|-[A-Za-z]+|\||=|\$servicePrincipal(?:\.Identity)?|<[A-Z][A-Z0-9_]*>)$/;

/** The lines that PowerShell runs: neither comments nor blank. */
function commands(text: string): string[] {
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

/** The command line that starts with `name`, read into tokens; each word checked against WORD. */
function command(text: string, name: string): Token[] {
  const line = commands(text).find((l) => l.startsWith(`${name} `) || l === name);
  if (line === undefined) throw new Error(`no ${name} line in:\n${text}`);
  const t = tokens(line);
  for (const token of t) if ('word' in token) expect(token.word, line).toMatch(WORD);
  return t;
}

/** The value given to a parameter on a command line. */
function argument(text: string, name: string, parameter: string): Token | undefined {
  const t = command(text, name);
  const i = t.findIndex((x) => 'word' in x && x.word === parameter);
  return i === -1 ? undefined : t[i + 1];
}

function script(text: string, options: GrantScriptOptions = {}) {
  return grantScriptForText(text, { filePath: 'fleet/manifest.yaml', ...options });
}

function failure(run: () => unknown): GrantScriptError {
  try {
    run();
  } catch (error) {
    if (error instanceof GrantScriptError) return error;
    throw error;
  }
  throw new Error('expected a GrantScriptError');
}

/** The POP3 tab's User Name set to `value` (a YAML double-quoted scalar, so that escapes work). */
function withPop3User(value: string): string {
  return within(VESSEL, '  pop3:', (t) => edit(t, ['userName: replication.nordicstar@example.com', `userName: ${JSON.stringify(value)}`]));
}

describe('grant-script on the example fleet', () => {
  it('writes the script of nordic-star with its IDs and mailbox, New-ServicePrincipal -ObjectId, and no placeholder', async () => {
    const r = await grantScript('examples/fleet/nordic-star.yaml', { cwd: repoRoot });
    expect(r.placeholders).toEqual([]);
    expect(r.installation).toBe('MV Nordic Star');
    expect(r.text.startsWith('# Exchange Online PowerShell for MV Nordic Star (examples/fleet/nordic-star.yaml)')).toBe(true);
    expect(command(r.text, 'Connect-ExchangeOnline')).toEqual([{ word: 'Connect-ExchangeOnline' }]);
    expect(command(r.text, 'New-ServicePrincipal')).toEqual([
      { word: 'New-ServicePrincipal' },
      { word: '-AppId' },
      { string: '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4' },
      { word: '-ObjectId' },
      { string: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' },
      { word: '-DisplayName' },
      { string: 'TMMaster' },
    ]);
    expect(command(r.text, '$servicePrincipal')).toEqual([
      { word: '$servicePrincipal' },
      { word: '=' },
      { word: 'Get-ServicePrincipal' },
      { word: '-Identity' },
      { string: '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4' },
    ]);
    expect(command(r.text, 'Add-MailboxPermission')).toEqual([
      { word: 'Add-MailboxPermission' },
      { word: '-Identity' },
      { string: 'replication.nordicstar@example.com' },
      { word: '-User' },
      { string: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' },
      { word: '-AccessRights' },
      { word: 'FullAccess' },
    ]);
    expect(argument(r.text, 'Get-CASMailbox', '-Identity')).toEqual({ string: 'replication.nordicstar@example.com' });
    expect(r.text).toContain("#    Set-CASMailbox -Identity 'replication.nordicstar@example.com' -PopEnabled $true");
    expect(r.text).toContain('TenantID must be 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b (Azure > Directory (tenant) ID)');
  });

  it('uses none of the guide\'s retired forms outside comments, and says in comments what they were', async () => {
    const { text } = await grantScript('examples/fleet/nordic-star.yaml', { cwd: repoRoot });
    for (const line of commands(text)) {
      expect(line).not.toContain('-ServiceId');
      expect(line).not.toContain('Connect-EXOPSSession');
      expect(line).not.toContain('-Organization');
    }
    const comments = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(comments).toContain('Connect-EXOPSSession belonged to the retired V1 module');
    expect(comments).toContain('The guide writes -ServiceId: the old name of -ObjectId');
    expect(comments).toContain("NOT the Object ID on the App registration's Overview page");
    expect(comments).toContain('Enterprise applications > TMMaster > Overview');
    // every step is explained: each command follows a comment
    expect(text.match(/^# Step \d\./gm)).toHaveLength(5);
  });

  it('grants the POP3 mailbox only, and says why the sending mailboxes get no mailbox permission', () => {
    const { text } = script(VESSEL);
    const grants = commands(text).filter((l) => l.startsWith('Add-MailboxPermission'));
    expect(grants).toHaveLength(1);
    expect(text).toContain('the Mail.Send application permission allows without any mailbox permission');
  });

  it('with --policy adds RBAC for Applications: a scope of the sending mailboxes, the Application Mail.Send role, and the test', () => {
    const plain = script(VESSEL);
    expect(commands(plain.text).some((l) => l.startsWith('New-ManagementScope'))).toBe(false);
    expect(plain.text).toContain('run tmcheck grant-script with --policy');

    const { text, placeholders } = script(VESSEL, { policy: true });
    expect(placeholders).toEqual([]);
    expect(command(text, 'New-ManagementScope')).toEqual([
      { word: 'New-ManagementScope' },
      { word: '-Name' },
      { string: 'TMMaster senders' },
      { word: '-RecipientRestrictionFilter' },
      { string: "PrimarySmtpAddress -eq 'ops.nordicstar@example.com' -or PrimarySmtpAddress -eq 'replication.nordicstar@example.com'" },
    ]);
    expect(command(text, 'New-ManagementRoleAssignment')).toEqual([
      { word: 'New-ManagementRoleAssignment' },
      { word: '-App' },
      { string: SP_ID },
      { word: '-Role' },
      { string: 'Application Mail.Send' },
      { word: '-CustomResourceScope' },
      { string: 'TMMaster senders' },
    ]);
    const tests = commands(text).filter((l) => l.startsWith('Test-ServicePrincipalAuthorization'));
    expect(tests.map((l) => tokens(l)[4])).toEqual([{ string: 'ops.nordicstar@example.com' }, { string: 'replication.nordicstar@example.com' }]);
    expect(text).toContain('New-ApplicationAccessPolicy');
    expect(text).toContain('Mail Settings sends as each TM Master user');
    expect(text).toContain('remove Mail.Send there (keep POP.AccessAsApp)');
  });
});

describe('values the manifest does not give', () => {
  it('reads the Application (client) ID from the tabs when azure is absent; the Object ID stays a placeholder; the Identity comes from step 3', () => {
    const r = script(removeBlock(VESSEL, 'azure:'));
    expect(r.placeholders).toEqual(['<ENTERPRISE_APP_OBJECT_ID>']);
    expect(argument(r.text, 'New-ServicePrincipal', '-AppId')).toEqual({ string: APP_ID });
    expect(argument(r.text, 'New-ServicePrincipal', '-ObjectId')).toEqual({ word: '<ENTERPRISE_APP_OBJECT_ID>' });
    expect(r.text).toContain('#    <ENTERPRISE_APP_OBJECT_ID>: Azure > Object ID is not filled in.');
    expect(argument(r.text, 'Add-MailboxPermission', '-User')).toEqual({ word: '$servicePrincipal.Identity' });
    expect(r.text).toContain('The manifest gives no service principal ID');
    // the tenant comes from the POP3 Token URL, else it is not known
    expect(r.text).toContain(`TenantID must be ${TENANT} (the tenant of TM Exchange POP3 > OAuth2 > Token URL)`);
    const domain = script(removeBlock(VESSEL, 'azure:').replaceAll(TENANT, 'example.onmicrosoft.com'));
    expect(domain.text).toContain("Check that this is the tenant of TM Master's app registration (the manifest gives no tenant ID)");
  });

  it("leaves the guide's placeholders and worked example as named placeholders, never as values", () => {
    const text = edit(
      VESSEL,
      [`applicationId: ${APP_ID}`, 'applicationId: <APPLICATION_ID>'],
      [`objectId: ${OBJECT_ID}`, 'objectId: "00000"'],
      [`servicePrincipalId: ${SP_ID}`, 'servicePrincipalId: SSSSS'],
    ).replaceAll(`clientId: ${APP_ID}`, 'clientId: AAAAAA');
    const r = script(text);
    expect(r.placeholders).toEqual(['<APPLICATION_ID>', '<ENTERPRISE_APP_OBJECT_ID>']);
    expect(command(r.text, 'New-ServicePrincipal')).toEqual([
      { word: 'New-ServicePrincipal' },
      { word: '-AppId' },
      { word: '<APPLICATION_ID>' },
      { word: '-ObjectId' },
      { word: '<ENTERPRISE_APP_OBJECT_ID>' },
      { word: '-DisplayName' },
      { string: 'TMMaster' },
    ]);
    expect(r.text).not.toMatch(/AAAAAA|SSSSS|'00000'/);
    expect(argument(r.text, 'Add-MailboxPermission', '-User')).toEqual({ word: '$servicePrincipal.Identity' });
    expect(r.text).toContain('Azure > Service principal ID holds a placeholder or is not a GUID');
  });

  it('names both IDs and uses neither when the tabs and azure.applicationId disagree', () => {
    const other = '7d3e2f10-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const r = script(within(VESSEL, '  pop3:', (t) => edit(t, [`clientId: ${APP_ID}`, `clientId: ${other}`])));
    expect(argument(r.text, 'New-ServicePrincipal', '-AppId')).toEqual({ word: '<APPLICATION_ID>' });
    expect(r.text).toContain(`Azure > Application (client) ID is ${APP_ID}`);
    expect(r.text).toContain(`TM Exchange POP3 > OAuth2 > Client ID is ${other}`);
    expect(r.placeholders).toEqual(['<APPLICATION_ID>']);
  });

  it('refuses an Object ID that is the Application (client) ID', () => {
    const r = script(edit(VESSEL, [`objectId: ${OBJECT_ID}`, `objectId: ${APP_ID}`]));
    expect(argument(r.text, 'New-ServicePrincipal', '-ObjectId')).toEqual({ word: '<ENTERPRISE_APP_OBJECT_ID>' });
    expect(r.text).toContain('Azure > Object ID holds the Application (client) ID');
  });

  it("writes <POP3_MAILBOX> for the guide's example address and a blank User Name", () => {
    for (const value of ['example@email.com', '']) {
      const r = script(withPop3User(value));
      expect(argument(r.text, 'Add-MailboxPermission', '-Identity')).toEqual({ word: '<POP3_MAILBOX>' });
      expect(argument(r.text, 'Get-CASMailbox', '-Identity')).toEqual({ word: '<POP3_MAILBOX>' });
      expect(r.placeholders).toContain('<POP3_MAILBOX>');
    }
  });

  it('connects to the national cloud of the POP3 server', () => {
    const usgov = script(within(VESSEL, '  pop3:', (t) => edit(t, ['server: outlook.office365.com', 'server: outlook.office365.us'])));
    expect(command(usgov.text, 'Connect-ExchangeOnline')).toEqual([
      { word: 'Connect-ExchangeOnline' },
      { word: '-ExchangeEnvironmentName' },
      { word: 'O365USGovGCCHigh' },
    ]);
  });
});

describe('hostile values', () => {
  const mailboxes = [
    "o'brien@example.com",
    "o''brien'@example.com",
    'o\u2019brien\u2018\u201a\u201b@example.com',
    '$(Remove-Mailbox -Identity ceo@example.com)@example.com',
    '${env:PATH}x@example.com',
    '`whoami`@example.com',
    'a;Remove-Mailbox ceo@example.com;@example.com',
    'a" | Remove-Mailbox ceo@example.com; "@example.com',
    'jørgen.ærø@eksempel.no',
    '船员@example.cn',
    '# not a comment @example.com',
  ];

  it.each(mailboxes)('quotes the mailbox %j so that PowerShell reads it back as one value, exactly', (mailbox) => {
    const r = script(withPop3User(mailbox));
    expect(r.placeholders).toEqual([]);
    // the whole command reads as the same words, the mailbox one string among them
    expect(command(r.text, 'Add-MailboxPermission')).toEqual([
      { word: 'Add-MailboxPermission' },
      { word: '-Identity' },
      { string: mailbox },
      { word: '-User' },
      { string: SP_ID },
      { word: '-AccessRights' },
      { word: 'FullAccess' },
    ]);
    expect(argument(r.text, 'Get-CASMailbox', '-Identity')).toEqual({ string: mailbox });
    expect(commands(r.text).filter((l) => l.startsWith('Remove-Mailbox'))).toEqual([]);
  });

  it('doubles each single-quote character, the typographic ones too', () => {
    expect(psQuote("it's")).toBe("'it''s'");
    expect(psQuote('\u2018x\u2019')).toBe("'\u2018\u2018x\u2019\u2019'");
    expect(psQuote('$x `y` "z";')).toBe('\'$x `y` "z";\'');
  });

  it.each([
    ['a line break', 'replication@example.com\nRemove-Mailbox -Identity ceo@example.com'],
    ['a carriage return', 'replication@example.com\rRemove-Mailbox -Identity ceo@example.com'],
    ['a line separator', 'replication@example.com\u2028Remove-Mailbox -Identity ceo@example.com'],
    ['a bidirectional override', 'replication@example.com\u202e'],
    ['a NUL', 'replication@example.com\u0000'],
  ])('writes a placeholder with a comment for a mailbox holding %s, never the value', (_what, mailbox) => {
    const r = script(withPop3User(mailbox));
    expect(argument(r.text, 'Add-MailboxPermission', '-Identity')).toEqual({ word: '<POP3_MAILBOX>' });
    expect(r.text).toContain('#    <POP3_MAILBOX>: TM Exchange POP3 > OAuth2 > User Name holds a line break or another control character');
    expect(r.text).not.toContain('Remove-Mailbox');
    expect(r.text).not.toMatch(/[\r\u2028\u202e\u0000]/);
    expect(r.placeholders).toEqual(['<POP3_MAILBOX>']);
  });

  it('keeps an installation name with a line break, quotes and a block comment end inside its comment line', () => {
    const name = "MV \"Ørn\" 'Star'\n#>\nRemove-Mailbox -Identity ceo@example.com\u2028$(x) `y`; z";
    const r = script(edit(VESSEL, ['name: MV Nordic Star', `name: ${JSON.stringify(name)}`]));
    const first = r.text.split('\n')[0] as string;
    expect(first).toContain('MV "Ørn" \'Star\'\\u000a#>\\u000aRemove-Mailbox');
    expect(r.text.split('\n').filter((l) => l.startsWith('Remove-Mailbox') || l.startsWith('#>'))).toEqual([]);
    expect(r.text).not.toMatch(/[\r\u2028]/);
  });

  it('quotes a display name with quotes, $ and backticks, and refuses one with a line break', () => {
    const name = "TM'Master $(Get-Date) `n; x";
    expect(argument(script(VESSEL, { displayName: name }).text, 'New-ServicePrincipal', '-DisplayName')).toEqual({ string: name });
    expect(failure(() => script(VESSEL, { displayName: 'TM\nMaster' })).facts.problem).toBe('display-name');
  });

  it('with --policy writes <RECIPIENT_FILTER> when a sending mailbox cannot go into a recipient filter safely', () => {
    const text = within(VESSEL, '  smtp:', (t) =>
      edit(t, ['senderAddress: replication.nordicstar@example.com', "senderAddress: \"o'brien@example.com\""]),
    );
    const r = script(text, { policy: true });
    expect(argument(r.text, 'New-ManagementScope', '-RecipientRestrictionFilter')).toEqual({ word: '<RECIPIENT_FILTER>' });
    expect(r.text).toContain('TM Exchange SMTP > Sender Address holds characters that a recipient filter cannot take safely');
    expect(r.placeholders).toContain('<RECIPIENT_FILTER>');
  });
});

describe('secrets', () => {
  const SECRET = 'Zq8~Xv3.Kp7_Lm2-Nb5~Rt9Yw4Hs6Jd1Fg0Ce';

  function assertNoSecret(text: string): void {
    expect(text).not.toContain(SECRET);
    // no piece of it either (the scrubber's unit: 10 characters)
    for (let i = 0; i + 10 <= SECRET.length; i++) expect(text.toLowerCase()).not.toContain(SECRET.slice(i, i + 10).toLowerCase());
  }

  it('never writes a Client Secret, also when the same text stands in fields the script reads', () => {
    const planted = VESSEL.replaceAll('${TM_MAIL_SECRET}', SECRET);
    const plain = script(planted, { policy: true });
    assertNoSecret(plain.text);
    expect(plain.placeholders).toEqual([]);

    // the secret typed into the POP3 User Name, the sender, the installation name and the service principal ID
    const everywhere = edit(
      planted,
      ['name: MV Nordic Star', `name: MV ${SECRET}`],
      ['senderAddress: replication.nordicstar@example.com', `senderAddress: ${SECRET}@example.com`],
      [`servicePrincipalId: ${SP_ID}`, `servicePrincipalId: ${SECRET}`],
    );
    const r = script(within(everywhere, '  pop3:', (t) => edit(t, ['userName: replication.nordicstar@example.com', `userName: ${SECRET}@example.com`])), {
      policy: true,
    });
    assertNoSecret(r.text);
    expect(argument(r.text, 'Add-MailboxPermission', '-Identity')).toEqual({ word: '<POP3_MAILBOX>' });
    expect(r.text).toContain('tmcheck does not print TM Exchange POP3 > OAuth2 > User Name: it may hold a secret');
    expect(argument(r.text, 'Add-MailboxPermission', '-User')).toEqual({ word: '$servicePrincipal.Identity' });
  });

  it('never writes a secret held under a key the schema does not know (the typed view drops it; the document holds it)', () => {
    const planted = `${VESSEL.trimEnd()}\nnotes:\n  password: ${SECRET}\n`;
    const r = script(within(planted, '  pop3:', (t) => edit(t, ['userName: replication.nordicstar@example.com', `userName: ${SECRET}@example.com`])));
    assertNoSecret(r.text);
    expect(argument(r.text, 'Add-MailboxPermission', '-Identity')).toEqual({ word: '<POP3_MAILBOX>' });
    expect(r.lint.messages.some((m) => m.ruleId === 'schema')).toBe(true);
  });

  it("gives the document's lint result as tmcheck lint has it, nothing added", () => {
    const r = script(VESSEL);
    expect(r.lint).toEqual(createLinter().lintText(VESSEL, { filePath: 'fleet/manifest.yaml' })[0]);
  });

  it('never writes a Client ID that is not a GUID (a secret pasted there)', () => {
    const r = script(VESSEL.replaceAll(`clientId: ${APP_ID}`, `clientId: ${SECRET}`));
    assertNoSecret(r.text);
    // azure.applicationId still names the app
    expect(argument(r.text, 'New-ServicePrincipal', '-AppId')).toEqual({ string: APP_ID });
  });
});

describe('manifests without a script', () => {
  it('stops at a manifest that does not parse, saying where', () => {
    const e = failure(() => script('schemaVersion: 1\ninstallation: [\n'));
    expect(e.facts.problem).toBe('not-a-manifest');
    expect(e.message).toMatch(/^fleet\/manifest\.yaml cannot be read as a manifest, so no script can be written: .+ \(line \d+, column \d+\)/);
  });

  it('stops at an empty file and at a document that is not a mapping', () => {
    expect(failure(() => script('# nothing here\n')).message).toContain('holds no manifest');
    expect(failure(() => script('- a list\n')).facts.problem).toBe('not-a-manifest');
  });

  it('stops at an installation without TM Exchange POP3: no mailbox needs a grant', () => {
    const e = failure(() => script(OFFICE));
    expect(e.facts.problem).toBe('no-pop3');
    expect(e.message).toContain('has no TM Exchange POP3 settings (exchange.pop3)');
  });

  it('stops at a POP3 server that does not sign in with OAuth2', () => {
    const basic = within(VESSEL, '  pop3:', (t) =>
      edit(t, ['server: outlook.office365.com', 'server: mail.example.com'], ['useOAuth2: true', 'useOAuth2: false']),
    );
    expect(failure(() => script(basic)).facts.problem).toBe('not-oauth2');
  });

  it('asks which installation of a file holding several, and writes the one chosen', () => {
    const fleet = `${VESSEL}---\n${OFFICE}`;
    const e = failure(() => script(fleet));
    expect(e.facts).toMatchObject({ problem: 'documents', documents: [0, 1] });
    expect(e.message).toContain('holds 2 installations: document 0 (MV Nordic Star), document 1 (Bergen office); choose one with --document N');
    expect(script(fleet, { document: 0 }).installation).toBe('MV Nordic Star');
    expect(failure(() => script(fleet, { document: 1 })).facts.problem).toBe('no-pop3');
    expect(failure(() => script(fleet, { document: 7 })).facts.problem).toBe('no-document');
  });
});

describe('reading the manifest as lint does', () => {
  function folder(): string {
    return mkdtempSync(join(tmpdir(), 'tmcheck-grant-'));
  }

  it('reads a UTF-16 file with merge keys', async () => {
    const dir = folder();
    const tab = `  tab: &tab\n    useOAuth2: true\n    tokenUrl: https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token\n    clientId: ${APP_ID}\n    clientSecret: \${TM_MAIL_SECRET}\n`;
    const text = `schemaVersion: 1
x-defaults:
${tab}installation:
  name: MV Merge
  kind: vessel
exchange:
  pop3:
    server: outlook.office365.com
    port: 995
    useSsl: true
    oauth2:
      <<: *tab
      scope: https://outlook.office365.com/.default
      userName: merge@example.com
azure:
  objectId: ${OBJECT_ID}
`;
    writeFileSync(join(dir, 'merge.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await grantScript('merge.yaml', { cwd: dir });
    expect(argument(r.text, 'New-ServicePrincipal', '-AppId')).toEqual({ string: APP_ID });
    expect(argument(r.text, 'Add-MailboxPermission', '-Identity')).toEqual({ string: 'merge@example.com' });
    expect(r.text).toContain(`TenantID must be ${TENANT}`);
  });

  it('applies the config nearest the manifest, as lint does', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'fleet'));
    writeFileSync(join(dir, 'fleet', 'vessel.yaml'), within(VESSEL, '  pop3:', (t) => edit(t, ['port: 995', 'port: 110'])));
    const before = await grantScript('fleet/vessel.yaml', { cwd: dir });
    expect(before.lint.errorCount).toBeGreaterThan(0);
    expect(before.text).toContain(`tmcheck lint reports ${before.lint.errorCount} error`);
    writeFileSync(join(dir, 'tmcheck.config.json'), JSON.stringify({ rules: { 'pop3/port': 'off' } }));
    const after = await grantScript('fleet/vessel.yaml', { cwd: dir });
    expect(after.lint.errorCount).toBe(before.lint.errorCount - 1);
    writeFileSync(join(dir, 'tmcheck.config.json'), JSON.stringify({ rules: { 'pop3/nope': 'off' } }));
    await expect(grantScript('fleet/vessel.yaml', { cwd: dir })).rejects.toBeInstanceOf(ConfigError);
  });

  it('reads standard input for -, and refuses a folder', async () => {
    const r = await grantScript('-', { stdin: Readable.from([Buffer.from(VESSEL)]) });
    expect(r.filePath).toBe('<stdin>');
    expect(argument(r.text, 'Add-MailboxPermission', '-Identity')).toEqual({ string: 'replication.nordicstar@example.com' });
    await expect(grantScript('examples/fleet', { cwd: repoRoot })).rejects.toMatchObject({ facts: { problem: 'folder' } });
    await expect(grantScript('examples/fleet/no-such.yaml', { cwd: repoRoot })).rejects.toThrow('no such file or folder');
  });
});
