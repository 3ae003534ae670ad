import { parse } from './parse.js';
import type { Version } from './version.js';
import { VersionParseError } from './version-parse-error.js';

/** Like `parse`, but returns the version or throws a {@link VersionParseError}. */
export function parseOrThrow(text: string): Version {
  const result = parse(text);
  if (!result.ok) throw new VersionParseError(result.error);
  return result.version;
}
