import { defineRule } from '../../engine/define-rule.js';
import { present } from '../../model/access.js';
import { belowMinimumMessage, parsedVersionFields } from '../../rule-kit/version-fields.js';

export default defineRule({
  id: 'version/server-service-build',
  severity: 'error',
  docs: {
    description:
      'Where TM Exchange is used, the Server Service build is at least the minimum for the database version (8271 for DB 662, 664 and 665)',
  },
  fixable: false,
  check(ctx) {
    // Without TM Exchange the Server Service sends no mail: its build does not matter here.
    if (!present(ctx.manifest, 'exchange')) return;
    for (const field of parsedVersionFields(ctx.manifest)) {
      if (field.component !== 'serverService') continue;
      const message = belowMinimumMessage(field, ctx.manifest, ctx.minimumBuilds);
      if (message !== undefined) ctx.report({ pointer: field.pointer, message });
    }
  },
});
