import { defineRule } from '../../engine/define-rule.js';
import { clientSecretFields, dayNumber, newestSecret } from '../../rule-kit/client-secrets.js';

const DEFAULT_DAYS = 30;

export default defineRule({
  id: 'azure/secret-expiring',
  severity: 'warning',
  docs: { description: 'The newest client secret of the app registration does not expire within the next 30 days (option days)' },
  fixable: false,
  options: {
    days: { type: 'integer', minimum: 1, maximum: 730, default: DEFAULT_DAYS, description: 'how many days before expiry to warn' },
  },
  check(ctx) {
    const newest = newestSecret(ctx.manifest);
    const today = dayNumber(ctx.today);
    if (!newest || today === undefined) return;
    const left = newest.day - today;
    const days = ctx.options['days'] ?? DEFAULT_DAYS;
    // An expired secret is azure/secret-expired's finding.
    if (left < 0 || left > days) return;
    const when =
      left === 0
        ? `today, ${newest.expires}`
        : `on ${newest.expires}, in ${left} day${left === 1 ? '' : 's'}`;
    ctx.report({
      pointer: newest.pointer,
      message:
        `the newest client secret expires ${when}; create a new secret in Certificates & secrets now and paste its Value into ` +
        `${clientSecretFields(ctx.sections)}, or the sign-in fails with AADSTS7000222 once it has expired`,
    });
  },
});
