/** Client-secret dates, shared by azure/secret-expired and azure/secret-expiring. */
import { fieldName } from '../engine/messages.js';
import { joinPointer } from '../load/pointer.js';
import { dayNumber } from '../model/date.js';
import type { MailSection } from '../model/sections.js';
import type { ManifestView } from '../model/view.js';
import { ours, type Shown } from '../secrets/show.js';

export interface DatedSecret {
  /** JSON Pointer of its `expires` field. */
  readonly pointer: string;
  /** The date as written, `YYYY-MM-DD`. */
  readonly expires: string;
  readonly day: number;
}

/**
 * The listed client secret that expires last, among those with a real `expires` date;
 * undefined when no secret is listed with one (then the expiry rules say nothing).
 */
export function newestSecret(manifest: ManifestView): DatedSecret | undefined {
  let newest: DatedSecret | undefined;
  manifest.azure?.clientSecrets?.forEach((secret, i) => {
    const expires = secret?.expires;
    const day = expires === undefined ? undefined : dayNumber(expires);
    if (expires === undefined || day === undefined) return;
    if (!newest || day > newest.day) newest = { pointer: joinPointer('/azure/clientSecrets', i, 'expires'), expires, day };
  });
  return newest;
}

/**
 * Where the new secret's Value goes, as the catalog names the fields:
 * `Mail Settings > OAuth2 > Client Secret and TM Exchange POP3 > OAuth2 > Client Secret`.
 */
export function clientSecretFields(sections: readonly MailSection[]): Shown {
  const names = sections.filter((s) => s.oauthApplies).map((s) => fieldName(s.tabPointer('clientSecret')) as string);
  if (names.length === 0) return ours('the Client Secret of every OAuth2 tab');
  if (names.length === 1) return ours(names[0] as string);
  return ours(`${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string}`);
}
