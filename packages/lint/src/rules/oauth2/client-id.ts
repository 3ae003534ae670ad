import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { guidKey, isGuid, isPlaceholderGuid, MICROSOFT_APPS } from '../../model/guid.js';
import { isPlaceholder } from '../../model/values.js';
import { CLIENT_SECRET_VARIABLE } from '../../model/secret-reference.js';
import { registration, tokenTenant } from '../../rule-kit/azure-ids.js';
import { tabValues } from '../../rule-kit/tab-fields.js';
import { looksLikeSecret, ours, showValue } from '../../secrets/show.js';

const APPLICATION_ID = '/azure/applicationId';
const FROM_PORTAL = 'the Application (client) ID from portal.azure.com > App registrations > the TM Master app > Overview';
const ENTER = 'enter the Application (client) ID from App registrations > Overview';
/** ENTER without the word "Application", for placeholders such as <APPLICATION_ID> that the scrub would cut out of it. */
const COPY = 'copy the client ID of the TM Master app from App registrations > Overview, a GUID';

/**
 * The guide's own example IDs and placeholders ("Example: <APPLICATION_ID> = AAAAAA", the commands
 * with AAAAAAA, 00000, TTTTTTT, SSSSS), keys in capitals, with what each stands for. Messages
 * never repeat them, nor a word of them ("Application"): a Client ID that is not a GUID may be a
 * secret, and the engine's scrub removes any piece of it from the output.
 */
const GUIDE_EXAMPLES: ReadonlyMap<string, string> = new Map([
  ['<APPLICATION_ID>', "the guide's example"],
  ['AAAAAA', "the guide's example"],
  ['AAAAAAA', "the guide's example"],
  ['<OBJECT_ID>', "the guide's example for the Object ID"],
  ['00000', "the guide's example for the Object ID"],
  ['<ORGANIZATION_ID>', "the guide's example for the Directory (tenant) ID"],
  ['<ORANIZATION_ID>', "the guide's example for the Directory (tenant) ID"],
  ['TTTTTT', "the guide's example for the Directory (tenant) ID"],
  ['TTTTTTT', "the guide's example for the Directory (tenant) ID"],
  ['<SERVICE_PRINCIPAL_ID>', "the guide's example for the service principal ID"],
  ['<SERVICE PRINCIPAL_ID>', "the guide's example for the service principal ID"],
  ['SSSSS', "the guide's example for the service principal ID"],
]);

/** A fill-in-later text: `<client id>`, `xxx`, `TBD`, one character repeated, `xxxxxxxx-xxxx-...`. */
function isFillIn(text: string): boolean {
  return isPlaceholder(text) || /^(.)\1{3,}$/.test(text) || /^[x-]+$/i.test(text);
}

