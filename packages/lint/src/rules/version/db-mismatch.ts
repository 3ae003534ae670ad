import { buildDate, VERSION_PART_MAX } from '@tmcheck/versions';
import { defineRule } from '../../engine/define-rule.js';
import { databaseVersion, parsedVersionFields, shown } from '../../rule-kit/version-fields.js';

export default defineRule({
  id: 'version/db-mismatch',
  severity: 'error',
  docs: { description: 'The DB part of the client and Server Service versions is the database version' },
  fixable: false,
  check(ctx) {
    const db = databaseVersion(ctx.manifest);
    // Above VERSION_PART_MAX no build can match: version/unknown-db asks for the DB version again.
    if (db === undefined || db > VERSION_PART_MAX) return;
    for (const field of parsedVersionFields(ctx.manifest)) {
      const { major, db: part } = field.version;
      // A major other than 2 is not a V2 build: version/major speaks, and the DB part means nothing here.
      if (major !== 2 || part === db) continue;
      const minimum = ctx.minimumBuilds.get(db);
      ctx.report({
        pointer: field.pointer,
        message:
          `${field.name} version ${shown(field)} (built ${buildDate(field.version.build)}) is for DB ${part} but database.version is ${db}: ` +
          `install the 2.${db} build of the ${field.product}` +
          (minimum === undefined ? '' : ` (2.${db}.${minimum} or later)`),
      });
    }
  },
});
