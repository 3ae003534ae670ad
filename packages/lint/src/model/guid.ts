/**
 * GUIDs: the one place that recognises, normalises and judges them (Client ID, tenant,
 * Object ID, Secret ID, service principal ID).
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BRACED_GUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** A GUID written with braces, as some tools print it. */
export function isBracedGuid(value: string): boolean {
  return BRACED_GUID.test(value);
}

/** A GUID for comparing: trimmed, braces removed, lower case; undefined for anything that is not one. */
export function guidKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let v = value.trim();
  if (v.startsWith('{') && v.endsWith('}')) v = v.slice(1, -1);
  return isGuid(v) ? v.toLowerCase() : undefined;
}

/**
 * GUIDs that documentation prints and nobody is issued: Microsoft's docs (the client credentials
 * flow's sample client ID, the newer docs' patterned placeholders), the guide's and the spec's
 * examples. Lower case.
 */
const DOCUMENTED = new Set([
  '535fb089-9ff3-47b6-9bfb-4f1264799865', // learn.microsoft.com, client credentials flow: client_id
  '6731de76-14a6-49ae-97bc-6eba6914391e', // learn.microsoft.com: a sample tenant ID
  '00001111-aaaa-2222-bbbb-3333cccc4444', // learn.microsoft.com: Application (client) ID placeholder
  'aaaabbbb-0000-cccc-1111-dddd2222eeee', // learn.microsoft.com: tenant ID placeholder
  '11112222-bbbb-3333-cccc-4444dddd5555', // learn.microsoft.com: another ID placeholder
  'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb', // learn.microsoft.com: object ID placeholder
  'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  '12345678-1234-1234-1234-123456789012',
  '12345678-1234-1234-1234-123456789abc',
  '12345678-90ab-cdef-1234-567890abcdef',
  '01234567-89ab-cdef-0123-456789abcdef',
]);

/** Microsoft's own first-party application IDs, which are never TM Master's. */
export const MICROSOFT_APPS: Readonly<Record<string, string>> = {
  '00000003-0000-0000-c000-000000000000': 'Microsoft Graph',
  '00000002-0000-0ff1-ce00-000000000000': 'Office 365 Exchange Online',
};

/**
 * A GUID that is a placeholder left in: the nil GUID, one hex digit repeated
 * (`11111111-1111-...`, as the spec's example writes them), or a GUID that documentation prints.
 * Takes any spelling (braces, capitals); false for anything that is not a GUID.
 */
export function isPlaceholderGuid(value: string): boolean {
  const key = guidKey(value);
  if (key === undefined) return false;
  if (DOCUMENTED.has(key)) return true;
  // one hex digit repeated: compare each digit with the first (no regular expression, no copy)
  const first = key.charCodeAt(0);
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c !== first && c !== 45 /* - */) return false;
  }
  return true;
}
