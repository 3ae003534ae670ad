/**
 * The tenant segment of a Token URL that nobody filled in. Shared by oauth2/token-url (which reports it)
 * and oauth2/tenant-mismatch (which then does not compare it with other tenants: one mistake, one finding).
 */
import { isTenantPlaceholder } from '../model/token-url.js';
import { isDomain, isGuid } from '../model/values.js';

/** First labels of a domain that only stand for the customer's own: `yourdomain.onmicrosoft.com`. */
const TENANT_LABEL = /^(?:your|my)?[-_]?(?:tenant|directory|organi[sz]ation)[-_]?(?:id|name|guid|domain)?$/i;
const DOMAIN_PLACEHOLDERS = new Set(['yourdomain', 'domain', 'yourcompany', 'company', 'yourorg', 'yourorganization', 'yourorganisation']);

/**
 * A tenant segment that nobody filled in, beyond what the model's reading calls a placeholder:
 * a GUID template (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`), brackets around or inside it
 * (`<tenant>.onmicrosoft.com`), the portal's label (`Directory (tenant) ID`), or a domain whose first
 * label is such a word (`yourtenant.onmicrosoft.com`, `TenantID.onmicrosoft.com`).
 */
export function isPlaceholderTenant(tenant: string): boolean {
  // a GUID with braces around it (or one of them) is a real tenant ID written the wrong way, not a placeholder
  if (isGuid(tenant.replace(/^\{|\}$/g, ''))) return false;
  if (isTenantPlaceholder(tenant)) return true;
  if (/^x{8}-x{4}-x{4}-x{4}-x{12}$/i.test(tenant) || /[<>{}[\]]/.test(tenant)) return true;
  if (tenant.replace(/[^a-z]/gi, '').toLowerCase() === 'directorytenantid') return true;
  const dot = tenant.indexOf('.');
  if (dot <= 0 || !isDomain(tenant)) return false;
  const label = tenant.slice(0, dot);
  // not every placeholder word: example.com and test.onmicrosoft.com are real domains
  return TENANT_LABEL.test(label) || DOMAIN_PLACEHOLDERS.has(label.toLowerCase());
}

