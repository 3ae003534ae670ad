import { defineRule } from '../../engine/define-rule.js';
import { num, present } from '../../model/access.js';

const POP3S = 995;

/** What a port the engineer may have typed is for. */
const KNOWN: Readonly<Record<number, string>> = {
  110: '110 is plain POP3; Exchange Online POP3 with OAuth2 uses 995 with SSL/TLS',
  143: '143 is IMAP, not POP3',
  993: '993 is IMAP over TLS, not POP3',
  25: '25 is SMTP, for sending',
  465: '465 is SMTP over TLS, for sending',
  587: '587 is SMTP (submission), for sending',
};

export default defineRule({
  id: 'pop3/port',
  severity: 'error',
  docs: { description: 'TM Exchange POP3 > Port is 995: Exchange Online serves POP3 over TLS on port 995' },
  fixable: true,
  check(ctx) {
    for (const section of ctx.sections) {
      if (section.channel !== 'pop3' || !section.oauthApplies) continue;
      const pointer = section.pointer('port');
      const fix = { pointer, value: POP3S };
      if (!present(section.raw, 'port')) {
        ctx.report({
          pointer,
          message: `TM Exchange POP3 > Port is not set: type 995; Exchange Online serves POP3 over TLS on port 995`,
          fix,
        });
        continue;
      }
      const port = num(section.raw, 'port');
      // Not a whole number from 1 to 65535: the schema reports it, once.
      if (port === undefined || port === POP3S || !Number.isInteger(port) || port < 1 || port > 65535) continue;
      const known = KNOWN[port];
      ctx.report({
        pointer,
        message: known
          ? `TM Exchange POP3 > Port is ${port}: ${known}; type 995 (Exchange Online serves POP3 over TLS on port 995)`
          : `TM Exchange POP3 > Port is ${port}: Exchange Online serves POP3 over TLS on port 995; type 995`,
        fix,
      });
    }
  },
});
