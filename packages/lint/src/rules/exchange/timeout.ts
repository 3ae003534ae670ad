import { defineRule } from '../../engine/define-rule.js';
import { num, obj, present } from '../../model/access.js';

const POINTER = '/exchange/smtp/timeoutSeconds';
const MIN = 30;
const MAX = 600;
const REASONABLE = 100;

export default defineRule({
  id: 'exchange/timeout',
  severity: 'warning',
  docs: { description: `TM Exchange SMTP > Timeout is set between ${MIN} and ${MAX} seconds (the guide: ${REASONABLE} seconds is reasonable)` },
  fixable: true,
  check(ctx) {
    const smtp = obj(obj(ctx.manifest, 'exchange'), 'smtp');
    if (!smtp) return;
    const fix = { pointer: POINTER, value: REASONABLE };
    if (!present(smtp, 'timeoutSeconds')) {
      ctx.report({
        pointer: POINTER,
        message: `TM Exchange SMTP > Timeout is not set: type ${REASONABLE} (seconds), the value the guide calls reasonable for TM Exchange to wait for the mail server`,
        fix,
      });
      return;
    }
    const seconds = num(smtp, 'timeoutSeconds');
    if (seconds === undefined || !Number.isInteger(seconds)) return;
    if (seconds < MIN) {
      ctx.report({
        pointer: POINTER,
        message: `TM Exchange SMTP > Timeout is ${seconds} seconds, under ${MIN}: over a slow link (a vessel's satellite line) sending a replication package can take longer than that, and TM Exchange gives up; type ${REASONABLE}, the value the guide calls reasonable`,
        fix,
      });
    } else if (seconds > MAX) {
      ctx.report({
        pointer: POINTER,
        message: `TM Exchange SMTP > Timeout is ${seconds} seconds, over ${MAX}: a mail server that does not answer would hold up TM Exchange's replication cycle that long; type ${REASONABLE}, the value the guide calls reasonable`,
        fix,
      });
    }
  },
});
