/** Client-secret dates, shared by azure/secret-expired and azure/secret-expiring. */
import { arr, obj, str } from '../model/access.js';
import { joinPointer } from '../load/pointer.js';
import type { MailSection } from '../model/sections.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD` (UTC), or undefined for a date that does not exist (2027-02-30). */
export function dayNumber(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return time / DAY_MS;
}

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
export function newestSecret(manifest: unknown): DatedSecret | undefined {
  const secrets = arr(obj(manifest, 'azure'), 'clientSecrets');
  if (!secrets) return undefined;
  let newest: DatedSecret | undefined;
  secrets.forEach((secret, i) => {
    const expires = str(secret, 'expires');
    const day = expires === undefined ? undefined : dayNumber(expires);
    if (expires === undefined || day === undefined) return;
    if (!newest || day > newest.day) newest = { pointer: joinPointer('/azure/clientSecrets', i, 'expires'), expires, day };
  });
  return newest;
}

/** Where the new secret's Value goes: `Mail Settings > OAuth2 > Client Secret and TM Exchange POP3 > OAuth2 > Client Secret`. */
export function clientSecretFields(sections: readonly MailSection[]): string {
  const labels = sections.filter((s) => s.oauthApplies).map((s) => `${s.label} > OAuth2 > Client Secret`);
  if (labels.length === 0) return 'Client Secret on every OAuth2 tab';
  if (labels.length === 1) return labels[0] as string;
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] as string}`;
}
