/**
 * The form's values as a manifest, and the manifest's findings per field. No rule logic: the
 * manifest the form builds is linted by the linter API (`lintText`), exactly as `tmcheck lint`
 * would lint the saved file, and each finding is shown at the field of its pointer.
 */
import { getAt, isSecretReference, splitPointer, type Finding, type Linter, type ManifestView } from '@tmcheck/lint';
import {
  applicableFields,
  FILLS_AZURE,
  FORM_FIELDS,
  GROUP_BASE,
  MAIL_SEND,
  MAILBOX_GRANT,
  POP_ACCESS,
  USES_EXCHANGE,
  type FieldValue,
  type FormField,
} from './form-fields.js';

export type Values = Readonly<Record<string, FieldValue>>;

/** How a secret typed in the form is saved: as a `${NAME}` reference (the default) or, when asked, as itself. */
export type Storage = 'reference' | 'literal';

/** The API permissions the form ticks for, as the manifest lists them. */
const PERMISSIONS: Readonly<Record<string, { readonly api: string; readonly name: string }>> = {
  [MAIL_SEND]: { api: 'Microsoft Graph', name: 'Mail.Send' },
  [POP_ACCESS]: { api: 'Office 365 Exchange Online', name: 'POP.AccessAsApp' },
};

/** The manifest's sections in the order of the example manifests. */
function skeleton(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    installation: {},
    database: {},
    client: {},
    serverService: {},
    mailSettings: { oauth2: {}, smtpTest: {} },
    exchange: { smtp: { oauth2: {} }, pop3: { oauth2: {} } },
    azure: { clientSecrets: [{}], exchangeOnline: {} },
  };
}

function setAt(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const tokens = splitPointer(pointer);
  let node: Record<string, unknown> | unknown[] = target;
  tokens.forEach((token, i) => {
    const last = i === tokens.length - 1;
    const key = Array.isArray(node) ? Number(token) : token;
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    if (container[key] === undefined || container[key] === null || typeof container[key] !== 'object') container[key] = /^\d+$/.test(tokens[i + 1] ?? '') ? [] : {};
    node = container[key] as Record<string, unknown>;
  });
}

/** Drops the empty sections (and list items) that the form did not fill in. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

/** A text typed into a whole-number field: the number, or the text as typed (the schema rule then says what is wrong). */
export function typedValue(field: FormField, text: string): string | number {
  if (field.kind === 'integer' && /^\s*-?\d{1,15}\s*$/.test(text)) return Number(text);
  return text;
}

/** The value a secret field writes: its `${NAME}` reference unless the user asked for the secret itself. */
export function storedSecret(field: FormField, typed: string, storage: Storage | undefined): string {
  if (typed.trim() === '' || isSecretReference(typed) || storage === 'literal') return typed;
  return field.variable ?? '${TM_MAIL_SECRET}';
}

/** Whether a secret field holds the secret itself (not a reference, not empty). */
export function isLiteralSecret(typed: FieldValue): boolean {
  return typeof typed === 'string' && typed.trim() !== '' && !isSecretReference(typed);
}

/**
 * The manifest the form's values make, as `tmcheck lint` will read the saved file. With
 * `secrets: 'typed'`, secrets are what was typed (to check the secret's value itself).
 */
export function buildManifest(values: Values, storage: Readonly<Record<string, Storage>>, options: { readonly secrets?: 'saved' | 'typed' } = {}): Record<string, unknown> {
  const out = skeleton();
  const fields = applicableFields(values);
  const permissions: Record<string, unknown>[] = [];
  let permissionsAsked = false;
  for (const f of fields) {
    const v = values[f.pointer];
    if (f.pointer.startsWith('#')) continue;
    if (f.pointer in PERMISSIONS) {
      if (typeof v !== 'boolean') continue;
      permissionsAsked = true;
      const p = PERMISSIONS[f.pointer] as { api: string; name: string };
      if (v) permissions.push({ api: p.api, name: p.name, type: 'Application', adminConsent: true });
      continue;
    }
    if (f.pointer === MAILBOX_GRANT) {
      const mailbox = values['/exchange/pop3/oauth2/userName'];
      if (v === true && typeof mailbox === 'string' && mailbox.trim() !== '') setAt(out, '/azure/exchangeOnline/mailboxPermissions', [{ mailbox: mailbox.trim(), accessRights: ['FullAccess'] }]);
      else if (v === false) setAt(out, '/azure/exchangeOnline/mailboxPermissions', []);
      continue;
    }
    if (v === undefined) continue;
    if (typeof v === 'boolean') {
      setAt(out, f.pointer, v);
      continue;
    }
    if (v === '') continue;
    if (f.kind === 'secret') setAt(out, f.pointer, options.secrets === 'typed' ? v : storedSecret(f, v, storage[f.pointer]));
    else setAt(out, f.pointer, typedValue(f, v));
  }
  if (permissionsAsked) setAt(out, '/azure/permissions', permissions);
  const manifest = (prune(out) ?? {}) as Record<string, unknown>;
  // an empty list the user answered "no" to stays: it says what is missing
  if (permissionsAsked && permissions.length === 0) setAt(manifest, '/azure/permissions', []);
  return manifest;
}

