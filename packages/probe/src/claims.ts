/**
 * The access token's claims, decoded (no signature check: the probe only reads what Entra ID issued) and
 * checked against what the section needs: the audience of its channel, the tenant of its Token URL, its
 * Client ID, the role its channel needs (no roles at all: no admin consent), an expiry in the future.
 * Only these claims are read and shown; none of them is secret.
 */
import { guidKey, type Channel, type MailSection } from '@tmcheck/lint';
import { audienceChannel, expectedAudience, expectedScope, tokenUrlTenant } from './microsoft.js';
import { at, place, type Cause } from './report.js';

export interface Claims {
  readonly aud?: string;
  readonly iss?: string;
  readonly tid?: string;
  readonly appid?: string;
  readonly azp?: string;
  readonly oid?: string;
  readonly idtyp?: string;
  readonly ver?: string;
  readonly roles?: readonly string[];
  readonly scp?: string;
  readonly exp?: number;
  readonly iat?: number;
  readonly nbf?: number;
}

const TEXT_CLAIMS = ['aud', 'iss', 'tid', 'appid', 'azp', 'oid', 'idtyp', 'ver', 'scp'] as const;
const TIME_CLAIMS = ['exp', 'iat', 'nbf'] as const;

/** The claims of a JWT's payload, or why it cannot be read. */
export function decodeClaims(token: string): { readonly ok: true; readonly claims: Claims } | { readonly ok: false; readonly reason: string } {
  if (token.length > 32 * 1024) return { ok: false, reason: 'the access token is longer than 32 KB' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'the access token is not a JWT (three parts separated by dots)' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: "the access token's claims are not JSON" };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return { ok: false, reason: "the access token's claims are not a JSON object" };
  const p = payload as Record<string, unknown>;
  const claims: Record<string, unknown> = {};
  for (const key of TEXT_CLAIMS) if (typeof p[key] === 'string') claims[key] = (p[key] as string).slice(0, 200);
  for (const key of TIME_CLAIMS) if (typeof p[key] === 'number' && Number.isFinite(p[key])) claims[key] = p[key];
  if (Array.isArray(p['roles'])) claims['roles'] = (p['roles'] as unknown[]).filter((r): r is string => typeof r === 'string').slice(0, 50).map((r) => r.slice(0, 100));
  return { ok: true, claims: claims as Claims };
}

/** The role a channel needs. */
export function requiredRole(channel: Channel): string {
  return channel === 'graph' ? 'Mail.Send' : 'POP.AccessAsApp';
}

export interface ClaimCheck {
  readonly claim: 'aud' | 'tid' | 'appid' | 'roles' | 'exp';
  readonly ok: boolean;
  /** What was found and, when wrong, what was expected. */
  readonly note: string;
  readonly causes: readonly Cause[];
}

export interface ClaimsVerdict {
  readonly checks: readonly ClaimCheck[];
  /** The audience is the other channel's (the scopes of the two kinds of section swapped). */
  readonly wrongAudience: boolean;
  /** The role the channel needs is missing (or there are no roles at all). */
  readonly missingRole: boolean;
  readonly noRoles: boolean;
}

