import { describe, expect, it } from 'vitest';
import { FIELDS, fieldInfo, fieldPattern, fieldTitle, isSecretField, manifestSchema } from './index.js';
import type { JsonObject, JsonValue } from './json.js';

/** Every field the schema describes, as catalog pointers (list items as `*`). */
function schemaPointers(): string[] {
  const out: string[] = [];
  const defs = manifestSchema['$defs'] as JsonObject;
  const resolve = (node: JsonObject): JsonObject =>
    typeof node['$ref'] === 'string' ? { ...(defs[node['$ref'].split('/').pop() as string] as JsonObject), ...node } : node;
  const visit = (node: JsonObject, pointer: string): void => {
    out.push(pointer);
    const n = resolve(node);
    for (const [name, child] of Object.entries((n['properties'] ?? {}) as Record<string, JsonValue>)) visit(child as JsonObject, `${pointer}/${name}`);
    if (n['items'] && typeof n['items'] === 'object') visit(n['items'] as JsonObject, `${pointer}/*`);
  };
  visit(manifestSchema, '');
  return out;
}

describe('the field catalog', () => {
  it('has one entry for every field of the manifest schema, and none for anything else', () => {
    expect(FIELDS.map((f) => f.pointer).sort()).toEqual(schemaPointers().sort());
  });

  it.each(FIELDS.map((f) => [f.pointer, f] as const))('%s has a dialog, a label and a hint', (_pointer, field) => {
    expect(field.dialog.trim()).not.toBe('');
    expect(field.label.trim()).not.toBe('');
    expect(field.hint.trim()).not.toBe('');
  });

  it('gives the schema its descriptions (the editor hover names the TM Master label)', () => {
    const scope = (((((manifestSchema['properties'] as JsonObject)['exchange'] as JsonObject)['properties'] as JsonObject)['pop3'] as JsonObject)['properties'] as JsonObject)['oauth2'] as JsonObject;
    const description = ((scope['properties'] as JsonObject)['scope'] as JsonObject)['description'];
    expect(description).toBe(
      `Scope (System > TM Exchange Client > Settings > OAuth2): ${fieldInfo('/exchange/pop3/oauth2/scope')?.hint}`,
    );
  });

  it('prescribes what the guide prescribes', () => {
    expect(fieldInfo('/exchange/pop3/oauth2/scope')?.prescribed).toBe('https://outlook.office365.com/.default');
    expect(fieldInfo('/mailSettings/oauth2/scope')?.prescribed).toBe('https://graph.microsoft.com/.default');
    expect(fieldInfo('/exchange/pop3/server')?.prescribed).toBe('outlook.office365.com');
    expect(fieldInfo('/exchange/pop3/port')?.prescribed).toBe(995);
    expect(fieldInfo('/exchange/smtp/timeoutSeconds')?.prescribed).toBe(100);
    expect(fieldInfo('/exchange/smtp/useSsl')?.prescribed).toBe(true);
  });

  it('marks exactly the Client Secrets and Basic Auth passwords as secrets', () => {
    expect(FIELDS.filter((f) => f.secret).map((f) => f.pointer).sort()).toEqual([
      '/exchange/pop3/basicAuth/password',
      '/exchange/pop3/oauth2/clientSecret',
      '/exchange/smtp/basicAuth/password',
      '/exchange/smtp/oauth2/clientSecret',
      '/mailSettings/basicAuth/password',
      '/mailSettings/oauth2/clientSecret',
    ]);
    expect(isSecretField('/exchange/smtp/oauth2/clientSecret')).toBe(true);
    expect(isSecretField('/exchange/smtp/oauth2/clientId')).toBe(false);
  });
});

describe('fieldTitle', () => {
  it.each([
    ['/exchange/pop3/oauth2/scope', 'TM Exchange POP3 > OAuth2 > Scope'],
    ['/mailSettings/oauth2/clientSecret', 'Mail Settings > OAuth2 > Client Secret'],
    ['/mailSettings/smtpServer', 'Mail Settings > SMTP Server'],
    ['/exchange/smtp/timeoutSeconds', 'TM Exchange SMTP > Timeout'],
    ['/exchange/pop3/basicAuth/password', 'TM Exchange POP3 > Basic Auth > Password'],
    ['/exchange/pop3/oauth2', 'TM Exchange POP3 > OAuth2'],
    ['/mailSettings', 'Mail Settings'],
    ['/exchange', 'TM Exchange'],
    ['/client/version', 'Client version'],
    ['/database/version', 'DB version'],
    ['/azure/tenantId', 'Azure > Directory (tenant) ID'],
    ['/azure/permissions/1/type', 'Azure > API permissions #2 > Type'],
    ['/azure/permissions/0', 'Azure > API permissions #1'],
    ['/azure/exchangeOnline/mailboxPermissions/0/accessRights/2', 'Azure > Mailbox permissions #1 > Access rights #3'],
  ])('%s is %s', (pointer, title) => {
    expect(fieldTitle(pointer)).toBe(title);
  });

  it('names no field where the manifest has none', () => {
    expect(fieldTitle('/exchange/pop3/oauth2/tokenURL')).toBeUndefined();
    expect(fieldInfo('/azure/permissions/x/name')).toBeUndefined();
  });

  it('reads list indexes as items only where the catalog has a list', () => {
    expect(fieldPattern('/azure/clientSecrets/12/expires')).toBe('/azure/clientSecrets/*/expires');
    expect(fieldPattern('/mailSettings/0')).toBe('/mailSettings/0');
  });
});
