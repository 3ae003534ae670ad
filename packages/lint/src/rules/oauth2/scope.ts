import { defineRule } from '../../engine/define-rule.js';
import { blank, present } from '../../model/access.js';
import { CLOUDS, hostInfo, splitUrl, type Cloud } from '../../model/microsoft.js';
import type { Channel, MailSection } from '../../model/sections.js';
import { analyzeTokenUrl } from '../../model/token-url.js';
import { quote } from '../../model/values.js';

/** The resource each channel needs a token for. */
const RESOURCE_ROLE = { graph: 'graph', pop3: 'exchange' } as const;

/** Hosts of the US Government DoD environment, whose resources differ from GCC High's. */
const DOD_HOSTS = new Set(['dod-graph.microsoft.us', 'outlook-dod.office365.us']);

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

/** The scope the section needs, in the cloud its values point to (cross-cloud mixing is oauth2/cloud-mismatch's). */
function expectedScope(section: MailSection, scopeHost: string | undefined): string {
  const scopeInfo = hostInfo(scopeHost);
  const serverInfo = hostInfo(section.host);
  const tokenUrl = section.tab('tokenUrl');
  const cloud: Cloud =
    scopeInfo?.cloud ?? serverInfo?.cloud ?? (tokenUrl !== undefined ? analyzeTokenUrl(tokenUrl).cloud : undefined) ?? 'global';
  const dod = cloud === 'usgov' && [scopeHost, section.host].some((h) => h !== undefined && DOD_HOSTS.has(h));
  if (section.channel === 'graph') return `https://${dod ? 'dod-graph.microsoft.us' : CLOUDS[cloud].graph}/.default`;
  return `https://${dod ? 'outlook-dod.office365.us' : CLOUDS[cloud].exchange}/.default`;
}

/** The first Microsoft host a scope names, if any: it decides the cloud of the fix. */
function scopeHost(parts: readonly string[]): string | undefined {
  for (const part of parts) {
    const url = splitUrl(part);
    if (url && hostInfo(url.host)) return url.host;
  }
  return undefined;
}

/** Judges a scope: the message when it is wrong for the channel, else undefined. */
function judge(section: MailSection, value: string, parts: readonly string[], field: string, expected: string): string | undefined {
  const written = quote(value);
  const channel = section.channel;
  if (parts.length > 1) {
    return `${field} holds ${parts.length} scopes (${parts.map((p) => quote(p)).join(', ')}), but a token is for one resource only (AADSTS700022): enter only ${expected}`;
  }
  const url = splitUrl(value);
  const info = url ? hostInfo(url.host) : undefined;
  if (url && info && (info.role === 'graph' || info.role === 'exchange')) {
    const host = url.host;
    const ours = info.role === RESOURCE_ROLE[channel];
    const path = url.path;
    const bare = path === '' || path === '/';
    const plain = url.scheme === 'https' && url.port === undefined && url.query === '';
    if (plain && path === '/.default') {
      if (ours) return undefined;
      const other: Channel = channel === 'graph' ? 'pop3' : 'graph';
      return `${field}: ${NEEDS[channel]} ${expected}; https://${host}/.default is the scope for ${PURPOSE[other]}`;
    }
    if (plain && bare) {
      if (!ours) {
        const other: Channel = channel === 'graph' ? 'pop3' : 'graph';
        return `${field}: ${NEEDS[channel]} ${expected}; ${written} is the resource for ${PURPOSE[other]}`;
      }
      return `${field} ${written} lacks /.default at the end: an app-only token needs the resource followed by /.default; enter ${expected}`;
    }
    const name = path.slice(1);
    if (plain && /^[A-Za-z][\w.]*$/.test(name)) {
      return `${field} ${written} is a delegated scope, for a person signing in; TM Master signs in as the application (client credentials) and needs ${expected}`;
    }
    return `${field} ${written} is not the scope for ${PURPOSE[channel]}: enter exactly ${expected} (https, lower-case /.default, nothing after it)`;
  }
  if (!url && isDelegatedName(value)) {
    return `${field} ${written} is a delegated scope, for a person signing in; TM Master signs in as the application (client credentials) and needs ${expected}`;
  }
  if (!url && isPermissionName(value)) {
    return `${field} ${written} is the name of a permission (App registrations > API permissions), not a scope: the permission is granted in Entra ID; here enter ${expected}`;
  }
  return `${field} ${written} is not the scope for ${PURPOSE[channel]}: enter ${expected}`;
}

/** The Scope of each OAuth2 tab: Graph's for sending, Exchange Online's for POP3, as `<resource>/.default`. */
export default defineRule({
  id: 'oauth2/scope',
  severity: 'error',
  docs: { description: 'The OAuth2 scope matches the channel: https://graph.microsoft.com/.default for sending through Graph, https://outlook.office365.com/.default for POP3' },
  fixable: true,
  check(ctx) {
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const pointer = section.tabPointer('scope');
      const field = `${section.label} > OAuth2 > Scope`;
      if (blank(section.oauth2, 'scope')) {
        if (!section.reportMissing) continue;
        const scope = expectedScope(section, undefined);
        const empty = present(section.oauth2, 'scope') ? 'is empty' : 'is not filled in';
        ctx.report({
          pointer,
          message: `${field} ${empty}: without a scope no token is issued (AADSTS90014); ${NEEDS[section.channel]} ${scope}`,
          fix: { pointer, value: scope },
        });
        continue;
      }
      const value = section.tab('scope');
      if (value === undefined) continue; // a wrong type: the schema reports it
      const trimmed = value.trim();
      const parts = trimmed.split(/[\s,]+/).filter((p) => p !== '');
      const expected = expectedScope(section, scopeHost(parts));
      const message = judge(section, trimmed, parts, field, expected);
      if (message === undefined) continue;
      ctx.report({ pointer, message, fix: { pointer, value: expected } });
    }
  },
});
