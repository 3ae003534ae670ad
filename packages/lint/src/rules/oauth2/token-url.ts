import { defineRule, type RuleContext } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { guidKey } from '../../model/guid.js';
import { CLOUDS, hostInfo, splitUrl, type Cloud } from '../../model/microsoft.js';
import { sectionCloud, type MailSection } from '../../model/sections.js';
import { analyzeTokenUrl, isPlaceholderTenant, tokenUrlFor, unbracedGuid, withTenant, type TokenUrlInfo } from '../../model/token-url.js';
import { isDomain } from '../../model/values.js';
import { tabValues } from '../../rule-kit/tab-fields.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';

const TENANT_POINTER = '/azure/tenantId';
const WHERE_TENANT = 'your Directory (tenant) ID from portal.azure.com > Microsoft Entra ID > Overview';

type MessageId =
  | 'notFilledIn'
  | 'querySecret'
  | 'placeholder'
  | 'placeholderKnown'
  | 'multiTenant'
  | 'braced'
  | 'v1'
  | 'authorize'
  | 'http'
  | 'resourceHost'
  | 'otherHost'
  | 'noTenant'
  | 'badTenant'
  | 'path'
  | 'query'
  | 'notUrl';

/** Findings about the tenant segment itself: they stand for tenant-mismatch's finding at the same Token URL. */
const TENANT_MESSAGES: ReadonlySet<MessageId> = new Set(['placeholder', 'placeholderKnown', 'multiTenant', 'braced', 'noTenant', 'badTenant']);

/** `azure.tenantId`, without braces, when it is a tenant a Token URL can hold (not a placeholder). */
function registeredTenant(ctx: RuleContext<MessageId>): string | undefined {
  const written = ctx.manifest.azure?.tenantId?.trim();
  if (written === undefined || isPlaceholderTenant(written)) return undefined;
  const guid = guidKey(written) === undefined ? undefined : (unbracedGuid(written) ?? written);
  return guid ?? (isDomain(written) ? written : undefined);
}

/** The URL to type: the registered tenant on the section's authority, or the shape with the tenant to fill in. */
function example(pointer: string, cloud: Cloud, tenant: string | undefined): Shown {
  if (tenant !== undefined) return showValue(pointer, tokenUrlFor(tenant, cloud), { bare: true });
  return ours(`https://${CLOUDS[cloud].authority}/<Directory (tenant) ID>/oauth2/v2.0/token`);
}

/** A candidate fix, when the model then finds nothing wrong with it. */
function ifCorrect(candidate: string | undefined): string | undefined {
  return candidate !== undefined && analyzeTokenUrl(candidate).problem === undefined ? candidate : undefined;
}

/** The Token URL with the path set to `/<tenant>/oauth2/v2.0/token`, on the same authority. */
function withTokenPath(text: string, tenant: string): string | undefined {
  const url = splitUrl(text);
  if (!url || url.port !== undefined) return undefined;
  return ifCorrect(`https://${url.host}/${tenant}/oauth2/v2.0/token`);
}

