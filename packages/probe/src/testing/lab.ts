/**
 * Everything the end-to-end tests run against, on 127.0.0.1: the test CA, the Entra ID and Graph stand-in,
 * and a real Dovecot whose oauth2 passdb asks the stand-in. Started in beforeAll, stopped in afterAll.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestCa, type TestCa } from './ca.js';
import { Dovecot } from './dovecot.js';
import { EntraStandIn, type StandInConfig, type TestApp, type TestTenant } from './entra.js';

export interface Lab {
  readonly ca: TestCa;
  /**
   * What the tests pass as --ca-file: the test CA (which signed the stand-in's certificate) and Dovecot's
   * self-signed certificate, in one PEM file, as a company's bundle of trusted certificates holds several.
   */
  readonly caFile: string;
  readonly entra: EntraStandIn;
  /** Undefined when started with `pop3: false`. */
  readonly dovecot: Dovecot | undefined;
  /** A folder for the tests' manifests. */
  readonly dir: string;
  /** Writes a manifest (YAML text) into the lab's folder and returns its path. */
  write(name: string, text: string): string;
  stop(): Promise<void>;
}

/** The installation every test starts from: one tenant, one app with both permissions, one replication mailbox. */
export const TENANT_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const TENANT_DOMAIN = 'nordicstar.onmicrosoft.com';
export const CLIENT_ID = '0b8e5c1d-2f3a-4b5c-9d6e-7f8091a2b3c4';
export const OBJECT_ID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
export const SECRET_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
/** A secret Value shaped as Entra makes them (40 characters with a ~). */
export const SECRET_VALUE = 'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz01234567';
export const MASTER_MAILBOX = 'master.nordicstar@example.com';
export const REPLICATION_MAILBOX = 'replication.nordicstar@example.com';
/** The messages waiting in the replication mailbox. */
export const WAITING_MESSAGES = 3;

export function goodApp(overrides: Partial<TestApp> = {}): TestApp {
  return {
    clientId: CLIENT_ID,
    displayName: 'TMMaster',
    secrets: [{ value: SECRET_VALUE, secretId: SECRET_ID }],
    roles: { graph: ['Mail.Send'], exchange: ['POP.AccessAsApp'] },
    servicePrincipalId: OBJECT_ID,
    mailboxes: [REPLICATION_MAILBOX],
    ...overrides,
  };
}

export function goodTenant(apps: readonly TestApp[] = [goodApp()]): TestTenant {
  return { id: TENANT_ID, domains: [TENANT_DOMAIN], apps };
}

export function goodConfig(overrides: Partial<StandInConfig> = {}): StandInConfig {
  return {
    tenants: [goodTenant()],
    graphMailboxes: { [MASTER_MAILBOX]: 'ok', [REPLICATION_MAILBOX]: 'ok' },
    ...overrides,
  };
}

export async function startLab(options: { readonly pop3?: boolean } = {}): Promise<Lab> {
  const ca = makeTestCa();
  const dir = mkdtempSync(join(tmpdir(), 'tmcheck-probe-'));
  let entra: EntraStandIn | undefined;
  let dovecot: Dovecot | undefined;
  const caFile = join(dir, 'trusted.pem');
  try {
    // Dovecot's certificate is self-signed (pop3-test-server.md), trusted only through the CA file
    const pop3Certificate = ca.selfSigned('localhost');
    writeFileSync(caFile, `${ca.caPem}${pop3Certificate.cert}`);
    entra = await EntraStandIn.start(ca.server);
    entra.configure(goodConfig());
    if (options.pop3 !== false) {
      dovecot = await Dovecot.start({
        introspectionUrl: entra.introspectionUrl,
        certFile: pop3Certificate.certFile,
        keyFile: pop3Certificate.keyFile,
        mailboxes: { [REPLICATION_MAILBOX]: WAITING_MESSAGES },
      });
    }
  } catch (error) {
    await entra?.stop();
    ca.remove();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const started = entra;
  return {
    ca,
    caFile,
    entra: started,
    dovecot,
    dir,
    write(name, text) {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    async stop() {
      await Promise.all([dovecot?.stop(), started.stop()]);
      ca.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A manifest as the guide fills it in, pointing at the lab: Mail Settings and TM Exchange SMTP send through the
 * stand-in's Graph, TM Exchange POP3 reads from Dovecot, every Client Secret a ${TM_MAIL_SECRET} reference.
 * `edit` changes the data before it is written (as JSON, which YAML reads).
 */
export function labManifest(lab: Lab, edit: (m: ManifestData) => void = () => {}): ManifestData {
  const tokenUrl = lab.entra.tokenUrl(TENANT_ID);
  const tab = (scope: string, userName: string): Record<string, unknown> => ({
    useOAuth2: true,
    tokenUrl,
    scope,
    userName,
    clientId: CLIENT_ID,
    clientSecret: '${TM_MAIL_SECRET}',
  });
  const m: ManifestData = {
    schemaVersion: 1,
    installation: { name: 'MV Nordic Star', kind: 'vessel' },
    database: { version: 664 },
    client: { version: '2.664.8271.20345' },
    serverService: { version: '2.664.8302.1200' },
    mailSettings: {
      smtpServer: lab.entra.graphUrl('{0}'),
      smtpEnableSsl: true,
      oauth2: { ...tab('https://graph.microsoft.com/.default', MASTER_MAILBOX), useAddressFromUser: true },
    },
    exchange: {
      smtp: {
        server: lab.entra.graphUrl(REPLICATION_MAILBOX),
        senderAddress: REPLICATION_MAILBOX,
        timeoutSeconds: 100,
        useSsl: true,
        oauth2: tab('https://graph.microsoft.com/.default', REPLICATION_MAILBOX),
      },
      pop3: {
        server: '127.0.0.1',
        port: lab.dovecot?.port ?? 995,
        maxMessages: 20,
        useSsl: true,
        oauth2: tab('https://outlook.office365.com/.default', REPLICATION_MAILBOX),
      },
    },
  };
  edit(m);
  return m;
}

// biome-ignore lint/suspicious/noExplicitAny: test data edited freely by each test
export type ManifestData = Record<string, any>;

/** The manifest as text (JSON is YAML). */
export function manifestText(m: ManifestData): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
