import { defineRule } from '../../engine/define-rule.js';
import { bool, str } from '../../model/access.js';
import { isEmail, quote } from '../../model/values.js';
import { decodeMailbox, graphServers, replaceMailbox, serverLabel } from '../../rule-kit/graph-url.js';

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
  check(ctx) {
    for (const { section, url: g } of graphServers(ctx.sections)) {
      if (g.problem !== undefined || g.placeholder || g.mailbox === undefined) continue;
      const mailbox = decodeMailbox(g.mailbox);
      if (!isEmail(mailbox)) continue;
      const same = (a: string): boolean => a.toLowerCase() === mailbox.toLowerCase();
      const label = serverLabel(section);
      if (section.id === 'mailSettings') {
        if (bool(section.oauth2, 'useAddressFromUser') === true) continue;
        const user = email(section.tab('userName'));
        if (user === undefined || same(user)) continue;
        ctx.report({
          pointer: section.pointer(section.serverKey),
          message: `${label} sends as ${quote(mailbox)} but OAuth2 > User Name is ${quote(user)}: use one mailbox in both (Graph refuses to send from another mailbox without Send As rights: 403 ErrorSendAsDenied), or type {0} in the URL and tick Use Address from User`,
        });
        continue;
      }
      const sender = email(str(section.raw, 'senderAddress'));
      const user = email(section.tab('userName'));
      if (sender !== undefined && user !== undefined && !same(sender) && sender.toLowerCase() === user.toLowerCase()) {
        // Sender Address and User Name agree: the URL is the odd one out, one mistake, one finding where it is
        ctx.report({
          pointer: section.pointer(section.serverKey),
          message: `${label} sends as ${quote(mailbox)} but ${section.label} > Sender Address and OAuth2 > User Name are ${quote(sender)}: TM Exchange replicates through one mailbox, so name that mailbox in the URL too: ${replaceMailbox(g.text, sender) ?? `https://graph.microsoft.com/v1.0/users/${sender}/sendMail`}`,
        });
        continue;
      }
      if (sender !== undefined && !same(sender)) {
        ctx.report({
          pointer: section.pointer('senderAddress'),
          message: `${section.label} > Sender Address is ${quote(sender)} but ${label} sends as ${quote(mailbox)}: TM Exchange replicates through one mailbox, so type the same address in both`,
        });
      }
      if (user !== undefined && !same(user)) {
        ctx.report({
          pointer: section.tabPointer('userName'),
          message: `${section.label} > OAuth2 > User Name is ${quote(user)} but ${label} sends as ${quote(mailbox)}: TM Exchange replicates through one mailbox, so type the same address in both`,
        });
      }
    }
  },
});
