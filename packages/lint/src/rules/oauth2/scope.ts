import { defineRule } from '../../engine/define-rule.js';
import { CLOUDS, cloudParts, hostInfo, judgeClouds, perCloud, splitUrl, type Cloud } from '../../model/microsoft.js';
import type { Channel, MailSection } from '../../model/sections.js';
import { tabValues } from '../../rule-kit/tab-fields.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';

/** The resource each channel needs a token for. */
const RESOURCE_ROLE = { graph: 'graph', pop3: 'exchange' } as const;

/** What a channel is for, in the words of the guide. */
const PURPOSE: Readonly<Record<Channel, string>> = {
  graph: 'sending through Graph',
  pop3: 'downloading with POP3',
};
const NEEDS: Readonly<Record<Channel, string>> = {
  graph: 'sending through Graph needs the scope',
  pop3: 'POP3 needs the scope',
};

/** Delegated permissions and OpenID scopes: for a person signing in, never for TM Master's app-only token. */
const DELEGATED = new Set(['offline_access', 'openid', 'profile', 'email', 'user.read', 'smtp.send', 'mail.send.shared']);
/** Application permissions of the guide's app registration (API permissions), and their relatives. */
const PERMISSIONS = new Set([
  'mail.send', 'pop.accessasapp', 'imap.accessasapp', 'smtp.sendasapp', 'mail.read', 'mail.readwrite',
  'mail.readbasic', 'mail.readbasic.all', 'full_access_as_app', 'user.read.all',
]);

function isDelegatedName(name: string): boolean {
  const n = name.toLowerCase();
  return DELEGATED.has(n) || n.includes('accessasuser');
}

/** `Mail.Send`, `POP.AccessAsApp`: a permission as the portal lists it, not a scope. */
function isPermissionName(name: string): boolean {
  if (PERMISSIONS.has(name.toLowerCase())) return true;
  return /^[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)+$/.test(name) && hostInfo(name) === undefined;
}

/**
 * The clouds the section's scope must be in: those its Token URL, Scope and server agree on; where they
 * disagree, those the other two agree on (oauth2/cloud-mismatch reports the odd one out); where no two
 * agree, the Scope's own, else the server's, else the Token URL's. The global cloud when none is known.
 */
function expectedClouds(section: MailSection): readonly Cloud[] {
  const parts = cloudParts({ tokenUrl: section.oauth2?.tokenUrl, scope: section.oauth2?.scope, serverHost: section.host });
  const verdict = judgeClouds(parts);
  const clouds = verdict.common ?? verdict.target ?? (parts.scope ?? parts.server ?? parts.tokenUrl)?.clouds ?? [];
  return clouds.length > 0 ? clouds : ['global'];
}

/** The scope of the channel in those clouds: one value and a fix, or (GCC High or DoD unknown) both, without a fix. */
function expectedScope(section: MailSection): { readonly shown: Shown; readonly fix?: string } {
  const clouds = expectedClouds(section);
  const scope = (c: Cloud): string => `https://${section.channel === 'graph' ? CLOUDS[c].graph : CLOUDS[c].exchange}/.default`;
  const only = clouds.length === 1 ? clouds[0] : undefined;
  return only !== undefined ? { shown: ours(scope(only)), fix: scope(only) } : { shown: ours(perCloud(clouds, scope)) };
}

type MessageId = 'notFilledIn' | 'several' | 'swappedScope' | 'swappedResource' | 'noDefault' | 'delegated' | 'permission' | 'notExact' | 'other';

/** Judges a scope: the message when it is wrong for the channel, else undefined. */
function judge(channel: Channel, value: string, parts: readonly string[]): MessageId | undefined {
  if (parts.length > 1) return 'several';
  const url = splitUrl(value);
  const info = url ? hostInfo(url.host) : undefined;
  if (url && info && (info.role === 'graph' || info.role === 'exchange')) {
    const ours = info.role === RESOURCE_ROLE[channel];
    const path = url.path;
    const bare = path === '' || path === '/';
    const plain = url.scheme === 'https' && url.port === undefined && url.query === '';
    if (plain && path === '/.default') return ours ? undefined : 'swappedScope';
    if (plain && bare) return ours ? 'noDefault' : 'swappedResource';
    if (plain && /^[A-Za-z][\w.]*$/.test(path.slice(1))) return 'delegated';
    return 'notExact';
  }
  if (!url && isDelegatedName(value)) return 'delegated';
  if (!url && isPermissionName(value)) return 'permission';
  return 'other';
}

/** The Scope of each OAuth2 tab: Graph's for sending, Exchange Online's for POP3, as `<resource>/.default`. */
export default defineRule({
  id: 'oauth2/scope',
  severity: 'error',
  docs: { description: 'The OAuth2 scope matches the channel: https://graph.microsoft.com/.default for sending through Graph, https://outlook.office365.com/.default for POP3' },
  fixable: true,
  // the expected scope is in the cloud the section's other fields agree on: it says the cloud too
  supersedes: ['oauth2/cloud-mismatch'],
  messages: {
    notFilledIn: '{{field}} is not filled in: without a scope no token is issued (AADSTS90014); {{needs}} {{expected}}',
    several: '{{field}} holds {{count}} scopes ({{value}}), but a token is for one resource only (AADSTS700022): enter only {{expected}}',
    swappedScope: '{{field}}: {{needs}} {{expected}}; {{value}} is the scope for {{other}}',
    swappedResource: '{{field}}: {{needs}} {{expected}}; {{value}} is the resource for {{other}}',
    noDefault: '{{field}} {{value}} lacks /.default at the end: an app-only token needs the resource followed by /.default; enter {{expected}}',
    delegated: '{{field}} {{value}} is a delegated scope, for a person signing in; TM Master signs in as the application (client credentials) and needs {{expected}}',
    permission:
      '{{field}} {{value}} is the name of a permission (App registrations > API permissions), not a scope: the permission is granted in Entra ID; here enter {{expected}}',
    notExact: '{{field}} {{value}} is not the scope for {{purpose}}: enter exactly {{expected}} (https, lower-case /.default, nothing after it)',
    other: '{{field}} {{value}} is not the scope for {{purpose}}: enter {{expected}}',
  },
  check(ctx) {
    const values = tabValues(ctx, 'scope', (section) => {
      const expected = expectedScope(section);
      const pointer = section.tabPointer('scope');
      return {
        data: { needs: ours(NEEDS[section.channel]), expected: expected.shown },
        ...(expected.fix !== undefined ? { fix: { pointer, value: expected.fix } } : {}),
      };
    });
    for (const { section, pointer, trimmed } of values) {
      const parts = trimmed.split(/[\s,]+/).filter((p) => p !== '');
      const messageId = judge(section.channel, trimmed, parts);
      if (messageId === undefined) continue;
      const expected = expectedScope(section);
      const other: Channel = section.channel === 'graph' ? 'pop3' : 'graph';
      ctx.report({
        messageId,
        pointer,
        data: {
          value: showValue(pointer, trimmed),
          expected: expected.shown,
          needs: ours(NEEDS[section.channel]),
          purpose: ours(PURPOSE[section.channel]),
          other: ours(PURPOSE[other]),
          count: parts.length,
        },
        ...(expected.fix !== undefined ? { fix: { pointer, value: expected.fix } } : {}),
      });
    }
  },
});
