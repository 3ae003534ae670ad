/** Recognisers for the values the guide is about. Linear, bounded regular expressions only. */

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const SECRET_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

export function isDomain(value: string): boolean {
  return DOMAIN.test(value);
}

export function isEmail(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  return EMAIL_LOCAL.test(value.slice(0, at)) && isDomain(value.slice(at + 1));
}

/** `${NAME}`: a reference to the environment variable NAME. */
export function isSecretReference(value: string): boolean {
  return SECRET_REFERENCE.test(value.trim());
}

/** The guide's own sample values and the usual fill-in-later markers. */
const PLACEHOLDER_WORDS = new Set([
  'tenantid', 'tenant', 'tenant-id', 'tenant_id', 'yourtenant', 'your-tenant', 'your-tenant-id', 'mytenant',
  'organization_id', 'organisation_id', 'orgid', 'organizationid', 'directoryid', 'directory-id',
  'secret', 'clientsecret', 'client-secret', 'client_secret', 'your-secret', 'yoursecret', 'mysecret',
  'value', 'secretvalue', 'secret-value', 'password', 'changeme', 'change-me', 'change_me', 'todo', 'tbd', 'fixme',
  'xxx', 'xxxx', 'xxxxx', 'placeholder', 'none', 'null', 'n/a', 'na', 'test', 'dummy', 'example', 'sample', '...', '***',
  'clientid', 'client-id', 'client_id', 'application_id', 'applicationid', 'appid', 'app-id',
]);

/** `<tenant>`, `{tenant}`, `[tenant]`, `TenantID`, `xxx`, `changeme`, `...`: a value nobody filled in. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (/^<[^<>]*>$/.test(v) || /^\{[^{}]*\}$/.test(v) || /^\[[^[\]]*\]$/.test(v) || /^%[^%]*%$/.test(v)) return true;
  if (/^(?:x+|\*+|\.+|0+|-+|_+|\?+)$/i.test(v)) return true;
  return PLACEHOLDER_WORDS.has(v.toLowerCase());
}
