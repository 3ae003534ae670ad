/**
 * A local stand-in for Microsoft Entra ID's token endpoint and Microsoft Graph's sendMail, over TLS
 * (a certificate of the test CA), answering with the bodies Microsoft sends (shared/reference/microsoft-365.md):
 * tokens as JWTs whose claims follow from what was asked (the scope's resource gives the audience, the
 * app its roles, the tenant its ID), AADSTS errors with error_codes and trace IDs, Graph's error JSON.
 * It also serves the RFC 7662 introspection endpoint Dovecot's oauth2 passdb calls (plain HTTP on loopback),
 * where a token is active for the mailbox its app was given FullAccess on.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { ServerCertificate } from './ca.js';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const EXCHANGE_RESOURCE = 'https://outlook.office365.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/** The resources a scope may name, by what the scope says before `/.default`. */
const RESOURCES: Readonly<Record<string, 'graph' | 'exchange'>> = {
  [GRAPH_RESOURCE]: 'graph',
  [GRAPH_APP_ID]: 'graph',
  [EXCHANGE_RESOURCE]: 'exchange',
  [EXCHANGE_APP_ID]: 'exchange',
  'https://outlook.office.com': 'exchange',
};

export interface TestSecret {
  /** The Value (what Client Secret must hold). */
  readonly value: string;
  /** The Secret ID (a GUID; what customers paste by mistake). */
  readonly secretId: string;
  readonly expired?: boolean;
}

export interface TestApp {
  /** Application (client) ID. */
  readonly clientId: string;
  readonly displayName?: string;
  readonly secrets: readonly TestSecret[];
  /** Application permissions with admin consent, per API; an API left out gives a token without `roles`. */
  readonly roles?: { readonly graph?: readonly string[]; readonly exchange?: readonly string[] };
  /** The enterprise application's Object ID in the tenant (the token's `oid`). */
  readonly servicePrincipalId: string;
  readonly disabled?: boolean;
  /** The mailboxes the app's service principal has FullAccess on in Exchange Online (for POP3). */
  readonly mailboxes?: readonly string[];
  /** Seconds from issue to expiry (default 3599); negative for a token that is expired already. */
  readonly lifetimeSeconds?: number;
  /** Claims to set or replace in every token of this app. */
  readonly extraClaims?: Readonly<Record<string, unknown>>;
}

export interface TestTenant {
  /** Directory (tenant) ID. */
  readonly id: string;
  /** Verified domains, usable in the Token URL instead of the ID. */
  readonly domains?: readonly string[];
  readonly apps: readonly TestApp[];
}

export type GraphMailboxState = 'ok' | 'not-rest' | 'odata-blocked';

export interface StandInConfig {
  readonly tenants: readonly TestTenant[];
  /** Mailboxes Graph knows (lower case address -> state); an address not listed is ErrorInvalidUser. */
  readonly graphMailboxes?: Readonly<Record<string, GraphMailboxState>>;
  /**
   * How the token endpoint misbehaves, for the tests of bounded reads and timeouts: `hang` never answers,
   * `endless` streams a body that never ends, `redirect` answers 302 to another address, `html` a 404 page.
   */
  readonly tokenEndpoint?: 'normal' | 'hang' | 'endless' | 'redirect' | 'html';
  /** A hostile or careless server: error answers quote the client secret and the bearer token they were sent. */
  readonly echoSecrets?: boolean;
}

export interface IssuedToken {
  readonly token: string;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly app: TestApp;
  readonly api: 'graph' | 'exchange';
}

export interface SentMessage {
  readonly user: string;
  readonly to: readonly string[];
  readonly subject: string;
}

export interface RecordedRequest {
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  /** The form fields of a token request, secrets included (for assertions; never printed). */
  readonly form?: Readonly<Record<string, string>>;
}

