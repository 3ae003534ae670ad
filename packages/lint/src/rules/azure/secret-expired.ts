import { defineRule } from '../../engine/define-rule.js';
import { clientSecretFields, dayNumber, newestSecret } from '../../rule-kit/client-secrets.js';

export default defineRule({
  id: 'azure/secret-expired',
  severity: 'error',
  docs: { description: 'At least one listed client secret of the app registration has not expired yet' },
  fixable: false,
  check(ctx) {
    const newest = newestSecret(ctx.manifest);
    const today = dayNumber(ctx.today);
    if (!newest || today === undefined) return;
    // A secret that expires today still works today.
    if (newest.day >= today) return;
    ctx.report({
      pointer: newest.pointer,
      message:
        `every client secret has expired (the newest on ${newest.expires}): Microsoft refuses the sign-in with AADSTS7000222 ` +
        `and no mail is sent or downloaded; create a new secret in Certificates & secrets and paste its Value into ${clientSecretFields(ctx.sections)}`,
    });
  },
});
