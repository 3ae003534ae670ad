import type { Version } from './version.js';

function sign(d: number): -1 | 0 | 1 {
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/**
 * Total order on versions: by major, then DB, then build, then revision, where an
 * absent revision sorts before every revision (`2.664.8271` < `2.664.8271.0`).
 * Usable directly as an `Array.prototype.sort` comparator.
 */
export function compare(a: Version, b: Version): -1 | 0 | 1 {
  if (a.major !== b.major) return sign(a.major - b.major);
  if (a.db !== b.db) return sign(a.db - b.db);
  if (a.build !== b.build) return sign(a.build - b.build);
  if (a.revision === b.revision) return 0;
  if (a.revision === undefined) return -1;
  if (b.revision === undefined) return 1;
  return sign(a.revision - b.revision);
}
