/**
 * `tmcheck grant-script`: the Exchange Online PowerShell that lets TM Exchange download mail from an
 * installation's POP3 mailbox, in today's form of the guide's last chapter ("How to grant TM Master (TM
 * Exchange) access to download emails from an account"; shared/reference/microsoft-365.md, "Exchange
 * Online PowerShell (current forms)").
 *
 * The manifest is read through createLinter's inspectBytes, so that decoding (UTF-8, UTF-16), merge keys,
 * limits and the config apply as they do for lint, and values come from each document's typed view and
 * sections. Secret fields are never written out: every value goes through the gate (showValue) and a
 * scrubber of the secrets the document holds, and only GUIDs, mailbox addresses and tmcheck's own words
 * reach the script.
 *
 * Quoting: every value is a PowerShell verbatim string, '...', with each single-quote character doubled,
 * as PowerShell's own CodeGeneration.EscapeSingleQuotedStringContent does: ' and the typographic
 * U+2018-U+201B, which PowerShell reads as single quotes too. Nothing else is special inside such a
 * string ($, `, ", ;). A value holding a control character (a line break, a bidirectional control) is
 * not written at all: a placeholder stands for it, with a comment. Placeholders are written bare,
 * `<NAME>`: PowerShell refuses to parse a line holding one ("The '<' operator is reserved for future
 * use"), so a script with a placeholder left in does not run at all rather than half-way.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fieldTitle } from '@tmcheck/schemas';
import type { InspectedDocument } from '../engine/lint-document.js';
import { StdinError, UsageError } from '../errors.js';
import type { DocumentResult } from '../finding.js';
import { readCandidate, walkPaths } from '../files/collect.js';
import { describeFsError } from '../files/fs-errors.js';
import { createLinter, type Linter } from '../linter.js';
import { DEFAULT_LIMITS } from '../load/parse-documents.js';
import { guidKey, isPlaceholderGuid, MICROSOFT_APPS } from '../model/guid.js';
import { sectionCloud, type MailSection } from '../model/sections.js';
import { analyzeTokenUrl } from '../model/token-url.js';
import { isEmail, isPlaceholder } from '../model/values.js';
import type { ManifestView } from '../model/view.js';
import { registeredId, registration } from '../rule-kit/azure-ids.js';
import { analyzeGraphUrl, decodeMailbox, isGuideExample } from '../rule-kit/graph-url.js';
import { looksLikeReference } from '../model/secret-reference.js';
import { Scrubber } from '../secrets/scrub.js';
import { MAX_QUOTE, showValue } from '../secrets/show.js';
import { escapeControls, hasControls } from '../text/escape.js';

export interface GrantScriptOptions {
  /** The folder relative paths are read from (default: the process's). */
  readonly cwd?: string;
  /** A config file (else the one nearest the manifest, as for lint). */
  readonly configFile?: string;
  /** Standard input, read when the path is `-`. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  /** The document of a file holding several installations, from 0 (lint's JSON report numbers them so). */
  readonly document?: number;
  /** Also limit the app's Mail.Send to the installation's sending mailboxes (RBAC for Applications). */
  readonly policy?: boolean;
  /** New-ServicePrincipal's -DisplayName (default: TMMaster, the guide's name for the app). */
  readonly displayName?: string;
}

/** The script of one installation. */
export interface GrantScript {
  readonly filePath: string;
  readonly document: number;
  readonly installation: string | null;
  /** The PowerShell, comments included, ending with a line break. */
  readonly text: string;
  /** The placeholders left in (`<APPLICATION_ID>`, ...), in the order they first appear: the script runs once they are replaced. */
  readonly placeholders: readonly string[];
  /** What tmcheck lint reports for the same document. */
  readonly lint: DocumentResult;
}

export type GrantScriptProblem = 'folder' | 'unreadable' | 'not-a-manifest' | 'documents' | 'no-document' | 'no-pop3' | 'not-oauth2' | 'display-name';

/** Why no script can be written for a manifest: what is missing, in words. */
export class GrantScriptError extends UsageError {
  override readonly name = 'GrantScriptError';
  constructor(
    message: string,
    readonly facts: { readonly problem: GrantScriptProblem; readonly filePath?: string; readonly documents?: readonly number[] },
  ) {
    super(message);
  }
}

/** The app's name in the guide ("Name: Enter name of application: TMMaster"). */
export const DEFAULT_DISPLAY_NAME = 'TMMaster';

/** The management scope of --policy: one per tenant, as the app is (the guide registers TM Master once). */
const SCOPE_NAME = 'TMMaster senders';

// ---------------------------------------------------------------------------------------------
// PowerShell text

