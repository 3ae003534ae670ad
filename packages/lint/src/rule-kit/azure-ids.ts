/**
 * The IDs of the Microsoft side (azure.*) as other rules may use them: the guide's placeholders and
 * worked example recognised once, and the app registration's IDs read once for judging a Client ID.
 * Shared by azure/placeholder-id, azure/mailbox-permission, oauth2/client-id and oauth2/client-mismatch.
 */
import { joinPointer } from '../load/pointer.js';
import { guidKey, isPlaceholderGuid, MICROSOFT_APPS } from '../model/guid.js';
import type { MailSection } from '../model/sections.js';
import { analyzeTokenUrl, isPlaceholderTenant } from '../model/token-url.js';
import { isPlaceholder } from '../model/values.js';
import type { ManifestView } from '../model/view.js';

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * The guide's worked example ("How to grant TM Master (TM Exchange) access to download emails from an
 * account" > Example), upper case, with the name each stands for.
 */
export const GUIDE_EXAMPLES: ReadonlyMap<string, string> = new Map([
  ['AAAAAA', '<APPLICATION_ID>'],
  ['AAAAAAA', '<APPLICATION_ID>'],
  ['00000', '<OBJECT_ID>'],
  ['TTTTTT', '<ORGANIZATION_ID>'],
  ['TTTTTTT', '<ORGANIZATION_ID>'],
  ['SSSSS', '<SERVICE PRINCIPAL_ID>'],
]);

/**
 * The names the guide writes for the values, letters only, upper case: `<APPLICATION_ID>`, `<OBJECT_ID>`,
 * `<ORGANIZATION_ID>` (also misspelt `<ORANIZATION_ID>` in its contents), `<SERVICE PRINCIPAL_ID>`, the Token URL's
 * `TenantID`; written with or without the brackets, and with the `\_` of a copy from the guide's formatted text.
 */
const GUIDE_NAMES = new Set(['APPLICATIONID', 'OBJECTID', 'ORGANIZATIONID', 'ORANIZATIONID', 'SERVICEPRINCIPALID', 'TENANTID']);

/** The portal's labels of the values, letters only, upper case: `Application (client) ID`, `Object ID`. */
const LABELS = new Set([...GUIDE_NAMES, 'APPLICATIONCLIENTID', 'DIRECTORYTENANTID', 'CLIENTID', 'SECRETID', 'SERVICEPRINCIPAL']);

export type PlaceholderKind = 'nilGuid' | 'placeholderGuid' | 'guideExample' | 'guideName' | 'placeholderText';

/**
 * What kind of placeholder an Azure ID field holds, or undefined for a value that may be real (a GUID
 * nobody prints, a domain, or anything else: other rules judge its shape). `tenant` also takes the Token
 * URL's placeholders (`yourtenant.onmicrosoft.com`, `Directory (tenant) ID`).
 */
export function placeholderKind(value: string, options: { readonly tenant?: boolean } = {}): PlaceholderKind | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  const key = guidKey(v);
  if (key !== undefined) return key === NIL_GUID ? 'nilGuid' : isPlaceholderGuid(key) ? 'placeholderGuid' : undefined;
  if (GUIDE_EXAMPLES.has(v.toUpperCase())) return 'guideExample';
  const letters = v.replace(/[^a-z]/gi, '').toUpperCase();
  // <APPLICATION_ID>, APPLICATION_ID, <SERVICE PRINCIPAL\_ID>, TenantID: as the guide writes them
  if (GUIDE_NAMES.has(letters) && (/^<[^<>]*>$/.test(v) || (/^[\w\\]+$/.test(v) && (v.includes('_') || letters === 'TENANTID')))) return 'guideName';
  if (LABELS.has(letters) && /^[\w\s\\()<>[\]{}-]+$/.test(v)) return 'placeholderText';
  if (isPlaceholder(v) || /^(.)\1{2,}$/.test(v) || /^x{8}-x{4}-x{4}-x{4}-x{12}$/i.test(v)) return 'placeholderText';
  if (options.tenant && isPlaceholderTenant(v)) return 'placeholderText';
  return undefined;
}

/** Whether an Azure ID field holds a placeholder left in (this rule reports it): then it names nothing registered. */
export function isPlaceholderId(value: string, options: { readonly tenant?: boolean } = {}): boolean {
  return placeholderKind(value, options) !== undefined;
}

/**
 * The value of an Azure ID field as other rules may compare with it: trimmed, or undefined when the field
 * is missing, blank or a placeholder left in (`<APPLICATION_ID>`, the nil GUID, the guide's `AAAAAA`).
 */
export function registeredId(value: string | undefined, options: { readonly tenant?: boolean } = {}): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' || isPlaceholderId(v, options) ? undefined : v;
}


/** The other IDs of an app registration that get pasted into Client ID by mistake. */
export type OtherIdKind = 'objectId' | 'tenantId' | 'secretId' | 'servicePrincipalId';

export interface OtherId {
  readonly kind: OtherIdKind;
  /** The azure field it is written in. */
  readonly pointer: string;
}

/** What the manifest says of the Microsoft side, for judging a Client ID. */
export interface Registration {
  /**
   * `azure.applicationId`, when it is a GUID that can be TM Master's (not a placeholder, not one of
   * Microsoft's own applications): its key for comparing, and the form to enter (braces removed).
   */
  readonly application?: { readonly key: string; readonly written: string };
  /** The registration's other IDs, by GUID key (first field wins). */
  readonly others: ReadonlyMap<string, OtherId>;
}

/** The registration as `azure` describes it. Shared with oauth2/client-mismatch. */
export function registration(manifest: ManifestView): Registration {
  const azure = manifest.azure;
  const others = new Map<string, OtherId>();
  const add = (value: string | undefined, kind: OtherIdKind, pointer: string): void => {
    const key = guidKey(registeredId(value, { tenant: kind === 'tenantId' }));
    if (key !== undefined && !others.has(key)) others.set(key, { kind, pointer });
  };
  add(azure?.objectId, 'objectId', '/azure/objectId');
  add(azure?.tenantId, 'tenantId', '/azure/tenantId');
  azure?.clientSecrets?.forEach((s, i) => add(s?.secretId, 'secretId', joinPointer('/azure/clientSecrets', i, 'secretId')));
  add(azure?.exchangeOnline?.servicePrincipalId, 'servicePrincipalId', '/azure/exchangeOnline/servicePrincipalId');
  const written = azure?.applicationId?.trim().replace(/^\{(.*)\}$/, '$1');
  const key = guidKey(written);
  const usable = written !== undefined && key !== undefined && !isPlaceholderGuid(key) && MICROSOFT_APPS[key] === undefined;
  return usable ? { application: { key, written }, others } : { others };
}

/** The tenant GUID of a tab's Token URL, as a key; undefined for a domain or no Token URL. */
export function tokenTenant(section: MailSection): string | undefined {
  const url = section.oauth2?.tokenUrl;
  if (url === undefined) return undefined;
  const token = analyzeTokenUrl(url);
  return token.tenantKind === 'guid' ? guidKey(token.tenant) : undefined;
}

