// The installation manifest (format version 1), as typed data. Mirrors
// schemas/manifest.schema.json: a value that passes validateManifest() has
// this type. Field names follow the labels of the TM Master dialogs.

/** One TM Master installation (a vessel or an office). */
export interface Manifest {
  /** Path or URL of the JSON Schema, for editors. */
  readonly $schema?: string;
  /** Manifest format version: 1. */
  readonly schemaVersion: 1;
  readonly installation: Installation;
  readonly database: Database;
  /** The TM Master V2 client. */
  readonly client: Component;
  /** The TM Master V2 Server Service; the schema requires it when `exchange` is present. */
  readonly serverService?: Component;
  /** System > Settings > "Mail Settings" tab. */
  readonly mailSettings?: MailSettings;
  /** System > TM Exchange Client > "Settings" tab. */
  readonly exchange?: Exchange;
  /** What was registered in Entra ID / Exchange Online. */
  readonly azure?: Azure;
}

export type InstallationKind = 'vessel' | 'office';

export interface Installation {
  /** Non-empty. */
  readonly name: string;
  readonly kind?: InstallationKind;
}

export interface Database {
  /** The "DB version", e.g. 664. */
  readonly version: number;
}

/** A TM Master program (client or server service) and its build. */
export interface Component {
  /** MAJOR.DB.BUILD[.REVISION], e.g. "2.664.8271.20345"; its syntax is judged by the rules. */
  readonly version: string;
}

/** The "Basic Auth" tab (ignored with OAuth2). */
export interface BasicAuth {
  readonly userName?: string;
  /** A literal password or a `${NAME}` environment reference. */
  readonly password?: string;
}

/** The "OAuth2" tab of TM Exchange's SMTP and POP3 settings. Only `useOAuth2` is required. */
export interface OAuth2Tab {
  readonly useOAuth2: boolean;
  readonly tokenUrl?: string;
  readonly scope?: string;
  readonly userName?: string;
  readonly clientId?: string;
  /** A literal secret or a `${NAME}` environment reference. */
  readonly clientSecret?: string;
}

/** The "OAuth2" tab of the mail settings, which also has "Use Address from User". */
export interface MailSettingsOAuth2Tab extends OAuth2Tab {
  readonly useAddressFromUser?: boolean;
}

/** The "SMTP Test Function" fields. */
export interface SmtpTest {
  readonly sender?: string;
  readonly receiver?: string;
}

export interface MailSettings {
  readonly smtpServer?: string;
  readonly smtpPort?: number;
  readonly smtpEnableSsl?: boolean;
  readonly basicAuth?: BasicAuth;
  readonly oauth2?: MailSettingsOAuth2Tab;
  readonly smtpTest?: SmtpTest;
}

export interface Exchange {
  readonly smtp?: ExchangeSmtp;
  readonly pop3?: ExchangePop3;
}

/** TM Exchange "SMTP Settings". */
export interface ExchangeSmtp {
  readonly server?: string;
  readonly port?: number;
  readonly senderAddress?: string;
  readonly senderName?: string;
  readonly timeoutSeconds?: number;
  readonly useSsl?: boolean;
  readonly basicAuth?: BasicAuth;
  readonly oauth2?: OAuth2Tab;
}

/** TM Exchange "POP3 Settings". */
export interface ExchangePop3 {
  readonly server?: string;
  readonly port?: number;
  /** "Max messages to download", >= 1. */
  readonly maxMessages?: number;
  readonly useSsl?: boolean;
  readonly basicAuth?: BasicAuth;
  readonly oauth2?: OAuth2Tab;
}

export interface Azure {
  /** Directory (tenant) ID. */
  readonly tenantId?: string;
  /** Application (client) ID. */
  readonly applicationId?: string;
  /** Object ID of the enterprise application. */
  readonly objectId?: string;
  readonly permissions?: readonly AzurePermission[];
  readonly clientSecrets?: readonly ClientSecret[];
  readonly exchangeOnline?: ExchangeOnline;
}

export type PermissionApi = 'Microsoft Graph' | 'Office 365 Exchange Online';
export type PermissionType = 'Application' | 'Delegated';

export interface AzurePermission {
  readonly api?: PermissionApi;
  /** e.g. "Mail.Send", "POP.AccessAsApp". */
  readonly name?: string;
  readonly type?: PermissionType;
  readonly adminConsent?: boolean;
}

export interface ClientSecret {
  readonly description?: string;
  /** YYYY-MM-DD (the schema checks the shape, the rules the calendar). */
  readonly expires?: string;
  readonly secretId?: string;
}

export interface ExchangeOnline {
  /** The "ID" from Get-ServicePrincipal. */
  readonly servicePrincipalId?: string;
  readonly mailboxPermissions?: readonly MailboxPermission[];
}

export interface MailboxPermission {
  readonly mailbox?: string;
  /** e.g. ["FullAccess"]. */
  readonly accessRights?: readonly string[];
}
