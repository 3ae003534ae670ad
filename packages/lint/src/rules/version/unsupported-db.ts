import { defineRule } from '../../engine/define-rule.js';
import { databaseVersion, DB_POINTER, dbStanding, oldestDb, tableDbs } from '../../rule-kit/version-fields.js';

export default defineRule({
  id: 'version/unsupported-db',
  severity: 'error',
  docs: { description: 'The database version is one with a TM Master build for OAuth2 mail (DB 662 or later)' },
  fixable: false,
  messages: {
    olderThanTable:
      '{{field}} {{db}} is older than every DB version with an OAuth2 build ({{table}}): ' +
      'OAuth2 mail needs a database upgrade to DB {{oldest}} or later, then TM Master V2 2.{{oldest}}.{{minimum}} or later',
  },
  check(ctx) {
    const db = databaseVersion(ctx.manifest);
    if (db === undefined || dbStanding(db, ctx.minimumBuilds) !== 'unsupported') return;
    const oldest = oldestDb(ctx.minimumBuilds) as number;
    const minimum = ctx.minimumBuilds.get(oldest) as number;
    ctx.report({ messageId: 'olderThanTable', pointer: DB_POINTER, data: { db, table: tableDbs(ctx.minimumBuilds), oldest, minimum } });
  },
});
