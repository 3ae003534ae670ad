/** What the version/* rules share: the version fields, the database version, the table. */
import { buildDate, checkBuild, parse, VERSION_PART_MAX, type MinimumBuildTable, type Version } from '@tmcheck/versions';
import { num, obj, str, type Obj } from '../model/access.js';
import { memoize } from '../model/memo.js';
import { quote } from '../model/values.js';

/** A version written as text: `client.version`, or `serverService.version`. */
export interface VersionField {
  readonly component: 'client' | 'serverService';
  /** As the engineer says it: `Client`, `Server Service`. */
  readonly name: string;
  /** What to install: `TM Master V2 client`, `TM Master V2 Server Service`. */
  readonly product: string;
  readonly pointer: string;
  readonly text: string;
}

export interface ParsedVersionField extends VersionField {
  readonly version: Version;
}

/** The version parser, memoized: seven rules read the same two fields. */
const parseVersion = memoize(parse);

const COMPONENTS = [
  { component: 'client', name: 'Client', product: 'TM Master V2 client' },
  { component: 'serverService', name: 'Server Service', product: 'TM Master V2 Server Service' },
] as const;

/** Per document: seven rules ask for the same fields (a document is never changed while rules run). */
const fieldsOf = new WeakMap<Obj, readonly VersionField[]>();
const parsedOf = new WeakMap<Obj, readonly ParsedVersionField[]>();

/** The version fields written as text (a number or another type is the schema's to report). */
export function versionFields(manifest: Obj): readonly VersionField[] {
  const known = fieldsOf.get(manifest);
  if (known) return known;
  const fields: VersionField[] = [];
  for (const c of COMPONENTS) {
    const text = str(obj(manifest, c.component), 'version');
    if (text !== undefined) fields.push({ ...c, pointer: `/${c.component}/version`, text });
  }
  fieldsOf.set(manifest, fields);
  return fields;
}

/** The version fields whose text parses; a syntax error is version/syntax's alone. */
export function parsedVersionFields(manifest: Obj): readonly ParsedVersionField[] {
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
export function databaseVersion(manifest: Obj): number | undefined {
  const db = num(obj(manifest, 'database'), 'version');
  return db !== undefined && Number.isInteger(db) && db >= 0 ? db : undefined;
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

/** `662, 664, 665`: the DB versions of the table, ascending. */
export function tableDbs(table: MinimumBuildTable): string {
  return [...table.keys()].sort((a, b) => a - b).join(', ');
}

/** The text as quoted in messages, without the spaces the parser tolerates around it. */
export function shown(field: VersionField): string {
  return quote(field.text.trim());
}

/**
 * The message for a build below the minimum for the database version, or undefined when the
 * build is fine or another rule speaks: a major other than 2 (version/major), a DB part that
 * differs from database.version (version/db-mismatch), a DB not in the table
 * (version/unsupported-db, version/unknown-db).
 */
export function belowMinimumMessage(field: ParsedVersionField, manifest: Obj, table: MinimumBuildTable): string | undefined {
  const db = databaseVersion(manifest);
  // No version has a DB part above VERSION_PART_MAX: version/unknown-db asks for the DB version again.
  if (db !== undefined && db > VERSION_PART_MAX) return undefined;
  // database.version missing or of a wrong type is the schema's; the version's own DB part stands in.
  const verdict = checkBuild({ version: field.version, table, ...(db !== undefined ? { db } : {}) });
  if (verdict.status !== 'below-minimum' || verdict.minimumBuild === null || verdict.db === undefined) return undefined;
  const { build } = field.version;
  const minimum = verdict.minimumBuild;
  return (
    `${field.name} build ${build} (built ${buildDate(build)}) is below ${minimum} (${buildDate(minimum)}), ` +
    `the minimum for DB ${verdict.db}: upgrade the ${field.product} to 2.${verdict.db}.${minimum} or later`
  );
}
