import { defineRule } from '../../engine/define-rule.js';
import { arr, obj, present, str } from '../../model/access.js';
import type { MailSection } from '../../model/sections.js';
import { isBracedGuid, isGuid, isSecretReference, quote } from '../../model/values.js';
import { CLIENT_SECRET_VARIABLE, isSecretPlaceholder, looksLikeReference, referenceName } from '../../rule-kit/secret-reference.js';

/** Compared case-insensitively, braces of a GUID ignored. */
function idKey(value: string): string {
  return value.trim().toLowerCase().replace(/^\{(.*)\}$/, '$1');
}

function emptyMessage(where: string): string {
  return `${where} is empty: paste the secret's Value from Certificates & secrets of the TM Master app registration (or write ${CLIENT_SECRET_VARIABLE} and set that environment variable); without it Microsoft answers AADSTS7000218`;
}

const GET_VALUE =
  'paste the Value column of Certificates & secrets, shown only once when the secret is created (if it was not copied, create a new client secret)';

function guidMessage(section: MailSection, secret: string, azure: unknown): string {
  const key = idKey(secret);
  const same = (v: string | undefined): boolean => v !== undefined && idKey(v) === key;
  const what =
    same(section.tab('clientId')) || same(str(azure, 'applicationId'))
      ? 'is the Application (client) ID'
      : same(str(azure, 'objectId'))
        ? 'is the Object ID'
        : same(str(azure, 'tenantId'))
          ? 'is the Directory (tenant) ID'
          : 'has the shape of a GUID, which is what the Secret ID looks like';
  return `${section.label} > OAuth2 > Client Secret ${what}, not the secret's Value: Microsoft answers AADSTS7000215 (invalid client secret); ${GET_VALUE}`;
}

export default defineRule({
  id: 'oauth2/client-secret',
  severity: 'error',
  docs: {
    description:
      "The Client Secret of each OAuth2 tab is the secret's Value (or a ${NAME} reference to it): not empty, not the Secret ID, not a placeholder",
  },
  fixable: false,
  check(ctx) {
    const azure = obj(ctx.manifest, 'azure');
    const secrets = arr(azure, 'clientSecrets') ?? [];
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const pointer = section.tabPointer('clientSecret');
      const where = `${section.label} > OAuth2 > Client Secret`;
      if (!present(section.oauth2, 'clientSecret')) {
        if (section.reportMissing) ctx.report({ pointer, message: emptyMessage(where) });
        continue;
      }
      const raw = section.tab('clientSecret');
      if (raw === undefined) continue; // a wrong type: the schema reports it
      const secret = raw.trim();
      if (secret === '') {
        ctx.report({ pointer, message: emptyMessage(where) });
        continue;
      }
      if (isSecretReference(secret)) continue; // resolved only by the live probe
      if (looksLikeReference(secret)) {
        const name = referenceName(secret);
        ctx.report({
          pointer,
          message: `${where} looks like a reference to an environment variable, but tmcheck reads only the form \${NAME}: write ${name !== undefined ? `\${${name}}` : CLIENT_SECRET_VARIABLE}, with the dollar sign and both braces`,
        });
        continue;
      }
      const key = idKey(secret);
      const index = secrets.findIndex((s) => {
        const id = str(s, 'secretId');
        return id !== undefined && id.trim() !== '' && idKey(id) === key;
      });
      if (index !== -1) {
        const description = str(secrets[index], 'description');
        const which = description !== undefined && description.trim() !== '' ? `the client secret ${quote(description)}` : 'a client secret';
        ctx.report({
          pointer,
          message: `${where} is the Secret ID of ${which} (azure.clientSecrets[${index}].secretId), not its Value: Microsoft answers AADSTS7000215 (invalid client secret); ${GET_VALUE}`,
        });
        continue;
      }
      if (isGuid(secret) || isBracedGuid(secret)) {
        ctx.report({ pointer, message: guidMessage(section, secret, azure) });
        continue;
      }
      if (isSecretPlaceholder(secret)) {
        ctx.report({
          pointer,
          message: `${where} holds a placeholder, not a secret: paste the secret's Value from Certificates & secrets of the TM Master app registration, or write ${CLIENT_SECRET_VARIABLE} and set that environment variable`,
        });
      }
    }
  },
});
