/**
 * The three places the guide configures mail, as the probe reads them from a loaded manifest document:
 * each section's server, port, SSL box and OAuth2 tab, typed; a field of the wrong type is absent (lint's
 * `schema` rule reports it). Fields are named by the field catalog (fieldTitle), never typed again here.
 */
import { fieldInfo, fieldTitle } from '@tmcheck/schemas';

export type SectionId = 'mailSettings' | 'exchangeSmtp' | 'exchangePop3';
export type Channel = 'graph' | 'pop3';
export type TabField = 'useOAuth2' | 'tokenUrl' | 'scope' | 'userName' | 'clientId' | 'clientSecret';

export interface OAuth2Tab {
  readonly useOAuth2?: boolean;
  readonly tokenUrl?: string;
  readonly scope?: string;
  readonly userName?: string;
  readonly clientId?: string;
  /** As written (a reference, a literal, or a value of another type): resolved by references.ts. */
  readonly clientSecret?: unknown;
}

export interface ProbeSection {
  readonly id: SectionId;
  /** As the catalog names it: "Mail Settings", "TM Exchange SMTP", "TM Exchange POP3". */
  readonly name: string;
  /** JSON Pointer of the section. */
  readonly base: string;
  readonly channel: Channel;
  readonly serverKey: 'smtpServer' | 'server';
  readonly sslKey: 'smtpEnableSsl' | 'useSsl';
  readonly server?: string;
  /** The port as a whole number; `portWritten` tells whether anything was written there. */
  readonly port?: number;
  readonly portWritten: boolean;
  readonly ssl?: boolean;
  readonly oauth2?: OAuth2Tab;
  pointer(field: string): string;
  tabPointer(field: TabField): string;
}

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

type Data = Readonly<Record<string, unknown>>;

function record(value: unknown): Data | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

const PLACES = [
  { id: 'mailSettings', base: '/mailSettings', channel: 'graph', serverKey: 'smtpServer', sslKey: 'smtpEnableSsl', portKey: 'smtpPort', path: ['mailSettings'] },
  { id: 'exchangeSmtp', base: '/exchange/smtp', channel: 'graph', serverKey: 'server', sslKey: 'useSsl', portKey: 'port', path: ['exchange', 'smtp'] },
  { id: 'exchangePop3', base: '/exchange/pop3', channel: 'pop3', serverKey: 'server', sslKey: 'useSsl', portKey: 'port', path: ['exchange', 'pop3'] },
] as const;

/** The catalog's name of each section, in the guide's order. */
export const SECTION_NAMES: readonly string[] = PLACES.map((p) => fieldInfo(p.base)?.section ?? p.base);

/** The mail sections of a manifest document, in the guide's order. */
export function sectionsOf(data: unknown): ProbeSection[] {
  const out: ProbeSection[] = [];
  for (const place of PLACES) {
    let node: Data | undefined = record(data);
    for (const key of place.path) node = record(node?.[key]);
    if (!node) continue;
    const tab = record(node['oauth2']);
    const port = node[place.portKey];
    const base = place.base;
    out.push({
      id: place.id,
      name: fieldInfo(base)?.section ?? base,
      base,
      channel: place.channel,
      serverKey: place.serverKey,
      sslKey: place.sslKey,
      ...(text(node[place.serverKey]) !== undefined ? { server: text(node[place.serverKey]) } : {}),
      ...(typeof port === 'number' && Number.isInteger(port) ? { port } : {}),
      portWritten: port !== undefined && port !== null,
      ...(flag(node[place.sslKey]) !== undefined ? { ssl: flag(node[place.sslKey]) } : {}),
      ...(tab
        ? {
            oauth2: {
              useOAuth2: flag(tab['useOAuth2']),
              tokenUrl: text(tab['tokenUrl']),
              scope: text(tab['scope']),
              userName: text(tab['userName']),
              clientId: text(tab['clientId']),
              clientSecret: tab['clientSecret'],
            },
          }
        : {}),
      pointer: (field) => `${base}/${field}`,
      tabPointer: (field) => `${base}/oauth2/${field}`,
    });
  }
  return out;
}

/** A section chosen by name: the catalog's ("TM Exchange POP3"), its ID, or a short form ("pop3", "smtp"). */
export function sectionIdFor(name: string): SectionId | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'mailsettings' || key === 'mail') return 'mailSettings';
  if (key === 'tmexchangesmtp' || key === 'exchangesmtp' || key === 'smtp') return 'exchangeSmtp';
  if (key === 'tmexchangepop3' || key === 'exchangepop3' || key === 'pop3' || key === 'pop') return 'exchangePop3';
  return undefined;
}

/** The name the catalog gives a section. */
export function sectionName(id: SectionId): string {
  const place = PLACES.find((p) => p.id === id);
  return place ? (fieldInfo(place.base)?.section ?? place.base) : id;
}

/** The title of a field: "TM Exchange POP3 > OAuth2 > Scope". */
export function titleOf(pointer: string): string {
  return fieldTitle(pointer) ?? pointer;
}

export function azureFacts(data: unknown): AzureFacts {
  const azure = record(record(data)?.['azure']);
  const exchange = record(azure?.['exchangeOnline']);
  const grants = exchange?.['mailboxPermissions'];
  const secrets = azure?.['clientSecrets'];
  return {
    ...(text(azure?.['tenantId']) !== undefined ? { tenantId: text(azure?.['tenantId']) } : {}),
    ...(text(azure?.['applicationId']) !== undefined ? { applicationId: text(azure?.['applicationId']) } : {}),
    ...(text(azure?.['objectId']) !== undefined ? { objectId: text(azure?.['objectId']) } : {}),
    ...(text(exchange?.['servicePrincipalId']) !== undefined ? { servicePrincipalId: text(exchange?.['servicePrincipalId']) } : {}),
    secretIds: Array.isArray(secrets) ? secrets.map((s) => text(record(s)?.['secretId'])).filter((s): s is string => s !== undefined) : [],
    ...(Array.isArray(grants)
      ? {
          mailboxPermissions: grants
            .map((g) => record(g))
            .filter((g): g is Data => g !== undefined && typeof g['mailbox'] === 'string')
            .map((g) => ({
              mailbox: String(g['mailbox']).trim().toLowerCase(),
              accessRights: Array.isArray(g['accessRights']) ? g['accessRights'].map(String) : typeof g['accessRights'] === 'string' ? [g['accessRights']] : [],
            })),
        }
      : {}),
  };
}
