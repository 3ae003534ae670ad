import { buildDate } from '@tmcheck/versions';
import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { DB_POINTER, parsedVersionFields, shownVersion, versionDb } from '../../rule-kit/version-fields.js';
import { ours } from '../../secrets/show.js';

export default defineRule({
  id: 'version/db-mismatch',
  severity: 'error',
  docs: { description: 'The DB part of the client and Server Service versions is the database version' },
  fixable: false,
  messages: {
    otherDb:
      '{{field}} {{value}} (built {{built}}) is for DB {{part}}, but the {{dbField}} is {{db}}: ' +
      'install the 2.{{db}} build of the {{product}} (2.{{db}}.{{minimum}} or later), or correct the {{dbField}}',
    otherDbNoMinimum:
      '{{field}} {{value}} (built {{built}}) is for DB {{part}}, but the {{dbField}} is {{db}}: ' +
      'install the 2.{{db}} build of the {{product}}, or correct the {{dbField}}',
  },
  // The build rules judge the build against the database's minimum: for a version made for another
  // DB this finding says what to install.
  supersedes: ['version/client-build', 'version/server-service-build'],
  check(ctx) {
    // Missing or not a whole number: the schema's. Above 65534 no version can be for it: version/unknown-db
    // asks for the DB version again, and there is no build to name.
    const db = versionDb(ctx.manifest);
    if (db === undefined) return;
    for (const field of parsedVersionFields(ctx.manifest)) {
      const part = field.version.db;
      if (part === db) continue;
      const minimum = ctx.minimumBuilds.get(db);
      const data = {
        value: shownVersion(field),
        built: ours(buildDate(field.version.build)),
        part,
        db,
        dbField: fieldName(DB_POINTER),
        product: ours(field.product),
      };
      if (minimum === undefined) ctx.report({ messageId: 'otherDbNoMinimum', pointer: field.pointer, data });
      else ctx.report({ messageId: 'otherDb', pointer: field.pointer, data: { ...data, minimum } });
    }
  },
});
