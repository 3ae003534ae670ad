import { defineRule } from '../../engine/define-rule.js';
import { dayNumber } from '../../model/date.js';
import { clientSecretFields, newestSecret } from '../../rule-kit/client-secrets.js';
import { showValue } from '../../secrets/show.js';

export default defineRule({
  id: 'azure/secret-expired',
  severity: 'error',
  docs: { description: 'At least one listed client secret of the app registration has not expired yet' },
  fixable: false,
  messages: {
    allExpired:
      '{{field}} is {{expires}}, and no listed client secret expires later: every client secret has expired, so Microsoft ' +
      'refuses the sign-in with AADSTS7000222 and no mail is sent or downloaded; create a new secret in Certificates & secrets ' +
      'and paste its Value into {{secretFields}}',
  },
  // the expired secret is the one secret-expiring would warn about: the error replaces the warning
  supersedes: ['azure/secret-expiring'],
  check(ctx) {
    const newest = newestSecret(ctx.manifest);
    const today = dayNumber(ctx.today);
    if (!newest || today === undefined) return;
    // A secret that expires today still works today.
    if (newest.day >= today) return;
    ctx.report({
      messageId: 'allExpired',
      pointer: newest.pointer,
      data: { expires: showValue(newest.pointer, newest.expires, { bare: true }), secretFields: clientSecretFields(ctx.sections) },
    });
  },
});
