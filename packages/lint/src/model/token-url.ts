import { CLOUDS, hostInfo, splitUrl, type Cloud } from './microsoft.js';
import { memoize } from './memo.js';
import { isDomain, isGuid, isPlaceholder } from './values.js';

/** What is wrong with a Token URL, if anything; each has its own message in oauth2/token-url. */
export type TokenUrlProblem =
  | 'not-url'
  | 'http'
  | 'host'
  | 'no-tenant'
  | 'placeholder'
  | 'multi-tenant'
  | 'bad-tenant'
  | 'v1'
  | 'authorize'
  | 'path'
  | 'query';

export interface TokenUrlInfo {
  readonly problem?: TokenUrlProblem;
  /** The tenant segment as written, when there is one. */
  readonly tenant?: string;
  readonly tenantKind?: 'guid' | 'domain';
  /** The cloud of the authority host, when it is one. */
  readonly cloud?: Cloud;
  readonly host?: string;
}

const MULTI_TENANT = new Set(['common', 'organizations', 'consumers']);
const TENANT_WORDS = /^(?:your|my|the)?[-_ ]?(?:tenant|directory|organi[sz]ation)[-_ ]?(?:id|name|guid|domain)?$/i;

export function isTenantPlaceholder(tenant: string): boolean {
  return isPlaceholder(tenant) || TENANT_WORDS.test(tenant) || /^(.)\1{3,}$/.test(tenant) || /%3c|%7b/i.test(tenant);
}

/** Reads a Token URL: `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`. */
export const analyzeTokenUrl = memoize(analyzeTokenUrlOnce);

function analyzeTokenUrlOnce(text: string): TokenUrlInfo {
  const url = splitUrl(text);
  if (!url || url.host === '') return { problem: 'not-url' };
  const info = hostInfo(url.host);
  const cloud = info?.role === 'authority' ? info.cloud : undefined;
  const seg = url.segments.filter((s, i) => s !== '' || i < url.segments.length - 1);
  const rawTenant = seg[0];
  const tenant = rawTenant === undefined || rawTenant === '' || rawTenant.toLowerCase() === 'oauth2' ? undefined : rawTenant;
  const base = { host: url.host, ...(cloud ? { cloud } : {}), ...(tenant !== undefined ? { tenant } : {}) };
  const tenantKind: 'guid' | 'domain' | undefined =
    tenant === undefined ? undefined : isGuid(tenant) ? 'guid' : isDomain(tenant) ? 'domain' : undefined;
  const withKind: TokenUrlInfo = tenantKind ? { ...base, tenantKind } : base;
  if (url.scheme !== 'https') return { ...withKind, problem: url.scheme === 'http' ? 'http' : 'not-url' };
  if (!cloud) return { ...withKind, problem: 'host' };
  if (tenant === undefined) return { ...withKind, problem: 'no-tenant' };
  const rest = seg.slice(1).map((s) => s.toLowerCase()).join('/');
  if (MULTI_TENANT.has(tenant.toLowerCase())) return { ...withKind, problem: 'multi-tenant' };
  if (!tenantKind) return { ...withKind, problem: isTenantPlaceholder(tenant) ? 'placeholder' : 'bad-tenant' };
  if (rest === 'oauth2/token') return { ...withKind, problem: 'v1' };
  if (rest === 'oauth2/v2.0/authorize' || rest === 'oauth2/authorize') return { ...withKind, problem: 'authorize' };
  if (rest !== 'oauth2/v2.0/token') return { ...withKind, problem: 'path' };
  if (url.query !== '') return { ...withKind, problem: 'query' };
  return withKind;
}

/** The correct Token URL for a tenant in a cloud. */
export function tokenUrlFor(tenant: string, cloud: Cloud = 'global'): string {
  return `https://${CLOUDS[cloud].authority}/${tenant}/oauth2/v2.0/token`;
}
