import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { isEmail } from '../../model/values.js';
import { showValue } from '../../secrets/show.js';
import { decodeMailbox, graphServers, graphUrlFor, isGuideExample, replaceMailbox } from '../../rule-kit/graph-url.js';

/** An address field as an e-mail, or undefined when it is not one (oauth2/user-name speaks about that). */
function email(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v !== undefined && isEmail(v) ? v : undefined;
}

export default defineRule({
  id: 'smtp/sender-mismatch',
  severity: 'warning',
  docs: {
    description: 'The mailbox in the Graph sendMail URL is the one the section sends as: Sender Address and OAuth2 User Name',
  },
  fixable: false,
  messages: {
    userNameInMailSettings:
      '{{field}} sends as {{mailbox}} but {{userNameField}} is {{userName}}: use one mailbox in both (Graph refuses to send from another mailbox without Send As rights: 403 ErrorSendAsDenied), or type {0} in the URL and tick Use Address from User',
    urlInExchange:
      '{{field}} sends as {{mailbox}} but {{senderField}} and {{userNameField}} are {{address}}: TM Exchange replicates through one mailbox, so name that mailbox in the URL too: {{example}}',
    addressInExchange:
      '{{field}} is {{address}} but {{serverField}} sends as {{mailbox}}: TM Exchange replicates through one mailbox, so type the same address in both',
  },
  check(ctx) {
    for (const s of graphServers(ctx)) {
      const { section, url: g, pointer } = s;
      // a URL without a mailbox, or with a placeholder or the guide's example in its place, names no mailbox to compare
      if (g.mailbox === undefined || g.placeholder || isGuideExample(g.mailbox)) continue;
      const mailbox = decodeMailbox(g.mailbox);
      if (!isEmail(mailbox)) continue;
      const same = (a: string): boolean => a.toLowerCase() === mailbox.toLowerCase();
      const shownMailbox = showValue(pointer, mailbox);
      const userPointer = section.tabPointer('userName');
      const user = email(section.oauth2?.userName);
      if (section.id === 'mailSettings') {
        if (user === undefined || same(user)) continue;
        ctx.report({
          messageId: 'userNameInMailSettings',
          pointer,
          data: { mailbox: shownMailbox, userNameField: fieldName(userPointer), userName: showValue(userPointer, user) },
        });
        continue;
      }
      const senderPointer = section.pointer('senderAddress');
      const sender = email(s.senderAddress);
      if (sender !== undefined && user !== undefined && !same(sender) && sender.toLowerCase() === user.toLowerCase()) {
        // Sender Address and User Name agree: the URL is the odd one out, one mistake, one finding where it is
        const example = replaceMailbox(g.text, sender) ?? graphUrlFor('graph.microsoft.com', sender);
        ctx.report({
          messageId: 'urlInExchange',
          pointer,
          data: {
            mailbox: shownMailbox,
            senderField: fieldName(senderPointer),
            userNameField: fieldName(userPointer),
            address: showValue(senderPointer, sender),
            example: showValue(pointer, example, { bare: true }),
          },
        });
        continue;
      }
      if (sender !== undefined && !same(sender)) {
        ctx.report({
          messageId: 'addressInExchange',
          pointer: senderPointer,
          data: { address: showValue(senderPointer, sender), serverField: fieldName(pointer), mailbox: shownMailbox },
        });
      }
      if (user !== undefined && !same(user)) {
        ctx.report({
          messageId: 'addressInExchange',
          pointer: userPointer,
          data: { address: showValue(userPointer, user), serverField: fieldName(pointer), mailbox: shownMailbox },
        });
      }
    }
  },
});
