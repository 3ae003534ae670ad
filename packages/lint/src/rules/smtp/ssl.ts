import { defineRule } from '../../engine/define-rule.js';
import { bool, present } from '../../model/access.js';

export default defineRule({
  id: 'smtp/ssl',
  severity: 'error',
  docs: { description: 'With OAuth2 the SSL box of the sending section is ticked: SMTP Enable SSL (Mail Settings), Use SSL/TLS (TM Exchange SMTP)' },
  fixable: true,
  check(ctx) {
    for (const section of ctx.sections) {
      if (section.channel !== 'graph' || !section.oauthApplies) continue;
      const key = section.sslKey;
      const written = present(section.raw, key);
      const value = bool(section.raw, key);
      if (value === true || (written && value === undefined)) continue;
      const pointer = section.pointer(key);
      const box = section.id === 'mailSettings' ? 'SMTP Enable SSL' : 'Use SSL/TLS';
      const guide =
        section.id === 'mailSettings' ? 'the guide: "Tick this check box, SSL should be enabled"' : 'the guide: "SSL/TLS is required for OAuth2"';
      const state = written ? 'is not ticked' : 'is not set';
      ctx.report({
        pointer,
        message: `${section.label} > ${box} ${state}: tick it (${guide}); TM Master sends through Microsoft Graph over https only`,
        fix: { pointer, value: true },
      });
    }
  },
});