/** The Token URL without its query string or fragment. */
function withoutQuery(text: string): string {
  const q = text.search(/[?#]/);
  return q === -1 ? text : text.slice(0, q);
}

/** The cloud of the section: the authority's, else the server's, else the global cloud. */
function cloudOf(section: MailSection, info: TokenUrlInfo | undefined): Cloud {
  return info?.cloud ?? sectionCloud(section) ?? 'global';
}

/** The Token URL of each OAuth2 tab: `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token` or a national-cloud twin. */
export default defineRule({
  id: 'oauth2/token-url',
  severity: 'error',
  docs: {
    description:
      'The Token URL is the v2.0 token endpoint of your tenant, https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token (or its national-cloud twin), {tenant} being the Directory (tenant) ID',
  },
  fixable: true,
  // a placeholder, braces or `common` in place of the tenant is said here; "another tenant" would add nothing
  supersedes: ['oauth2/tenant-mismatch'], // per report: see TENANT_MESSAGES
  messages: {
    notFilledIn: '{{field}} is not filled in: enter {{example}}',
    querySecret:
      '{{field}} carries a credential (client_secret=...) in a query string after {{url}}, which is not shown here: the token endpoint takes the secret in the request body, never in the URL; remove everything from the ? on, and since the secret has been stored in plain text, create a new client secret in App registrations > Certificates & secrets and enter its Value in Client Secret',
    placeholder: '{{field}} still holds the placeholder {{tenant}} where the tenant goes: replace it with ' + WHERE_TENANT,
    placeholderKnown:
      '{{field}} still holds the placeholder {{tenant}} where the tenant goes: replace it with the tenant of {{tenantField}}: enter {{expected}}',
    multiTenant:
      '{{field}} names {{tenant}} instead of a tenant: common, organizations and consumers are not valid for app-only tokens (AADSTS9001023); put ' +
      WHERE_TENANT +
      ' in its place: {{example}}',
    braced: '{{field}} has braces around the tenant GUID {{tenant}}: remove the braces and enter {{expected}}',
    v1: '{{field}} {{value}} is the v1 endpoint /oauth2/token, which ignores Scope and issues a token for the wrong audience: use the v2.0 endpoint /oauth2/v2.0/token',
    authorize:
      '{{field}} {{value}} is the authorize endpoint, where a person signs in with a browser; TM Master fetches its token from the token endpoint /oauth2/v2.0/token',
    http: "{{field}} {{value}} starts with http:, and Microsoft's token endpoint takes only https: enter {{example}}",
    resourceHost: '{{field}} {{value}} goes to another host: {{host}} is a {{kind}} server, not the sign-in server that issues tokens; enter {{example}}',
    otherHost: "{{field}} {{value}} goes to another host: {{host}} is not Microsoft's sign-in server; enter {{example}}",
    noTenant: '{{field}} {{value}} has no tenant: enter {{example}}, with ' + WHERE_TENANT,
    badTenant:
      'the tenant {{tenant}} in {{field}} is neither a GUID nor a domain name: enter ' +
      WHERE_TENANT +
      ' (a GUID), or a verified domain such as example.onmicrosoft.com',
    path: '{{field}} {{value}} has the path of another endpoint: the token endpoint is /<tenant>/oauth2/v2.0/token; enter {{example}}',
    query:
      '{{field}} has a query string or a fragment after {{url}}, which is not shown here: the token endpoint takes its parameters in the request body; remove everything from the ? or # on',
    notUrl: '{{field}} {{value}} is not a URL: enter {{example}}',
  },
  check(ctx) {
    const registered = registeredTenant(ctx);
    const values = tabValues(ctx, 'tokenUrl', (section) => ({
      data: { example: example(section.tabPointer('tokenUrl'), cloudOf(section, undefined), registered) },
    }));
    for (const { section, pointer, trimmed } of values) {
      const info = analyzeTokenUrl(trimmed);
      if (info.problem === undefined) continue;
      const cloud = cloudOf(section, info);
      const value = showValue(pointer, trimmed);
      const tenant = info.tenant === undefined ? undefined : showValue(pointer, info.tenant);
      const report = (messageId: MessageId, data: Readonly<Record<string, Shown>>, fix?: string): void => {
        ctx.report({
          messageId,
          pointer,
          data,
          ...(fix !== undefined && fix !== trimmed ? { fix: { pointer, value: fix } } : {}),
          // only a tenant that is no tenant (a placeholder, braces, common) stands for tenant-mismatch's finding;
          // a wrong path or scheme leaves the question of which tenant open
          supersedes: TENANT_MESSAGES.has(messageId) ? ['oauth2/tenant-mismatch'] : [],
        });
      };
      const wanted = example(pointer, cloud, registered);
      switch (info.problem) {
        case 'query-secret': {
          // removing the credential is worth a fix even where another mistake remains in the URL
          const cut = withoutQuery(trimmed);
          report('querySecret', { url: showValue(pointer, cut) }, cut === '' ? undefined : cut);
          break;
        }
        case 'placeholder':
          if (registered !== undefined) {
            const fixed = tokenUrlFor(registered, cloud);
            report('placeholderKnown', { tenant: tenant ?? ours(''), tenantField: fieldName(TENANT_POINTER), expected: showValue(pointer, fixed, { bare: true }) }, fixed);
          } else report('placeholder', { tenant: tenant ?? ours('') });
          break;
        case 'multi-tenant':
          report('multiTenant', { tenant: tenant ?? ours(''), example: wanted }, registered === undefined ? undefined : tokenUrlFor(registered, cloud));
          break;
        case 'braced': {
          const bare = unbracedGuid(info.tenant ?? '') ?? '';
          const fixed = withTenant(trimmed, info.tenant ?? '', bare);
          const correct = ifCorrect(fixed);
          report('braced', { tenant: tenant ?? ours(''), expected: showValue(pointer, correct ?? tokenUrlFor(bare, cloud), { bare: true }) }, correct);
          break;
        }
        case 'v1':
          report('v1', { value }, withTokenPath(trimmed, info.tenant ?? ''));
          break;
        case 'authorize':
          report('authorize', { value }, withTokenPath(trimmed, info.tenant ?? ''));
          break;
        case 'http': {
          const fixed = ifCorrect(`https${trimmed.slice(4)}`);
          report('http', { value, example: fixed === undefined ? wanted : showValue(pointer, fixed, { bare: true }) }, fixed);
          break;
        }
        case 'host': {
          const role = hostInfo(info.host)?.role;
          const host = showValue(pointer, info.host ?? '', { bare: true });
          if (role === 'graph' || role === 'exchange' || role === 'smtp') {
            report('resourceHost', { value, host, kind: ours(role === 'graph' ? 'Microsoft Graph' : 'mail'), example: wanted });
          } else report('otherHost', { value, host, example: wanted });
          break;
        }
        case 'no-tenant':
          report('noTenant', { value, example: wanted });
          break;
        case 'bad-tenant':
          report('badTenant', { tenant: tenant ?? ours('') });
          break;
        case 'path':
          report('path', { value, example: wanted });
          break;
        case 'query':
          report('query', { url: showValue(pointer, withoutQuery(trimmed)) }, ifCorrect(withoutQuery(trimmed)));
          break;
        case 'not-url':
          report('notUrl', { value, example: wanted });
          break;
      }
    }
  },
});
