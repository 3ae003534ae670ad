import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { hostInfo } from '../../model/microsoft.js';
import type { MailSection } from '../../model/sections.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';

/** Why basic authentication does not work on this host, in one clause. */
function why(section: MailSection): Shown {
  switch (hostInfo(section.host)?.role) {
    case 'graph':
      return ours('Microsoft Graph accepts only OAuth2 tokens, never a user name and password');
    case 'smtp':
      return ours(
        'TM Master sends through Microsoft Graph with OAuth2, and basic authentication for SMTP AUTH in Exchange Online is being switched off (disabled by default from the end of December 2026)',
      );
    default:
      return ours('basic authentication to Exchange Online ended on 1 October 2022');
  }
}

/**
 * A section whose server is a Microsoft 365 endpoint (Graph, Exchange Online, SMTP AUTH,
 * in any cloud) needs "Use OAuth2" ticked. A site on its own relay is not judged here.
 */
export default defineRule({
  id: 'oauth2/disabled',
  severity: 'error',
  docs: { description: 'Use OAuth2 is ticked wherever the server is a Microsoft 365 endpoint: basic authentication to Exchange Online ended on 1 October 2022' },
  fixable: true,
  messages: {
    notTicked: '{{field}} is not ticked, but {{server}} {{host}} is a Microsoft 365 server: {{why}}; tick Use OAuth2 on the OAuth2 tab and fill it in',
    noTab:
      '{{field}} is not ticked: there is no OAuth2 tab, but {{server}} {{host}} is a Microsoft 365 server: {{why}}; on the OAuth2 tab tick Use OAuth2 and fill in Token URL, Scope, User Name, Client ID and Client Secret',
  },
  check(ctx) {
    for (const section of ctx.sections) {
      if (!section.microsoft || section.useOAuth2) continue;
      // `oauth2: "yes"` (not a section): the schema reports it, once
      if (ctx.written(`${section.base}/oauth2`) === 'invalid') continue;
      const pointer = section.tabPointer('useOAuth2');
      const serverPointer = section.pointer(section.serverKey);
      const data = { server: fieldName(serverPointer), host: showValue(serverPointer, section.host ?? ''), why: why(section) };
      // a tab without useOAuth2, or with one of the wrong type: the schema's finding there supersedes this one
      if (section.oauth2 === undefined) ctx.report({ messageId: 'noTab', pointer, data });
      else ctx.report({ messageId: 'notTicked', pointer, data, fix: { pointer, value: true } });
    }
  },
});
