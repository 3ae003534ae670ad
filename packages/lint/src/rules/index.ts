import type { AnyRule } from '../engine/define-rule.js';
import azureMailboxPermission from './azure/mailbox-permission.js';
import azurePermissions from './azure/permissions.js';
import azurePlaceholderId from './azure/placeholder-id.js';
import azureSecretExpired from './azure/secret-expired.js';
import azureSecretExpiring from './azure/secret-expiring.js';
import envReference from './env-reference.js';
import exchangeTimeout from './exchange/timeout.js';
import oauth2ClientId from './oauth2/client-id.js';
import oauth2ClientMismatch from './oauth2/client-mismatch.js';
import oauth2ClientSecret from './oauth2/client-secret.js';
import oauth2CloudMismatch from './oauth2/cloud-mismatch.js';
import oauth2Disabled from './oauth2/disabled.js';
import oauth2Scope from './oauth2/scope.js';
import oauth2SecretPlaintext from './oauth2/secret-plaintext.js';
import oauth2TenantMismatch from './oauth2/tenant-mismatch.js';
import oauth2TokenUrl from './oauth2/token-url.js';
import oauth2UserName from './oauth2/user-name.js';
import parse from './parse.js';
import pop3Port from './pop3/port.js';
import pop3Server from './pop3/server.js';
import pop3Ssl from './pop3/ssl.js';
import schema from './schema.js';
import smtpAddressPlaceholder from './smtp/address-placeholder.js';
import smtpGraphUrl from './smtp/graph-url.js';
import smtpSenderMismatch from './smtp/sender-mismatch.js';
import smtpSsl from './smtp/ssl.js';
import unusedDisable from './unused-disable.js';
import versionClientBuild from './version/client-build.js';
import versionDbMismatch from './version/db-mismatch.js';
import versionMajor from './version/major.js';
import versionServerServiceBuild from './version/server-service-build.js';
import versionSyntax from './version/syntax.js';
import versionUnknownDb from './version/unknown-db.js';
import versionUnsupportedDb from './version/unsupported-db.js';

/** Every rule, sorted by ID. rules/index.test.ts checks this list against the files and docs. */
export const RULES: readonly AnyRule[] = [
  azureMailboxPermission,
  azurePermissions,
  azurePlaceholderId,
  azureSecretExpired,
  azureSecretExpiring,
  envReference,
  exchangeTimeout,
  oauth2ClientId,
  oauth2ClientMismatch,
  oauth2ClientSecret,
  oauth2CloudMismatch,
  oauth2Disabled,
  oauth2Scope,
  oauth2SecretPlaintext,
  oauth2TenantMismatch,
  oauth2TokenUrl,
  oauth2UserName,
  parse,
  pop3Port,
  pop3Server,
  pop3Ssl,
  schema,
  smtpAddressPlaceholder,
  smtpGraphUrl,
  smtpSenderMismatch,
  smtpSsl,
  unusedDisable,
  versionClientBuild,
  versionDbMismatch,
  versionMajor,
  versionServerServiceBuild,
  versionSyntax,
  versionUnknownDb,
  versionUnsupportedDb,
];

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
