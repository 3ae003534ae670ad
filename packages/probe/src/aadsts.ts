/**
 * Every AADSTS code of shared/reference/microsoft-365.md ("AADSTS codes a support engineer meets")
 * translated into the field of the section to change, named as TM Master names it, and the fix.
 */
import { guidKey, type MailSection } from '@tmcheck/lint';
import type { AzureFacts } from './sections.js';
import { expectedScope, tokenUrlTenant } from './microsoft.js';
import { at, place, type Cause } from './report.js';

export interface AadstsContext {
  readonly section: MailSection;
  readonly azure: AzureFacts;
  /** The Client Secret sent has the shape of a GUID (a Secret ID), told without showing it. */
  readonly secretLooksLikeGuid: boolean;
}

export interface AadstsTranslation {
  /** What the code means, in words. */
  readonly means: string;
  readonly causes: readonly Cause[];
}

type Translate = (ctx: AadstsContext) => AadstsTranslation;

const SECRET_PAGE = 'Azure portal > App registrations > TMMaster > Certificates & secrets';

function scopeFix(ctx: AadstsContext): string {
  return expectedScope(ctx.section.channel, ctx.section.oauth2?.tokenUrl);
}

/** The codes of the reference table, each with its translation. */
export const AADSTS: ReadonlyMap<number, Translate> = new Map<number, Translate>([
  [
    7000215,
    (ctx) => ({
      means: 'the client secret is not valid',
      causes: [
        at(
          ctx.section.tabPointer('clientSecret'),
          `${ctx.secretLooksLikeGuid ? 'Client Secret holds a GUID, which is what a Secret ID looks like: ' : ''}put the secret's Value in Client Secret, not its Secret ID (${SECRET_PAGE} shows the Value only when the secret is made; if it is lost, make a new secret)`,
        ),
      ],
    }),
  ],
  [
    7000222,
    (ctx) => ({
      means: 'the client secret has expired',
      causes: [
        at(
          ctx.section.tabPointer('clientSecret'),
          `make a new client secret (${SECRET_PAGE} > New client secret) and put its Value in the Client Secret of every section: Mail Settings, TM Exchange SMTP and TM Exchange POP3`,
        ),
        at('/azure/clientSecrets', "record the new secret's Secret ID and expiry date, so that lint warns before it expires"),
      ],
    }),
  ],
  [
    7000218,
    (ctx) => ({
      means: 'no client secret was sent',
      causes: [at(ctx.section.tabPointer('clientSecret'), "Client Secret is empty: fill in the secret's Value (written as a reference such as ${TM_MAIL_SECRET})")],
    }),
  ],
  [700016, (ctx) => ({ means: 'the application is not found in the tenant the Token URL names', causes: appNotFoundCauses(ctx) })],
  [
    90002,
    (ctx) => ({
      means: 'the tenant is not found',
      causes: [
        at(
          ctx.section.tabPointer('tokenUrl'),
          'no such tenant: put the Directory (tenant) ID in the Token URL, https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token (Azure portal > search "tenant" shows it), and check that the Token URL is of the right cloud',
        ),
        ...(ctx.azure.tenantId ? [at('/azure/tenantId', 'check the Directory (tenant) ID recorded here against the Azure portal')] : []),
      ],
    }),
  ],
  [
    900023,
    (ctx) => ({
      means: 'the tenant in the Token URL is neither a GUID nor a domain',
      causes: [
        at(
          ctx.section.tabPointer('tokenUrl'),
          "the guide's placeholder (TenantID) is still in the Token URL: replace it with the Directory (tenant) ID, https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token",
        ),
      ],
    }),
  ],
  ...[9001023, 90130].map(
    (code): [number, Translate] => [
      code,
      (ctx) => ({
        means: 'an app cannot sign in through /common, /organizations or /consumers',
        causes: [at(ctx.section.tabPointer('tokenUrl'), 'put the Directory (tenant) ID in the Token URL in place of common, organizations or consumers')],
      }),
    ],
  ),
  ...[70011, 1002012].map(
    (code): [number, Translate] => [
      code,
      (ctx) => ({
        means: 'the scope is not valid',
        causes: [
          at(
            ctx.section.tabPointer('scope'),
            `Scope must be ${scopeFix(ctx)}: a resource followed by /.default; a permission's name (Mail.Send, POP.AccessAsApp) or a delegated scope is refused when an app signs in on its own`,
          ),
        ],
      }),
    ],
  ),
  [
    700022,
    (ctx) => ({
      means: 'the scope names several resources',
      causes: [at(ctx.section.tabPointer('scope'), `Scope takes one resource per section: ${scopeFix(ctx)}`)],
    }),
  ],
  [
    90014,
    (ctx) => ({
      means: 'no scope was sent',
      causes: [at(ctx.section.tabPointer('scope'), `Scope is empty: fill in ${scopeFix(ctx)}`)],
    }),
  ],
  [
    500011,
    (ctx) => ({
      means: "the scope's resource is not found in the tenant",
      causes: [
        at(ctx.section.tabPointer('scope'), `the resource in Scope is mistyped: it must be ${scopeFix(ctx)}`),
        place('Microsoft 365 admin center', `the service is absent from the tenant: ${ctx.section.channel === 'pop3' ? 'Exchange Online' : 'Microsoft Graph mail'} needs an Exchange Online subscription`),
      ],
    }),
  ],
  [
    7000112,
    () => ({
      means: 'the application is disabled',
      causes: [place('Azure portal > Enterprise applications > TMMaster > Properties', 'set "Enabled for users to sign-in?" to Yes, then Save')],
    }),
  ],
  [
    53003,
    () => ({
      means: 'a Conditional Access policy blocked the sign-in',
      causes: [
        place(
          'Azure portal > Microsoft Entra ID > Security > Conditional Access',
          "an administrator must exclude TMMaster's workload identity from the policy, or allow the sign-in from this installation's location",
        ),
      ],
    }),
  ],
  ...[90038, 900432].map(
    (code): [number, Translate] => [
      code,
      (ctx) => ({
        means: 'the request crosses national clouds',
        causes: [
          at(ctx.section.tabPointer('tokenUrl'), 'take the Token URL and the Scope from one cloud: tokens do not cross clouds'),
          at(ctx.section.tabPointer('scope'), `Scope must be of the Token URL's cloud: ${scopeFix(ctx)}`),
        ],
      }),
    ],
  ),
  [
    900144,
    (ctx) => ({
      means: 'no client ID was sent',
      causes: [at(ctx.section.tabPointer('clientId'), 'Client ID is empty: fill in the Application (client) ID, Azure portal > App registrations > TMMaster > Overview')],
    }),
  ],
]);