function when(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`;
}

export function checkClaims(claims: Claims, section: MailSection, nowMs: number): ClaimsVerdict {
  const tab = section.oauth2;
  const checks: ClaimCheck[] = [];
  const channel = section.channel;
  const scopePointer = section.tabPointer('scope');

  // aud: the channel's resource
  const audChannel = claims.aud === undefined ? undefined : audienceChannel(claims.aud);
  const wrongAudience = audChannel !== channel;
  if (!wrongAudience) {
    checks.push({ claim: 'aud', ok: true, note: `aud ${claims.aud}`, causes: [] });
  } else {
    const swapped = audChannel !== undefined;
    checks.push({
      claim: 'aud',
      ok: false,
      note: `aud is ${claims.aud ?? '(missing)'}, not ${expectedAudience(channel)}${swapped ? `: a token for ${audChannel === 'graph' ? 'Microsoft Graph (sending)' : 'Exchange Online (POP3)'}` : ''}`,
      causes: [
        at(
          scopePointer,
          `Scope must be ${expectedScope(channel, tab?.tokenUrl)}${swapped ? `; the scope given is for ${audChannel === 'graph' ? 'sending through Graph' : 'POP3'} (the scopes of the sections swapped?)` : ''}`,
        ),
      ],
    });
  }

  // tid: the tenant of the Token URL, when it names one by GUID
  const urlTenant = tokenUrlTenant(tab?.tokenUrl);
  const urlGuid = guidKey(urlTenant);
  if (claims.tid === undefined) {
    checks.push({ claim: 'tid', ok: false, note: 'the token has no tid (tenant)', causes: [at(section.tabPointer('tokenUrl'), 'the Token URL must be the tenant\'s own: https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token')] });
  } else if (urlGuid === undefined) {
    checks.push({ claim: 'tid', ok: true, note: `tid ${claims.tid} (the Token URL names the tenant by its domain)`, causes: [] });
  } else if (guidKey(claims.tid) === urlGuid) {
    checks.push({ claim: 'tid', ok: true, note: `tid ${claims.tid}`, causes: [] });
  } else {
    checks.push({
      claim: 'tid',
      ok: false,
      note: `tid is ${claims.tid}, not the tenant of the Token URL (${urlGuid})`,
      causes: [at(section.tabPointer('tokenUrl'), 'put the Directory (tenant) ID of the tenant the mailboxes are in into the Token URL')],
    });
  }

  // appid (v1 tokens; azp in v2): the Client ID
  const app = claims.appid ?? claims.azp;
  const client = guidKey(tab?.clientId);
  if (app !== undefined && (client === undefined || guidKey(app) === client)) {
    checks.push({ claim: 'appid', ok: true, note: `appid ${app}`, causes: [] });
  } else {
    checks.push({
      claim: 'appid',
      ok: false,
      note: app === undefined ? 'the token has no appid' : `appid is ${app}, not the Client ID`,
      causes: [at(section.tabPointer('clientId'), 'Client ID must be the Application (client) ID, Azure portal > App registrations > TMMaster > Overview')],
    });
  }

  // roles: the application permission of the channel, with admin consent
  const role = requiredRole(channel);
  const roles = claims.roles ?? [];
  const noRoles = claims.roles === undefined || roles.length === 0;
  const missingRole = !roles.includes(role);
  const api = channel === 'graph' ? 'Microsoft Graph' : 'Office 365 Exchange Online';
  if (!missingRole) {
    checks.push({ claim: 'roles', ok: true, note: `roles ${roles.join(', ')}`, causes: [] });
  } else if (noRoles) {
    checks.push({
      claim: 'roles',
      ok: false,
      note: `the token has no roles: no admin consent for an application permission of ${api} (or ${role} was added as Delegated)${claims.scp !== undefined ? '; it carries delegated scopes instead' : ''}`,
      causes: [
        at(
          '/azure/permissions',
          `add ${api} > ${role} as an Application permission (not Delegated), then "Grant admin consent for ..." on Azure portal > App registrations > TMMaster > API permissions`,
        ),
      ],
    });
  } else {
    checks.push({
      claim: 'roles',
      ok: false,
      note: `roles are ${roles.join(', ')}, without ${role}`,
      causes: [at('/azure/permissions', `add ${api} > ${role} as an Application permission and grant admin consent (Azure portal > App registrations > TMMaster > API permissions)`)],
    });
  }

  // exp: in the future
  if (claims.exp === undefined) {
    checks.push({ claim: 'exp', ok: false, note: 'the token has no expiry (exp)', causes: [] });
  } else if (claims.exp * 1000 > nowMs) {
    const minutes = Math.round((claims.exp * 1000 - nowMs) / 60_000);
    checks.push({ claim: 'exp', ok: true, note: `expires ${when(claims.exp)} (in ${minutes} min)`, causes: [] });
  } else {
    checks.push({
      claim: 'exp',
      ok: false,
      note: `the token expired ${when(claims.exp)}, as it was issued`,
      causes: [place("this computer's clock", 'a token Entra ID has just issued cannot be expired: set the clock of this computer right (date, time and time zone)')],
    });
  }
  return { checks, wrongAudience, missingRole, noRoles };
}
