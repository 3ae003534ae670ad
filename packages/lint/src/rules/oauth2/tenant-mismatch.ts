import { defineRule } from '../../engine/define-rule.js';
import type { Fix } from '../../finding.js';
import { obj, str } from '../../model/access.js';
import type { MailSection } from '../../model/sections.js';
import { analyzeTokenUrl } from '../../model/token-url.js';
import { isDomain, isGuid, quote } from '../../model/values.js';
import { isPlaceholderTenant } from '../../rule-kit/tenant-placeholder.js';

type Kind = 'guid' | 'domain';

interface Tenant {
  readonly section: MailSection;
  /** The Token URL as written. */
  readonly url: string;
  readonly tenant: string;
  readonly kind: Kind;
  /** The Token URL has no other problem (oauth2/token-url is silent on it), so replacing the tenant is the whole fix. */
  readonly clean: boolean;
}

function kindOf(value: string): Kind | undefined {
  return isGuid(value) ? 'guid' : isDomain(value) ? 'domain' : undefined;
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The Token URL with its tenant segment replaced, every other character kept; undefined if the segment is not where expected. */
function withTenant(url: string, tenant: string, replacement: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme === -1) return undefined;
  const slash = url.indexOf('/', scheme + 3);
  if (slash === -1) return undefined;
  const start = slash + 1;
  if (url.slice(start, start + tenant.length) !== tenant) return undefined;
  const after = url.charAt(start + tenant.length);
  if (after !== '/' && after !== '') return undefined;
  return url.slice(0, start) + replacement + url.slice(start + tenant.length);
}

const KIND_WORD: Readonly<Record<Kind, string>> = { guid: 'tenant', domain: 'tenant domain' };

export default defineRule({
  id: 'oauth2/tenant-mismatch',
  severity: 'error',
  docs: {
    description: "Every Token URL names the same tenant, the one TM Master is registered in (azure.tenantId when it is given)",
  },
  fixable: true,
  check(ctx) {
    const tenants: Tenant[] = [];
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const url = section.tab('tokenUrl');
      if (url === undefined) continue;
      const info = analyzeTokenUrl(url);
      if (info.tenant === undefined || info.tenantKind === undefined) continue;
      // `yourtenant.onmicrosoft.com`: a placeholder, oauth2/token-url's finding, not another tenant
      if (isPlaceholderTenant(info.tenant)) continue;
      tenants.push({ section, url, tenant: info.tenant, kind: info.tenantKind, clean: info.problem === undefined });
    }
    const registered = str(obj(ctx.manifest, 'azure'), 'tenantId')?.trim();
    const registeredKind = registered === undefined ? undefined : kindOf(registered);
    for (const kind of ['guid', 'domain'] as const) {
      const ofKind = tenants.filter((t) => t.kind === kind);
      if (registered !== undefined && registeredKind === kind) {
        for (const t of ofKind) {
          if (same(t.tenant, registered)) continue;
          const value = t.clean ? withTenant(t.url, t.tenant, registered) : undefined;
          const fix: Fix | undefined = value === undefined ? undefined : { pointer: t.section.tabPointer('tokenUrl'), value };
          const advice = value === undefined ? `write the Directory (tenant) ID ${registered} in its place` : `write ${value}`;
          ctx.report({
            pointer: t.section.tabPointer('tokenUrl'),
            message: `${t.section.label} > OAuth2 > Token URL names the ${KIND_WORD[kind]} ${quote(t.tenant)} but the Directory (tenant) ID where TM Master is registered (azure.tenantId) is ${quote(registered)}: a token request to another tenant fails with AADSTS700016 (application not found in the directory); ${advice}`,
            ...(fix ? { fix } : {}),
          });
        }
        continue;
      }
      const first = ofKind[0];
      if (!first) continue;
      for (const t of ofKind.slice(1)) {
        if (same(t.tenant, first.tenant)) continue;
        ctx.report({
          pointer: t.section.tabPointer('tokenUrl'),
          message: `${t.section.label} > OAuth2 > Token URL names the ${KIND_WORD[kind]} ${quote(t.tenant)} but ${first.section.label} > OAuth2 > Token URL names ${quote(first.tenant)}: TM Master is registered in one tenant, and a token request to another fails with AADSTS700016; write the same Tenant ID in every Token URL (the Azure portal shows it when you search for "tenant")`,
        });
      }
    }
  },
});
