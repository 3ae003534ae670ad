/**
 * Microsoft's endpoints per cloud (shared/reference/microsoft-365.md, "National clouds"),
 * and readers for the URLs the guide asks for. Hand-written splitting; no backtracking patterns.
 */

import { memoize } from './memo.js';

/**
 * A Microsoft cloud: a set of resources that accept one another's tokens. `usgov` is US Government
 * GCC High (the id it had before DoD was told apart); `dod` is US Government DoD. GCC High and DoD
 * share their sign-in server (login.microsoftonline.us) but not their resources: a token for
 * graph.microsoft.us is refused by dod-graph.microsoft.us and the reverse.
 */
export type Cloud = 'global' | 'usgov' | 'dod' | 'china';
export type HostRole = 'authority' | 'graph' | 'exchange' | 'smtp';

interface CloudInfo {
  /** In a sentence: "the US Government GCC High cloud". */
  readonly name: string;
  /** In a list of alternatives: "GCC High". */
  readonly short: string;
  readonly authority: string;
  readonly graph: string;
  readonly exchange: string;
  /** The hosts of the cloud; a host shared with another cloud (the US sign-in server) is in both. */
  readonly hosts: Readonly<Record<string, HostRole>>;
}

export const CLOUDS: Readonly<Record<Cloud, CloudInfo>> = {
  global: {
    name: 'the global cloud',
    short: 'global',
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
    name: 'the US Government GCC High cloud',
    short: 'GCC High',
    authority: 'login.microsoftonline.us',
    graph: 'graph.microsoft.us',
    exchange: 'outlook.office365.us',
    hosts: {
      'login.microsoftonline.us': 'authority',
      'graph.microsoft.us': 'graph',
      'outlook.office365.us': 'exchange',
      'smtp.office365.us': 'smtp',
    },
  },
  dod: {
    name: 'the US Government DoD cloud',
    short: 'DoD',
    authority: 'login.microsoftonline.us',
    graph: 'dod-graph.microsoft.us',
    exchange: 'outlook-dod.office365.us',
    hosts: {
      'login.microsoftonline.us': 'authority',
      'dod-graph.microsoft.us': 'graph',
      'outlook-dod.office365.us': 'exchange',
      'smtp.office365.us': 'smtp',
    },
  },
  china: {
    name: 'the China cloud (21Vianet)',
    short: 'China',
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

/** The clouds in a fixed order: sets of clouds are listed in it. */
export const CLOUD_IDS: readonly Cloud[] = ['global', 'usgov', 'dod', 'china'];

export interface HostInfo {
  /** The first cloud the host belongs to (for the US sign-in server and smtp.office365.us: usgov). */
  readonly cloud: Cloud;
  /** Every cloud the host belongs to: one, or GCC High and DoD for the hosts they share. */
  readonly clouds: readonly Cloud[];
  readonly role: HostRole;
}

export function hostInfo(host: string | undefined): HostInfo | undefined {
  if (!host) return undefined;
  const h = normalizeHost(host);
  const clouds = CLOUD_IDS.filter((c) => CLOUDS[c].hosts[h] !== undefined);
  const first = clouds[0];
  if (first === undefined) return undefined;
  return { cloud: first, clouds, role: CLOUDS[first].hosts[h] as HostRole };
}

/** The clouds of every set (in CLOUD_IDS order); empty when they have none in common. */
export function commonClouds(sets: ReadonlyArray<readonly Cloud[]>): Cloud[] {
  return CLOUD_IDS.filter((c) => sets.every((s) => s.includes(c)));
}

/** A set of clouds in a sentence: "the global cloud", "the US Government GCC High or DoD cloud". */
export function cloudsName(clouds: readonly Cloud[]): string {
  if (clouds.length === 2 && clouds.includes('usgov') && clouds.includes('dod')) return 'the US Government GCC High or DoD cloud';
  return clouds.map((c) => CLOUDS[c].name).join(' or ');
}

/**
 * What to type in each of several clouds: one value when they agree ("login.microsoftonline.us"
 * for GCC High and DoD), else each with its cloud ("https://graph.microsoft.us/.default (GCC High)
 * or https://dod-graph.microsoft.us/.default (DoD)").
 */
export function perCloud(clouds: readonly Cloud[], value: (cloud: Cloud) => string): string {
  const values = clouds.map((c) => ({ c, v: value(c) }));
  if (new Set(values.map((x) => x.v)).size <= 1) return values[0]?.v ?? value('global');
  return values.map(({ c, v }) => `${v} (${CLOUDS[c].short})`).join(' or ');
}

/** The fields of a section that name a cloud: the sign-in server, the scope's resource, the server. */
export type CloudField = 'tokenUrl' | 'scope' | 'server';

/** A field's Microsoft host, as the table spells it, and the clouds it belongs to. */
export interface CloudPart {
  readonly field: CloudField;
  readonly host: string;
  readonly clouds: readonly Cloud[];
  readonly role: HostRole;
}

export type CloudParts = Partial<Record<CloudField, CloudPart>>;

/**
 * The cloud hosts of a section's fields: the Token URL's sign-in server, the first Microsoft host
 * named by the Scope, the server's host. A field without a Microsoft host (of the right kind for
 * the Token URL) has no part.
 */
export function cloudParts(input: { readonly tokenUrl?: string | undefined; readonly scope?: string | undefined; readonly serverHost?: string | undefined }): CloudParts {
  const parts: { -readonly [F in CloudField]?: CloudPart } = {};
  const part = (field: CloudField, host: string | undefined): CloudPart | undefined => {
    const info = hostInfo(host);
    return info && host !== undefined ? { field, host: normalizeHost(host), clouds: info.clouds, role: info.role } : undefined;
  };
  const token = input.tokenUrl === undefined ? undefined : part('tokenUrl', splitUrl(input.tokenUrl)?.host);
  if (token?.role === 'authority') parts.tokenUrl = token;
  for (const piece of (input.scope ?? '').split(/[\s,]+/)) {
    const scope = piece === '' ? undefined : part('scope', splitUrl(piece)?.host);
    if (scope) {
      parts.scope = scope;
      break;
    }
  }
  const server = part('server', input.serverHost);
  if (server) parts.server = server;
  return parts;
}

/** How the clouds of a section's fields agree. */
export interface CloudVerdict {
  /** The clouds every known field allows (empty when no field is known); undefined when they disagree. */
  readonly common?: readonly Cloud[];
  /** When they disagree: the field that is the odd one out. */
  readonly odd?: CloudField;
  /** The clouds the other fields agree on; undefined when no two fields agree. */
  readonly target?: readonly Cloud[];
}

/** The odd one out, tried in this order: the Scope (copied from the guide most often), the Token URL, the server. */
const ODD_ORDER: readonly CloudField[] = ['scope', 'tokenUrl', 'server'];

/**
 * Whether a section's fields agree on a cloud. When two fields agree and the third does not, the third
 * is the odd one out; when no two agree, the server is reported (or the Scope when there is no server
 * to side with), with no target.
 */
export function judgeClouds(parts: CloudParts): CloudVerdict {
  const known = ODD_ORDER.map((f) => parts[f]).filter((p): p is CloudPart => p !== undefined);
  const common = commonClouds(known.map((p) => p.clouds));
  if (known.length < 2 || common.length > 0) return { common };
  if (known.length === 3) {
    for (const odd of ODD_ORDER) {
      const others = known.filter((p) => p.field !== odd);
      const target = commonClouds(others.map((p) => p.clouds));
      const part = parts[odd] as CloudPart;
      if (target.length > 0 && commonClouds([part.clouds, target]).length === 0) return { odd, target };
    }
  }
  return { odd: parts.server ? 'server' : 'scope' };
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
