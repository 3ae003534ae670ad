import { defineRule } from '../../engine/define-rule.js';
import { ours } from '../../secrets/show.js';

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
  messages: {
    notFilledIn: '{{field}} is not filled in: type 995; Exchange Online serves POP3 over TLS on port 995',
    knownPort: '{{field}} is {{port}}: {{why}}; type 995 (Exchange Online serves POP3 over TLS on port 995)',
    otherPort: '{{field}} is {{port}}: Exchange Online serves POP3 over TLS on port 995; type 995',
  },
  check(ctx) {
    for (const section of ctx.sections) {
      if (section.channel !== 'pop3' || !section.oauthApplies) continue;
      const pointer = section.pointer('port');
      const fix = { pointer, value: POP3S };
      const written = ctx.written(pointer);
      // a Port of the wrong type ("995" as text, 995.5) is the schema's to report, with its own fix
      if (written === 'invalid') continue;
      const port = section.port;
      if (written === 'absent' || port === undefined) {
        ctx.report({ messageId: 'notFilledIn', pointer, fix });
        continue;
      }
      if (port === POP3S) continue;
      // a port outside 1-65535 is reported here too; the schema's finding replaces this one there
      const why = KNOWN[port];
      ctx.report(why ? { messageId: 'knownPort', pointer, data: { port, why: ours(why) }, fix } : { messageId: 'otherPort', pointer, data: { port }, fix });
    }
  },
});
