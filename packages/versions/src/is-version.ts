import { isVersionPart } from './limits.js';
import type { Version } from './version.js';

/**
 * True when `value` is a {@link Version}: an object whose `major`, `db` and `build`
 * are whole numbers from 0 to 65534 and whose `revision`, if present and not
 * `undefined`, is too.
 */
export function isVersion(value: unknown): value is Version {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    isVersionPart(v['major']) &&
    isVersionPart(v['db']) &&
    isVersionPart(v['build']) &&
    (v['revision'] === undefined || isVersionPart(v['revision']))
  );
}
