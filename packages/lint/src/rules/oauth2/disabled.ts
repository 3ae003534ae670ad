import { defineRule } from '../../engine/define-rule.js';
import { present } from '../../model/access.js';
import { hostInfo } from '../../model/microsoft.js';
import type { MailSection } from '../../model/sections.js';

/** Why basic authentication does not work on this host, in one clause. */
function why(section: MailSection): string {
  switch (hostInfo(section.host)?.role) {
    case 'graph':
      return 'Microsoft Graph accepts only OAuth2 tokens, never a user name and password';
    case 'smtp':
      return 'TM Master sends through Microsoft Graph with OAuth2, and basic authentication for SMTP AUTH in Exchange Online is being switched off (disabled by default from the end of December 2026)';
    default:
      return 'basic authentication to Exchange Online ended on 1 October 2022';
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
  check(ctx) {
    for (const section of ctx.sections) {
      if (!section.microsoft || section.useOAuth2) continue;
      const tab = section.oauth2;
      // `oauth2: "yes"` (not a section): the schema reports it, once.
      if (tab === undefined && present(section.raw, 'oauth2')) continue;
      // `useOAuth2: "yes"` (a wrong type) or a tab without useOAuth2 (a required field): the schema reports it, once.
      if (tab && (!present(tab, 'useOAuth2') || typeof tab['useOAuth2'] !== 'boolean')) continue;
      const pointer = section.tabPointer('useOAuth2');
      const server = `${section.label} talks to ${section.host ?? 'its server'}, a Microsoft 365 server`;
      if (tab === undefined) {
        ctx.report({
          pointer,
          message: `${server}, but it has no OAuth2 tab filled in: ${why(section)}; on the OAuth2 tab tick Use OAuth2 and fill in Token URL, Scope, User Name, Client ID and Client Secret`,
        });
        continue;
      }
      ctx.report({
        pointer,
        message: `${server}, but Use OAuth2 is not ticked: ${why(section)}; tick Use OAuth2 on the OAuth2 tab and fill it in`,
        fix: { pointer, value: true },
      });
    }
  },
});
