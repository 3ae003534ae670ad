/** Calendar dates written `YYYY-MM-DD`: the one place that reads them (secret expiry, --now). */
import { detach } from '../text/detach.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD` (UTC), or undefined for a date that does not exist (2027-02-30). */
export function dayNumber(text: string): number | undefined {
  const known = days.get(text);
  if (known !== undefined || days.has(text)) return known;
  const day = dayNumberOnce(text);
  if (days.size >= 1024) days.clear();
  // kept by a copy: the memo outlives the manifest the text is a piece of (text/detach.ts)
  days.set(detach(text), day);
  return day;
}

/** Memo of dayNumber: today and the expiry dates of a fleet recur in every document. */
const days = new Map<string, number | undefined>();

function dayNumberOnce(text: string): number | undefined {
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

/** Whether a text is a day of the calendar written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  return dayNumber(text) !== undefined;
}

/** Today in the local time zone, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
