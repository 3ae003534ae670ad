// The full example manifest of shared/spec/manifest.md as a typed literal.
// It must equal fixtures/full-manifest.json (checked by a test), and the
// `satisfies DeepRequired<Manifest>` below fails the typecheck when the
// Manifest types lack a field of the example or have one the example lacks.
import type { Manifest, TmcheckConfig } from '../index.js';

export type DeepRequired<T> = T extends readonly (infer U)[]
  ? readonly DeepRequired<U>[]
  : T extends object
    ? { readonly [K in keyof T]-?: DeepRequired<T[K]> }
    : T;

const tokenUrl = 'https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/oauth2/v2.0/token';
const clientId = '00000000-0000-0000-0000-000000000000';
const replicationMailbox = 'replication.nordicstar@example.com';

const full = {
  $schema: '../schemas/manifest.schema.json',
  schemaVersion: 1,
  installation: { name: 'MV Nordic Star', kind: 'vessel' },
  database: { version: 664 },
  client: { version: '2.664.8271.20345' },
  serverService: { version: '2.664.8271.20345' },
  mailSettings: {
    smtpServer: 'https://graph.microsoft.com/v1.0/users/{0}/sendMail',
    smtpPort: 587,
    smtpEnableSsl: true,
    basicAuth: { userName: 'ops@example.com', password: '${TM_MAIL_PASSWORD}' },
    oauth2: {
      useOAuth2: true,
      tokenUrl,
      scope: 'https://graph.microsoft.com/.default',
      userName: 'ops@example.com',
      useAddressFromUser: true,
      clientId,
      clientSecret: '${TM_MAIL_SECRET}',
    },
    smtpTest: { sender: 'ops@example.com', receiver: 'support@example.com' },
  },
  exchange: {
    smtp: {
      server: `https://graph.microsoft.com/v1.0/users/${replicationMailbox}/sendMail`,
      port: 587,
      senderAddress: replicationMailbox,
      senderName: 'Nordic Star',
      timeoutSeconds: 100,
      useSsl: true,
      basicAuth: { userName: replicationMailbox, password: '${TM_REPLICATION_PASSWORD}' },
      oauth2: {
        useOAuth2: true,
        tokenUrl,
        scope: 'https://graph.microsoft.com/.default',
        userName: replicationMailbox,
        clientId,
        clientSecret: '${TM_MAIL_SECRET}',
      },
    },
    pop3: {
      server: 'outlook.office365.com',
      port: 995,
      maxMessages: 20,
      useSsl: true,
      basicAuth: { userName: replicationMailbox, password: '${TM_REPLICATION_PASSWORD}' },
      oauth2: {
        useOAuth2: true,
        tokenUrl,
        scope: 'https://outlook.office365.com/.default',
        userName: replicationMailbox,
        clientId,
        clientSecret: '${TM_MAIL_SECRET}',
      },
    },
  },
  azure: {
    tenantId: '11111111-1111-1111-1111-111111111111',
    applicationId: clientId,
    objectId: '22222222-2222-2222-2222-222222222222',
    permissions: [
      { api: 'Microsoft Graph', name: 'Mail.Send', type: 'Application', adminConsent: true },
      { api: 'Office 365 Exchange Online', name: 'POP.AccessAsApp', type: 'Application', adminConsent: true },
    ],
    clientSecrets: [
      { description: 'tmmaster secret', expires: '2027-06-30', secretId: '33333333-3333-3333-3333-333333333333' },
    ],
    exchangeOnline: {
      servicePrincipalId: '44444444-4444-4444-4444-444444444444',
      mailboxPermissions: [{ mailbox: replicationMailbox, accessRights: ['FullAccess'] }],
    },
  },
} satisfies DeepRequired<Manifest>;

export const fullManifest: Manifest = full;

/** The config example of shared/spec/rules.md, "Severity and configuration". */
const config = {
  rules: { 'oauth2/secret-plaintext': 'off', 'azure/secret-expiring': ['warning', { days: 45 }] },
  minimumBuilds: { '666': 8400 },
} satisfies TmcheckConfig;

export const rulesMdConfig: TmcheckConfig = config;
