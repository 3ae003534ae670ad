import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { joinPointer } from '../../load/pointer.js';
import { guidKey, isPlaceholderGuid } from '../../model/guid.js';
import { isSecretReference } from '../../model/values.js';
import { CLIENT_SECRET_VARIABLE, isSecretPlaceholder, looksLikeReference, pipelineSyntax } from '../../model/secret-reference.js';
import { tabValues } from '../../rule-kit/tab-fields.js';
import { showValue } from '../../secrets/show.js';

const AADSTS7000215 = "Microsoft answers AADSTS7000215 (invalid client secret); paste the Value column of Certificates & secrets, shown only once when the secret is created (if it was not copied, create a new client secret)";
const PASTE = "paste the secret's Value from Certificates & secrets of the TM Master app registration";

/**
 * The Client Secret of each OAuth2 tab. No message shows the field's text: every finding is about
 * a secret field, and the messages say what the value IS (a Secret ID, a placeholder...) instead.
 */
export default defineRule({
  id: 'oauth2/client-secret',
  severity: 'error',
  docs: {
    description:
      "The Client Secret of each OAuth2 tab is the secret's Value (or a ${NAME} reference to it): filled in, not the Secret ID or another ID, not a placeholder",
  },
  fixable: false,
  // a GUID, a placeholder or a malformed reference is not a secret stored in the file: this finding says what it is
  supersedes: ['oauth2/secret-plaintext'],
  messages: {
    notFilledIn: `{{field}} is not filled in: ${PASTE} (or write ${CLIENT_SECRET_VARIABLE} and set that environment variable); without it Microsoft answers AADSTS7000218`,
    wrongReference:
      "{{field}} looks like a reference to an environment variable, but tmcheck reads only the form ${NAME}: write the variable's name between ${ and }, with the dollar sign and both braces",
    secretIdOf: `{{field}} is the Secret ID of the client secret {{description}} ({{other}}), not its Value: ${AADSTS7000215}`,
    secretId: `{{field}} is the Secret ID of a client secret ({{other}}), not its Value: ${AADSTS7000215}`,
    clientId: `{{field}} is the Application (client) ID, not the secret's Value: ${AADSTS7000215}`,
    objectId: `{{field}} is the Object ID, not the secret's Value: ${AADSTS7000215}`,
    tenantId: `{{field}} is the Directory (tenant) ID, not the secret's Value: ${AADSTS7000215}`,
    guid: `{{field}} has the shape of a GUID, which is what the Secret ID looks like, not the secret's Value: ${AADSTS7000215}`,
    placeholder: `{{field}} holds a placeholder, not a secret: ${PASTE}, or write ${CLIENT_SECRET_VARIABLE} and set that environment variable`,
  },
  check(ctx) {
    const azure = ctx.manifest.azure;
    for (const { section, pointer, trimmed } of tabValues(ctx, 'clientSecret', () => ({}))) {
      // ${NAME} is resolved by the live probe only; a pipeline expression is the pipeline's (oauth2/secret-plaintext says which form tmcheck reads)
      if (isSecretReference(trimmed) || pipelineSyntax(trimmed) !== undefined) continue;
      if (looksLikeReference(trimmed)) {
        ctx.report({ messageId: 'wrongReference', pointer });
        continue;
      }
      const key = guidKey(trimmed);
      if (key === undefined) {
        if (isSecretPlaceholder(trimmed)) ctx.report({ messageId: 'placeholder', pointer });
        continue;
      }
      // a GUID is never a secret's Value: say which ID it is
      if (isPlaceholderGuid(key)) {
        ctx.report({ messageId: 'placeholder', pointer });
        continue;
      }
      const index = azure?.clientSecrets?.findIndex((s) => guidKey(s?.secretId) === key) ?? -1;
      if (index !== -1) {
        const other = fieldName(joinPointer('/azure/clientSecrets', index, 'secretId'));
        const description = azure?.clientSecrets?.[index]?.description?.trim();
        if (description) {
          const shown = showValue(joinPointer('/azure/clientSecrets', index, 'description'), description);
          ctx.report({ messageId: 'secretIdOf', pointer, data: { description: shown, other } });
        } else {
          ctx.report({ messageId: 'secretId', pointer, data: { other } });
        }
      } else if (key === guidKey(section.oauth2?.clientId) || key === guidKey(azure?.applicationId)) {
        ctx.report({ messageId: 'clientId', pointer });
      } else if (key === guidKey(azure?.objectId)) {
        ctx.report({ messageId: 'objectId', pointer });
      } else if (key === guidKey(azure?.tenantId)) {
        ctx.report({ messageId: 'tenantId', pointer });
      } else {
        ctx.report({ messageId: 'guid', pointer });
      }
    }
  },
});
