import { defineRule } from '../../engine/define-rule.js';
import { blank, obj, present, str } from '../../model/access.js';
import { CLOUDS, hostInfo, splitUrl, type Cloud } from '../../model/microsoft.js';
import { sectionCloud, type MailSection } from '../../model/sections.js';
import { analyzeTokenUrl, tokenUrlFor, type TokenUrlInfo } from '../../model/token-url.js';
import { isPlaceholderTenant } from '../../rule-kit/tenant-placeholder.js';
import { isDomain, isGuid, quote } from '../../model/values.js';

const SHAPE = 'https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token';
const WHERE_TENANT = 'your Directory (tenant) ID from portal.azure.com > Microsoft Entra ID > Overview';

/** `azure.tenantId`, when it is something a Token URL can hold. */
function knownTenant(manifest: unknown): string | undefined {
  const tenant = str(obj(manifest, 'azure'), 'tenantId')?.trim();
  return tenant !== undefined && (isGuid(tenant) || isDomain(tenant)) ? tenant : undefined;
}

/** The Token URL with the path set to `/<tenant>/oauth2/v2.0/token`, on the same authority, if that is then correct. */
function withTokenPath(text: string, tenant: string): string | undefined {
  const url = splitUrl(text);
  if (!url || url.port !== undefined) return undefined;
  const fixed = `https://${url.host}/${tenant}/oauth2/v2.0/token`;
  return analyzeTokenUrl(fixed).problem === undefined ? fixed : undefined;
}

/** The Token URL with `http:` turned into `https:` and the rest unchanged, if that is then correct. */
function withHttps(text: string): string | undefined {
  const t = text.trim();
  const fixed = `https${t.slice(4)}`;
  return analyzeTokenUrl(fixed).problem === undefined ? fixed : undefined;
}

/** The reading of the model, with a placeholder tenant it let through (a domain) or called malformed set right. */
function classify(value: string): TokenUrlInfo {
  const info = analyzeTokenUrl(value);
  const tenant = info.tenant;
  if (tenant === undefined || info.host === undefined || info.cloud === undefined) return info;
  const placeholder = isPlaceholderTenant(tenant);
  if ((info.problem === undefined || info.problem === 'bad-tenant') && placeholder) return { ...info, problem: 'placeholder' };
  if (info.problem === 'placeholder' && !placeholder) return { ...info, problem: 'bad-tenant' };
  return info;
}

function cloudOf(section: MailSection, info: TokenUrlInfo): Cloud {
  return info.cloud ?? sectionCloud(section) ?? 'global';
}

function describe(section: MailSection, value: string, info: TokenUrlInfo, tenant: string | undefined): { message: string; fix?: string } {
  const field = `${section.label} > OAuth2 > Token URL`;
  const cloud = cloudOf(section, info);
  const example = tenant ? tokenUrlFor(tenant, cloud) : SHAPE.replace('login.microsoftonline.com', CLOUDS[cloud].authority);
  const written = quote(value.trim());
  const t = info.tenant ?? '';
  switch (info.problem) {
    case 'placeholder':
      return {
        message: `the guide's placeholder ${quote(t)} is still in the ${field}: replace it with ${WHERE_TENANT}${tenant ? ` (azure.tenantId: ${tenant})` : ''}`,
        ...(tenant ? { fix: tokenUrlFor(tenant, cloud) } : {}),
      };
    case 'multi-tenant':
      return {
        message: `${field} names ${quote(t)} instead of a tenant: common, organizations and consumers are not valid for app-only tokens (AADSTS9001023); put ${WHERE_TENANT} in its place: ${example}`,
        ...(tenant ? { fix: tokenUrlFor(tenant, cloud) } : {}),
      };
    case 'v1': {
      const fix = withTokenPath(value, t);
      return {
        message: `${field} ${written} is the v1 endpoint /oauth2/token, which ignores Scope and issues a token for the wrong audience: use the v2.0 endpoint /oauth2/v2.0/token`,
        ...(fix ? { fix } : {}),
      };
    }
    case 'authorize': {
      const fix = withTokenPath(value, t);
      return {
        message: `${field} ${written} is the authorize endpoint, where a person signs in with a browser; TM Master fetches its token from the token endpoint /oauth2/v2.0/token`,
        ...(fix ? { fix } : {}),
      };
    }
    case 'http': {
      const fix = withHttps(value);
      return {
        message: `${field} ${written} starts with http:, and Microsoft's token endpoint takes only https: enter ${fix ?? example}`,
        ...(fix ? { fix } : {}),
      };
    }
    case 'host': {
      const role = hostInfo(info.host)?.role;
      const what =
        role === 'graph' || role === 'exchange' || role === 'smtp'
          ? `${info.host ?? ''} is a ${role === 'graph' ? 'Microsoft Graph' : 'mail'} server, not the sign-in server that issues tokens`
          : `${info.host ?? 'that host'} is not Microsoft's sign-in server`;
      return { message: `${field} ${written} goes to another host: ${what}; enter ${example}` };
    }
    case 'no-tenant':
      return { message: `${field} ${written} has no tenant: enter ${example}, with ${WHERE_TENANT}` };
    case 'bad-tenant':
      return {
        message: `the tenant ${quote(t)} in ${field} is neither a GUID nor a domain name: enter ${WHERE_TENANT} (a GUID), or a verified domain such as example.onmicrosoft.com`,
      };
    case 'path':
      return { message: `${field} ${written} has the path of another endpoint: the token endpoint is /<tenant>/oauth2/v2.0/token; enter ${example}` };
    case 'query':
      return { message: `${field} ${written} has a query string: the token endpoint takes its parameters in the request body; remove everything from the ? or # on` };
    case 'not-url':
    default:
      return { message: `${field} ${written} is not a URL: enter ${example}` };
  }
}

/** The Token URL of each OAuth2 tab: `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token` or a national-cloud twin. */
export default defineRule({
  id: 'oauth2/token-url',
  severity: 'error',
  docs: { description: 'The Token URL is the v2.0 token endpoint of your tenant, https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token (or its national-cloud twin), {tenant} being the Directory (tenant) ID' },
  fixable: true,
  check(ctx) {
    const tenant = knownTenant(ctx.manifest);
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const pointer = section.tabPointer('tokenUrl');
      const value = section.tab('tokenUrl');
      if (blank(section.oauth2, 'tokenUrl')) {
        if (!section.reportMissing) continue;
        const cloud = sectionCloud(section) ?? 'global';
        const example = tenant ? tokenUrlFor(tenant, cloud) : SHAPE.replace('login.microsoftonline.com', CLOUDS[cloud].authority);
        const empty = present(section.oauth2, 'tokenUrl') ? 'is empty' : 'is not filled in';
        ctx.report({ pointer, message: `${section.label} > OAuth2 > Token URL ${empty}: enter ${example}` });
        continue;
      }
      if (value === undefined) continue; // a wrong type: the schema reports it
      const info = classify(value);
      if (info.problem === undefined) continue;
      const { message, fix } = describe(section, value, info, tenant);
      ctx.report({ pointer, message, ...(fix !== undefined && fix !== value ? { fix: { pointer, value: fix } } : {}) });
    }
  },
});
