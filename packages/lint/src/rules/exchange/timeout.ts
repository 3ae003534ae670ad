import { defineRule } from '../../engine/define-rule.js';

const POINTER = '/exchange/smtp/timeoutSeconds';
const MIN = 30;
const MAX = 600;
const REASONABLE = 100;

export default defineRule({
  id: 'exchange/timeout',
  severity: 'warning',
  docs: { description: `TM Exchange SMTP > Timeout is set between ${MIN} and ${MAX} seconds (the guide: ${REASONABLE} seconds is reasonable)` },
  fixable: true,
  messages: {
    notFilledIn: `{{field}} is not filled in: type ${REASONABLE} (seconds), the value the guide calls reasonable for TM Exchange to wait for the mail server`,
    tooShort: `{{field}} is {{seconds}} seconds, under ${MIN}: over a slow link (a vessel's satellite line) sending a replication package can take longer than that, and TM Exchange gives up; type ${REASONABLE}, the value the guide calls reasonable`,
    tooLong: `{{field}} is {{seconds}} seconds, over ${MAX}: a mail server that does not answer would hold up TM Exchange's replication cycle that long; type ${REASONABLE}, the value the guide calls reasonable`,
  },
  check(ctx) {
    if (!ctx.manifest.exchange?.smtp) return;
    const fix = { pointer: POINTER, value: REASONABLE };
    const written = ctx.written(POINTER);
    // a Timeout of the wrong type ("100" as text, "100s", 100.5) is the schema's to report
    if (written === 'invalid') return;
    const seconds = ctx.manifest.exchange.smtp.timeoutSeconds;
    if (written === 'absent' || seconds === undefined) {
      ctx.report({ messageId: 'notFilledIn', pointer: POINTER, fix });
    } else if (seconds < MIN) {
      ctx.report({ messageId: 'tooShort', pointer: POINTER, data: { seconds }, fix });
    } else if (seconds > MAX) {
      ctx.report({ messageId: 'tooLong', pointer: POINTER, data: { seconds }, fix });
    }
  },
});
