import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  id: 'pop3/ssl',
  severity: 'error',
  docs: { description: 'With OAuth2 TM Exchange POP3 > Use SSL/TLS is ticked: SSL/TLS is required for OAuth2' },
  fixable: true,
  messages: {
    notFilledIn:
      '{{field}} is not filled in: tick it (the guide: "SSL/TLS is required for OAuth2"); Exchange Online serves POP3 only over TLS, on port 995',
    notTicked:
      '{{field}} is not ticked: tick it (the guide: "SSL/TLS is required for OAuth2"); Exchange Online serves POP3 only over TLS, on port 995',
  },
  check(ctx) {
    for (const section of ctx.sections) {
      if (section.channel !== 'pop3' || !section.oauthApplies) continue;
      const pointer = section.pointer(section.sslKey);
      const written = ctx.written(pointer);
      // a box of the wrong type is the schema's to report
      if (written === 'invalid' || section.ssl === true) continue;
      ctx.report({ messageId: written === 'absent' ? 'notFilledIn' : 'notTicked', pointer, fix: { pointer, value: true } });
    }
  },
});
