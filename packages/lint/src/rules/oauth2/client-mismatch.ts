import { defineRule } from '../../engine/define-rule.js';
import { arr, obj, str } from '../../model/access.js';
import type { MailSection } from '../../model/sections.js';
import { analyzeTokenUrl } from '../../model/token-url.js';
import { isGuid, quote } from '../../model/values.js';

interface Configured {
  readonly section: MailSection;
  /** The Client ID as written, trimmed. */
  readonly clientId: string;
  readonly key: string;
}

/** A GUID, lower-cased and without braces, for comparing; undefined for anything else. */
function guidKey(value: string | undefined): string | undefined {
  let v = value?.trim();
  if (v?.startsWith('{') && v.endsWith('}')) v = v.slice(1, -1);
  return v !== undefined && isGuid(v) ? v.toLowerCase() : undefined;
}

/** IDs that oauth2/client-id reports when they are found in a Client ID: not a second app registration. */
function mistakenIds(manifest: unknown): Set<string> {
  const azure = obj(manifest, 'azure');
  const ids = [
    guidKey(str(azure, 'objectId')),
    guidKey(str(azure, 'tenantId')),
    guidKey(str(obj(azure, 'exchangeOnline'), 'servicePrincipalId')),
    ...(arr(azure, 'clientSecrets') ?? []).map((s) => guidKey(str(s, 'secretId'))),
  ];
  return new Set(ids.filter((id): id is string => id !== undefined));
}

function listLabels(sections: readonly MailSection[]): string {
  const labels = sections.map((s) => s.label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export default defineRule({
  id: 'oauth2/client-mismatch',
  severity: 'warning',
  docs: { description: 'Every OAuth2 tab uses the same Client ID: the Application (client) ID of the one TM Master app registration' },
  fixable: false,
  check(ctx) {
    const azure = obj(ctx.manifest, 'azure');
    // With a known Application (client) ID, oauth2/client-id reports every tab that differs from it.
    if (guidKey(str(azure, 'applicationId')) !== undefined) return;
    // A Client ID that is the Object ID, the tenant ID, a Secret ID... is oauth2/client-id's finding.
    const mistaken = mistakenIds(ctx.manifest);
    const configured: Configured[] = [];
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const clientId = section.tab('clientId')?.trim();
      const key = guidKey(clientId);
      if (clientId === undefined || key === undefined || mistaken.has(key)) continue;
      const tokenUrl = section.tab('tokenUrl');
      if (tokenUrl !== undefined && guidKey(analyzeTokenUrl(tokenUrl).tenant) === key) continue;
      configured.push({ section, clientId, key });
    }
    const counts = new Map<string, number>();
    for (const c of configured) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
    if (counts.size < 2) return;
    // The majority; on a tie the ID of the first section in the guide's order (Map keeps insertion order).
    let majority = '';
    let best = 0;
    for (const [key, n] of counts) {
      if (n > best) {
        majority = key;
        best = n;
      }
    }
    const holders = configured.filter((c) => c.key === majority);
    const first = holders[0];
    if (!first) return;
    for (const c of configured) {
      if (c.key === majority) continue;
      const verb = holders.length === 1 ? 'uses' : 'use';
      ctx.report({
        pointer: c.section.tabPointer('clientId'),
        message: `${c.section.label} > OAuth2 > Client ID is ${quote(c.clientId)} but ${listLabels(holders.map((h) => h.section))} ${verb} ${quote(first.clientId)}: the guide registers TM Master once in Entra ID and every OAuth2 tab takes its Application (client) ID; enter the same Client ID in each tab, copied from the app registration's Overview page`,
      });
    }
  },
});