/** The Client ID of each OAuth2 tab: the Application (client) ID of the app registration, a GUID. */
export default defineRule({
  id: 'oauth2/client-id',
  severity: 'error',
  docs: { description: 'The OAuth2 Client ID is the Application (client) ID of the TM Master app registration (a GUID), not its Object ID or the tenant ID' },
  fixable: true,
  // a Client ID reported here is wrong whatever the other tabs hold: no second finding for the same field
  supersedes: ['oauth2/client-mismatch'],
  messages: {
    notFilledIn: `{{field}} is not filled in: enter ${FROM_PORTAL}{{registered}}`,
    notGuid: `{{field}} is not a GUID: enter ${FROM_PORTAL}, 32 hexadecimal digits in groups of 8-4-4-4-12`,
    secretValue: `{{field}} has the shape of a client secret's Value, not of an ID (Client ID and Client Secret swapped?): the Value belongs in {{secretField}}, in the manifest as ${CLIENT_SECRET_VARIABLE}; here ${ENTER}, a GUID`,
    placeholder: `{{field}} is a placeholder left in, not a real ID: ${COPY}`,
    guideExample: `{{field}} is still {{example}}, a placeholder left in: ${COPY}`,
    placeholderGuid: `{{field}} {{value}} is a placeholder left in, not an Application (client) ID: ${ENTER}`,
    microsoftApp: `{{field}} {{value}} is the application ID of {{app}} itself, not TM Master's: ${ENTER}`,
    objectId: `{{field}} {{value}} is the Object ID ({{other}}), not the Application (client) ID: ${ENTER}`,
    tenantId: `{{field}} {{value}} is the Directory (tenant) ID, which belongs in {{tokenUrl}}: ${ENTER}`,
    secretId: `{{field}} {{value}} is the Secret ID of a client secret ({{other}}): ${ENTER}`,
    servicePrincipalId: `{{field}} {{value}} is the Exchange service principal ID from Get-ServicePrincipal ({{other}}): ${ENTER}`,
    differs: '{{field}} {{value}} differs from the Application (client) ID registered in {{other}} ({{registered}}): enter that ID, or correct {{other}}',
    braces: '{{field}} {{value}} has braces around the GUID: remove the braces and enter {{bare}}, as App registrations > Overview shows it',
  },
  check(ctx) {
    const reg = registration(ctx.manifest);
    const app = reg.application;
    const shownApp = app ? showValue(APPLICATION_ID, app.written, { bare: true }) : undefined;
    const registered = ours(shownApp ? ` (${fieldName(APPLICATION_ID)}: ${shownApp})` : '');
    const values = tabValues(ctx, 'clientId', () => ({ data: { registered } }));
    for (const { section, pointer, trimmed } of values) {
      const fix = app ? { fix: { pointer, value: app.written } } : {};
      const key = guidKey(trimmed);
      if (key === undefined) {
        // not a GUID: never quoted (it may be the secret's Value typed into the wrong field)
        const example = GUIDE_EXAMPLES.get(trimmed.toUpperCase());
        if (example !== undefined) {
          ctx.report({ messageId: 'guideExample', pointer, data: { example: ours(example) }, ...fix });
        } else if (isFillIn(trimmed)) {
          ctx.report({ messageId: 'placeholder', pointer, ...fix });
        } else if (looksLikeSecret(trimmed)) {
          ctx.report({ messageId: 'secretValue', pointer, data: { secretField: fieldName(section.tabPointer('clientSecret')) }, ...fix });
        } else {
          ctx.report({ messageId: 'notGuid', pointer, ...fix });
        }
        continue;
      }
      const value = showValue(pointer, trimmed);
      const braces = (braced: string): void => {
        const bare = braced.slice(1, -1);
        ctx.report({ messageId: 'braces', pointer, data: { value, bare: showValue(pointer, bare, { bare: true }) }, fix: { pointer, value: bare } });
      };
      if (isPlaceholderGuid(key)) {
        ctx.report({ messageId: 'placeholderGuid', pointer, data: { value }, ...fix });
        continue;
      }
      const microsoft = MICROSOFT_APPS[key];
      if (microsoft !== undefined) {
        ctx.report({ messageId: 'microsoftApp', pointer, data: { value, app: ours(microsoft) }, ...fix });
        continue;
      }
      if (key === app?.key) {
        if (!isGuid(trimmed)) braces(trimmed);
        continue;
      }
      // the Object ID, a Secret ID... in the manifest's azure section, or the tenant of the tab's own Token URL
      const other = reg.others.get(key);
      const kind = other?.kind ?? (key === tokenTenant(section) ? 'tenantId' : undefined);
      if (kind === 'tenantId') {
        ctx.report({ messageId: 'tenantId', pointer, data: { value, tokenUrl: fieldName(section.tabPointer('tokenUrl')) }, ...fix });
      } else if (kind !== undefined && other !== undefined) {
        ctx.report({ messageId: kind, pointer, data: { value, other: fieldName(other.pointer) }, ...fix });
      } else if (app && shownApp) {
        ctx.report({ messageId: 'differs', pointer, data: { value, other: fieldName(APPLICATION_ID), registered: shownApp }, ...fix });
      } else if (!isGuid(trimmed)) {
        braces(trimmed);
      }
    }
  },
});
