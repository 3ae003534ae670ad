/**
 * What the probe knows of Microsoft's side (shared/reference/microsoft-365.md): the audiences a token for
 * each channel carries, in every national cloud; the scope each channel needs; the tenant a Token URL names.
 */
import { CLOUD_IDS, CLOUDS, hostInfo, isEmail as isEmailAddress, type Channel, type Cloud, type HostRole } from '@tmcheck/lint';

/** An e-mail address, as lint reads one (trimmed; nothing written is none). */
export function isEmail(text: string | undefined): boolean {
  return text !== undefined && isEmailAddress(text.trim());
}

/** Microsoft's first-party app IDs, the audiences' GUID forms (the same in every cloud). */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/** Every cloud's hosts of a role (lint's table of the clouds: one list of Microsoft's hosts for the product). */
function hostsOf(role: HostRole): readonly string[] {
  return CLOUD_IDS.flatMap((c) => Object.entries(CLOUDS[c].hosts).filter(([, r]) => r === role).map(([h]) => h));
}
const GRAPH_HOSTS = hostsOf('graph');
const EXCHANGE_HOSTS = hostsOf('exchange');

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
  if (GRAPH_HOSTS.some((h) => a === `https://${h}`)) return 'graph';
  if (EXCHANGE_HOSTS.some((h) => a === `https://${h}`)) return 'pop3';
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

/**
 * The scope a channel needs, for the cloud of the Token URL's sign-in server (global when it is not
 * Microsoft's); the US sign-in server serves GCC High and DoD, whose resources differ: both are named.
 */
export function expectedScope(channel: Channel, tokenUrl: string | undefined): string {
  const info = hostInfo(urlHost(tokenUrl));
  const clouds: readonly Cloud[] = info?.role === 'authority' ? info.clouds : ['global'];
  const hosts = [...new Set(clouds.map((c) => (channel === 'graph' ? CLOUDS[c].graph : CLOUDS[c].exchange)))];
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
