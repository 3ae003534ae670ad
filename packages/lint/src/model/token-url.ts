/**
 * Reading a Token URL: `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token` or a national-cloud twin.
 * The one place that judges the tenant segment (a placeholder, braces, a real tenant), so that oauth2/token-url,
 * oauth2/tenant-mismatch and oauth2/cloud-mismatch agree on what the tenant is.
 */
import { guidKey, isBracedGuid, isGuid, isPlaceholderGuid } from './guid.js';
import { CLOUDS, hostInfo, splitUrl, type Cloud } from './microsoft.js';
import { memoize } from './memo.js';
import { isDomain, isPlaceholder } from './values.js';

/** What is wrong with a Token URL, if anything; each has its own message in oauth2/token-url. */
export type TokenUrlProblem =
  | 'not-url'
  | 'query-secret'
  | 'http'
  | 'host'
  | 'no-tenant'
  | 'placeholder'
  | 'multi-tenant'
  | 'braced'
  | 'bad-tenant'
  | 'v1'
  | 'authorize'
  | 'path'
  | 'query';

export interface TokenUrlInfo {
  readonly problem?: TokenUrlProblem;
  /** The tenant segment as written, when there is one. */
  readonly tenant?: string;
  /** The tenant is a GUID or a domain name as written (not braced, not a placeholder word). */
  readonly tenantKind?: 'guid' | 'domain';
  /**
   * The tenant for comparing with other tenants: a GUID lower case without braces, a domain lower case.
   * Undefined for a placeholder (`TenantID`, the nil GUID, `yourtenant.onmicrosoft.com`): it names no tenant.
   */
  readonly tenantKey?: string;
  /** The cloud of the authority host, when it is one (login.microsoftonline.us: usgov, see `clouds`). */
  readonly cloud?: Cloud;
  /** Every cloud the authority serves: GCC High and DoD share login.microsoftonline.us. */
  readonly clouds?: readonly Cloud[];
  readonly host?: string;
}

