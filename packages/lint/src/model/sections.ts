import { bool, isObj, obj, str, type Obj } from './access.js';
import { hostInfo, isMicrosoftHost, serverHost, type Cloud } from './microsoft.js';

export type Channel = 'graph' | 'pop3';
export type SectionId = 'mailSettings' | 'exchangeSmtp' | 'exchangePop3';

/** One of the three places the guide asks for a server and an OAuth2 tab. */
export interface MailSection {
  readonly id: SectionId;
  /** The dialog, in TM Master's words: "Mail Settings", "TM Exchange SMTP", "TM Exchange POP3". */
  readonly label: string;
  /** JSON Pointer of the section. */
  readonly base: string;
  readonly channel: Channel;
  /** Name of the server field and of the SSL box in this section. */
  readonly serverKey: 'smtpServer' | 'server';
  readonly sslKey: 'smtpEnableSsl' | 'useSsl';
  readonly raw: Obj;
  readonly server: string | undefined;
  readonly host: string | undefined;
  /** The OAuth2 tab, when written. */
  readonly oauth2: Obj | undefined;
  readonly useOAuth2: boolean;
  /** The server is a Microsoft 365 endpoint (Graph, Exchange Online, SMTP AUTH, in any cloud). */
  readonly microsoft: boolean;
  /** OAuth2 rules apply: the server is Microsoft 365 or "Use OAuth2" is ticked. */
  readonly oauthApplies: boolean;
  /**
   * Missing OAuth2 fields are reported: "Use OAuth2" is ticked, or the tab is filled in (a field besides
   * useOAuth2) for a Microsoft 365 server. A bare `oauth2: { useOAuth2: false }` is oauth2/disabled's one finding.
   */
  readonly reportMissing: boolean;
  /** JSON Pointer of a field of the section. */
  pointer(field: string): string;
  /** JSON Pointer of a field of the section's OAuth2 tab. */
  tabPointer(field: string): string;
  /** A string field of the OAuth2 tab. */
  tab(field: string): string | undefined;
}

/** The cloud a host of this section belongs to, if Microsoft's. */
export function sectionCloud(section: MailSection): Cloud | undefined {
  return hostInfo(section.host)?.cloud;
}

function section(
  id: SectionId,
  label: string,
  base: string,
  channel: Channel,
  serverKey: 'smtpServer' | 'server',
  sslKey: 'smtpEnableSsl' | 'useSsl',
  raw: Obj,
): MailSection {
  const server = str(raw, serverKey);
  const host = serverHost(server);
  const oauth2 = obj(raw, 'oauth2');
  const useOAuth2 = bool(oauth2, 'useOAuth2') === true;
  const microsoft = isMicrosoftHost(host);
  return {
    id,
    label,
    base,
    channel,
    serverKey,
    sslKey,
    raw,
    server,
    host,
    oauth2,
    useOAuth2,
    microsoft,
    oauthApplies: useOAuth2 || microsoft,
    reportMissing: useOAuth2 || (microsoft && oauth2 !== undefined && Object.keys(oauth2).some((k) => k !== 'useOAuth2')),
    pointer: (field) => `${base}/${field}`,
    tabPointer: (field) => `${base}/oauth2/${field}`,
    tab: (field) => str(oauth2, field),
  };
}

/** The mail sections a manifest has, in the order of the guide. */
export function mailSections(manifest: unknown): MailSection[] {
  const out: MailSection[] = [];
  const mail = obj(manifest, 'mailSettings');
  if (mail) out.push(section('mailSettings', 'Mail Settings', '/mailSettings', 'graph', 'smtpServer', 'smtpEnableSsl', mail));
  const exchange = obj(manifest, 'exchange');
  const smtp = obj(exchange, 'smtp');
  if (smtp) out.push(section('exchangeSmtp', 'TM Exchange SMTP', '/exchange/smtp', 'graph', 'server', 'useSsl', smtp));
  const pop3 = obj(exchange, 'pop3');
  if (pop3) out.push(section('exchangePop3', 'TM Exchange POP3', '/exchange/pop3', 'pop3', 'server', 'useSsl', pop3));
  return out;
}

export function isManifestObject(value: unknown): value is Obj {
  return isObj(value);
}
