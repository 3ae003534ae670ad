/**
 * --send-test: one message through the section's Graph sendMail URL, as TM Master's [Test SMTP] button
 * sends one. `{0}` in the URL is replaced by User Name, as TM Master does for a user without an address.
 * 202 Accepted passes; each Graph error is translated into the field or the place to change.
 */
import { guidKey, type MailSection } from '@tmcheck/lint';
import { since, type RunContext } from '../context.js';
import { isEmail } from '../microsoft.js';
import { describeNetError } from '../net/errors.js';
import { quote } from '../redact.js';
import { holdsReference } from '../references.js';
import { at, place, step, type Cause, type Step } from '../report.js';

const NAME = 'Test message (Graph sendMail)';

/** The mailbox a sendMail URL names (`/users/{id}/sendMail`), when it can be shown: an address or a GUID. */
function mailboxOf(url: URL): string | undefined {
  const segments = url.pathname.split('/');
  const i = segments.findIndex((s) => s.toLowerCase() === 'users');
  const id = i === -1 ? undefined : segments[i + 1];
  if (id === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  return isEmail(decoded) || guidKey(decoded) !== undefined ? decoded : undefined;
}

export interface GraphError {
  readonly status: number;
  readonly code?: string;
  readonly message?: string;
}

/** The causes of a Graph error, most likely first. `mailboxPointer` is the field that names the mailbox. */
export function graphCauses(error: GraphError, section: MailSection, mailboxPointer: string, mailbox: string): Cause[] {
  const code = error.code ?? '';
  const message = error.message ?? '';
  const scope = at(section.tabPointer('scope'), 'Scope must be https://graph.microsoft.com/.default: the token must be for Microsoft Graph');
  if (code === 'MailboxNotEnabledForRESTAPI' || /MailboxNotEnabledForRESTAPI/.test(message)) {
    return [
      place('Microsoft 365 admin center > Users', `${mailbox} has no Exchange Online license, is on-premises, or is inactive: Graph sends only from a licensed Exchange Online mailbox`),
      at(mailboxPointer, 'or name a mailbox that is in Exchange Online'),
    ];
  }
  if (error.status === 401) {
    if (/audience/i.test(message)) return [scope];
    if (/expired|lifetime/i.test(message)) return [place("this computer's clock", 'set the date and time right: Graph found the token expired')];
    return [scope, at(section.tabPointer('tokenUrl'), "the Token URL must be of the Graph URL's cloud and tenant")];
  }
  if (error.status === 403 && /OData is disabled/i.test(message)) {
    return [
      place(
        'Exchange Online PowerShell',
        `an Application Access Policy (New-ApplicationAccessPolicy) or an RBAC for Applications scope (New-ManagementRoleAssignment -App ... -Role "Application Mail.Send") leaves out ${mailbox}: add the mailbox to the policy's group or the scope (Test-ApplicationAccessPolicy -Identity ${mailbox} -AppId <Application (client) ID> tells)`,
      ),
    ];
  }
  if (error.status === 403 && code === 'ErrorSendAsDenied') {
    return [at(mailboxPointer, 'send from the mailbox the URL names, or give the app Send As on the other one')];
  }
  if (error.status === 403) {
    return [
      at(
        '/azure/permissions',
        'Microsoft Graph > Mail.Send must be an Application permission (not Delegated) with admin consent: Azure portal > App registrations > TMMaster > API permissions > Grant admin consent',
      ),
    ];
  }
  if (error.status === 404 || code === 'ErrorInvalidUser') {
    return [at(mailboxPointer, `no mailbox ${mailbox} exists in the tenant: ${mailboxPointer.endsWith('/userName') ? 'User Name' : 'the address in the SMTP Server URL'} must be a mailbox of the tenant`)];
  }
  if (error.status === 400 && /\/me request/i.test(message)) {
    return [at(section.pointer(section.serverKey), 'an app cannot send through /me: write https://graph.microsoft.com/v1.0/users/{0}/sendMail (or the mailbox in place of {0})')];
  }
  if (code === 'ErrorInvalidRecipients') return [place('--to', 'give a valid address to send the test message to')];
  return [at(section.pointer(section.serverKey), 'SMTP Server must be https://graph.microsoft.com/v1.0/users/{0}/sendMail (or a mailbox in place of {0})')];
}

export async function sendTestStep(ctx: RunContext, section: MailSection, token: string | undefined, to: string): Promise<Step> {
  const serverPointer = section.pointer(section.serverKey);
  const server = section.server?.trim() ?? '';
  if (token === undefined) return step('send-test', NAME, 'skipped', 'no access token to send with (see the Token step)');
  if (server === '') return step('send-test', NAME, 'failed', 'SMTP Server is empty: there is no Graph URL to send through', { causes: [at(serverPointer, 'fill in https://graph.microsoft.com/v1.0/users/{0}/sendMail')] });
  if (holdsReference(server)) {
    return step('send-test', NAME, 'not-run', 'SMTP Server holds a reference or a pipeline expression, which the probe does not resolve', { causes: [at(serverPointer, 'write the URL itself')] });
  }
  const userName = section.oauth2?.userName?.trim() ?? '';
  const placeholder = server.includes('{0}');
  if (placeholder && !isEmail(userName)) {
    return step('send-test', NAME, 'failed', 'SMTP Server holds {0}, which TM Master replaces with the user\'s address, or User Name when the user has none; User Name is not an e-mail address', {
      causes: [at(section.tabPointer('userName'), 'fill in the address of the mailbox TM Master sends from')],
    });
  }
  let url: URL;
  try {
    url = new URL(placeholder ? server.replaceAll('{0}', userName) : server);
  } catch {
    return step('send-test', NAME, 'failed', 'SMTP Server is not a URL, so nothing can be sent through Graph', { causes: [at(serverPointer, 'write https://graph.microsoft.com/v1.0/users/{0}/sendMail')] });
  }
  if (url.protocol !== 'https:') {
    return step('send-test', NAME, 'failed', 'SMTP Server is not https: the probe sends an access token over https only, as Graph takes it', { causes: [at(serverPointer, 'write https://graph.microsoft.com/v1.0/users/{0}/sendMail')] });
  }
  if (!/\/sendmail$/i.test(url.pathname)) {
    return step('send-test', NAME, 'failed', 'SMTP Server is not a Graph sendMail URL (.../sendMail)', { causes: [at(serverPointer, 'with OAuth2, SMTP Server is https://graph.microsoft.com/v1.0/users/{0}/sendMail')] });
  }
  const mailbox = mailboxOf(url) ?? '<the mailbox in the URL>';
  const mailboxPointer = placeholder ? section.tabPointer('userName') : serverPointer;
  ctx.progress(`${section.label}: sending a test message from ${mailbox} to ${to}`);
  const start = performance.now();
  const body = JSON.stringify({
    message: {
      subject: `tmcheck probe: test message (${section.label})`,
      body: {
        contentType: 'Text',
        content: `This message was sent by tmcheck probe through the ${section.label} settings of TM Master, as the [Test SMTP] button sends one. Nothing needs to be done.`,
      },
      toRecipients: [{ emailAddress: { address: to } }],
    },
    saveToSentItems: false,
  });
  let answer: Awaited<ReturnType<RunContext['http']['request']>>;
  try {
    answer = await ctx.http.request(url.href, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' }, body });
  } catch (error) {
    const problem = describeNetError(error, `Graph at ${url.host}`, ctx.timeoutSeconds);
    return step('send-test', NAME, 'failed', problem.words, {
      causes: [place('the network', `this computer must reach ${url.host} over HTTPS`), at(serverPointer, `check the host of the SMTP Server URL (${url.host})`)],
      details: { host: url.host, network: problem.kind, ...(problem.code ? { code: problem.code } : {}) },
      durationMs: since(start),
    });
  }
  const durationMs = since(start);
  if (answer.status === 202) {
    return step('send-test', NAME, 'passed', `Graph accepted the test message from ${mailbox} to ${to} (202 Accepted)`, { details: { host: url.host, httpStatus: 202, from: mailbox, to }, durationMs });
  }
  let error: GraphError = { status: answer.status };
  try {
    const parsed = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } };
    const e = parsed.error;
    error = {
      status: answer.status,
      ...(typeof e?.code === 'string' ? { code: e.code } : {}),
      ...(typeof e?.message === 'string' ? { message: e.message } : {}),
    };
    const inner = e?.innerError;
    const requestId = typeof inner?.['request-id'] === 'string' ? (inner['request-id'] as string) : undefined;
    const date = typeof inner?.['date'] === 'string' ? (inner['date'] as string) : undefined;
    return step(
      'send-test',
      NAME,
      'failed',
      `Graph refused the test message from ${mailbox}: HTTP ${answer.status}${error.code ? ` ${quote(ctx.scrubber, error.code, 60)}` : ''}${error.message ? `, "${quote(ctx.scrubber, error.message, 200)}"` : ''}`,
      {
        causes: graphCauses(error, section, mailboxPointer, mailbox),
        details: {
          host: url.host,
          httpStatus: answer.status,
          ...(error.code ? { code: quote(ctx.scrubber, error.code, 60) } : {}),
          ...(error.message ? { message: quote(ctx.scrubber, error.message, 300) } : {}),
          ...(requestId ? { requestId: quote(ctx.scrubber, requestId, 60) } : {}),
          ...(date ? { date: quote(ctx.scrubber, date, 40) } : {}),
        },
        durationMs,
      },
    );
  } catch {
    return step('send-test', NAME, 'failed', `Graph answered HTTP ${answer.status} without Graph's error JSON`, {
      causes: graphCauses(error, section, mailboxPointer, mailbox),
      details: { host: url.host, httpStatus: answer.status },
      durationMs,
    });
  }
}