/**
 * 700016: the Client ID is wrong, or the Token URL names another tenant. What the manifest records of Azure
 * decides which comes first: a Token URL tenant other than the recorded tenant, a Client ID that is the recorded
 * Object ID, service principal or a Secret ID.
 */
function appNotFoundCauses(ctx: AadstsContext): Cause[] {
  const tab = ctx.section.oauth2;
  const client = guidKey(tab?.clientId);
  const tenant = guidKey(tokenUrlTenant(tab?.tokenUrl));
  const knownTenant = guidKey(ctx.azure.tenantId);
  const other: Array<[string | undefined, string]> = [
    [ctx.azure.objectId, "the enterprise application's Object ID"],
    [ctx.azure.servicePrincipalId, "the service principal's ID"],
    ...ctx.azure.secretIds.map((id): [string, string] => [id, "the client secret's Secret ID"]),
  ];
  const mixedUp = client === undefined ? undefined : other.find(([id]) => guidKey(id) === client)?.[1];
  const clientCause = at(
    ctx.section.tabPointer('clientId'),
    `${mixedUp ? `Client ID holds ${mixedUp}: ` : ''}Client ID must be the Application (client) ID, Azure portal > App registrations > TMMaster > Overview (not an Object ID or a Secret ID)`,
  );
  const tenantCause = at(
    ctx.section.tabPointer('tokenUrl'),
    `the Token URL must name the tenant the app is registered in: https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token${
      knownTenant !== undefined && tenant !== undefined && knownTenant !== tenant ? ' (the Directory (tenant) ID recorded under azure is another one)' : ''
    }`,
  );
  const tenantFirst = knownTenant !== undefined && tenant !== undefined && knownTenant !== tenant && mixedUp === undefined;
  const appKnown = guidKey(ctx.azure.applicationId);
  const clientFirst = mixedUp !== undefined || (appKnown !== undefined && client !== undefined && appKnown !== client);
  return tenantFirst && !clientFirst ? [tenantCause, clientCause] : [clientCause, tenantCause];
}

/** The translation of a code; an unknown code is named with Microsoft's page for it. */
export function translateAadsts(code: number, ctx: AadstsContext): AadstsTranslation {
  const known = AADSTS.get(code);
  if (known) return known(ctx);
  return {
    means: `Entra ID refused the request with AADSTS${code}`,
    causes: [place(`https://login.microsoftonline.com/error?code=${code}`, `look the code up on Microsoft's page; the message above is Entra ID's own`)],
  };
}
