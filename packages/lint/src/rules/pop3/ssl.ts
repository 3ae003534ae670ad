import { defineRule } from '../../engine/define-rule.js';
import { bool, present } from '../../model/access.js';

export default defineRule({
  id: 'pop3/ssl',
  severity: 'error',
  docs: { description: 'With OAuth2 TM Exchange POP3 > Use SSL/TLS is ticked: SSL/TLS is required for OAuth2' },
  fixable: true,
  check(ctx) {
    for (const section of ctx.sections) {
      if (section.channel !== 'pop3' || !section.oauthApplies) continue;
      const written = present(section.raw, 'useSsl');
      const value = bool(section.raw, 'useSsl');
      if (value === true || (written && value === undefined)) continue;
      const pointer = section.pointer('useSsl');
      ctx.report({
        pointer,
        message: `TM Exchange POP3 > Use SSL/TLS ${written ? 'is not ticked' : 'is not set'}: tick it (the guide: "SSL/TLS is required for OAuth2"); Exchange Online serves POP3 only over TLS, on port 995`,
        fix: { pointer, value: true },
      });
    }
  },
});