/** PowerShell's single-quote characters: ', and U+2018 to U+201B, which it reads as ' (about_Quoting_Rules). */
const SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/** A PowerShell verbatim string holding `value` exactly: each single-quote character doubled. */
export function psQuote(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/** Why a value is not written: not given, given as a placeholder, or not fit to be written. */
type Absence = 'missing' | 'placeholder' | 'unfit';

/** A value resolved for the script: the text, or the placeholder that stands for it and why. */
type Resolved =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly placeholder: string; readonly why: string; readonly absence: Absence };

const known = (value: string): Resolved => ({ ok: true, value });
const unknown = (placeholder: string, why: string, absence: Absence = 'unfit'): Resolved => ({ ok: false, placeholder, why, absence });

/** The catalog's name of a field ("Azure > Object ID"), for comments. */
function title(pointer: string): string {
  return fieldTitle(pointer) ?? pointer;
}

/** A finished line of PowerShell: tmcheck's own text with quoted values and bare placeholders. */
class ScriptText {
  readonly #lines: string[] = [];
  readonly #placeholders: string[] = [];

  /** Comment lines (tmcheck's words; values already escaped), each `# ...`; indented continuation as given. */
  comment(...lines: string[]): void {
    for (const line of lines) {
      for (const part of line.split('\n')) this.#lines.push(part === '' ? '#' : `# ${escapeControls(part)}`);
    }
  }

  blank(): void {
    this.#lines.push('');
  }

  /** A command: its parts joined by spaces; an argument is a resolved value, quoted, or its placeholder. */
  command(...parts: Array<string | Resolved>): void {
    this.#lines.push(parts.map((p) => (typeof p === 'string' ? p : this.arg(p))).join(' '));
  }

