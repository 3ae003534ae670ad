// The installation manifest (format version 1), as typed data: generated from
// schemas/manifest.schema.json (see scripts/codegen.mjs), so the types cannot drift
// from the schema. A value that passes validateManifest() has the type Manifest.
export type {
  Azure,
  AzurePermission,
  BasicAuth,
  ClientSecret,
  Component,
  Database,
  Exchange,
  ExchangeOnline,
  ExchangePop3,
  ExchangeSmtp,
  Installation,
  InstallationKind,
  MailboxPermission,
  MailSettings,
  MailSettingsOAuth2Tab,
  Manifest,
  OAuth2Tab,
  PermissionApi,
  PermissionType,
  SmtpTest,
} from './generated/manifest-types.js';
