import { isVersionPart } from './limits.js';
import type { Version } from './version.js';

/**
 * The canonical text of a version: `MAJOR.DB.BUILD` or `MAJOR.DB.BUILD.REVISION`,
 * decimal, no leading zeros, no whitespace. `parse(format(v))` gives `v` back.
 *
 * @throws RangeError when a part is not a whole number from 0 to 65534 (so the
 *   output always parses).
 */
export function format(v: Version): string {
  const parts = v.revision === undefined ? [v.major, v.db, v.build] : [v.major, v.db, v.build, v.revision];
  for (const part of parts) {
    if (!isVersionPart(part)) {
      throw new RangeError(`cannot format version part ${String(part)}: each part must be a whole number from 0 to 65534`);
    }
  }
  return parts.join('.');
}
