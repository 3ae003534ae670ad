/** What the version/* rules share: the version fields, the database version, the table. */
import { buildDate, parse, VERSION_PART_MAX, type MinimumBuildTable, type Version } from '@tmcheck/versions';
import { memoize } from '../model/memo.js';
import type { ManifestView } from '../model/view.js';
import { ours, showValue, type Shown } from '../secrets/show.js';

/** A version written as text: `client.version`, or `serverService.version`. */
export interface VersionField {
  readonly component: 'client' | 'serverService';
  /** What to install: `TM Master V2 client`, `TM Master V2 Server Service`. */
  readonly product: string;
  readonly pointer: string;
  readonly text: string;
}

export interface ParsedVersionField extends VersionField {
  readonly version: Version;
}

/** The version parser, memoized: seven rules read the same two fields. */
export const parseVersion = memoize(parse);

/** The JSON Pointer of the database version. */
export const DB_POINTER = '/database/version';

/** The guide's example version, for messages. */
export const EXAMPLE_VERSION = '2.664.8271.20345';

const COMPONENTS = [
  { component: 'client', product: 'TM Master V2 client' },
  { component: 'serverService', product: 'TM Master V2 Server Service' },
] as const;

/** Per document: seven rules ask for the same fields (a document is never changed while rules run). */
const fieldsOf = new WeakMap<ManifestView, readonly VersionField[]>();
const parsedOf = new WeakMap<ManifestView, readonly ParsedVersionField[]>();

/** The version fields written as text (a number or another type is the schema's to report). */
export function versionFields(manifest: ManifestView): readonly VersionField[] {
  const known = fieldsOf.get(manifest);
  if (known) return known;
  const fields: VersionField[] = [];
  for (const c of COMPONENTS) {
    const text = manifest[c.component]?.version;
    if (text !== undefined) fields.push({ ...c, pointer: `/${c.component}/version`, text });
  }
  fieldsOf.set(manifest, fields);
  return fields;
}

/** The version fields whose text parses; a version that does not is version/syntax's alone (nothing to read). */
export function parsedVersionFields(manifest: ManifestView): readonly ParsedVersionField[] {
  const known = parsedOf.get(manifest);
  if (known) return known;
  const fields: ParsedVersionField[] = [];
  for (const field of versionFields(manifest)) {
    const result = parseVersion(field.text);
    if (result.ok) fields.push({ ...field, version: result.version });
  }
  parsedOf.set(manifest, fields);
  return fields;
}

/** `database.version` when it is a whole number from 0 up (anything else is the schema's). */
export function databaseVersion(manifest: ManifestView): number | undefined {
  const db = manifest.database?.version;
  return db !== undefined && Number.isInteger(db) && db >= 0 ? db : undefined;
}

/** `database.version` when a version can hold it (at most 65534); above, version/unknown-db asks for it again. */
export function versionDb(manifest: ManifestView): number | undefined {
  const db = databaseVersion(manifest);
  return db !== undefined && db <= VERSION_PART_MAX ? db : undefined;
}

/** Where `db` stands in the table: a known DB, below every DB (unsupported), or neither (unknown). */
export function dbStanding(db: number, table: MinimumBuildTable): 'known' | 'unsupported' | 'unknown' {
  if (table.has(db)) return 'known';
  const oldest = oldestDb(table);
  return oldest !== undefined && db < oldest ? 'unsupported' : 'unknown';
}

export function oldestDb(table: MinimumBuildTable): number | undefined {
  let oldest: number | undefined;
  for (const db of table.keys()) if (oldest === undefined || db < oldest) oldest = db;
  return oldest;
}

/** `662, 664, 665`: the DB versions of the table, ascending (tmcheck's own table: its words). */
export function tableDbs(table: MinimumBuildTable): Shown {
  return ours([...table.keys()].sort((a, b) => a - b).join(', '));
}

/** The text as quoted in messages, without the spaces the parser tolerates around it. */
export function shownVersion(field: VersionField): Shown {
  return showValue(field.pointer, field.text.trim());
}

/** The message every build rule declares for a build below the minimum. */
export const BELOW_MINIMUM =
  '{{field}} {{value}} has build {{build}} (built {{built}}), below {{minimum}} ({{minimumBuilt}}), the minimum for DB {{db}}: ' +
  'upgrade the {{product}} to 2.{{db}}.{{minimum}} or later';

export interface BelowMinimum {
  readonly pointer: string;
  readonly data: {
    readonly value: Shown;
    readonly build: number;
    readonly built: Shown;
    readonly minimum: number;
    readonly minimumBuilt: Shown;
    readonly db: number;
    readonly product: Shown;
  };
}

/**
 * The report for a build below the minimum for the database version, or undefined when the build
 * is fine or the table knows no minimum for that DB (version/unsupported-db or version/unknown-db
 * speak about the database). The DB is `database.version`, or the version's own DB part when that
 * is missing (the schema's finding). A major other than 2 or a DB part that differs from
 * `database.version` is judged here too: version/major and version/db-mismatch supersede this
 * finding at the version, so switching them off does not hide an old build.
 */
export function belowMinimum(field: ParsedVersionField, manifest: ManifestView, table: MinimumBuildTable): BelowMinimum | undefined {
  // database.version missing or of a wrong type is the schema's; the version's own DB part stands in
  const db = databaseVersion(manifest) ?? field.version.db;
  const minimum = table.get(db);
  const { build } = field.version;
  if (minimum === undefined || build >= minimum) return undefined;
  return {
    pointer: field.pointer,
    data: {
      value: shownVersion(field),
      build,
      built: ours(buildDate(build)),
      minimum,
      minimumBuilt: ours(buildDate(minimum)),
      db,
      product: ours(field.product),
    },
  };
}
