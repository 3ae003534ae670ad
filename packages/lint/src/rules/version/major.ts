import { defineRule } from '../../engine/define-rule.js';
import { parsedVersionFields, shownVersion, versionDb } from '../../rule-kit/version-fields.js';
import { ours } from '../../secrets/show.js';

export default defineRule({
  id: 'version/major',
  severity: 'error',
  docs: { description: 'The client and Server Service are TM Master V2 builds: their versions start with 2' },
  fixable: false,
  messages: {
    notV2:
      '{{field}} {{value}} has major version {{major}}, but the OAuth2 guide is for TM Master V2: ' +
      'install the {{product}}, 2.{{db}}.{{minimum}} or later',
    notV2NoMinimum:
      '{{field}} {{value}} has major version {{major}}, but the OAuth2 guide is for TM Master V2: install a 2.{{db}} build of the {{product}}',
  },
  // A version that is not V2 is this rule's one finding at that version: the DB part and the build of
  // another product say nothing more. Switched off, those rules still judge it.
  supersedes: ['version/db-mismatch', 'version/client-build', 'version/server-service-build'],
  check(ctx) {
    for (const field of parsedVersionFields(ctx.manifest)) {
      const { major } = field.version;
      if (major === 2) continue;
      // the build to install is for the database; a DB version no version can hold is version/unknown-db's
      const db = versionDb(ctx.manifest) ?? field.version.db;
      const minimum = ctx.minimumBuilds.get(db);
      const data = { value: shownVersion(field), major, db, product: ours(field.product) };
      if (minimum === undefined) ctx.report({ messageId: 'notV2NoMinimum', pointer: field.pointer, data });
      else ctx.report({ messageId: 'notV2', pointer: field.pointer, data: { ...data, minimum } });
    }
  },
});
