import { VERSION_PART_MAX } from '@tmcheck/versions';
import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { databaseVersion, DB_POINTER, dbStanding, tableDbs } from '../../rule-kit/version-fields.js';

export default defineRule({
  id: 'version/unknown-db',
  severity: 'warning',
  docs: { description: 'The database version is in the table of minimum builds, built in or added in tmcheck.config.json' },
  fixable: false,
  messages: {
    aboveVersionMax:
      '{{field}} {{db}} is above {{max}}, more than any TM Master version can hold: ' +
      'type the DB version TM Master shows, the second part of the {{clientField}} (664 in 2.664.8271.20345)',
    notInTable:
      '{{field}} {{db}} is not in the table of minimum builds ({{table}}), so the minimum build for OAuth2 mail is unknown: ' +
      'ask Tero Marine for the first build for DB {{db}} that supports OAuth2 and add it to tmcheck.config.json, ' +
      'e.g. "minimumBuilds": { "{{db}}": 8400 }',
  },
  check(ctx) {
    const db = databaseVersion(ctx.manifest);
    if (db === undefined || dbStanding(db, ctx.minimumBuilds) !== 'unknown') return;
    if (db > VERSION_PART_MAX) {
      ctx.report({ messageId: 'aboveVersionMax', pointer: DB_POINTER, data: { db, max: VERSION_PART_MAX, clientField: fieldName('/client/version') } });
      return;
    }
    ctx.report({ messageId: 'notInTable', pointer: DB_POINTER, data: { db, table: tableDbs(ctx.minimumBuilds) } });
  },
});
