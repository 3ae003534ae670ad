import { defineRule } from '../../engine/define-rule.js';
import { BELOW_MINIMUM, belowMinimum, parsedVersionFields } from '../../rule-kit/version-fields.js';

export default defineRule({
  id: 'version/server-service-build',
  severity: 'error',
  docs: {
    description:
      'Where TM Exchange is used, the Server Service build is at least the minimum for the database version (8271 for DB 662, 664 and 665)',
  },
  fixable: false,
  messages: { belowMinimum: BELOW_MINIMUM },
  check(ctx) {
    // Without TM Exchange the Server Service sends no mail: its build does not matter here.
    if (ctx.written('/exchange') === 'absent') return;
    for (const field of parsedVersionFields(ctx.manifest)) {
      if (field.component !== 'serverService') continue;
      const below = belowMinimum(field, ctx.manifest, ctx.minimumBuilds);
      if (below) ctx.report({ messageId: 'belowMinimum', ...below });
    }
  },
});
