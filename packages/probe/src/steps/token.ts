/**
 * The token request, as TM Master makes it: client credentials, form-encoded, to the section's Token URL,
 * with its Client ID, Scope and Client Secret. One request per distinct (Token URL, Client ID, Scope, secret);
 * sections that share one report the same outcome, each naming its own fields.
 */
import { guidKey, type MailSection } from '@tmcheck/lint';
import { translateAadsts } from '../aadsts.js';
import { since, type RunContext } from '../context.js';
import { urlHost } from '../microsoft.js';
import { describeNetError, type NetProblem } from '../net/errors.js';
import { quote } from '../redact.js';
import { holdsReference, resolveSecret } from '../references.js';
import { at, place, step, type Cause, type Step } from '../report.js';

export type TokenOutcome =
  | { readonly kind: 'token'; readonly token: string; readonly expiresIn?: number; readonly durationMs: number }
  | {
      readonly kind: 'aadsts';
      readonly httpStatus: number;
      readonly code: number;
      readonly error?: string;
      /** The first line of error_description (Microsoft's words), not yet quoted. */
      readonly description?: string;
      readonly traceId?: string;
      readonly correlationId?: string;
      readonly timestamp?: string;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'http';
      readonly httpStatus: number;
      readonly problem: 'redirect' | 'not-json' | 'no-token' | 'too-large' | 'oauth-error';
      readonly contentType: string;
      readonly locationHost?: string;
      readonly error?: string;
      readonly durationMs: number;
    }
  | { readonly kind: 'net'; readonly problem: NetProblem; readonly durationMs: number };

/** A request ready to send, or the step that says why it cannot be. */
export type Prepared =
  | { readonly ok: true; readonly key: string; readonly url: string; readonly host: string; readonly form: URLSearchParams; readonly secretLooksLikeGuid: boolean; readonly secretSource: string }
  | { readonly ok: false; readonly step: Step };

const NAME = 'Token';

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads the section's OAuth2 tab into a request; adds the resolved secret to the scrubber before anything else. */
export function prepareToken(ctx: RunContext, section: MailSection): Prepared {
  const tab = section.oauth2 ?? {};
  const urlPointer = section.tabPointer('tokenUrl');
  const notRun = (summary: string, causes: Cause[]): Prepared => ({ ok: false, step: step('token', NAME, 'not-run', summary, { causes }) });
  const failed = (summary: string, causes: Cause[]): Prepared => ({ ok: false, step: step('token', NAME, 'failed', summary, { causes }) });

  for (const field of ['tokenUrl', 'clientId', 'scope'] as const) {
    const value = text(tab[field]);
    if (value !== undefined && holdsReference(value)) {
      return notRun(`the ${field === 'tokenUrl' ? 'Token URL' : field === 'clientId' ? 'Client ID' : 'Scope'} holds a reference or a pipeline expression, which the probe does not resolve: it resolves \${NAME} references in Client Secret only`, [
        at(section.tabPointer(field), 'write the value itself in this field (lint reports it as env-reference)'),
      ]);
    }
  }
  const url = text(tab.tokenUrl)?.trim() ?? '';
  if (url === '') return failed('Token URL is empty: there is nowhere to ask for a token', [at(urlPointer, 'fill in https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token')]);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return failed('Token URL is not a URL', [at(urlPointer, 'write https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token')]);
  }
  if (parsed.protocol !== 'https:') {
    return failed(`Token URL is not https (${parsed.protocol.replace(/:$/, '')}): the probe sends a client secret over https only, as Entra ID takes it`, [
      at(urlPointer, 'write https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token'),
    ]);
  }

  const secretPointer = section.tabPointer('clientSecret');
  const resolved = resolveSecret(tab.clientSecret, ctx.env);
  let secret: string | undefined;
  let secretSource = 'none';
  if (resolved.kind === 'unset') {
    return notRun(
      `Client Secret is \${${resolved.variable}}, and the environment variable ${resolved.variable} is ${resolved.empty ? 'set but empty' : 'not set'}: the probe has no secret to send`,
      [
        place(
          'the environment of tmcheck probe',
          `set ${resolved.variable} to the secret's Value before running the probe, without writing it into a file or the shell's history: in bash, read -rs ${resolved.variable} && export ${resolved.variable}; in PowerShell, $env:${resolved.variable} = Read-Host -MaskInput`,
        ),
      ],
    );
  }
  if (resolved.kind === 'unresolvable') {
    return notRun(
      `Client Secret is written as ${resolved.form}, which ${resolved.pipeline ? 'only the pipeline resolves' : 'tmcheck does not read'}: the probe has no secret to send`,
      [
        resolved.pipeline
          ? place('the pipeline', 'run tmcheck probe where the pipeline has replaced the expression, or write Client Secret as ${NAME} and set the environment variable NAME')
          : at(secretPointer, 'write the reference as ${NAME}, such as ${TM_MAIL_SECRET}, and set the environment variable'),
      ],
    );
  }
  if (resolved.kind === 'value') {
    secret = resolved.value;
    secretSource = resolved.variable !== undefined ? `the environment variable ${resolved.variable}` : 'the manifest';
    ctx.scrubber.add(secret);
  }

  const form = new URLSearchParams();
  form.set('grant_type', 'client_credentials');
  const clientId = text(tab.clientId);
  if (clientId !== undefined && clientId.trim() !== '') form.set('client_id', clientId.trim());
  if (secret !== undefined) form.set('client_secret', secret);
  const scope = text(tab.scope)?.trim();
  if (scope !== undefined && scope !== '') form.set('scope', scope);
  // the key tells requests apart by the secret too (two sections with one Client ID may hold different secrets), never shown
  const key = JSON.stringify([url, clientId?.trim().toLowerCase() ?? '', scope ?? '', secret ?? '']);
  return {
    ok: true,
    key,
    url,
    host: parsed.host,
    form,
    secretLooksLikeGuid: guidKey(secret) !== undefined,
    secretSource,
  };
}

