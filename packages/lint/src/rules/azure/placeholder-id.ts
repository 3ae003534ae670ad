import { fieldInfo } from '@tmcheck/schemas';
import { defineRule } from '../../engine/define-rule.js';
import { joinPointer } from '../../load/pointer.js';
import { GUIDE_EXAMPLES, placeholderKind } from '../../rule-kit/azure-ids.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';

/** Where the real value is, beyond the catalog's dialog. */
const NOTES: Readonly<Record<string, string>> = {
  '/azure/objectId': " (the Enterprise application's Object ID, not the one on the App registration's page)",
  '/azure/exchangeOnline/servicePrincipalId': ' (the ID it lists for TM Master once New-ServicePrincipal has run)',
  '/azure/clientSecrets/*/secretId': ', or leave it out: it is optional',
};

/** `the real Object ID from portal.azure.com > Enterprise applications > TMMaster > Overview (...)`, from the catalog. */
function whereToFind(pointer: string, pattern: string): Shown {
  const info = fieldInfo(pointer);
  const label = info?.label ?? 'value';
  const dialog = info?.dialog ?? 'portal.azure.com';
  return ours(`the real ${label} from ${dialog}${NOTES[pattern] ?? ''}`);
}

export default defineRule({
  id: 'azure/placeholder-id',
  severity: 'error',
  docs: {
    description:
      'The Azure IDs (tenant, application, object, service principal, secret) are the real ones, not a placeholder left in from the guide or the documentation',
  },
  fixable: false,
  messages: {
    nilGuid: '{{field}} is the nil GUID {{value}}, a placeholder left in: copy {{where}}',
    placeholderGuid:
      '{{field}} {{value}} is a placeholder GUID (one digit repeated, or an example from documentation), left in: copy {{where}}',
    guideExample: "{{field}} {{value}} is the guide's example value for {{name}}, a placeholder left in: copy {{where}}",
    guideName: "{{field}} {{value}} is a name the guide writes in place of the value, a placeholder left in: copy {{where}}",
    placeholderText: '{{field}} {{value}} is a placeholder left in, not an ID: copy {{where}}',
  },
  check(ctx) {
    const azure = ctx.manifest.azure;
    if (!azure) return;
    const fields: Array<{ pointer: string; pattern: string; value: string | undefined; tenant?: boolean }> = [
      { pointer: '/azure/tenantId', pattern: '/azure/tenantId', value: azure.tenantId, tenant: true },
      { pointer: '/azure/applicationId', pattern: '/azure/applicationId', value: azure.applicationId },
      { pointer: '/azure/objectId', pattern: '/azure/objectId', value: azure.objectId },
      {
        pointer: '/azure/exchangeOnline/servicePrincipalId',
        pattern: '/azure/exchangeOnline/servicePrincipalId',
        value: azure.exchangeOnline?.servicePrincipalId,
      },
      ...(azure.clientSecrets ?? []).map((secret, i) => ({
        pointer: joinPointer('/azure/clientSecrets', i, 'secretId'),
        pattern: '/azure/clientSecrets/*/secretId',
        value: secret?.secretId,
      })),
    ];
    for (const { pointer, pattern, value, tenant } of fields) {
      if (value === undefined) continue;
      const kind = placeholderKind(value, { tenant: tenant ?? false });
      if (kind === undefined) continue;
      const trimmed = value.trim();
      const data = { value: showValue(pointer, trimmed), where: whereToFind(pointer, pattern) };
      if (kind === 'guideExample') {
        ctx.report({ messageId: kind, pointer, data: { ...data, name: ours(GUIDE_EXAMPLES.get(trimmed.toUpperCase()) ?? 'an ID') } });
      } else {
        ctx.report({ messageId: kind, pointer, data });
      }
    }
  },
});
