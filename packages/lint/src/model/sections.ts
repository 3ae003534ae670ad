import { fieldInfo } from '@tmcheck/schemas';
import { hostInfo, isMicrosoftHost, serverHost, type Cloud } from './microsoft.js';
import type { BasicAuthView, ManifestView, MailSettingsOAuth2TabView, OAuth2TabView } from './view.js';

export type Channel = 'graph' | 'pop3';
export type SectionId = 'mailSettings' | 'exchangeSmtp' | 'exchangePop3';

/** The fields of an OAuth2 tab (Mail Settings' tab also has useAddressFromUser). */
export type TabField = 'useOAuth2' | 'tokenUrl' | 'scope' | 'userName' | 'clientId' | 'clientSecret';

/** One of the three places the guide asks for a server and an OAuth2 tab. */
export interface MailSection {
  readonly id: SectionId;
  /** The section as the catalog names it: "Mail Settings", "TM Exchange SMTP", "TM Exchange POP3". */
  readonly label: string;
  /** JSON Pointer of the section. */
  readonly base: string;
  readonly channel: Channel;
  /** Name of the server field and of the SSL box in this section. */
  readonly serverKey: 'smtpServer' | 'server';
  readonly sslKey: 'smtpEnableSsl' | 'useSsl';
  /** The server as written (text), when it is. */
  readonly server: string | undefined;
  readonly host: string | undefined;
  /** The SSL box, when written as true or false. */
  readonly ssl: boolean | undefined;
  /** The port, when written as a whole number (`smtpPort` or `port`). */
  readonly port: number | undefined;
  readonly basicAuth: BasicAuthView | undefined;
  /** The OAuth2 tab, when written as a section. */
  readonly oauth2: (OAuth2TabView & Partial<Pick<MailSettingsOAuth2TabView, 'useAddressFromUser'>>) | undefined;
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
  tabPointer(field: TabField | 'useAddressFromUser'): string;
}

/** The cloud a host of this section belongs to, if Microsoft's. */
export function sectionCloud(section: MailSection): Cloud | undefined {
  return hostInfo(section.host)?.cloud;
}

interface SectionInput {
  readonly server?: string;
  readonly ssl?: boolean;
  readonly port?: number;
  readonly basicAuth?: BasicAuthView;
  readonly oauth2?: MailSection['oauth2'];
}

function section(
  id: SectionId,
  base: string,
  channel: Channel,
  serverKey: 'smtpServer' | 'server',
  sslKey: 'smtpEnableSsl' | 'useSsl',
  input: SectionInput,
): MailSection {
  const server = input.server;
  const host = serverHost(server);
  const oauth2 = input.oauth2;
  const useOAuth2 = oauth2?.useOAuth2 === true;
  const microsoft = isMicrosoftHost(host);
  return {
    id,
    label: fieldInfo(base)?.section ?? base,
    base,
    channel,
    serverKey,
    sslKey,
    server,
    host,
    ssl: input.ssl,
    port: input.port,
    basicAuth: input.basicAuth,
    oauth2,
    useOAuth2,
    microsoft,
    oauthApplies: useOAuth2 || microsoft,
    reportMissing: useOAuth2 || (microsoft && oauth2 !== undefined && Object.keys(oauth2).some((k) => k !== 'useOAuth2')),
    pointer: (field) => `${base}/${field}`,
    tabPointer: (field) => `${base}/oauth2/${field}`,
  };
}

/** The three places, in the order of the guide: how each names its server, SSL box and port. */
const PLACES = [
  { id: 'mailSettings', base: '/mailSettings', channel: 'graph', serverKey: 'smtpServer', sslKey: 'smtpEnableSsl', portKey: 'smtpPort' },
  { id: 'exchangeSmtp', base: '/exchange/smtp', channel: 'graph', serverKey: 'server', sslKey: 'useSsl', portKey: 'port' },
  { id: 'exchangePop3', base: '/exchange/pop3', channel: 'pop3', serverKey: 'server', sslKey: 'useSsl', portKey: 'port' },
] as const;

/** The mail sections a manifest has, in the order of the guide. */
export function mailSections(manifest: ManifestView): MailSection[] {
  const out: MailSection[] = [];
  for (const place of PLACES) {
    const view = place.id === 'mailSettings' ? manifest.mailSettings : place.id === 'exchangeSmtp' ? manifest.exchange?.smtp : manifest.exchange?.pop3;
    if (!view) continue;
    const fields = view as Readonly<Record<string, unknown>>;
    out.push(
      section(place.id, place.base, place.channel, place.serverKey, place.sslKey, {
        server: fields[place.serverKey] as string | undefined,
        ssl: fields[place.sslKey] as boolean | undefined,
        port: fields[place.portKey] as number | undefined,
        basicAuth: view.basicAuth,
        oauth2: view.oauth2,
      }),
    );
  }
  return out;
}
