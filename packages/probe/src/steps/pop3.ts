/**
 * TM Exchange's POP3 session, kept short: TLS to the section's Server and Port, the greeting, CAPA
 * (is XOAUTH2 offered?), AUTH XOAUTH2 in the two-line form Microsoft documents, STAT, QUIT. Never RETR,
 * DELE, TOP or UIDL (the client cannot send them). Handles both ways a server refuses a token: Dovecot's
 * failure challenge (`+ eyJ...`, answered with an empty line, then `-ERR`) and Exchange Online's direct
 * `-ERR`. A refusal is mapped to its likely causes, most likely first.
 */
import { guidKey, type MailSection } from '@tmcheck/lint';
import type { ClaimsVerdict, Claims } from '../claims.js';
import { since, type RunContext } from '../context.js';
import { isEmail } from '../microsoft.js';
import { describeNetError } from '../net/errors.js';
import { Pop3Connection, Pop3Error, xoauth2 } from '../pop3/client.js';
import { quote } from '../redact.js';
import { holdsReference } from '../references.js';
import { at, place, step, type Cause, type Step } from '../report.js';

export interface Pop3Input {
  readonly token?: string;
  readonly claims?: Claims;
  readonly verdict?: ClaimsVerdict;
}

const NAMES = { connect: 'POP3 TLS connection', capabilities: 'POP3 capabilities', 'sign-in': 'POP3 sign-in (XOAUTH2)', mailbox: 'POP3 mailbox (STAT)', 'sign-out': 'POP3 sign-out (QUIT)' } as const;

