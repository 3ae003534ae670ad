import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { guidKey } from '../../model/guid.js';
import type { MailSection } from '../../model/sections.js';
import { analyzeTokenUrl, isPlaceholderTenant, unbracedGuid, withTenant } from '../../model/token-url.js';
import { isDomain } from '../../model/values.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';

type Kind = 'guid' | 'domain';

const TENANT_POINTER = '/azure/tenantId';
const KIND_WORD: Readonly<Record<Kind, string>> = { guid: 'tenant', domain: 'tenant domain' };

interface Tenant {
  readonly section: MailSection;
  readonly pointer: string;
  /** The Token URL, trimmed. */
  readonly url: string;
  /** The tenant segment as written. */
  readonly tenant: string;
  readonly kind: Kind;
  /** For comparing: a GUID lower case without braces, a domain lower case; undefined for a placeholder. */
  readonly key: string | undefined;
}

/** A tenant as written, read for comparing: its kind and key; undefined for what is neither a GUID nor a domain. */
function read(value: string): { readonly kind: Kind; readonly key: string | undefined; readonly bare: string } | undefined {
  const bare = unbracedGuid(value) ?? value;
  const guid = guidKey(bare);
  const kind: Kind | undefined = guid !== undefined ? 'guid' : isDomain(value) ? 'domain' : undefined;
  if (kind === undefined) return undefined;
  return { kind, key: isPlaceholderTenant(value) ? undefined : (guid ?? value.toLowerCase()), bare };
}

export default defineRule({
  id: 'oauth2/tenant-mismatch',
  severity: 'error',
  docs: {
    description: 'Every Token URL names the same tenant, the one TM Master is registered in (azure.tenantId when it is given)',
  },
  fixable: true,
  messages: {
    registered:
      '{{field}} names the {{kind}} {{tenant}} but the Directory (tenant) ID where TM Master is registered ({{registeredField}}) is {{registered}}: a token request to another tenant fails with AADSTS700016 (application not found in the directory); write {{expected}}',
    registeredNoFix:
      '{{field}} names the {{kind}} {{tenant}} but the Directory (tenant) ID where TM Master is registered ({{registeredField}}) is {{registered}}: a token request to another tenant fails with AADSTS700016 (application not found in the directory); write the Directory (tenant) ID {{registered}} in its place',
    otherSection:
      '{{field}} names the {{kind}} {{tenant}} but {{otherField}} names {{other}}: TM Master is registered in one tenant, and a token request to another fails with AADSTS700016; write the same Tenant ID in every Token URL (the Azure portal shows it when you search for "tenant")',
  },
  check(ctx) {
    const tenants: Tenant[] = [];
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const url = section.oauth2?.tokenUrl?.trim();
      if (url === undefined) continue;
      const tenant = analyzeTokenUrl(url).tenant;
      const reading = tenant === undefined ? undefined : read(tenant);
      if (tenant === undefined || reading === undefined) continue; // `TenantID`, `common`: not a tenant to compare (oauth2/token-url)
      tenants.push({ section, pointer: section.tabPointer('tokenUrl'), url, tenant, kind: reading.kind, key: reading.key });
    }
    const written = ctx.manifest.azure?.tenantId?.trim();
    // a placeholder in azure.tenantId is no reference: the Token URLs are then compared with each other
    const registered = written === undefined ? undefined : read(written);
    for (const kind of ['guid', 'domain'] as const) {
      const ofKind = tenants.filter((t) => t.kind === kind);
      const data = (t: Tenant): { readonly kind: Shown; readonly tenant: Shown } => ({
        kind: ours(KIND_WORD[kind]),
        tenant: showValue(t.pointer, t.tenant),
      });
      if (written !== undefined && registered?.kind === kind && registered.key !== undefined) {
        for (const t of ofKind) {
          if (t.key === registered.key) continue;
          const fixed = withTenant(t.url, t.tenant, registered.bare);
          const fix = fixed !== undefined && analyzeTokenUrl(fixed).problem === undefined ? fixed : undefined;
          const shared = { ...data(t), registeredField: fieldName(TENANT_POINTER), registered: showValue(TENANT_POINTER, registered.bare) };
          if (fix === undefined) ctx.report({ messageId: 'registeredNoFix', pointer: t.pointer, data: shared });
          else ctx.report({ messageId: 'registered', pointer: t.pointer, data: { ...shared, expected: showValue(t.pointer, fix, { bare: true }) }, fix: { pointer: t.pointer, value: fix } });
        }
        continue;
      }
      // no registered tenant of this kind: the first tab's tenant is the reference (never a placeholder)
      const first = ofKind.find((t) => t.key !== undefined);
      if (!first) continue;
      for (const t of ofKind) {
        if (t === first || t.key === first.key) continue;
        ctx.report({
          messageId: 'otherSection',
          pointer: t.pointer,
          data: { ...data(t), otherField: fieldName(first.pointer), other: showValue(first.pointer, first.tenant) },
        });
      }
    }
  },
});
