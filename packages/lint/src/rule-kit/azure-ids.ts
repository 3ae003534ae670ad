/**
 * The IDs of the Microsoft side (azure.*) as other rules may use them: the guide's placeholders and
 * worked example recognised once, and the app registration's IDs read once for judging a Client ID.
 * Shared by azure/placeholder-id, azure/mailbox-permission, oauth2/client-id and oauth2/client-mismatch.
 */
import { joinPointer } from '../load/pointer.js';
import { guidKey, isPlaceholderGuid, MICROSOFT_APPS } from '../model/guid.js';
import { isPlaceholderId } from '../model/placeholder-id.js';
import type { MailSection } from '../model/sections.js';
import { analyzeTokenUrl } from '../model/token-url.js';
import type { ManifestView } from '../model/view.js';

export { GUIDE_EXAMPLES, isPlaceholderId, placeholderKind, type PlaceholderKind } from '../model/placeholder-id.js';

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