/** The findings of the manifest the form makes, as `tmcheck lint` reports them for a file at `filePath`. */
export function checkValues(linter: Linter, values: Values, storage: Readonly<Record<string, Storage>>, filePath: string): Finding[] {
  const saved = linter.lintText(JSON.stringify(buildManifest(values, storage)), { filePath, json: true })[0]?.messages ?? [];
  const findings = saved.filter((f) => !f.suppressed);
  // a secret saved as a reference is also checked as typed (a Secret ID pasted instead of the Value): its errors count too
  const typedSecrets = applicableFields(values).filter((f) => f.kind === 'secret' && isLiteralSecret(values[f.pointer]) && storage[f.pointer] !== 'literal');
  if (typedSecrets.length > 0) {
    const typed = linter.lintText(JSON.stringify(buildManifest(values, storage, { secrets: 'typed' })), { filePath, json: true })[0]?.messages ?? [];
    const pointers = new Set(typedSecrets.map((f) => f.pointer));
    for (const f of typed) if (pointers.has(f.pointer) && f.severity === 'error' && !findings.some((s) => s.pointer === f.pointer && s.messageId === f.messageId)) findings.push(f);
  }
  return findings;
}

/** The form field a finding belongs to: the field of its pointer, else the nearest field above it; undefined for a section or the manifest. */
export function fieldOfFinding(pointer: string, fields: readonly FormField[]): FormField | undefined {
  let best: FormField | undefined;
  let bestLength = -1;
  for (const f of fields) {
    if (f.pointer.startsWith('#')) continue;
    const base = f.pointer.split('#')[0] as string;
    if ((pointer === base || pointer.startsWith(`${base}/`)) && base.length > bestLength) {
      best = f;
      bestLength = base.length;
    }
  }
  return best;
}

/** The findings of each field, and of each heading (a finding about a section as a whole). */
export function findingsByPlace(findings: readonly Finding[], fields: readonly FormField[]): { byField: Map<string, Finding[]>; byGroup: Map<string, Finding[]>; other: Finding[] } {
  const byField = new Map<string, Finding[]>();
  const byGroup = new Map<string, Finding[]>();
  const other: Finding[] = [];
  const groupOfBase = new Map(Object.entries(GROUP_BASE).map(([g, b]) => [b, g]));
  for (const f of findings) {
    const field = fieldOfFinding(f.pointer, fields);
    if (field) {
      byField.set(field.pointer, [...(byField.get(field.pointer) ?? []), f]);
      continue;
    }
    const group = groupOfBase.get(f.pointer);
    if (group) byGroup.set(group, [...(byGroup.get(group) ?? []), f]);
    else other.push(f);
  }
  return { byField, byGroup, other };
}

/** The values of a new installation: what the guide prescribes. */
export function prescribedValues(fields: readonly FormField[] = FORM_FIELDS): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) if (f.prescribed !== undefined) out[f.pointer] = f.prescribed;
  return out;
}

/** The values of an installation as read (its typed view, as the linter read it), for editing. */
export function valuesFromView(view: ManifestView, fields: readonly FormField[] = FORM_FIELDS): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  out[USES_EXCHANGE] = view.exchange !== undefined || view.serverService !== undefined;
  out[FILLS_AZURE] = view.azure !== undefined;
  const permissions = view.azure?.permissions;
  for (const f of fields) {
    if (f.pointer.startsWith('#')) continue;
    if (f.pointer in PERMISSIONS) {
      if (permissions !== undefined) out[f.pointer] = permissions.some((p) => p?.name === PERMISSIONS[f.pointer]?.name && p?.type === 'Application' && p?.adminConsent === true);
      continue;
    }
    if (f.pointer === MAILBOX_GRANT) {
      const grants = view.azure?.exchangeOnline?.mailboxPermissions;
      const mailbox = view.exchange?.pop3?.oauth2?.userName?.trim().toLowerCase();
      if (grants !== undefined) out[f.pointer] = grants.some((g) => g?.mailbox?.trim().toLowerCase() === mailbox && (g?.accessRights ?? []).some((r) => r?.toLowerCase() === 'fullaccess'));
      continue;
    }
    const v = getAt(view, f.pointer);
    if (typeof v === 'boolean') out[f.pointer] = v;
    else if (typeof v === 'string' || typeof v === 'number') out[f.pointer] = String(v);
  }
  return out;
}