/** Server and port as TM Exchange reads them: a host name, optionally with `:port`; the Port field wins; 995 by default. */
export function pop3Address(section: MailSection): { readonly host: string; readonly port: number; readonly portFrom: 'port' | 'server' | 'default' } | undefined {
  let server = section.server?.trim() ?? '';
  server = server.replace(/^pop3s?:\/\//i, '');
  // the path cut at the first slash (a scan: `/\/.*$/` backtracks over a value of many slashes)
  const slash = server.indexOf('/');
  if (slash !== -1) server = server.slice(0, slash);
  if (server === '') return undefined;
  let host = server;
  let fromServer: number | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(server);
  if (bracket) {
    host = bracket[1] as string;
    if (bracket[2] !== undefined) fromServer = Number(bracket[2]);
  } else {
    const colon = server.lastIndexOf(':');
    if (colon !== -1 && server.indexOf(':') === colon && /^\d{1,5}$/.test(server.slice(colon + 1))) {
      host = server.slice(0, colon);
      fromServer = Number(server.slice(colon + 1));
    }
  }
  if (section.port !== undefined) return { host, port: section.port, portFrom: 'port' };
  if (fromServer !== undefined) return { host, port: fromServer, portFrom: 'server' };
  return { host, port: 995, portFrom: 'default' };
}

function email(value: string | undefined): string {
  return isEmail(value) ? (value as string).trim() : '<the replication mailbox>';
}

/** The likely causes of a refused XOAUTH2 sign-in, most likely first (shared/reference/microsoft-365.md). */
export function signInCauses(ctx: RunContext, section: MailSection, input: Pop3Input, reply: string): Cause[] {
  const tab = section.oauth2;
  const user = email(tab?.userName);
  const appId = guidKey(input.claims?.appid) ?? guidKey(tab?.clientId) ?? '<Application (client) ID>';
  const oid = guidKey(input.claims?.oid);
  const first: Cause[] = [];
  if (/\[SYS\/TEMP\]/i.test(reply)) {
    first.push(place('the POP3 server', 'the server could not check the token just now (a temporary failure): run the probe again in a minute'));
  }
  const scope = at(section.tabPointer('scope'), 'Scope must be https://outlook.office365.com/.default: the token must be for Exchange Online, not for Graph');
  const roles = at(
    '/azure/permissions',
    'add Office 365 Exchange Online > POP.AccessAsApp as an Application permission and grant admin consent (Azure portal > App registrations > TMMaster > API permissions)',
  );
  const userName = at(section.tabPointer('userName'), `User Name must be the address of the mailbox TM Exchange downloads from, the one given FullAccess${isEmail(tab?.userName) ? '' : ' (it is not an e-mail address)'}`);
  if (input.verdict?.wrongAudience) first.push(scope);
  if (input.verdict?.missingRole) first.push(roles);
  if (!isEmail(tab?.userName)) first.push(userName);

  const recordedObject = guidKey(ctx.azure.objectId);
  const wrongObject = recordedObject !== undefined && oid !== undefined && recordedObject !== oid;
  const newSp = `New-ServicePrincipal -AppId ${appId} -ObjectId ${oid ?? "<the enterprise application's Object ID>"}`;
  const servicePrincipal = wrongObject
    ? at(
        '/azure/objectId',
        `the Object ID recorded here is not the enterprise application's (the token names ${oid}): the service principal was likely registered with the App registration's Object ID; in Exchange Online PowerShell remove it (Remove-ServicePrincipal) and run ${newSp}`,
      )
    : at(
        '/azure/exchangeOnline/servicePrincipalId',
        `Exchange Online must know the app as a service principal: in Exchange Online PowerShell run ${newSp}${oid ? ` (the token names ${oid} as the enterprise application's Object ID; the Object ID on the App registration's page is another one)` : ''}`,
      );
  const grants = ctx.azure.mailboxPermissions;
  const granted = grants?.some((g) => g.mailbox === user.toLowerCase() && g.accessRights.some((r) => r.toLowerCase() === 'fullaccess'));
  const mailbox = at(
    '/azure/exchangeOnline/mailboxPermissions',
    `${grants !== undefined && !granted ? `the manifest records no FullAccess on ${user}: ` : ''}give the service principal FullAccess on the mailbox: Add-MailboxPermission -Identity ${user} -User <service principal ID from Get-ServicePrincipal> -AccessRights FullAccess`,
  );
  const popDisabled = place(
    'Exchange Online PowerShell',
    `POP may be disabled on the mailbox: Get-CASMailbox ${user} | Format-List PopEnabled shows it, Set-CASMailbox ${user} -PopEnabled $true turns it on`,
  );
  if (wrongObject) first.push(servicePrincipal);
  if (grants !== undefined && !granted) first.push(mailbox);
  const order = [servicePrincipal, mailbox, scope, roles, popDisabled, userName];
  return [...first, ...order.filter((c) => !first.includes(c))];
}

/** Exchange Online's POP3 servers, in every cloud. */
const EXCHANGE_HOSTS = new Set(['outlook.office365.com', 'outlook.office.com', 'outlook.office365.us', 'outlook-dod.office365.us', 'partner.outlook.cn']);

/** Causes of a connection that failed; a Server or Port that is already Exchange Online's is not blamed. */
function connectCauses(kind: ReturnType<typeof describeNetError>['kind'], section: MailSection, host: string, port: number): Cause[] {
  const serverRight = EXCHANGE_HOSTS.has(host.toLowerCase().replace(/\.$/, ''));
  const server = serverRight ? [] : [at(section.pointer('server'), `Server must be Exchange Online's POP3 server, outlook.office365.com (it is ${host})`)];
  const portCause = port === 995 ? [] : [at(section.pointer('port'), `Port must be 995, POP3 with SSL/TLS (it is ${port})`)];
  const network = (fix: string): Cause => place('the network', fix);
  switch (kind) {
    case 'dns':
      return [...server, network(`this computer must be able to resolve ${host} (DNS)`)];
    case 'refused':
      return [...portCause, ...server, network(`nothing accepts connections on ${host}:${port} from here: a firewall may refuse them`)];
    case 'tls':
    case 'reset':
      return [...portCause, network('a firewall or proxy that cuts TLS connections may be in between')];
    case 'tls-untrusted':
      return [network("a proxy that inspects TLS replaces the server's certificate: exempt the POP3 server from inspection, or give its CA with --ca-file"), ...server];
    case 'tls-name':
      return [...server, network("a proxy in between may present its own certificate")];
    case 'tls-expired':
      return [place("this computer's clock", 'set the date and time right'), ...server];
    default:
      return [network(`this computer (the TM Master server) must reach ${host}:${port}: a firewall on board or at the office may block POP3 (995)`), ...portCause, ...server];
  }
}

function pop3Failure(ctx: RunContext, error: unknown, what: string): { readonly words: string; readonly kind: ReturnType<typeof describeNetError>['kind'] } {
  if (error instanceof Pop3Error && error.kind !== 'network') {
    if (error.kind === 'timeout') return { words: `${what} did not answer within ${ctx.timeoutSeconds} s`, kind: 'timeout' };
    return { words: `${what}: ${error.message}`, kind: 'other' };
  }
  const problem = describeNetError(error instanceof Pop3Error ? (error.error ?? error) : error, what, ctx.timeoutSeconds);
  return { words: problem.words, kind: problem.kind };
}

/** The POP3 steps of a section. */
export async function pop3Steps(ctx: RunContext, section: MailSection, input: Pop3Input): Promise<Step[]> {
  const steps: Step[] = [];
  const skipRest = (after: keyof typeof NAMES, why: string): void => {
    const order: Array<keyof typeof NAMES> = ['connect', 'capabilities', 'sign-in', 'mailbox', 'sign-out'];
    for (const id of order.slice(order.indexOf(after) + 1)) steps.push(step(id, NAMES[id], 'skipped', why));
  };
  if (section.server !== undefined && holdsReference(section.server)) {
    steps.push(step('connect', NAMES.connect, 'not-run', 'Server holds a reference or a pipeline expression, which the probe does not resolve', { causes: [at(section.pointer('server'), 'write the server itself: outlook.office365.com')] }));
    skipRest('connect', 'no connection');
    return steps;
  }
  const address = pop3Address(section);
  if (!address) {
    steps.push(step('connect', NAMES.connect, 'failed', 'Server is empty: there is no POP3 server to connect to', { causes: [at(section.pointer('server'), 'fill in outlook.office365.com')] }));
    skipRest('connect', 'no connection');
    return steps;
  }
  const { host, port } = address;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const what = `the POP3 server ${where}`;

  ctx.progress(`${section.label}: connecting to ${where} with TLS`);
  let start = performance.now();
  let conn: Pop3Connection;
  try {
    conn = await Pop3Connection.open({ host, port, timeoutMs: ctx.timeoutMs, ...(ctx.caPem !== undefined ? { caPem: ctx.caPem } : {}) });
  } catch (error) {
    const failure = pop3Failure(ctx, error, what);
    steps.push(step('connect', NAMES.connect, 'failed', failure.words, { causes: connectCauses(failure.kind, section, host, port), details: { host, port, network: failure.kind }, durationMs: since(start) }));
    skipRest('connect', 'no connection');
    return steps;
  }
  let signedIn = false;
  try {
    const tls = conn.tls();
    const greeting = await conn.readLine();
    const certificate = `certificate for ${quote(ctx.scrubber, tls.subject ?? '?', 80)} issued by ${quote(ctx.scrubber, tls.issuer ?? '?', 80)}`;
    if (!greeting.startsWith('+OK')) {
      steps.push(
        step('connect', NAMES.connect, 'failed', `${where} (${tls.protocol}, ${certificate}) greeted with ${quote(ctx.scrubber, greeting)}, not +OK: no POP3 server, or one that refuses this computer`, {
          causes: [at(section.pointer('server'), 'Server must be outlook.office365.com'), at(section.pointer('port'), 'Port must be 995')],
          details: { host, port, tls: tls.protocol, greeting: quote(ctx.scrubber, greeting) },
          durationMs: since(start),
        }),
      );
      skipRest('connect', 'the server is no POP3 server');
      return steps;
    }
    steps.push(
      step('connect', NAMES.connect, 'passed', `${tls.protocol} to ${where}, ${certificate} (verified); the server greeted: ${quote(ctx.scrubber, greeting, 120)}`, {
        details: { host, port, tls: tls.protocol, cipher: tls.cipher, certificateSubject: tls.subject ?? null, certificateIssuer: tls.issuer ?? null, greeting: quote(ctx.scrubber, greeting) },
        durationMs: since(start),
      }),
    );

    // CAPA: is XOAUTH2 offered?
    ctx.progress(`${section.label}: asking for the server's capabilities (CAPA)`);
    start = performance.now();
    const capa = await conn.command('CAPA');
    let mechanisms: string[] = [];
    if (capa.startsWith('+OK')) {
      const lines = await conn.readMultiline();
      const sasl = lines.find((l) => /^SASL\b/i.test(l));
      mechanisms = sasl ? sasl.split(/\s+/).slice(1).map((m) => m.toUpperCase()) : [];
    }
    const shown = mechanisms.length > 0 ? mechanisms.map((m) => quote(ctx.scrubber, m, 30)).join(' ') : '(none)';
    if (mechanisms.includes('XOAUTH2')) {
      steps.push(step('capabilities', NAMES.capabilities, 'passed', `the server offers XOAUTH2 (SASL ${shown})`, { details: { sasl: mechanisms }, durationMs: since(start) }));
    } else {
      steps.push(
        step('capabilities', NAMES.capabilities, 'failed', capa.startsWith('+OK') ? `the server does not offer XOAUTH2 (SASL ${shown})` : `the server did not answer CAPA (${quote(ctx.scrubber, capa, 80)})`, {
          causes: [at(section.pointer('server'), "Server must be Exchange Online's, outlook.office365.com, which offers XOAUTH2")],
          details: { sasl: mechanisms },
          durationMs: since(start),
        }),
      );
    }

    // AUTH XOAUTH2, two lines: the command, "+", then the base64 response
    const user = section.oauth2?.userName?.trim() ?? '';
    if (input.token === undefined) {
      steps.push(step('sign-in', NAMES['sign-in'], 'skipped', 'no access token to sign in with (see the Token step)'));
    } else if (user === '') {
      steps.push(step('sign-in', NAMES['sign-in'], 'failed', 'User Name is empty: XOAUTH2 names the mailbox to open', { causes: [at(section.tabPointer('userName'), 'fill in the address of the replication mailbox')] }));
    } else {
      ctx.progress(`${section.label}: signing in with XOAUTH2 as ${email(user)}`);
      start = performance.now();
      const response = xoauth2(user, input.token);
      ctx.scrubber.add(response);
      const ready = await conn.command('AUTH XOAUTH2');
      let reply = ready;
      let challenge: Record<string, unknown> | undefined;
      if (ready.startsWith('+') && !ready.startsWith('+OK')) {
        reply = await conn.saslResponse(response);
        if (reply.startsWith('+') && !reply.startsWith('+OK')) {
          // Dovecot's failure challenge: a base64 JSON error; the client answers with an empty line, then gets -ERR
          challenge = readChallenge(reply.slice(1).trim());
          reply = await conn.saslResponse('');
        }
      }
      const details = {
        user: email(user),
        reply: quote(ctx.scrubber, reply),
        ...(challenge ? { challenge } : {}),
      };
      if (reply.startsWith('+OK')) {
        signedIn = true;
        steps.push(step('sign-in', NAMES['sign-in'], 'passed', `signed in to ${email(user)}: ${quote(ctx.scrubber, reply, 120)}`, { details, durationMs: since(start) }));
      } else {
        const refusedMechanism = reply === ready;
        steps.push(
          step(
            'sign-in',
            NAMES['sign-in'],
            'failed',
            refusedMechanism ? `the server refused AUTH XOAUTH2: ${quote(ctx.scrubber, reply)}` : `the server refused the token for ${email(user)}: ${quote(ctx.scrubber, reply)}`,
            {
              causes: refusedMechanism ? [at(section.pointer('server'), "Server must be Exchange Online's, outlook.office365.com")] : signInCauses(ctx, section, input, reply),
              details,
              durationMs: since(start),
            },
          ),
        );
      }
    }

    if (signedIn) {
      ctx.progress(`${section.label}: reading the mailbox size (STAT)`);
      start = performance.now();
      const stat = await conn.command('STAT');
      const m = /^\+OK\s+(\d+)\s+(\d+)/.exec(stat);
      if (m) {
        steps.push(
          step('mailbox', NAMES.mailbox, 'passed', `${m[1]} message${m[1] === '1' ? '' : 's'} (${m[2]} bytes) wait in the mailbox; the probe read none and deleted none`, {
            details: { messages: Number(m[1]), bytes: Number(m[2]) },
            durationMs: since(start),
          }),
        );
      } else {
        steps.push(
          step('mailbox', NAMES.mailbox, 'failed', `the server answered STAT with ${quote(ctx.scrubber, stat)}`, {
            causes: [place('Exchange Online', 'the mailbox could not be opened: another POP3 session (TM Exchange itself) may hold its lock; try again when TM Exchange is idle')],
            durationMs: since(start),
          }),
        );
      }
    } else {
      steps.push(step('mailbox', NAMES.mailbox, 'skipped', 'not signed in'));
    }

    start = performance.now();
    const quit = await conn.command('QUIT');
    if (signedIn) {
      steps.push(
        quit.startsWith('+OK')
          ? step('sign-out', NAMES['sign-out'], 'passed', `the session ended cleanly: ${quote(ctx.scrubber, quit, 120)}`, { durationMs: since(start) })
          : step('sign-out', NAMES['sign-out'], 'failed', `the server answered QUIT with ${quote(ctx.scrubber, quit)}`, { causes: [], durationMs: since(start) }),
      );
    } else {
      steps.push(step('sign-out', NAMES['sign-out'], 'skipped', 'not signed in (the session was ended with QUIT)'));
    }
  } catch (error) {
    const done = new Set(steps.map((s) => s.id));
    const next = (['connect', 'capabilities', 'sign-in', 'mailbox', 'sign-out'] as const).find((id) => !done.has(id)) ?? 'sign-out';
    const failure = pop3Failure(ctx, error, what);
    steps.push(
      step(next, NAMES[next], 'failed', failure.words, {
        causes:
          error instanceof Pop3Error && (error.kind === 'too-long' || error.kind === 'too-much')
            ? [at(section.pointer('server'), 'Server and Port must be a POP3 server: outlook.office365.com, 995'), place('the network', 'a proxy in between may answer in its place')]
            : [place('the network', `the connection to ${where} broke or stalled: a firewall, or a server that is overloaded`), at(section.pointer('server'), 'check the Server')],
        details: { network: failure.kind },
        durationMs: since(start),
      }),
    );
    skipRest(next, 'the session broke off');
  } finally {
    conn.close();
  }
  return steps;
}

/** Dovecot's failure challenge: base64 of `{"status":"401","schemes":"bearer","scope":"mail"}`; only those fields are kept. */
function readChallenge(base64: string): Record<string, unknown> | undefined {
  if (base64.length === 0 || base64.length > 4096) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of ['status', 'schemes', 'scope']) {
      const v = (parsed as Record<string, unknown>)[key];
      if (typeof v === 'string' && v.length <= 100) out[key] = v;
    }
    return out;
  } catch {
    return undefined;
  }
}
