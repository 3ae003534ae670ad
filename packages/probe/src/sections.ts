/**
 * The probe's side of the mail sections: choosing one by name (--section), and what the manifest records of
 * the Microsoft side, for ordering likely causes. The sections themselves are lint's (mailSections of the
 * document's typed view): a field of the wrong type is absent there, and lint's `schema` rule reports it.
 */
import type { ManifestView, MailSection, SectionId } from '@tmcheck/lint';
import { fieldInfo, fieldTitle } from '@tmcheck/schemas';

/** What the manifest records of the Microsoft side (Azure), for ordering likely causes. */
export interface AzureFacts {
  readonly tenantId?: string;
  readonly applicationId?: string;
  readonly objectId?: string;
  readonly servicePrincipalId?: string;
  readonly secretIds: readonly string[];
  /** Mailboxes granted with Add-MailboxPermission, lower case, with their access rights; undefined when not recorded. */
  readonly mailboxPermissions?: ReadonlyArray<{ readonly mailbox: string; readonly accessRights: readonly string[] }>;
}

/** Where each section is, in the guide's order (its name is the catalog's). */
const BASES: Readonly<Record<SectionId, string>> = { mailSettings: '/mailSettings', exchangeSmtp: '/exchange/smtp', exchangePop3: '/exchange/pop3' };

/** The name the catalog gives a section: "Mail Settings", "TM Exchange SMTP", "TM Exchange POP3". */
export function sectionName(id: SectionId): string {
  return fieldInfo(BASES[id])?.section ?? BASES[id];
}

/** The catalog's name of each section, in the guide's order. */
export const SECTION_NAMES: readonly string[] = (Object.keys(BASES) as SectionId[]).map(sectionName);

/** A section chosen by name: the catalog's ("TM Exchange POP3"), its ID, or a short form ("pop3", "smtp"). */
export function sectionIdFor(name: string): SectionId | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'mailsettings' || key === 'mail') return 'mailSettings';
  if (key === 'tmexchangesmtp' || key === 'exchangesmtp' || key === 'smtp') return 'exchangeSmtp';
  if (key === 'tmexchangepop3' || key === 'exchangepop3' || key === 'pop3' || key === 'pop') return 'exchangePop3';
  return undefined;
}

/** The title of a field: "TM Exchange POP3 > OAuth2 > Scope". */
export function titleOf(pointer: string): string {
  return fieldTitle(pointer) ?? pointer;
}

/** The port field of a section (Mail Settings calls it smtpPort). */
export function portPointer(section: MailSection): string {
  return section.pointer(section.id === 'mailSettings' ? 'smtpPort' : 'port');
}

/** What the view records of the Microsoft side. */
export function azureFacts(view: ManifestView): AzureFacts {
  const azure = view.azure;
  const exchange = azure?.exchangeOnline;
  const grants = exchange?.mailboxPermissions;
  return {
    ...(azure?.tenantId !== undefined ? { tenantId: azure.tenantId } : {}),
    ...(azure?.applicationId !== undefined ? { applicationId: azure.applicationId } : {}),
    ...(azure?.objectId !== undefined ? { objectId: azure.objectId } : {}),
    ...(exchange?.servicePrincipalId !== undefined ? { servicePrincipalId: exchange.servicePrincipalId } : {}),
    secretIds: (azure?.clientSecrets ?? []).map((s) => s?.secretId).filter((s): s is string => s !== undefined),
    ...(grants !== undefined
      ? {
          mailboxPermissions: grants.flatMap((g) =>
            g?.mailbox === undefined
              ? []
              : [{ mailbox: g.mailbox.trim().toLowerCase(), accessRights: (g.accessRights ?? []).filter((r): r is string => r !== undefined) }],
          ),
        }
      : {}),
  };
}