  /** A resolved value as an argument: quoted, or its placeholder (recorded). */
  arg(value: Resolved): string {
    if (value.ok) return psQuote(value.value);
    if (!this.#placeholders.includes(value.placeholder)) this.#placeholders.push(value.placeholder);
    return value.placeholder;
  }

  get placeholders(): readonly string[] {
    return this.#placeholders;
  }

  toString(): string {
    return `${this.#lines.join('\n')}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading values through the gate

/**
 * A text field of the manifest, as the script may hold it: not blank, not a placeholder or a
 * reference, no control character, and nothing the secret gate or the scrubber would change.
 */
function gated(pointer: string, raw: string | undefined, scrubber: Scrubber, placeholder: string): Resolved {
  const field = title(pointer);
  const v = raw?.trim();
  if (v === undefined || v === '') return unknown(placeholder, `${field} is not filled in`, 'missing');
  if (isPlaceholder(v) || isGuideExample(v)) return unknown(placeholder, `${field} holds a placeholder, not a value`, 'placeholder');
  if (looksLikeReference(v)) return unknown(placeholder, `${field} is a reference that tmcheck does not resolve`, 'placeholder');
  if (hasControls(v)) {
    return unknown(placeholder, `${field} holds a line break or another control character, which cannot be written into a script safely`);
  }
  if (v.length > MAX_QUOTE) return unknown(placeholder, `${field} is longer than ${MAX_QUOTE} characters, more than tmcheck prints`);
  if (showValue(pointer, v, { bare: true }) !== v || scrubber.scrub(v) !== v) {
    return unknown(placeholder, `tmcheck does not print ${field}: it may hold a secret`);
  }
  return known(v);
}

/** A GUID field (an ID of the Microsoft side): its GUID, lower case, when it is one and no placeholder. */
function guidField(raw: string | undefined, options: { readonly tenant?: boolean } = {}): string | undefined {
  const key = guidKey(registeredId(raw, options));
  return key === undefined || isPlaceholderGuid(key) ? undefined : key;
}

interface Values {
  readonly appId: Resolved;
  readonly objectId: Resolved;
  /** The service principal ID the manifest records, when it is one. */
  readonly servicePrincipalId: string | undefined;
  /** Why the recorded service principal ID is not used, when one is written. */
  readonly servicePrincipalNote: string | undefined;
  /** The tenant ID, the field it comes from, and a note when two fields disagree. */
  readonly tenant: { readonly id: string | undefined; readonly from: string; readonly note: string | undefined };
  readonly mailbox: Resolved;
  readonly mailboxNote: string | undefined;
  /** The manifest records FullAccess on the POP3 mailbox (azure.exchangeOnline.mailboxPermissions). */
  readonly granted: boolean;
}

/** The Application (client) ID: azure.applicationId and the tabs' Client IDs, when those there are agree. */
function applicationId(view: ManifestView, sections: readonly MailSection[], scrubber: Scrubber): Resolved {
  const reg = registration(view);
  const found: Array<{ readonly pointer: string; readonly key: string }> = [];
  if (reg.application) found.push({ pointer: '/azure/applicationId', key: reg.application.key });
  for (const section of sections) {
    if (!section.oauthApplies) continue;
    const key = guidField(section.oauth2?.clientId);
    // an Object ID, a Secret ID or a tenant ID typed as Client ID names no app (oauth2/client-id reports it)
    if (key === undefined || MICROSOFT_APPS[key] !== undefined || reg.others.has(key)) continue;
    const tenant = section.oauth2?.tokenUrl === undefined ? undefined : analyzeTokenUrl(section.oauth2.tokenUrl).tenantKey;
    if (key === tenant) continue;
    found.push({ pointer: section.tabPointer('clientId'), key });
  }
  const keys = [...new Set(found.map((f) => f.key))];
  if (keys.length === 1 && scrubber.scrub(keys[0] as string) === keys[0]) return known(keys[0] as string);
  if (keys.length === 0) {
    return unknown('<APPLICATION_ID>', `the manifest gives no Application (client) ID: neither ${title('/azure/applicationId')} nor a tab's Client ID holds one`, 'missing');
  }
  if (keys.length === 1) return unknown('<APPLICATION_ID>', 'tmcheck does not print the Application (client) ID: it may hold a secret');
  const list = found.map((f) => `${title(f.pointer)} is ${f.key}`).join('; ');
  return unknown(
    '<APPLICATION_ID>',
    `the manifest names more than one Application (client) ID (${list}); TM Exchange POP3 signs in with the app of its own Client ID, ` +
      'and every tab should use the one app registration (tmcheck lint reports it)',
  );
}

/** The Enterprise application's Object ID (azure.objectId), unless it is another known ID. */
function objectId(view: ManifestView, appId: Resolved, scrubber: Scrubber): Resolved {
  const placeholder = '<ENTERPRISE_APP_OBJECT_ID>';
  const azure = view.azure;
  const written = azure?.objectId?.trim();
  const key = guidField(written);
  const field = title('/azure/objectId');
  if (key === undefined) {
    if (written === undefined || written === '') return unknown(placeholder, `${field} is not filled in`, 'missing');
    return unknown(placeholder, `${field} holds a placeholder or is not a GUID`);
  }
  if (appId.ok && key === appId.value) {
    return unknown(placeholder, `${field} holds the Application (client) ID; the Object ID is another GUID, on the Enterprise application's Overview page`);
  }
  if (key === guidField(azure?.tenantId, { tenant: true })) return unknown(placeholder, `${field} holds the Directory (tenant) ID`);
  if (azure?.clientSecrets?.some((s) => guidField(s?.secretId) === key)) return unknown(placeholder, `${field} holds a client secret's Secret ID`);
  if (scrubber.scrub(key) !== key) return unknown(placeholder, `tmcheck does not print ${field}: it may hold a secret`);
  return known(key);
}

function readValues(view: ManifestView, sections: readonly MailSection[], pop3: MailSection, scrubber: Scrubber): Values {
  const appId = applicationId(view, sections, scrubber);
  const exchangeOnline = view.azure?.exchangeOnline;

  const spWritten = exchangeOnline?.servicePrincipalId?.trim();
  let servicePrincipalId = guidField(spWritten);
  let servicePrincipalNote: string | undefined;
  if (servicePrincipalId !== undefined && scrubber.scrub(servicePrincipalId) !== servicePrincipalId) servicePrincipalId = undefined;
  if (servicePrincipalId === undefined && spWritten !== undefined && spWritten !== '') {
    servicePrincipalNote = `${title('/azure/exchangeOnline/servicePrincipalId')} holds a placeholder or is not a GUID`;
  }
  if (servicePrincipalId !== undefined && appId.ok && servicePrincipalId === appId.value) {
    servicePrincipalNote = `${title('/azure/exchangeOnline/servicePrincipalId')} holds the Application (client) ID, not the ID Get-ServicePrincipal lists`;
    servicePrincipalId = undefined;
  }

  // the tenant: Azure > Directory (tenant) ID, else the POP3 Token URL's
  const azureTenant = guidField(view.azure?.tenantId, { tenant: true });
  const tokenUrl = pop3.oauth2?.tokenUrl;
  const token = tokenUrl === undefined ? undefined : analyzeTokenUrl(tokenUrl);
  const tokenTenant = token?.tenantKind === 'guid' ? guidKey(token.tenantKey) : undefined;
  let tenantNote: string | undefined;
  if (azureTenant !== undefined && tokenTenant !== undefined && azureTenant !== tokenTenant) {
    tenantNote = `${title('/azure/tenantId')} is ${azureTenant} but the TM Exchange POP3 Token URL names ${tokenTenant} (tmcheck lint reports it)`;
  }
  let tenantId = azureTenant ?? tokenTenant;
  if (tenantId !== undefined && scrubber.scrub(tenantId) !== tenantId) tenantId = undefined;
  const from = azureTenant !== undefined ? title('/azure/tenantId') : `the tenant of ${title(pop3.tabPointer('tokenUrl'))}`;

  const userNamePointer = pop3.tabPointer('userName');
  const mailbox = gated(userNamePointer, pop3.oauth2?.userName, scrubber, '<POP3_MAILBOX>');
  let mailboxNote: string | undefined;
  if (mailbox.ok && !isEmail(mailbox.value)) {
    mailboxNote = `${title(userNamePointer)} is not an e-mail address: TM Exchange signs in to POP3 with the mailbox's address (tmcheck lint reports it)`;
  }
  const wanted = mailbox.ok ? mailbox.value.toLowerCase() : undefined;
  const granted =
    wanted !== undefined &&
    (exchangeOnline?.mailboxPermissions ?? []).some(
      (p) => p?.mailbox?.trim().toLowerCase() === wanted && (p.accessRights ?? []).some((r) => r?.trim().toLowerCase() === 'fullaccess'),
    );

  return {
    appId,
    objectId: objectId(view, appId, scrubber),
    servicePrincipalId,
    servicePrincipalNote,
    tenant: { id: tenantId, from, note: tenantNote },
    mailbox,
    mailboxNote,
    granted,
  };
}

/** Connect-ExchangeOnline's -ExchangeEnvironmentName for a national cloud (the global cloud needs none). */
const ENVIRONMENTS = {
  usgov: { name: 'O365USGovGCCHigh', cloud: 'the US Government GCC High cloud' },
  dod: { name: 'O365USGovDoD', cloud: 'the US Government DoD cloud' },
  china: { name: 'O365China', cloud: 'the China cloud (21Vianet)' },
} as const;

/** An address fit for an OPATH filter value ('...') as well as for PowerShell: letters, digits and . _ % + - @. */
const OPATH_SAFE = /^[\p{L}\p{N}._%+@-]+$/u;

interface Senders {
  /** The mailboxes that send through Graph, each with the field it comes from. */
  readonly mailboxes: ReadonlyArray<{ readonly value: string; readonly pointer: string }>;
  /** Fields whose mailbox cannot be written into the filter, with why. */
  readonly unusable: readonly string[];
  /** Mail Settings sends as each TM Master user ({0}, Use Address from User). */
  readonly eachUser: boolean;
}

/** The mailboxes the installation sends as through Microsoft Graph (Mail Settings, TM Exchange SMTP). */
function sendingMailboxes(view: ManifestView, sections: readonly MailSection[], scrubber: Scrubber): Senders {
  const mailboxes: Array<{ value: string; pointer: string }> = [];
  const unusable: string[] = [];
  let eachUser = false;
  const add = (pointer: string, raw: string | undefined): void => {
    if (raw === undefined || raw.trim() === '') return;
    const r = gated(pointer, raw, scrubber, '<MAILBOX>');
    if (!r.ok) {
      // a field not filled in or left a placeholder names no mailbox (lint reports it); one that cannot be written is a gap
      if (r.absence === 'unfit') unusable.push(r.why);
      return;
    }
    if (!OPATH_SAFE.test(r.value)) {
      unusable.push(`${title(pointer)} holds characters that a recipient filter cannot take safely`);
      return;
    }
    if (!mailboxes.some((m) => m.value.toLowerCase() === r.value.toLowerCase())) mailboxes.push({ value: r.value, pointer });
  };
  for (const section of sections) {
    if (section.channel !== 'graph' || !section.oauthApplies) continue;
    const serverPointer = section.pointer(section.serverKey);
    const url = analyzeGraphUrl(section.server ?? '');
    if (url.mailbox !== undefined && url.placeholder) {
      if (section.id === 'mailSettings' && url.mailbox === '{0}') eachUser = true;
    } else if (url.mailbox !== undefined && url.problem === undefined) {
      add(serverPointer, decodeMailbox(url.mailbox));
    }
    if (section.id === 'mailSettings') {
      if (section.oauth2?.useAddressFromUser === true) eachUser = true;
      add(section.tabPointer('userName'), section.oauth2?.userName);
    } else {
      add('/exchange/smtp/senderAddress', view.exchange?.smtp?.senderAddress);
      add(section.tabPointer('userName'), section.oauth2?.userName);
    }
  }
  return { mailboxes, unusable, eachUser };
}

// ---------------------------------------------------------------------------------------------
// The script

interface BuildInput {
  readonly view: ManifestView;
  /** The secret values the document holds (lint collects them): nothing of them reaches the script. */
  readonly secrets: ReadonlySet<string>;
  readonly filePath: string;
  readonly installation: string | null;
  readonly lint: DocumentResult;
  readonly policy: boolean;
  readonly displayName: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function build(input: BuildInput, pop3: MailSection, sections: readonly MailSection[]): { text: string; placeholders: readonly string[] } {
  const { view } = input;
  const scrubber = new Scrubber(input.secrets);
  const v = readValues(view, sections, pop3, scrubber);
  const s = new ScriptText();
  const name = input.installation === null ? 'this installation' : input.installation;

  // ---- header
  s.comment(
    `Exchange Online PowerShell for ${name} (${input.filePath}), written by tmcheck grant-script.`,
    '',
    "It lets TM Exchange download replication mail from the installation's POP3 mailbox with OAuth2: the guide's",
    'last chapter, "How to grant TM Master (TM Exchange) access to download emails from an account", in the form',
    'Exchange Online takes today. Run it as an Exchange administrator one step at a time, and read each answer.',
    'It needs no secret and holds none.',
  );
  const lint = input.lint;
  if (lint.errorCount > 0 || lint.warningCount > 0) {
    s.comment(
      `tmcheck lint reports ${plural(lint.errorCount, 'error')} and ${plural(lint.warningCount, 'warning')} for this installation:`,
      `fix those too (tmcheck lint ${input.filePath}).`,
    );
  }

  // ---- step 1: connect
  s.blank();
  s.comment(
    'Step 1. Connect to Exchange Online.',
    '   Connect-ExchangeOnline comes with the ExchangeOnlineManagement module (version 3). The guide\'s',
    '   Connect-EXOPSSession belonged to the retired V1 module and no longer connects. Azure Cloud Shell has the',
    '   module; elsewhere install it once: Install-Module -Name ExchangeOnlineManagement -Scope CurrentUser',
  );
  s.command('Import-Module', 'ExchangeOnlineManagement');
  const cloud = sectionCloud(pop3);
  if (cloud !== undefined && cloud !== 'global') {
    const env = ENVIRONMENTS[cloud];
    s.comment(`   The POP3 server is in ${env.cloud}: connect to that cloud's Exchange Online.`);
    s.command('Connect-ExchangeOnline', '-ExchangeEnvironmentName', env.name);
  } else {
    s.command('Connect-ExchangeOnline');
  }
  if (v.tenant.id !== undefined) {
    s.comment(`   Check that this is the installation's tenant: TenantID must be ${v.tenant.id} (${v.tenant.from}).`);
  } else {
    s.comment("   Check that this is the tenant of TM Master's app registration (the manifest gives no tenant ID).");
  }
  if (v.tenant.note !== undefined) s.comment(`   ${v.tenant.note}.`);
  s.command('Get-ConnectionInformation', '|', 'Format-List', 'UserPrincipalName,', 'TenantID');

  // ---- step 2: New-ServicePrincipal
  s.blank();
  s.comment(
    "Step 2. Register TM Master's app in Exchange Online (once per tenant: if step 3 already lists it, skip this step).",
    `   -AppId is the Application (client) ID (${title('/azure/applicationId')}, the Client ID of every OAuth2 tab).`,
    '   -ObjectId is the Object ID of the Enterprise application (Enterprise applications > TMMaster > Overview),',
    "   NOT the Object ID on the App registration's Overview page: registered with that one, the app is refused and",
    '   POP3 sign-in fails with "-ERR Authentication failure". The guide writes -ServiceId: the old name of -ObjectId,',
    "   renamed in 2023. The guide's -Organization <ORGANIZATION_ID> is left out: it is for Microsoft's internal use.",
  );
  if (!v.appId.ok) s.comment(`   ${v.appId.placeholder}: ${v.appId.why}.`);
  if (!v.objectId.ok) s.comment(`   ${v.objectId.placeholder}: ${v.objectId.why}.`);
  s.command('New-ServicePrincipal', '-AppId', v.appId, '-ObjectId', v.objectId, '-DisplayName', known(input.displayName));

  // ---- step 3: Get-ServicePrincipal
  s.blank();
  s.comment(
    'Step 3. Check the registration and read its Identity, which step 4 grants access to (the guide: Get-ServicePrincipal | fl).',
    '   AppId and ObjectId must be those of step 2. Another ObjectId means the app was registered with the wrong',
    '   Object ID: remove it (Remove-ServicePrincipal -Identity <its Identity>) and run step 2 again.',
  );
  s.command('$servicePrincipal', '=', 'Get-ServicePrincipal', '-Identity', v.appId);
  s.command('$servicePrincipal', '|', 'Format-List', 'DisplayName,', 'AppId,', 'ObjectId,', 'Identity');
  let user: string;
  if (v.servicePrincipalId !== undefined) {
    s.comment(
      `   The manifest records the service principal ID ${v.servicePrincipalId} (${title('/azure/exchangeOnline/servicePrincipalId')}):`,
      '   Identity should be that one. If it lists another, put that one in the steps below instead, and correct the manifest.',
    );
    user = psQuote(v.servicePrincipalId);
  } else {
    s.comment(
      v.servicePrincipalNote !== undefined
        ? `   ${v.servicePrincipalNote}: the steps below use the Identity read here.`
        : `   The manifest gives no service principal ID (${title('/azure/exchangeOnline/servicePrincipalId')}): the steps below use the Identity read here.`,
      '   Record it in the manifest afterwards, so that tmcheck lint can check the grant.',
    );
    user = '$servicePrincipal.Identity';
  }

  // ---- step 4: Add-MailboxPermission
  s.blank();
  s.comment(
    `Step 4. Give the app FullAccess to the mailbox TM Exchange downloads from (${title(pop3.tabPointer('userName'))}).`,
    '   Signing in to POP3 as an app needs, besides the POP.AccessAsApp permission, this grant on each mailbox it reads.',
    '   The mailboxes that only send get none: TM Master and TM Exchange send through Microsoft Graph (sendMail), which',
    '   the Mail.Send application permission allows without any mailbox permission.',
    '   (Test-ServicePrincipalAuthorization checks RBAC for Applications roles, not mailbox permissions: it belongs to --policy.)',
  );
  if (!v.mailbox.ok) s.comment(`   ${v.mailbox.placeholder}: ${v.mailbox.why}.`);
  if (v.mailboxNote !== undefined) s.comment(`   ${v.mailboxNote}.`);
  if (v.granted) {
    s.comment(`   The manifest records this grant (${title('/azure/exchangeOnline/mailboxPermissions')}): run again, it only warns that it exists.`);
  }
  s.command('Add-MailboxPermission', '-Identity', v.mailbox, '-User', user, '-AccessRights', 'FullAccess');
  s.comment('   Check: the app must be listed with FullAccess.');
  s.command('Get-MailboxPermission', '-Identity', v.mailbox, '|', 'Format-Table', 'User,', 'AccessRights,', 'IsInherited');

  // ---- step 5: POP3 on for the mailbox
  s.blank();
  s.comment('Step 5. Check that POP3 is on for the mailbox: PopEnabled must be True.');
  s.command('Get-CASMailbox', '-Identity', v.mailbox, '|', 'Format-List', 'PopEnabled');
  s.comment('   If it is False, turn it on:');
  s.comment(`   Set-CASMailbox -Identity ${v.mailbox.ok ? psQuote(v.mailbox.value) : v.mailbox.placeholder} -PopEnabled $true`);

  // ---- step 6: RBAC for Applications
  s.blank();
  if (!input.policy) {
    s.comment(
      'To also limit the mailboxes the app may send as (its Mail.Send permission covers every mailbox of the tenant),',
      'run tmcheck grant-script with --policy: it adds a step with RBAC for Applications.',
    );
    return { text: s.toString(), placeholders: s.placeholders };
  }
  const senders = sendingMailboxes(view, sections, scrubber);
  s.comment(
    'Step 6. Limit the mailboxes the app may send as, with RBAC for Applications (--policy).',
    "   The Mail.Send application permission lets the app send as any mailbox of the tenant. A role assignment of",
    '   "Application Mail.Send" limited to a management scope grants it for the scope\'s mailboxes only. RBAC for',
    '   Applications replaces application access policies (New-ApplicationAccessPolicy), which Microsoft is retiring.',
    "   It covers Microsoft Graph, not POP3: step 4's mailbox permission already limits POP3 to the mailboxes granted.",
    '   Exchange adds these grants to those of Entra ID: the scope limits nothing while Mail.Send (Application) stays',
    '   consented under App registrations > TMMaster > API permissions. Once the test below shows every sending mailbox',
    '   InScope, remove Mail.Send there (keep POP.AccessAsApp).',
    '   The app is registered once per tenant: put the sending mailboxes of every installation that uses it in the',
    '   one scope (Set-ManagementScope changes the filter of a scope that exists).',
  );
  if (senders.eachUser) {
    s.comment(
      '   Mail Settings sends as each TM Master user ({0} in SMTP Server, or Use Address from User): their mailboxes',
      '   must be in the scope too, or their mail is refused (ErrorAccessDenied). Add their addresses to the filter.',
    );
  }
  for (const why of senders.unusable) s.comment(`   ${why}: add that mailbox to the filter by hand.`);
  let filter: Resolved;
  if (senders.unusable.length > 0) {
    filter = unknown('<RECIPIENT_FILTER>', "a mailbox that sends cannot be written into the filter (above); write the filter as PrimarySmtpAddress -eq 'mailbox@example.com' -or ...");
  } else if (senders.mailboxes.length === 0) {
    filter = unknown('<RECIPIENT_FILTER>', "the manifest names no mailbox that sends; write the filter as PrimarySmtpAddress -eq 'mailbox@example.com' -or ...");
  } else {
    filter = known(senders.mailboxes.map((m) => `PrimarySmtpAddress -eq '${m.value}'`).join(' -or '));
    s.comment(
      '   The scope holds the mailboxes the installation sends as:',
      ...senders.mailboxes.map((m) => `     ${m.value} (${title(m.pointer)})`),
      '   A mailbox that sends under another address than its primary SMTP address needs that address here.',
    );
  }
  if (!filter.ok) s.comment(`   ${filter.placeholder}: ${filter.why}.`);
  s.command('New-ManagementScope', '-Name', known(SCOPE_NAME), '-RecipientRestrictionFilter', filter);
  s.command('New-ManagementRoleAssignment', '-App', user, '-Role', known('Application Mail.Send'), '-CustomResourceScope', known(SCOPE_NAME));
  s.comment('   Test: each sending mailbox must show the role Application Mail.Send with InScope True (a change can take a while to apply).');
  const tested = senders.mailboxes.length > 0 && senders.unusable.length === 0 ? senders.mailboxes.map((m) => known(m.value)) : [unknown('<SENDING_MAILBOX>', 'a mailbox the app sends as')];
  for (const mailbox of tested) {
    s.command('Test-ServicePrincipalAuthorization', '-Identity', user, '-Resource', mailbox, '|', 'Format-Table');
  }
  return { text: s.toString(), placeholders: s.placeholders };
}

// ---------------------------------------------------------------------------------------------
// Reading the manifest through the linter

function checkDisplayName(name: string | undefined): string {
  if (name === undefined) return DEFAULT_DISPLAY_NAME;
  if (name.trim() === '' || hasControls(name)) {
    throw new GrantScriptError(
      `the display name must be text on one line, such as --display-name ${DEFAULT_DISPLAY_NAME}; received ${JSON.stringify(escapeControls(name))}`,
      { problem: 'display-name' },
    );
  }
  return name;
}

/** Lints a manifest's bytes, and writes the script of the document chosen. */
function fromBytes(bytes: Uint8Array, input: { readonly filePath: string; readonly json: boolean }, options: GrantScriptOptions, linter: Linter): GrantScript {
  const displayName = checkDisplayName(options.displayName);
  return choose(linter.inspectBytes(bytes, input), input.filePath, options, displayName);
}

function describe(r: DocumentResult): string {
  return r.installation === null ? `document ${r.document}` : `document ${r.document} (${escapeControls(r.installation)})`;
}

function choose(documents: readonly InspectedDocument[], filePath: string, options: GrantScriptOptions, displayName: string): GrantScript {
  const results = documents.map((d) => d.result);
  const shownPath = escapeControls(results[0]?.filePath ?? filePath);
  let chosen: InspectedDocument | undefined;
  if (options.document !== undefined) {
    chosen = documents.find((d) => d.result.document === options.document);
    if (!chosen) {
      throw new GrantScriptError(
        `${shownPath} has no document ${options.document}; it holds ${results.map(describe).join(', ')}`,
        { problem: 'no-document', filePath, documents: results.map((r) => r.document) },
      );
    }
  } else if (results.length > 1) {
    throw new GrantScriptError(
      `${shownPath} holds ${results.length} installations: ${results.map(describe).join(', ')}; ` +
        `choose one with --document N, such as --document ${results[0]?.document ?? 0}`,
      { problem: 'documents', filePath, documents: results.map((r) => r.document) },
    );
  } else {
    chosen = documents[0];
  }
  if (!chosen) throw new GrantScriptError(`${shownPath} holds no manifest`, { problem: 'not-a-manifest', filePath });
  const { result: lint, view, sections } = chosen;

  const parse = lint.messages.find((m) => m.ruleId === 'parse');
  if (parse) {
    throw new GrantScriptError(
      `${escapeControls(lint.filePath)} cannot be read as a manifest, so no script can be written: ${escapeControls(parse.message)} ` +
        `(line ${parse.line}, column ${parse.column}); tmcheck lint ${escapeControls(lint.filePath)} shows it`,
      { problem: 'not-a-manifest', filePath },
    );
  }
  if (lint.messages.some((m) => m.ruleId === 'schema' && m.messageId === 'noManifest')) {
    throw new GrantScriptError(`${escapeControls(lint.filePath)} holds no manifest: it is empty, or only comments`, { problem: 'not-a-manifest', filePath });
  }
  const where = `${escapeControls(lint.filePath)}${results.length > 1 ? ` (${describe(lint)})` : ''}`;
  if (!view) {
    throw new GrantScriptError(`${where} is not a manifest: its document is not a mapping of fields (tmcheck lint ${escapeControls(lint.filePath)} says more)`, {
      problem: 'not-a-manifest',
      filePath,
    });
  }
  const pop3 = sections.find((sec) => sec.channel === 'pop3');
  if (!pop3) {
    throw new GrantScriptError(
      `${where} has no TM Exchange POP3 settings (exchange.pop3): TM Exchange downloads from no mailbox there, so no mailbox ` +
        'needs a grant. Sending through Microsoft Graph needs only the Mail.Send application permission, with admin consent',
      { problem: 'no-pop3', filePath },
    );
  }
  if (!pop3.oauthApplies) {
    throw new GrantScriptError(
      `${where}: TM Exchange POP3 does not sign in to Exchange Online with OAuth2 (its server is not Microsoft 365's, and Use OAuth2 ` +
        "is not ticked), so there is no app to give mailbox access to. For Exchange Online, set Server to outlook.office365.com and tick Use OAuth2",
      { problem: 'not-oauth2', filePath },
    );
  }
  const built = build(
    { view, secrets: chosen.secrets, filePath: escapeControls(lint.filePath), installation: lint.installation === null ? null : escapeControls(lint.installation), lint, policy: options.policy ?? false, displayName },
    pop3,
    sections,
  );
  return { filePath: lint.filePath, document: lint.document, installation: lint.installation, text: built.text, placeholders: built.placeholders, lint };
}

function linterFor(options: GrantScriptOptions): Linter {
  return createLinter({
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
  });
}

/** Reads a stream to its end, or until it holds more than `max` bytes. */
async function readAll(stream: AsyncIterable<Uint8Array | string>, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.from(chunk);
    chunks.push(buffer);
    size += buffer.length;
    if (size > max) break;
  }
  return Buffer.concat(chunks);
}

/**
 * The grant script of the installation in a manifest file (`-`: standard input). Throws a
 * GrantScriptError (a UsageError) when no script can be written: the file does not parse, holds
 * several installations and none is chosen, or has no TM Exchange POP3 on OAuth2.
 */
export async function grantScript(path: string, options: GrantScriptOptions = {}): Promise<GrantScript> {
  const cwd = options.cwd ?? process.cwd();
  checkDisplayName(options.displayName);
  if (path === '-') {
    if (!options.stdin) throw new StdinError('standard input (-) is not available here', { empty: true });
    let bytes: Uint8Array;
    try {
      bytes = await readAll(options.stdin, DEFAULT_LIMITS.maxBytes + 1);
    } catch (error) {
      throw new StdinError(`cannot read standard input: ${describeFsError(error)}`, { empty: false });
    }
    if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
      throw new StdinError('standard input is empty: pipe a manifest in, such as tmcheck grant-script - < nordic-star.yaml', { empty: true });
    }
    return fromBytes(bytes, { filePath: '<stdin>', json: false }, options, linterFor({ ...options, cwd }));
  }
  let folder = false;
  try {
    folder = statSync(resolve(cwd, path)).isDirectory();
  } catch {
    // walkPaths words a missing path (and a Windows path typed with backslashes)
  }
  if (folder) {
    throw new GrantScriptError(
      `${escapeControls(path)} is a folder: grant-script writes the script of one installation; name its manifest, such as ${escapeControls(join(path, 'nordic-star.yaml'))}`,
      { problem: 'folder', filePath: path },
    );
  }
  const step = walkPaths([path], { cwd }).next();
  if (step.done) throw new GrantScriptError(`${escapeControls(path)}: not a manifest file`, { problem: 'unreadable', filePath: path });
  const file = readCandidate(step.value, DEFAULT_LIMITS.maxBytes);
  if (!file || file.bytes === undefined) {
    throw new GrantScriptError(`${escapeControls(path)}: ${file?.readError ?? 'the file cannot be read'}`, { problem: 'unreadable', filePath: path });
  }
  return fromBytes(file.bytes, { filePath: file.filePath, json: file.json }, options, linterFor({ ...options, cwd }));
}

/** The grant script of a manifest's text (for tests and the interactive checker); `filePath` decides the config that applies. */
export function grantScriptForText(text: string, options: GrantScriptOptions & { readonly filePath?: string; readonly json?: boolean } = {}): GrantScript {
  const filePath = options.filePath ?? 'manifest.yaml';
  return fromBytes(Buffer.from(text, 'utf8'), { filePath, json: options.json ?? false }, options, linterFor(options));
}
