/**
 * Microsoft's endpoints per cloud (shared/reference/microsoft-365.md, "National clouds"),
 * and readers for the URLs the guide asks for. Hand-written splitting; no backtracking patterns.
 */

import { memoize } from './memo.js';

export type Cloud = 'global' | 'usgov' | 'china';
export type HostRole = 'authority' | 'graph' | 'exchange' | 'smtp';

interface CloudInfo {
  readonly name: string;
  readonly authority: string;
  readonly graph: string;
  readonly exchange: string;
  readonly hosts: Readonly<Record<string, HostRole>>;
}

export const CLOUDS: Readonly<Record<Cloud, CloudInfo>> = {
  global: {
    name: 'the global cloud',
    authority: 'login.microsoftonline.com',
    graph: 'graph.microsoft.com',
    exchange: 'outlook.office365.com',
    hosts: {
      'login.microsoftonline.com': 'authority',
      'graph.microsoft.com': 'graph',
      'outlook.office365.com': 'exchange',
      'outlook.office.com': 'exchange',
      'smtp.office365.com': 'smtp',
    },
  },
  usgov: {
    name: 'the US Government cloud (GCC High / DoD)',
    authority: 'login.microsoftonline.us',
    graph: 'graph.microsoft.us',
    exchange: 'outlook.office365.us',
    hosts: {
      'login.microsoftonline.us': 'authority',
      'graph.microsoft.us': 'graph',
      'dod-graph.microsoft.us': 'graph',
      'outlook.office365.us': 'exchange',
      'outlook-dod.office365.us': 'exchange',
      'smtp.office365.us': 'smtp',
    },
  },
  china: {
    name: 'the China cloud (21Vianet)',
    authority: 'login.partner.microsoftonline.cn',
    graph: 'microsoftgraph.chinacloudapi.cn',
    exchange: 'partner.outlook.cn',
    hosts: {
      'login.partner.microsoftonline.cn': 'authority',
      'login.chinacloudapi.cn': 'authority',
      'microsoftgraph.chinacloudapi.cn': 'graph',
      'partner.outlook.cn': 'exchange',
      'smtp.partner.outlook.cn': 'smtp',
    },
  },
};

const CLOUD_IDS = Object.keys(CLOUDS) as Cloud[];

export interface HostInfo {
  readonly cloud: Cloud;
  readonly role: HostRole;
}

export function hostInfo(host: string | undefined): HostInfo | undefined {
  if (!host) return undefined;
  const h = normalizeHost(host);
  for (const cloud of CLOUD_IDS) {
    const role = CLOUDS[cloud].hosts[h];
    if (role) return { cloud, role };
  }
  return undefined;
}

export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

const MICROSOFT_SUFFIXES = [
  'office365.com', 'office.com', 'outlook.com', 'microsoft.com', 'microsoftonline.com',
  'office365.us', 'microsoft.us', 'microsoftonline.us', 'outlook.cn', 'chinacloudapi.cn', 'microsoftonline.cn',
];

/**
 * Whether a host is a Microsoft 365 endpoint that needs OAuth2. An Exchange Online
 * Protection relay (`*.mail.protection.outlook.com`, direct send through a connector)
 * is not: it takes no basic authentication to begin with.
 */
export function isMicrosoftHost(host: string | undefined): boolean {
  if (!host) return false;
  const h = normalizeHost(host);
  if (h.endsWith('.mail.protection.outlook.com')) return false;
  return MICROSOFT_SUFFIXES.some((s) => h === s || h.endsWith('.' + s));
}

/** A URL taken apart by hand, keeping the raw text of each part (no percent-encoding). */
export interface RawUrl {
  readonly scheme: string;
  readonly host: string;
  readonly port: string | undefined;
  readonly path: string;
  readonly segments: readonly string[];
  readonly query: string;
}

/** Splits a URL into its raw parts; memoized (see memo.ts). */
export const splitUrl = memoize(splitUrlOnce);

function splitUrlOnce(text: string): RawUrl | undefined {
  const t = text.trim();
  const sep = t.indexOf('://');
  if (sep <= 0) return undefined;
  const scheme = t.slice(0, sep).toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) return undefined;
  let rest = t.slice(sep + 3);
  let query = '';
  const q = rest.search(/[?#]/);
  if (q !== -1) {
    query = rest.slice(q);
    rest = rest.slice(0, q);
  }
  const slash = rest.indexOf('/');
  let authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  let port: string | undefined;
  const colon = authority.lastIndexOf(':');
  if (colon !== -1 && !authority.endsWith(']')) {
    port = authority.slice(colon + 1);
    authority = authority.slice(0, colon);
  }
  const segments = path.split('/').slice(1);
  return { scheme, host: normalizeHost(authority), port, path, segments, query };
}

/** The host a server field names: a URL's host, or the text before a port or path. */
export function serverHost(server: string | undefined): string | undefined {
  if (server === undefined) return undefined;
  const url = splitUrl(server);
  if (url) return url.host;
  const t = server.trim();
  const cut = t.search(/[:/\s]/);
  const host = cut === -1 ? t : t.slice(0, cut);
  return host === '' ? undefined : normalizeHost(host);
}
