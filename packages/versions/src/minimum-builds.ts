import { isVersionPart } from './limits.js';

/** DB version -> the smallest build whose OAuth2 mail works with it. */
export type MinimumBuildTable = ReadonlyMap<number, number>;

/** The minimum builds for OAuth2 mail that ship with tmcheck: DB 662, 664 and 665 need build 8271 (2022-08-24). */
export const DEFAULT_MINIMUM_BUILDS: Readonly<Record<number, number>> = Object.freeze({
  662: 8271,
  664: 8271,
  665: 8271,
});

const DIGITS_WITHOUT_LEADING_ZERO = /^(?:0|[1-9][0-9]{0,4})$/;

function dbKey(key: string): number {
  const db = DIGITS_WITHOUT_LEADING_ZERO.test(key) ? Number(key) : Number.NaN;
  if (!isVersionPart(db)) {
    throw new RangeError(
      `minimum-build table key ${JSON.stringify(key)} is not a DB version: expected a whole number from 0 to 65534 without leading zeros`,
    );
  }
  return db;
}

/**
 * {@link DEFAULT_MINIMUM_BUILDS} overlaid with `extra` (an entry in `extra` replaces the
 * default for the same DB). Keys are DB versions, as numbers or strings of digits
 * without leading zeros (`664` or `"664"`); values are builds. The map iterates in
 * ascending DB order.
 *
 * @throws RangeError when a key or a value is not a whole number from 0 to 65534.
 */
export function minimumBuildTable(extra?: Readonly<Record<string | number, number>>): MinimumBuildTable {
  const merged = new Map<number, number>();
  for (const [key, build] of Object.entries(DEFAULT_MINIMUM_BUILDS)) merged.set(Number(key), build);
  // Object keys are always strings at run time, numeric ones included.
  for (const [key, build] of Object.entries(extra ?? {})) {
    const db = dbKey(key);
    if (!isVersionPart(build)) {
      throw new RangeError(
        `minimum build ${String(build)} for DB ${db} is not a build number: expected a whole number from 0 to 65534`,
      );
    }
    merged.set(db, build);
  }
  return new Map([...merged].sort(([a], [b]) => a - b));
}
