/**
 * What the probe knows of Microsoft's side (shared/reference/microsoft-365.md): the audiences a token for
 * each channel carries, in every national cloud; the scope each channel needs; the tenant a Token URL names.
 */
import type { Channel } from '@tmcheck/lint';

export function isEmail(text: string | undefined): boolean {
  return text !== undefined && text.length <= 320 && /^[^\s@<>()"',;:]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(text.trim());
}

/** Microsoft's first-party app IDs, the audiences' GUID forms (the same in every cloud). */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

interface Cloud {
  readonly name: string;
  readonly authorities: readonly string[];
  readonly graph: readonly string[];
  readonly exchange: readonly string[];
}

/** Graph and Exchange Online per cloud; GCC High and DoD share their sign-in server. */
const CLOUDS: readonly Cloud[] = [
  { name: 'global', authorities: ['login.microsoftonline.com'], graph: ['graph.microsoft.com'], exchange: ['outlook.office365.com', 'outlook.office.com'] },
  { name: 'US Government', authorities: ['login.microsoftonline.us'], graph: ['graph.microsoft.us', 'dod-graph.microsoft.us'], exchange: ['outlook.office365.us', 'outlook-dod.office365.us'] },
  {
    name: 'China',
    authorities: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'],
    graph: ['microsoftgraph.chinacloudapi.cn'],
    exchange: ['partner.outlook.cn'],
  },
];

function normalizeAudience(aud: string): string {
  // trailing slashes cut by a scan: `/\/+$/` backtracks quadratically over a claim of many slashes (a hostile server's)
  const t = aud.trim().toLowerCase();
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 47) end--;
  return t.slice(0, end);
}

/** The channel a token's audience is for, if Graph's or Exchange Online's in any cloud. */
export function audienceChannel(aud: string): Channel | undefined {
  const a = normalizeAudience(aud);
  if (a === GRAPH_APP_ID) return 'graph';
  if (a === EXCHANGE_APP_ID) return 'pop3';
  for (const cloud of CLOUDS) {
    if (cloud.graph.some((h) => a === `https://${h}`)) return 'graph';
    if (cloud.exchange.some((h) => a === `https://${h}`)) return 'pop3';
  }
  return undefined;
}

/** The audience a channel's token must carry, in words for a message. */
export function expectedAudience(channel: Channel): string {
  return channel === 'graph'
    ? `https://graph.microsoft.com (or ${GRAPH_APP_ID}, or a national cloud's Graph)`
    : `https://outlook.office365.com (or ${EXCHANGE_APP_ID}, or a national cloud's Exchange Online)`;
}

/** The host of a URL as written (no credentials, no port), lower case; undefined when it is no URL. */
export function urlHost(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url.trim()).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** The scope a channel needs, for the cloud of the Token URL's sign-in server (global when it is not Microsoft's). */
export function expectedScope(channel: Channel, tokenUrl: string | undefined): string {
  const host = urlHost(tokenUrl);
  const cloud = CLOUDS.find((c) => host !== undefined && c.authorities.includes(host)) ?? (CLOUDS[0] as Cloud);
  const hosts = channel === 'graph' ? cloud.graph : cloud.exchange.filter((h) => h !== 'outlook.office.com');
  return hosts.map((h) => `https://${h}/.default`).join(' or ');
}

/** The tenant segment of a Token URL (`/{tenant}/oauth2/v2.0/token`), as written. */
export function tokenUrlTenant(tokenUrl: string | undefined): string | undefined {
  if (tokenUrl === undefined) return undefined;
  try {
    const segment = new URL(tokenUrl.trim()).pathname.split('/')[1];
    return segment === undefined || segment === '' ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
