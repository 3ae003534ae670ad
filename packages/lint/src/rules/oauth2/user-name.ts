import { defineRule } from '../../engine/define-rule.js';
import type { SectionId } from '../../model/sections.js';
import { isEmail } from '../../model/values.js';
import { ours, showValue } from '../../secrets/show.js';
import { tabValues } from '../../rule-kit/tab-fields.js';

/** What the address is for, in the guide's words for each dialog. */
const WANTED: Readonly<Record<SectionId, string>> = {
  mailSettings: 'the e-mail address of the account used when sending e-mails from the system',
  exchangeSmtp: 'the e-mail address of the replication mailbox TM Exchange sends from',
  exchangePop3: 'the e-mail address to download from',
};

/** The guide's own sample address, which nobody owns. */
const GUIDE_EXAMPLE = 'example@email.com';

/** The User Name of each OAuth2 tab: the mailbox's e-mail address. */
export default defineRule({
  id: 'oauth2/user-name',
  severity: 'error',
  docs: { description: 'The OAuth2 User Name is the e-mail address of the mailbox the section sends from or downloads from' },
  fixable: false,
  messages: {
    notFilledIn: '{{field}} is not filled in: enter {{wanted}}',
    placeholderInMailSettings:
      '{{field}} {{value}} holds {0}, but User Name takes the address itself: enter {{wanted}}; {0} belongs in the SMTP Server URL (https://graph.microsoft.com/v1.0/users/{0}/sendMail, with Use Address from User ticked)',
    placeholderInExchange:
      '{{field}} {{value}} holds {0}, but User Name takes the address itself: enter {{wanted}}; TM Exchange always uses its replication mailbox, so {0} has no place here',
    notEmail: '{{field}} {{value}} is not an e-mail address: enter {{wanted}}, such as ops@example.com',
    guideExample: "{{field}} is still the guide's example address example@email.com: enter {{wanted}}",
  },
  check(ctx) {
    const values = tabValues(ctx, 'userName', (section) => ({ data: { wanted: ours(WANTED[section.id]) } }));
    for (const { section, pointer, trimmed } of values) {
      const data = { value: showValue(pointer, trimmed), wanted: ours(WANTED[section.id]) };
      if (trimmed.includes('{0}')) {
        ctx.report({ messageId: section.id === 'mailSettings' ? 'placeholderInMailSettings' : 'placeholderInExchange', pointer, data });
      } else if (!isEmail(trimmed)) {
        ctx.report({ messageId: 'notEmail', pointer, data });
      } else if (trimmed.toLowerCase() === GUIDE_EXAMPLE) {
        ctx.report({ messageId: 'guideExample', pointer, data });
      }
    }
  },
});
