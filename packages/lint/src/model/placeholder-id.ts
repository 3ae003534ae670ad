/**
 * The placeholders left in an Azure ID field: the guide's worked example and names, the portal's labels,
 * the nil GUID. Model, not rule: the secrets' scrub tells them apart from a secret pasted in a Client ID.
 */
import { guidKey, isPlaceholderGuid } from './guid.js';
import { isPlaceholderTenant } from './token-url.js';
import { isPlaceholder } from './values.js';

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
