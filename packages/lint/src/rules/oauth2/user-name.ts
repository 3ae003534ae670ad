import { defineRule } from '../../engine/define-rule.js';
import { blank, present } from '../../model/access.js';
import type { MailSection, SectionId } from '../../model/sections.js';
import { isEmail, quote } from '../../model/values.js';

/** What the address is for, in the guide's words for each dialog. */
const WANTED: Readonly<Record<SectionId, string>> = {
  mailSettings: 'the e-mail address of the account used when sending e-mails from the system',
  exchangeSmtp: 'the e-mail address of the replication mailbox TM Exchange sends from',
  exchangePop3: 'the e-mail address to download from',
};

/** The guide's own sample address, which nobody owns. */
const GUIDE_EXAMPLE = 'example@email.com';

function placeholderAdvice(section: MailSection): string {
  return section.id === 'mailSettings'
    ? '{0} belongs in the SMTP Server URL (https://graph.microsoft.com/v1.0/users/{0}/sendMail, with Use Address from User ticked)'
    : 'TM Exchange always uses its replication mailbox, so {0} has no place here';
}

/** The User Name of each OAuth2 tab: the mailbox's e-mail address. */
export default defineRule({
  id: 'oauth2/user-name',
  severity: 'error',
  docs: { description: 'The OAuth2 User Name is the e-mail address of the mailbox the section sends from or downloads from' },
  fixable: false,
  check(ctx) {
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const pointer = section.tabPointer('userName');
      const field = `${section.label} > OAuth2 > User Name`;
      if (blank(section.oauth2, 'userName')) {
        if (!section.reportMissing) continue;
        const empty = present(section.oauth2, 'userName') ? 'is empty' : 'is not filled in';
        ctx.report({ pointer, message: `${field} ${empty}: enter ${WANTED[section.id]}` });
        continue;
      }
      const value = section.tab('userName');
      if (value === undefined) continue; // a wrong type: the schema reports it
      const address = value.trim();
      const written = quote(address);
      if (address.includes('{0}')) {
        ctx.report({
          pointer,
          message: `${field} ${written} holds {0}, but User Name takes the address itself: enter ${WANTED[section.id]}; ${placeholderAdvice(section)}`,
        });
      } else if (!isEmail(address)) {
        ctx.report({ pointer, message: `${field} ${written} is not an e-mail address: enter ${WANTED[section.id]}, such as ops@example.com` });
      } else if (address.toLowerCase() === GUIDE_EXAMPLE) {
        ctx.report({ pointer, message: `${field} is still the guide's example address ${GUIDE_EXAMPLE}: enter ${WANTED[section.id]}` });
      }
    }
  },
});
