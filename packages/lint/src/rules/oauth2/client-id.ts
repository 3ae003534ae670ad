import { defineRule } from '../../engine/define-rule.js';
import { arr, blank, obj, present, str } from '../../model/access.js';
import { analyzeTokenUrl } from '../../model/token-url.js';
import { isBracedGuid, isGuid, isPlaceholder, quote } from '../../model/values.js';

const WHERE = 'the Application (client) ID from portal.azure.com > App registrations > TMMaster > Overview';

/** A GUID field of `azure`, lower-cased, when it is one. */
function guidOf(parent: unknown, key: string): string | undefined {
  const v = str(parent, key)?.trim();
  return v !== undefined && isGuid(v) ? v.toLowerCase() : undefined;
}

/** The other IDs of the app registration that get pasted into Client ID by mistake. */
interface Known {
  /** As written, for messages and fixes. */
  readonly application?: string;
  readonly applicationId?: string;
  readonly objectId?: string;
  readonly tenantId?: string;
  readonly servicePrincipalId?: string;
  readonly secretIds: ReadonlySet<string>;
}

function known(manifest: unknown): Known {
  const azure = obj(manifest, 'azure');
  const secretIds = new Set<string>();
  for (const s of arr(azure, 'clientSecrets') ?? []) {
    const id = guidOf(s, 'secretId');
    if (id) secretIds.add(id);
  }
  const application = str(azure, 'applicationId')?.trim();
  const applicationId = guidOf(azure, 'applicationId');
  const objectId = guidOf(azure, 'objectId');
  const tenantId = guidOf(azure, 'tenantId');
  const servicePrincipalId = guidOf(obj(azure, 'exchangeOnline'), 'servicePrincipalId');
  return {
    ...(applicationId && application ? { applicationId, application } : {}),
    ...(objectId ? { objectId } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(servicePrincipalId ? { servicePrincipalId } : {}),
    secretIds,
  };
}

/** What the GUID in Client ID really is, when it is a known other ID; else undefined. */
function mistaken(guid: string, ids: Known, tokenTenant: string | undefined): string | undefined {
  if (guid === ids.applicationId) return undefined;
  if (guid === ids.objectId) {
    return 'is the Object ID (azure.objectId), not the Application (client) ID: enter the Application (client) ID from App registrations > Overview';
  }
  if (guid === ids.tenantId || guid === tokenTenant) {
    return 'is the Directory (tenant) ID, which belongs in the Token URL: enter the Application (client) ID from App registrations > Overview';
  }
  if (ids.secretIds.has(guid)) {
    return 'is the Secret ID of a client secret (azure.clientSecrets): enter the Application (client) ID from App registrations > Overview';
  }
  if (guid === ids.servicePrincipalId) {
    return 'is the Exchange service principal ID from Get-ServicePrincipal: enter the Application (client) ID from App registrations > Overview';
  }
  if (ids.applicationId) {
    return `differs from the Application (client) ID registered in azure.applicationId (${ids.application ?? ids.applicationId}): enter that ID, or correct azure.applicationId`;
  }
  return undefined;
}

/** The Client ID of each OAuth2 tab: the Application (client) ID of the app registration, a GUID. */
export default defineRule({
  id: 'oauth2/client-id',
  severity: 'error',
  docs: { description: 'The OAuth2 Client ID is the Application (client) ID of the TM Master app registration (a GUID), not its Object ID or the tenant ID' },
  fixable: true,
  check(ctx) {
    const ids = known(ctx.manifest);
    const fixTo = ids.application;
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const pointer = section.tabPointer('clientId');
      const field = `${section.label} > OAuth2 > Client ID`;
      if (blank(section.oauth2, 'clientId')) {
        if (!section.reportMissing) continue;
        const empty = present(section.oauth2, 'clientId') ? 'is empty' : 'is not filled in';
        const hint = fixTo ? ` (azure.applicationId: ${fixTo})` : '';
        ctx.report({ pointer, message: `${field} ${empty}: enter ${WHERE}${hint}` });
        continue;
      }
      const value = section.tab('clientId');
      if (value === undefined) continue; // a wrong type: the schema reports it
      const text = value.trim();
      const written = quote(text);
      const braced = isBracedGuid(text);
      if (!braced && !isGuid(text)) {
        const message = isPlaceholder(text) || /^(.)\1{3,}$/.test(text)
          ? `${field} ${written} is still a placeholder: enter ${WHERE}`
          : `${field} ${written} is not a GUID: enter ${WHERE}, of the form 0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4`;
        ctx.report({ pointer, message, ...(fixTo ? { fix: { pointer, value: fixTo } } : {}) });
        continue;
      }
      const bare = braced ? text.slice(1, -1) : text;
      const tokenUrl = section.tab('tokenUrl');
      const token = tokenUrl === undefined ? undefined : analyzeTokenUrl(tokenUrl);
      const tokenTenant = token?.tenantKind === 'guid' ? token.tenant?.toLowerCase() : undefined;
      const wrong = mistaken(bare.toLowerCase(), ids, tokenTenant);
      if (wrong) {
        ctx.report({ pointer, message: `${field} ${written} ${wrong}`, ...(fixTo ? { fix: { pointer, value: fixTo } } : {}) });
      } else if (braced) {
        ctx.report({
          pointer,
          message: `${field} ${written} has braces around the GUID: remove the braces and enter ${bare}, as App registrations > Overview shows it`,
          fix: { pointer, value: bare },
        });
      }
    }
  },
});
