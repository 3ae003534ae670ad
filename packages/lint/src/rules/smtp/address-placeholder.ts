import { defineRule } from '../../engine/define-rule.js';
import { bool } from '../../model/access.js';
import { hostInfo } from '../../model/microsoft.js';
import type { MailSection } from '../../model/sections.js';
import { isEmail, isGuid, quote } from '../../model/values.js';
import {
  analyzeGraphUrl,
  graphServers,
  decodeMailbox,
  intendedMailbox,
  isGuideExample,
  placeholdersIn,
  replaceMailbox,
  serverLabel,
  type GraphUrl,
} from '../../rule-kit/graph-url.js';

/** The guide's URL for a mailbox, on the Graph host the section already names. */
function urlFor(g: GraphUrl, mailbox: string): string {
  return `https://${hostInfo(g.host)?.role === 'graph' ? g.host : 'graph.microsoft.com'}/v1.0/users/${mailbox}/sendMail`;
}

/** The URL with another mailbox, only where the URL is otherwise a correct Graph sendMail URL. */
function withMailbox(g: GraphUrl, mailbox: string | undefined): string | undefined {
  if (g.problem !== undefined || mailbox === undefined) return undefined;
  const value = replaceMailbox(g.text, mailbox);
  return value !== undefined && analyzeGraphUrl(value).problem === undefined ? value : undefined;
}

interface Finding {
  readonly message: string;
  readonly value?: string | undefined;
}

function mailSettings(section: MailSection, g: GraphUrl, mailbox: string, tokens: readonly string[]): Finding | undefined {
  const label = serverLabel(section);
  const fromUser = bool(section.oauth2, 'useAddressFromUser') === true;
  const others = tokens.filter((t) => t !== '{0}');
  if (others.length > 0) {
    return {
      message: `${label} holds the placeholder ${quote(others[0])}, which TM Master does not fill in: the only placeholder it knows is {0} (the current user's address, with Use Address from User ticked), e.g. ${urlFor(g, '{0}')}; or type a fixed mailbox address`,
      value: fromUser ? withMailbox(g, '{0}') : undefined,
    };
  }
  if (tokens.length > 0 && mailbox !== '{0}') {
    return {
      message: `${label} has {0} inside the mailbox ${quote(mailbox)}: TM Master replaces {0} with the user's whole e-mail address, so the mailbox part must be just {0}, e.g. ${urlFor(g, '{0}')}`,
      value: withMailbox(g, '{0}'),
    };
  }
  if (!fromUser || g.text.includes('{0}')) return undefined;
  const decoded = decodeMailbox(mailbox);
  if (isGuideExample(mailbox) || (!isEmail(decoded) && !isGuid(decoded))) return undefined;
  return {
    message: `Use Address from User needs {0} in the SMTP Server URL, e.g. ${urlFor(g, '{0}')}: ${label} names the fixed mailbox ${quote(mailbox)}, so every user would send as that mailbox; type {0} in its place, or untick Use Address from User`,
    value: withMailbox(g, '{0}'),
  };
}

function exchangeSmtp(section: MailSection, g: GraphUrl, mailbox: string, tokens: readonly string[]): Finding | undefined {
  const label = serverLabel(section);
  if (tokens.length === 0) return undefined;
  const address = intendedMailbox(section);
  if (mailbox.includes('{0}')) {
    return {
      message: `TM Exchange sends as the replication mailbox: put its address instead of {0} in ${label} (TM Exchange has no user to take an address from), e.g. ${urlFor(g, address ?? '<replication mailbox>')}`,
      value: withMailbox(g, address),
    };
  }
  return {
    message: `${label} holds the placeholder ${quote(tokens[0])}, which TM Exchange does not fill in: type the replication mailbox's address in its place, e.g. ${urlFor(g, address ?? '<replication mailbox>')}`,
    value: withMailbox(g, address),
  };
}

export default defineRule({
  id: 'smtp/address-placeholder',
  severity: 'error',
  docs: {
    description:
      'The SMTP Server URL has {0} in Mail Settings when Use Address from User is ticked, a real address instead of {0} in TM Exchange, and no other placeholder',
  },
  fixable: true,
  check(ctx) {
    for (const { section, pointer, server, url: g } of graphServers(ctx.sections)) {
      if (server.trim() === '' || g.mailbox === undefined) continue;
      const tokens = placeholdersIn(g.mailbox);
      const found =
        section.id === 'mailSettings' ? mailSettings(section, g, g.mailbox, tokens) : exchangeSmtp(section, g, g.mailbox, tokens);
      if (!found) continue;
      const fix = found.value !== undefined && found.value !== server ? { pointer, value: found.value } : undefined;
      ctx.report({ pointer, message: found.message, ...(fix ? { fix } : {}) });
    }
  },
});