function guidLike(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

function domainLike(text: string): boolean {
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(text);
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Microsoft's timestamp of error bodies: `2026-05-01 10:00:00Z`. */
function aadTimestamp(): string {
  return new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

async function readBody(req: IncomingMessage, max = 256 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export class EntraStandIn {
  config: StandInConfig = { tenants: [] };
  readonly requests: RecordedRequest[] = [];
  readonly sent: SentMessage[] = [];
  readonly issued = new Map<string, IssuedToken>();
  /** Introspection calls (Dovecot's), with the answer given. */
  readonly introspections: Array<{ readonly active: boolean; readonly username?: string }> = [];
  readonly #key = randomBytes(32);
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly https: Server,
    private readonly http: Server,
  ) {}

  /** Starts the TLS server (token endpoint, Graph) and the introspection server on free loopback ports. */
  static async start(certificate: ServerCertificate): Promise<EntraStandIn> {
    let self: EntraStandIn | undefined;
    const https = createHttpsServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
      void self?.handleHttps(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    const http = createHttpServer((req, res) => {
      void self?.handleIntrospection(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    self = new EntraStandIn(https, http);
    for (const server of [https, http]) {
      server.on('connection', (socket: Socket) => {
        self?.sockets.add(socket);
        socket.on('close', () => self?.sockets.delete(socket));
      });
      // a TLS handshake refused by the client (the certificate tests) is no error of the stand-in
      server.on('tlsClientError', () => {});
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
    }
    return self;
  }

  get origin(): string {
    return `https://127.0.0.1:${(this.https.address() as AddressInfo).port}`;
  }

  get introspectionUrl(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}/introspect`;
  }

  tokenUrl(tenant: string): string {
    return `${this.origin}/${tenant}/oauth2/v2.0/token`;
  }

  /** The Graph sendMail URL for a mailbox (`{0}` as TM Master's Mail Settings write it). */
  graphUrl(user: string): string {
    return `${this.origin}/v1.0/users/${user}/sendMail`;
  }

  /** Replaces the configuration and forgets what was recorded. */
  configure(config: StandInConfig): void {
    this.config = config;
    this.requests.length = 0;
    this.sent.length = 0;
    this.introspections.length = 0;
  }

  tokenRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/token'));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([this.https, this.http].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  private async handleHttps(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const segments = path.split('/').slice(1);
    if (req.method === 'POST' && segments.length === 4 && segments[1] === 'oauth2' && segments[2] === 'v2.0' && segments[3] === 'token') {
      const body = await readBody(req);
      const form = Object.fromEntries(new URLSearchParams(body));
      this.requests.push({ method: 'POST', path, form });
      await this.token(decodeURIComponent(segments[0] ?? ''), form, res);
      return;
    }
    this.requests.push({ method: req.method ?? 'GET', path });
    if (req.method === 'POST' && segments[0] === 'v1.0' && segments[segments.length - 1] === 'sendMail') {
      const body = await readBody(req);
      this.sendMail(req, segments, body, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<html><body>Not found</body></html>');
  }

  private aadError(res: ServerResponse, status: number, error: string, code: number, description: string): void {
    const trace = randomUUID();
    const correlation = randomUUID();
    const timestamp = aadTimestamp();
    sendJson(res, status, {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${trace}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: trace,
      correlation_id: correlation,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    });
  }

  private async token(tenantSegment: string, form: Record<string, string>, res: ServerResponse): Promise<void> {
    const mode = this.config.tokenEndpoint ?? 'normal';
    if (mode === 'hang') return; // never answers; the client's timeout ends it
    if (mode === 'endless') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) {
          /* fill the buffer */
        }
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    if (mode === 'redirect') {
      res.writeHead(302, { location: 'https://elsewhere.example/login?client_secret=leak' });
      res.end();
      return;
    }
    if (mode === 'html') {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    const lower = tenantSegment.toLowerCase();
    if (lower === 'common' || lower === 'consumers' || lower === 'organizations') {
      this.aadError(res, 400, 'invalid_request', 9001023, "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.");
      return;
    }
    if (!guidLike(lower) && !domainLike(lower)) {
      this.aadError(res, 400, 'invalid_request', 900023, `Specified tenant identifier '${tenantSegment}' is neither a valid DNS name, nor a valid external domain.`);
      return;
    }
    const tenant = this.config.tenants.find((t) => t.id.toLowerCase() === lower || (t.domains ?? []).some((d) => d.toLowerCase() === lower));
    if (!tenant) {
      this.aadError(
        res,
        400,
        'invalid_request',
        90002,
        `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      );
      return;
    }
    if (form['grant_type'] !== 'client_credentials') {
      this.aadError(res, 400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
      return;
    }
    const clientId = form['client_id'] ?? '';
    if (clientId === '') {
      this.aadError(res, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
      return;
    }
    const app = tenant.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
    if (!app) {
      this.aadError(
        res,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenantSegment}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
      return;
    }
    if (app.disabled) {
      this.aadError(res, 400, 'unauthorized_client', 7000112, `Application '${app.clientId}'(${app.displayName ?? 'TMMaster'}) is disabled.`);
      return;
    }
    const secret = form['client_secret'];
    if (secret === undefined || secret === '') {
      this.aadError(res, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
      return;
    }
    const known = app.secrets.find((s) => s.value === secret);
    if (!known) {
      this.aadError(
        res,
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.${this.config.echoSecrets ? ` Received '${secret}'.` : ''}`,
      );
      return;
    }
    if (known.expired) {
      this.aadError(
        res,
        401,
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      );
      return;
    }
    const scope = (form['scope'] ?? '').trim();
    if (scope === '') {
      this.aadError(res, 400, 'invalid_request', 90014, "The required field 'scope' is missing from the credential. Ensure that you have all the necessary parameters for the login request.");
      return;
    }
    const scopes = scope.split(/\s+/);
    // the resource of each scope: what comes before /.default, or before the permission's name
    const resources = new Set(scopes.map((s) => (/\/\.default$/i.test(s) ? s.slice(0, -'/.default'.length) : s.replace(/\/[^/]*$/, '')).toLowerCase()));
    if (resources.size > 1) {
      this.aadError(res, 400, 'invalid_scope', 700022, `The provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`);
      return;
    }
    if (!scopes.every((s) => /\/\.default$/i.test(s))) {
      this.aadError(
        res,
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
      return;
    }
    const resource = (scopes[0] as string).replace(/\/\.default$/i, '');
    const api = RESOURCES[resource.toLowerCase()];
    if (!api) {
      this.aadError(
        res,
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${tenant.domains?.[0] ?? tenant.id}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const lifetime = app.lifetimeSeconds ?? 3599;
    const roles = app.roles?.[api];
    const claims: Record<string, unknown> = {
      aud: resource,
      iss: `https://sts.windows.net/${tenant.id}/`,
      iat: now - 5,
      nbf: now - 5,
      exp: now + lifetime,
      aio: base64url(randomBytes(48)),
      app_displayname: app.displayName ?? 'TMMaster',
      appid: app.clientId,
      appidacr: '1',
      idp: `https://sts.windows.net/${tenant.id}/`,
      idtyp: 'app',
      oid: app.servicePrincipalId,
      rh: `0.${base64url(randomBytes(40))}.`,
      ...(roles && roles.length > 0 ? { roles: [...roles] } : {}),
      sub: app.servicePrincipalId,
      tid: tenant.id,
      uti: base64url(randomBytes(16)),
      ver: '1.0',
      ...app.extraClaims,
    };
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', x5t: base64url(randomBytes(20)), kid: base64url(randomBytes(20)) }));
    const payload = base64url(JSON.stringify(claims));
    const signature = createHmac('sha256', this.#key).update(`${header}.${payload}`).digest('base64url');
    const token = `${header}.${payload}.${signature}`;
    this.issued.set(token, { token, claims, app, api });
    sendJson(res, 200, { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token });
  }

  private graphError(res: ServerResponse, status: number, code: string, message: string, token?: string): void {
    if (this.config.echoSecrets && token !== undefined) message = `${message} Token: ${token}`;
    sendJson(res, status, {
      error: { code, message, innerError: { date: new Date().toISOString().replace(/\.\d+Z$/, ''), 'request-id': randomUUID(), 'client-request-id': randomUUID() } },
    });
  }

  private sendMail(req: IncomingMessage, segments: readonly string[], body: string, res: ServerResponse): void {
    // /v1.0/users/{id}/sendMail or /v1.0/me/sendMail
    if (segments[1] === 'me') {
      this.graphError(res, 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      return;
    }
    if (segments.length !== 4 || segments[1] !== 'users') {
      this.graphError(res, 400, 'BadRequest', 'Resource not found for the segment.');
      return;
    }
    const authorization = req.headers.authorization ?? '';
    const token = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (token === '') {
      this.graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
      return;
    }
    const issued = this.issued.get(token);
    if (!issued) {
      this.graphError(res, 401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed, there are no dots (.).');
      return;
    }
    if (issued.api !== 'graph') {
      this.graphError(res, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', token);
      return;
    }
    if (Number(issued.claims['exp']) <= Date.now() / 1000) {
      this.graphError(res, 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
      return;
    }
    const roles = (issued.claims['roles'] as string[] | undefined) ?? [];
    if (!roles.includes('Mail.Send')) {
      this.graphError(res, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.', token);
      return;
    }
    const user = decodeURIComponent(segments[2] ?? '');
    const state = this.config.graphMailboxes?.[user.toLowerCase()];
    if (state === undefined) {
      this.graphError(res, 404, 'ErrorInvalidUser', `The requested user '${user}' is invalid.`);
      return;
    }
    if (state === 'not-rest') {
      this.graphError(res, 404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
      return;
    }
    if (state === 'odata-blocked') {
      this.graphError(res, 403, 'ErrorAccessDenied', 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.');
      return;
    }
    let message: { subject?: unknown; toRecipients?: Array<{ emailAddress?: { address?: unknown } }> } | undefined;
    try {
      message = (JSON.parse(body) as { message?: typeof message }).message;
    } catch {
      message = undefined;
    }
    const to = (message?.toRecipients ?? []).map((r) => String(r.emailAddress?.address ?? ''));
    if (!message || to.length === 0 || to.some((a) => !a.includes('@'))) {
      this.graphError(res, 400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
      return;
    }
    this.sent.push({ user, to, subject: String(message.subject ?? '') });
    res.writeHead(202, { 'content-length': '0' });
    res.end();
  }

  /** RFC 7662, as Dovecot's oauth2 passdb calls it in post mode: `token=...&client_id=&client_secret=`. */
  private async handleIntrospection(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const token = new URLSearchParams(body).get('token') ?? '';
    const issued = this.issued.get(token);
    let answer: { active: boolean; username?: string } = { active: false };
    if (issued && issued.api === 'exchange' && Number(issued.claims['exp']) > Date.now() / 1000) {
      const roles = (issued.claims['roles'] as string[] | undefined) ?? [];
      const mailbox = issued.app.mailboxes?.[0];
      if (roles.includes('POP.AccessAsApp') && mailbox !== undefined) answer = { active: true, username: mailbox };
    }
    this.introspections.push(answer);
    sendJson(res, 200, answer, { connection: 'close' });
  }
}
