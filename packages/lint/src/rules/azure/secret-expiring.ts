import { defineRule } from '../../engine/define-rule.js';
import { dayNumber } from '../../model/date.js';
import { clientSecretFields, newestSecret } from '../../rule-kit/client-secrets.js';
import { showValue } from '../../secrets/show.js';

const DEFAULT_DAYS = 30;

/** What to do, the end of every message. */
const RENEW =
  'create a new secret in Certificates & secrets now and paste its Value into {{secretFields}}, ' +
  'or the sign-in fails with AADSTS7000222 once it has expired';
const RENEW_NOW =
  'create a new secret in Certificates & secrets and paste its Value into {{secretFields}}: ' +
  'until then the sign-in fails with AADSTS7000222';

export default defineRule({
  id: 'azure/secret-expiring',
  severity: 'warning',
  docs: { description: 'The newest client secret of the app registration does not expire within the next 30 days (option days)' },
  fixable: false,
  options: {
    days: { type: 'integer', minimum: 1, maximum: 730, default: DEFAULT_DAYS, description: 'how many days before expiry to warn' },
  },
  messages: {
    expiresToday: `{{field}} is today, {{expires}}, and no listed client secret expires later: ${RENEW}`,
    expiresTomorrow: `{{field}} is tomorrow, {{expires}}, and no listed client secret expires later: ${RENEW}`,
    expiresSoon: `{{field}} is {{expires}}, in {{days}} days, and no listed client secret expires later: ${RENEW}`,
    expired: `{{field}} is {{expires}}, which has passed, and no listed client secret expires later: ${RENEW_NOW}`,
  },
  check(ctx) {
    const newest = newestSecret(ctx.manifest);
    const today = dayNumber(ctx.today);
    if (!newest || today === undefined) return;
    const left = newest.day - today;
    // An expired secret is reported here too: azure/secret-expired's error supersedes this warning.
    if (left > (ctx.options['days'] ?? DEFAULT_DAYS)) return;
    const data = { expires: showValue(newest.pointer, newest.expires, { bare: true }), secretFields: clientSecretFields(ctx.sections) };
    if (left < 0) ctx.report({ messageId: 'expired', pointer: newest.pointer, data });
    else {
      const messageId = left === 0 ? 'expiresToday' : left === 1 ? 'expiresTomorrow' : 'expiresSoon';
      ctx.report({ messageId, pointer: newest.pointer, data: { ...data, days: left } });
    }
  },
});