const MULTI_TENANT = new Set(['common', 'organizations', 'consumers']);
const TENANT_WORDS = /^(?:your|my|the)?[-_ ]?(?:tenant|directory|organi[sz]ation)[-_ ]?(?:id|name|guid|domain)?$/i;
/** First labels of a domain that only stand for the customer's own: `yourdomain.onmicrosoft.com`. */
const TENANT_LABEL = /^(?:your|my)?[-_]?(?:tenant|directory|organi[sz]ation)[-_]?(?:id|name|guid|domain)?$/i;
const DOMAIN_PLACEHOLDERS = new Set(['yourdomain', 'domain', 'yourcompany', 'company', 'yourorg', 'yourorganization', 'yourorganisation']);
/** A query parameter that carries a credential: `?client_secret=...`. */
const SECRET_PARAMETER = /(?:^|[?&#;])(?:client_secret|client_assertion|password|access_token)=/i;

/** A tenant GUID with braces around it, or one of them: a real tenant ID written the wrong way. */
export function unbracedGuid(tenant: string): string | undefined {
  if (isBracedGuid(tenant)) return tenant.slice(1, -1);
  const bare = tenant.replace(/^\{|\}$/g, '');
  return bare !== tenant && isGuid(bare) ? bare : undefined;
}

/**
 * A tenant segment that nobody filled in: the guide's `TenantID` and its relatives (`<tenant>`, `{tenant}`,
 * `xxxx`, `Directory (tenant) ID`), a GUID template (`xxxxxxxx-xxxx-...`), a placeholder GUID (the nil GUID,
 * one digit repeated, a GUID from documentation), or a domain whose first label is such a word
 * (`yourtenant.onmicrosoft.com`, `TenantID.onmicrosoft.com`). Not `example.com` or `test.onmicrosoft.com`:
 * those are real domains.
 */
export function isPlaceholderTenant(tenant: string): boolean {
  if (unbracedGuid(tenant) !== undefined) return isPlaceholderGuid(tenant.replace(/^\{|\}$/g, ''));
  if (isGuid(tenant)) return isPlaceholderGuid(tenant);
  if (isPlaceholder(tenant) || TENANT_WORDS.test(tenant) || /^(.)\1{3,}$/.test(tenant) || /%3c|%7b/i.test(tenant)) return true;
  if (/^x{8}-x{4}-x{4}-x{4}-x{12}$/i.test(tenant) || /[<>{}[\]]/.test(tenant)) return true;
  if (tenant.replace(/[^a-z]/gi, '').toLowerCase() === 'directorytenantid') return true;
  const dot = tenant.indexOf('.');
  if (dot <= 0 || !isDomain(tenant)) return false;
  const label = tenant.slice(0, dot);
  return TENANT_LABEL.test(label) || DOMAIN_PLACEHOLDERS.has(label.toLowerCase());
}

/** Reads a Token URL; memoized (see memo.ts). */
export const analyzeTokenUrl = memoize(analyzeTokenUrlOnce);

function analyzeTokenUrlOnce(text: string): TokenUrlInfo {
  const url = splitUrl(text);
  if (!url || url.host === '') return { problem: 'not-url' };
  const info = hostInfo(url.host);
  const authority = info?.role === 'authority' ? info : undefined;
  const seg = url.segments.filter((s, i) => s !== '' || i < url.segments.length - 1);
  const rawTenant = seg[0];
  const tenant = rawTenant === undefined || rawTenant === '' || rawTenant.toLowerCase() === 'oauth2' ? undefined : rawTenant;
  const placeholder = tenant !== undefined && isPlaceholderTenant(tenant);
  const tenantKind: 'guid' | 'domain' | undefined =
    tenant === undefined ? undefined : isGuid(tenant) ? 'guid' : isDomain(tenant) ? 'domain' : undefined;
  const unbraced = tenant === undefined ? undefined : unbracedGuid(tenant);
  const tenantKey = tenant === undefined || placeholder ? undefined : (guidKey(unbraced ?? tenant) ?? (tenantKind === 'domain' ? tenant.toLowerCase() : undefined));
  const base: TokenUrlInfo = {
    host: url.host,
    ...(authority ? { cloud: authority.cloud, clouds: authority.clouds } : {}),
    ...(tenant !== undefined ? { tenant } : {}),
    ...(tenantKind ? { tenantKind } : {}),
    ...(tenantKey ? { tenantKey } : {}),
  };
  // a credential in the URL is said first, whatever else is wrong: it is stored in plain text
  if (SECRET_PARAMETER.test(url.query)) return { ...base, problem: 'query-secret' };
  if (url.scheme !== 'https') return { ...base, problem: url.scheme === 'http' ? 'http' : 'not-url' };
  if (!authority) return { ...base, problem: 'host' };
  if (tenant === undefined) return { ...base, problem: 'no-tenant' };
  if (MULTI_TENANT.has(tenant.toLowerCase())) return { ...base, problem: 'multi-tenant' };
  if (placeholder) return { ...base, problem: 'placeholder' };
  if (unbraced !== undefined) return { ...base, problem: 'braced' };
  if (!tenantKind) return { ...base, problem: 'bad-tenant' };
  const rest = seg.slice(1).map((s) => s.toLowerCase()).join('/');
  if (rest === 'oauth2/token') return { ...base, problem: 'v1' };
  if (rest === 'oauth2/v2.0/authorize' || rest === 'oauth2/authorize') return { ...base, problem: 'authorize' };
  if (rest !== 'oauth2/v2.0/token') return { ...base, problem: 'path' };
  if (url.query !== '') return { ...base, problem: 'query' };
  return base;
}

/** The correct Token URL for a tenant in a cloud. */
export function tokenUrlFor(tenant: string, cloud: Cloud = 'global'): string {
  return `https://${CLOUDS[cloud].authority}/${tenant}/oauth2/v2.0/token`;
}

/** The Token URL with its tenant segment replaced, every other character kept; undefined if the segment is not where expected. */
export function withTenant(url: string, tenant: string, replacement: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme === -1) return undefined;
  const slash = url.indexOf('/', scheme + 3);
  if (slash === -1) return undefined;
  const start = slash + 1;
  if (url.slice(start, start + tenant.length) !== tenant) return undefined;
  const after = url.charAt(start + tenant.length);
  if (after !== '/' && after !== '' && after !== '?' && after !== '#') return undefined;
  return url.slice(0, start) + replacement + url.slice(start + tenant.length);
}
