import { defineRule, type MessageData } from '../../engine/define-rule.js';
import { isGuid } from '../../model/guid.js';
import { hostInfo } from '../../model/microsoft.js';
import { isEmail } from '../../model/values.js';
import { showValue } from '../../secrets/show.js';
import {
  decodeMailbox,
  graphServers,
  graphUrlFor,
  intendedMailbox,
  isGuideExample,
  placeholdersIn,
  repairedUrl,
  replaceMailbox,
  type GraphServer,
} from '../../rule-kit/graph-url.js';

type MessageId = 'unknownPlaceholder' | 'zeroInsideMailbox' | 'fixedMailbox' | 'zeroInExchange' | 'placeholderInExchange';

interface Found {
  readonly messageId: MessageId;
  readonly data: MessageData;
  /** The URL with the right mailbox, where that is certain. */
  readonly value?: string | undefined;
}

/** The guide's URL for a mailbox, on the Graph host the section already names, for messages. */
function urlFor(s: GraphServer, mailbox: string): string {
  const host = s.url.host;
  return graphUrlFor(host !== undefined && hostInfo(host)?.role === 'graph' ? host : 'graph.microsoft.com', mailbox);
}

/**
 * The URL with another mailbox, where the result is a correct Graph sendMail URL: smtp/graph-url's
 * certain repairs (https, /v1.0/, /sendMail) are made too, as this finding replaces smtp/graph-url's.
 */
function withMailbox(s: GraphServer, mailbox: string | undefined): string | undefined {
  if (mailbox === undefined) return undefined;
  const value = replaceMailbox(s.url.text, mailbox);
  return value === undefined ? undefined : repairedUrl(value);
}

function mailSettings(s: GraphServer, mailbox: string, tokens: readonly string[]): Found | undefined {
  const fromUser = s.section.oauth2?.useAddressFromUser === true;
  const example = showValue(s.pointer, urlFor(s, '{0}'), { bare: true });
  const others = tokens.filter((t) => t !== '{0}');
  if (others.length > 0) {
    return {
      messageId: 'unknownPlaceholder',
      data: { placeholder: showValue(s.pointer, others[0]), example },
      value: fromUser ? withMailbox(s, '{0}') : undefined,
    };
  }
  if (tokens.length > 0 && mailbox !== '{0}') {
    return { messageId: 'zeroInsideMailbox', data: { mailbox: showValue(s.pointer, mailbox), example }, value: withMailbox(s, '{0}') };
  }
  if (!fromUser || s.url.text.includes('{0}')) return undefined;
  // a fixed mailbox is an address or a user's object ID; the guide's example and a mailbox that is
  // neither are no mailbox at all (smtp/graph-url says so, and fixes the example to {0})
  const decoded = decodeMailbox(mailbox);
  if (isGuideExample(mailbox) || (!isEmail(decoded) && !isGuid(decoded))) return undefined;
  return { messageId: 'fixedMailbox', data: { mailbox: showValue(s.pointer, mailbox), example }, value: withMailbox(s, '{0}') };
}

function exchangeSmtp(s: GraphServer, mailbox: string, tokens: readonly string[]): Found | undefined {
  if (tokens.length === 0) return undefined;
  const address = intendedMailbox(s);
  const example = showValue(s.pointer, urlFor(s, address ?? '<replication mailbox>'), { bare: true });
  if (mailbox.includes('{0}')) return { messageId: 'zeroInExchange', data: { example }, value: withMailbox(s, address) };
  return {
    messageId: 'placeholderInExchange',
    data: { placeholder: showValue(s.pointer, tokens[0]), example },
    value: withMailbox(s, address),
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
  messages: {
    unknownPlaceholder:
      "{{field}} holds the placeholder {{placeholder}}, which TM Master does not fill in: the only placeholder it knows is {0} (the current user's address, with Use Address from User ticked), e.g. {{example}}; or type a fixed mailbox address",
    zeroInsideMailbox:
      "{{field}} has {0} inside the mailbox {{mailbox}}: TM Master replaces {0} with the user's whole e-mail address, so the mailbox part must be just {0}, e.g. {{example}}",
    fixedMailbox:
      'Use Address from User is ticked, which needs {0} in {{field}}, e.g. {{example}}: the URL names the fixed mailbox {{mailbox}}, so every user would send as that mailbox; type {0} in its place, or untick Use Address from User',
    zeroInExchange:
      'TM Exchange sends as the replication mailbox: put its address instead of {0} in {{field}} (TM Exchange has no user to take an address from), e.g. {{example}}',
    placeholderInExchange:
      "{{field}} holds the placeholder {{placeholder}}, which TM Exchange does not fill in: type the replication mailbox's address in its place, e.g. {{example}}",
  },
  // the placeholder is the mistake: smtp/graph-url's "not a mailbox" and smtp/sender-mismatch's comparison follow from it
  supersedes: ['smtp/graph-url', 'smtp/sender-mismatch'],
  check(ctx) {
    for (const s of graphServers(ctx)) {
      const mailbox = s.url.mailbox;
      if (s.server.trim() === '' || mailbox === undefined) continue;
      const tokens = placeholdersIn(mailbox);
      const found = s.section.id === 'mailSettings' ? mailSettings(s, mailbox, tokens) : exchangeSmtp(s, mailbox, tokens);
      if (!found) continue;
      const fix = found.value !== undefined && found.value !== s.server ? { pointer: s.pointer, value: found.value } : undefined;
      ctx.report({ pointer: s.pointer, messageId: found.messageId, data: found.data, ...(fix ? { fix } : {}) });
    }
  },
});
