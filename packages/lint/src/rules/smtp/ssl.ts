import { defineRule } from '../../engine/define-rule.js';
import { ours } from '../../secrets/show.js';

/** What the guide says about each section's box. */
const GUIDE = {
  mailSettings: 'the guide: "Tick this check box, SSL should be enabled"',
  exchangeSmtp: 'the guide: "SSL/TLS is required for OAuth2"',
} as const;

export default defineRule({
  id: 'smtp/ssl',
  severity: 'error',
  docs: { description: 'With OAuth2 the SSL box of the sending section is ticked: SMTP Enable SSL (Mail Settings), Use SSL/TLS (TM Exchange SMTP)' },
  fixable: true,
  messages: {
    notFilledIn: '{{field}} is not filled in: tick it ({{guide}}); TM Master sends through Microsoft Graph over https only',
    notTicked: '{{field}} is not ticked: tick it ({{guide}}); TM Master sends through Microsoft Graph over https only',
  },
  check(ctx) {
    for (const section of ctx.sections) {
      if (section.channel !== 'graph' || !section.oauthApplies || section.id === 'exchangePop3') continue;
      const pointer = section.pointer(section.sslKey);
      const written = ctx.written(pointer);
      // a box of the wrong type is the schema's to report
      if (written === 'invalid' || section.ssl === true) continue;
      ctx.report({
        messageId: written === 'absent' ? 'notFilledIn' : 'notTicked',
        pointer,
        data: { guide: ours(GUIDE[section.id]) },
        fix: { pointer, value: true },
      });
    }
  },
});
