import { isVersionPart } from './limits.js';

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(2000, 0, 1);

/**
 * The day a build was made, as ISO `YYYY-MM-DD`: .NET auto-versioning sets BUILD to
 * the number of days since 2000-01-01. Pure calendar arithmetic in UTC, so the result
 * does not depend on the time zone of the machine running it.
 * `buildDate(8271) === '2022-08-24'`.
 *
 * @throws RangeError when `build` is not a whole number from 0 to 65534.
 */
export function buildDate(build: number): string {
  if (!isVersionPart(build)) {
    throw new RangeError(`build ${String(build)} is not a whole number from 0 to 65534`);
  }
  return new Date(EPOCH + build * MS_PER_DAY).toISOString().slice(0, 10);
}
