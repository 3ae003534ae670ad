import { defineRule } from '../../engine/define-rule.js';
import { belowMinimumMessage, parsedVersionFields } from '../../rule-kit/version-fields.js';

export default defineRule({
  id: 'version/client-build',
  severity: 'error',
  docs: {
    description: 'The TM Master V2 client build is at least the minimum for the database version (8271 for DB 662, 664 and 665)',
  },
  fixable: false,
  check(ctx) {
    for (const field of parsedVersionFields(ctx.manifest)) {
      if (field.component !== 'client') continue;
      const message = belowMinimumMessage(field, ctx.manifest, ctx.minimumBuilds);
      if (message !== undefined) ctx.report({ pointer: field.pointer, message });
    }
  },
});
