import { defineRule } from '../../engine/define-rule.js';
import { databaseVersion, parsedVersionFields, shown } from '../../rule-kit/version-fields.js';

export default defineRule({
  id: 'version/major',
  severity: 'error',
  docs: { description: 'The client and Server Service are TM Master V2 builds: their versions start with 2' },
  fixable: false,
  check(ctx) {
    for (const field of parsedVersionFields(ctx.manifest)) {
      const { major, db } = field.version;
      if (major === 2) continue;
      const target = databaseVersion(ctx.manifest) ?? db;
      const minimum = ctx.minimumBuilds.get(target);
      const install =
        minimum === undefined ? `a 2.${target} build of the ${field.product}` : `the ${field.product}, 2.${target}.${minimum} or later`;
      ctx.report({
        pointer: field.pointer,
        message:
          `${field.name} version ${shown(field)} has major version ${major}, but the OAuth2 guide is for TM Master V2: ` +
          `install ${install}`,
      });
    }
  },
});