function firstLine(text: string | undefined): string | undefined {
  return text?.split(/\r?\n/)[0]?.trim();
}

/** Sends the request and reads the answer (bounded, within the time limit). */
export async function requestToken(ctx: RunContext, prepared: Extract<Prepared, { ok: true }>): Promise<TokenOutcome> {
  const start = performance.now();
  let answer: Awaited<ReturnType<RunContext['http']['request']>>;
  try {
    answer = await ctx.http.request(prepared.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: prepared.form.toString(),
    });
  } catch (error) {
    return { kind: 'net', problem: describeNetError(error, `the token endpoint ${prepared.host}`, ctx.timeoutSeconds), durationMs: since(start) };
  }
  const durationMs = since(start);
  if (answer.status >= 300 && answer.status < 400) {
    const locationHost = urlHost(answer.location);
    return { kind: 'http', httpStatus: answer.status, problem: 'redirect', contentType: answer.contentType, ...(locationHost ? { locationHost } : {}), durationMs };
  }
  if (answer.truncated) return { kind: 'http', httpStatus: answer.status, problem: 'too-large', contentType: answer.contentType, durationMs };
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(answer.text);
    body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    body = undefined;
  }
  if (!body) return { kind: 'http', httpStatus: answer.status, problem: 'not-json', contentType: answer.contentType, durationMs };
  const token = body['access_token'];
  if (answer.status === 200 && typeof token === 'string' && token !== '') {
    ctx.scrubber.add(token);
    for (const part of token.split('.')) ctx.scrubber.add(part);
    const expiresIn = typeof body['expires_in'] === 'number' ? body['expires_in'] : Number.isFinite(Number(body['expires_in'])) ? Number(body['expires_in']) : undefined;
    return { kind: 'token', token, ...(expiresIn !== undefined ? { expiresIn } : {}), durationMs };
  }
  const codes = body['error_codes'];
  const description = text(body['error_description']);
  let code = Array.isArray(codes) && typeof codes[0] === 'number' ? codes[0] : undefined;
  if (code === undefined && description !== undefined) {
    const m = /AADSTS(\d{1,9})/.exec(description);
    if (m) code = Number(m[1]);
  }
  if (code !== undefined) {
    const error = text(body['error']);
    const line = firstLine(description);
    const traceId = text(body['trace_id']);
    const correlationId = text(body['correlation_id']);
    const timestamp = text(body['timestamp']);
    return {
      kind: 'aadsts',
      httpStatus: answer.status,
      code,
      ...(error !== undefined ? { error } : {}),
      ...(line !== undefined ? { description: line } : {}),
      ...(traceId !== undefined ? { traceId } : {}),
      ...(correlationId !== undefined ? { correlationId } : {}),
      ...(timestamp !== undefined ? { timestamp } : {}),
      durationMs,
    };
  }
  const error = text(body['error']);
  return { kind: 'http', httpStatus: answer.status, problem: error !== undefined ? 'oauth-error' : 'no-token', contentType: answer.contentType, ...(error !== undefined ? { error } : {}), durationMs };
}

/** Entra ID's sign-in servers, in every cloud. */
const AUTHORITIES = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn', 'login.chinacloudapi.cn']);

