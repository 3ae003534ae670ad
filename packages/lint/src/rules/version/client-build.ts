import { defineRule } from '../../engine/define-rule.js';
import { BELOW_MINIMUM, belowMinimum, parsedVersionFields } from '../../rule-kit/version-fields.js';

export default defineRule({
  id: 'version/client-build',
  severity: 'error',
  docs: {
    description: 'The TM Master V2 client build is at least the minimum for the database version (8271 for DB 662, 664 and 665)',
  },
  fixable: false,
  messages: { belowMinimum: BELOW_MINIMUM },
  check(ctx) {
    for (const field of parsedVersionFields(ctx.manifest)) {
      if (field.component !== 'client') continue;
      const below = belowMinimum(field, ctx.manifest, ctx.minimumBuilds);
      if (below) ctx.report({ messageId: 'belowMinimum', ...below });
    }
  },
});
