/** Revisions above this are not a time of day (43199 * 2 s = 23:59:58). */
const MAX_TIME_REVISION = 43_199;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The time of day a build was made, as `HH:MM:SS`: .NET auto-versioning sets REVISION
 * to the seconds since midnight divided by 2. The clock is the build machine's local
 * time; there is no time zone. `buildTime(20345) === '11:18:10'`.
 *
 * Returns `undefined` (never throws) when `revision` is not a whole number from 0 to
 * 43199: such a revision was set by hand and is not a time of day.
 */
export function buildTime(revision: number): string | undefined {
  if (!Number.isInteger(revision) || revision < 0 || revision > MAX_TIME_REVISION) return undefined;
  const seconds = revision * 2;
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
