import { buildDate } from './build-date.js';
import { isVersion } from './is-version.js';
import { isVersionPart } from './limits.js';
import { minimumBuildTable, type MinimumBuildTable } from './minimum-builds.js';
import { parse } from './parse.js';
import type { Version } from './version.js';
import type { VersionSyntaxError } from './version-syntax-error.js';

export type BuildStatus =
  | 'ok'
  | 'below-minimum'
  | 'db-mismatch'
  | 'unsupported-db'
  | 'unknown-db'
  | 'wrong-major'
  | 'invalid';

export interface BuildVerdict {
  readonly status: BuildStatus;
  /** True for 'ok' and 'unknown-db'; false otherwise. */
  readonly ok: boolean;
  /** The version checked; absent when it was invalid. */
  readonly version?: Version;
  /** The DB version checked: `db` from the input, else the version's DB part. */
  readonly db: number | undefined;
  /** The table's minimum build for `db`; null unless the status is 'ok' or 'below-minimum'. */
  readonly minimumBuild: number | null;
  /** `buildDate(version.build)` whenever `version` is present. */
  readonly buildDate?: string;
  /** One sentence, no trailing period. */
  readonly reason: string;
  /** The syntax error, when the status is 'invalid' because a string did not parse. */
  readonly error?: VersionSyntaxError;
}

export interface CheckBuildInput {
  /** The client or service version, parsed or as text. */
  readonly version: Version | string;
  /** The database version; defaults to the version's DB part. */
  readonly db?: number;
  /** Defaults to `minimumBuildTable()`. */
  readonly table?: MinimumBuildTable;
}

let defaultTable: MinimumBuildTable | undefined;

function listDbs(table: MinimumBuildTable): string {
  return table.size === 0 ? 'which is empty' : [...table.keys()].sort((a, b) => a - b).join(', ');
}

function describeText(text: string): string {
  return text.length <= 64 ? JSON.stringify(text) : `the text of ${text.length} characters`;
}

/**
 * Check a TM Master V2 build against the minimum builds for OAuth2 mail. The checks,
 * in order, the first that applies deciding:
 *
 * 1. 'invalid': the version is a string that does not parse (with `error`), or is not
 *    a valid Version object, or `db` is not a whole number from 0 to 65534;
 * 2. 'wrong-major': major is not 2;
 * 3. 'db-mismatch': `db` was given and differs from the version's DB part;
 * 4. 'unsupported-db': db is below the smallest DB in the table;
 * 5. 'unknown-db': db is not in the table (ok is TRUE: the minimum is unknown);
 * 6. 'below-minimum': build is below the table's minimum for db;
 * 7. 'ok'.
 *
 * Never throws.
 */
export function checkBuild(input: CheckBuildInput): BuildVerdict {
  const table = input.table ?? (defaultTable ??= minimumBuildTable());
  const given = input.version;

  let version: Version;
  if (typeof given === 'string' || typeof given !== 'object' || given === null) {
    const result = parse(given as string);
    if (!result.ok) {
      const shown =
        typeof given === 'string' ? describeText(given) : given === null ? 'null' : `the ${typeof given} ${String(given)}`;
      return {
        status: 'invalid',
        ok: false,
        db: input.db,
        minimumBuild: null,
        reason: `${shown} is not a version: ${result.error.message}`,
        error: result.error,
      };
    }
    version = result.version;
  } else if (isVersion(given)) {
    version = given;
  } else {
    return {
      status: 'invalid',
      ok: false,
      db: input.db,
      minimumBuild: null,
      reason: 'the version is not MAJOR.DB.BUILD[.REVISION] made of whole numbers from 0 to 65534',
    };
  }

  const base = { version, buildDate: buildDate(version.build) };

  if (input.db !== undefined && !isVersionPart(input.db)) {
    return {
      ...base,
      status: 'invalid',
      ok: false,
      db: input.db,
      minimumBuild: null,
      reason: `the database version ${String(input.db)} is not a whole number from 0 to 65534`,
    };
  }
  const db = input.db ?? version.db;

  if (version.major !== 2) {
    return {
      ...base,
      status: 'wrong-major',
      ok: false,
      db,
      minimumBuild: null,
      reason: `major version ${version.major} is not 2: the OAuth2 guide is for TM Master V2 (2.DB.BUILD)`,
    };
  }
  if (version.db !== db) {
    return {
      ...base,
      status: 'db-mismatch',
      ok: false,
      db,
      minimumBuild: null,
      reason: `the DB part ${version.db} differs from the database version ${db}`,
    };
  }
  const minimumBuild = table.get(db);
  if (minimumBuild === undefined) {
    if (table.size > 0 && db < Math.min(...table.keys())) {
      return {
        ...base,
        status: 'unsupported-db',
        ok: false,
        db,
        minimumBuild: null,
        reason: `DB ${db} is older than every DB version in the table (${listDbs(table)}): OAuth2 mail needs a database upgrade`,
      };
    }
    return {
      ...base,
      status: 'unknown-db',
      ok: true,
      db,
      minimumBuild: null,
      reason: `DB ${db} is not in the table of minimum builds (${listDbs(table)}): the minimum is unknown; add it to the table in config`,
    };
  }
  if (version.build < minimumBuild) {
    return {
      ...base,
      status: 'below-minimum',
      ok: false,
      db,
      minimumBuild,
      reason: `build ${version.build} is below ${minimumBuild}, the minimum for DB ${db}`,
    };
  }
  return {
    ...base,
    status: 'ok',
    ok: true,
    db,
    minimumBuild,
    reason: `build ${version.build} meets ${minimumBuild}, the minimum for DB ${db}`,
  };
}