/** Causes of a network failure of the token request; a Token URL whose host is already Entra ID's is not blamed. */
function netCauses(problem: NetProblem, section: MailSection, host: string): Cause[] {
  const urlPointer = section.tabPointer('tokenUrl');
  const right = AUTHORITIES.has(host.toLowerCase().replace(/:443$/, ''));
  const url = (fix: string): Cause[] => (right ? [] : [at(urlPointer, fix)]);
  switch (problem.kind) {
    case 'dns':
      return [...url(`check the host name of the Token URL (${host}); Entra ID's is login.microsoftonline.com`), place('the network', `this computer must be able to resolve ${host} (DNS)`)];
    case 'tls-untrusted':
      return [
        place('the network', "a proxy that inspects TLS replaces Microsoft's certificate: exempt login.microsoftonline.com from inspection, or give the proxy's CA with --ca-file"),
        ...url(`check the host of the Token URL (${host})`),
      ];
    case 'tls-name':
    case 'tls-expired':
    case 'tls':
      return [...url(`the Token URL must be Entra ID's: https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token (it names ${host})`), place('the network', 'a proxy in between may be the cause')];
    default:
      return [
        place('the network', `this computer (and the TM Master server) must reach ${host} over HTTPS: a firewall on board or at the office may block it`),
        ...url(`check the host and port of the Token URL (${host})`),
      ];
  }
}

/** The outcome as the section's step. `sharedWith` names the section that made the same request first. */
export function tokenStep(ctx: RunContext, outcome: TokenOutcome, section: MailSection, prepared: Extract<Prepared, { ok: true }>, sharedWith?: string): Step {
  const prefix = sharedWith ? `(the same request as ${sharedWith}) ` : '';
  const details: Record<string, unknown> = { host: prepared.host, secretFrom: prepared.secretSource, ...(sharedWith ? { sameRequestAs: sharedWith } : {}) };
  // a shared request took its time once, in the section that made it
  const durationMs = sharedWith ? undefined : outcome.durationMs;
  switch (outcome.kind) {
    case 'token':
      return step('token', NAME, 'passed', `${prefix}Entra ID at ${prepared.host} issued an access token${outcome.expiresIn !== undefined ? `, valid ${outcome.expiresIn} s` : ''}`, {
        details: { ...details, ...(outcome.expiresIn !== undefined ? { expiresIn: outcome.expiresIn } : {}) },
        durationMs,
      });
    case 'aadsts': {
      const t = translateAadsts(outcome.code, { section, azure: ctx.azure, secretLooksLikeGuid: prepared.secretLooksLikeGuid });
      const said = outcome.description !== undefined ? quote(ctx.scrubber, outcome.description, 300) : undefined;
      return step('token', NAME, 'failed', `${prefix}Entra ID refused the token request with AADSTS${outcome.code}: ${t.means}`, {
        causes: t.causes,
        details: {
          ...details,
          httpStatus: outcome.httpStatus,
          aadsts: outcome.code,
          ...(outcome.error !== undefined ? { error: quote(ctx.scrubber, outcome.error, 60) } : {}),
          ...(said !== undefined ? { message: said } : {}),
          ...(outcome.traceId !== undefined ? { traceId: quote(ctx.scrubber, outcome.traceId, 60) } : {}),
          ...(outcome.correlationId !== undefined ? { correlationId: quote(ctx.scrubber, outcome.correlationId, 60) } : {}),
          ...(outcome.timestamp !== undefined ? { timestamp: quote(ctx.scrubber, outcome.timestamp, 40) } : {}),
        },
        durationMs,
      });
    }
    case 'http': {
      const urlPointer = section.tabPointer('tokenUrl');
      const what =
        outcome.problem === 'redirect'
          ? `answered with a redirect (HTTP ${outcome.httpStatus})${outcome.locationHost ? ` to ${outcome.locationHost}` : ''}, which the probe does not follow`
          : outcome.problem === 'too-large'
            ? `answered with more than 64 KB, which is no answer of Entra ID (HTTP ${outcome.httpStatus})`
            : outcome.problem === 'not-json'
              ? `answered HTTP ${outcome.httpStatus}${outcome.contentType ? ` (${quote(ctx.scrubber, outcome.contentType.split(';')[0] ?? '', 60)})` : ''}, not Entra ID's JSON`
              : outcome.problem === 'oauth-error'
                ? `refused the request (HTTP ${outcome.httpStatus}, ${quote(ctx.scrubber, outcome.error ?? '', 60)}) without an AADSTS code`
                : `answered HTTP ${outcome.httpStatus} without an access token`;
      return step('token', NAME, 'failed', `${prefix}the Token URL ${what}`, {
        causes: [
          at(urlPointer, 'the Token URL must be the token endpoint itself: https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token (v2.0, ending in /token)'),
          place('the network', 'a proxy in between may answer in its place'),
        ],
        details: { ...details, httpStatus: outcome.httpStatus },
        durationMs,
      });
    }
    case 'net':
      return step('token', NAME, 'failed', `${prefix}${outcome.problem.words}`, {
        causes: netCauses(outcome.problem, section, prepared.host),
        details: { ...details, network: outcome.problem.kind, ...(outcome.problem.code ? { code: outcome.problem.code } : {}) },
        durationMs,
      });
  }
}
