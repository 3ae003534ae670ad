/**
 * The installation form's fields, in the order of the guide's dialogs: Mail Settings and its OAuth2
 * tab, TM Exchange SMTP and its OAuth2 tab, POP3 and its OAuth2 tab, then the Azure facts and the
 * versions. Labels, hints, prescribed values and which fields are secret come from the field catalog
 * (@tmcheck/schemas); the form only chooses which fields it asks for and in what order.
 */
import { fieldInfo, type FieldInfo } from '@tmcheck/schemas';

export type FieldKind = 'text' | 'integer' | 'boolean' | 'choice' | 'secret' | 'date';

/** A value as the form holds it: the text typed, or a tick (undefined: not filled in). */
export type FieldValue = string | boolean | undefined;

export interface FormField {
  /** The field's JSON Pointer in the manifest; `#...` for the form's own questions; `/list#item` for a list entry the form manages. */
  readonly pointer: string;
  readonly label: string;
  readonly hint: string;
  readonly kind: FieldKind;
  readonly choices?: readonly string[];
  /** What the form fills in on a new installation: the value the guide prescribes. */
  readonly prescribed?: string | boolean;
  readonly placeholder?: string;
  /** The heading the field is under: the section, and its tab. */
  readonly group: string;
  /** Where the value is read (the TM Master dialog, the Azure portal page). */
  readonly dialog: string;
  /** The field is asked only when the installation uses TM Exchange, or when the Azure facts are filled in. */
  readonly needs?: readonly ('exchange' | 'azure')[];
  /** The field whose value pre-fills this one when it is first reached ("in most cases the same"). */
  readonly carry?: string;
  /** For a secret: the environment variable its `${NAME}` reference names by default. */
  readonly variable?: string;
}

/** The form's questions that are not manifest fields. */
export const USES_EXCHANGE = '#exchange';
export const FILLS_AZURE = '#azure';
/** List entries the form writes as a tick (the API permissions, the mailbox permission). */
export const MAIL_SEND = '/azure/permissions#Mail.Send';
export const POP_ACCESS = '/azure/permissions#POP.AccessAsApp';
export const MAILBOX_GRANT = '/azure/exchangeOnline/mailboxPermissions#pop3';

function kindOf(info: FieldInfo): FieldKind {
  if (info.secret) return 'secret';
  switch (info.type) {
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'const':
      return 'integer';
    case 'enum':
      return 'choice';
    case 'date':
      return 'date';
    default:
      return 'text';
  }
}

function groupOf(info: FieldInfo): string {
  return info.tab !== undefined && info.tab !== info.label ? `${info.section} > ${info.tab}` : info.section;
}

/** A manifest field as the catalog describes it. */
function field(pointer: string, extra: Partial<FormField> = {}): FormField {
  const info = fieldInfo(pointer);
  if (!info) throw new Error(`the form asks for ${pointer}, which the field catalog does not have`);
  const kind = extra.kind ?? kindOf(info);
  const example = info.example !== undefined ? String(info.example) : undefined;
  return {
    pointer,
    label: info.label,
    hint: info.hint,
    kind,
    ...(info.prescribed !== undefined ? { prescribed: typeof info.prescribed === 'boolean' ? info.prescribed : String(info.prescribed) } : {}),
    ...(example !== undefined && kind !== 'secret' ? { placeholder: `such as ${example}` } : {}),
    ...(kind === 'secret' && example !== undefined ? { variable: example } : {}),
    group: groupOf(info),
    dialog: info.dialog,
    ...extra,
  };
}

const EXCHANGE = ['exchange'] as const;
const AZURE = ['azure'] as const;
const AZURE_EXCHANGE = ['azure', 'exchange'] as const;

function tab(base: string, needs: readonly ('exchange' | 'azure')[] | undefined, carryFrom?: string, userCarry?: string): FormField[] {
  const n = needs ? { needs } : {};
  const carry = (f: string) => (carryFrom ? { carry: `${carryFrom}/${f}` } : {});
  return [
    field(`${base}/useOAuth2`, n),
    field(`${base}/tokenUrl`, { ...n, ...carry('tokenUrl') }),
    field(`${base}/scope`, n),
    field(`${base}/userName`, { ...n, ...(userCarry ? { carry: userCarry } : {}) }),
    ...(base === '/mailSettings/oauth2' ? [field(`${base}/useAddressFromUser`, n)] : []),
    field(`${base}/clientId`, { ...n, ...carry('clientId') }),
    field(`${base}/clientSecret`, { ...n, ...carry('clientSecret') }),
  ];
}

export const FORM_FIELDS: readonly FormField[] = [
  field('/installation/name'),
  field('/installation/kind', { choices: ['vessel', 'office'] }),
  {
    pointer: USES_EXCHANGE,
    label: 'Uses TM Exchange',
    hint: 'Does the installation replicate through TM Exchange (System > TM Exchange Client)? Untick for an office that only sends mail: the TM Exchange sections and the Server Service version are then skipped.',
    kind: 'boolean',
    prescribed: true,
    group: 'Installation',
    dialog: 'the manifest',
  },

  field('/mailSettings/smtpServer'),
  field('/mailSettings/smtpPort'),
  field('/mailSettings/smtpEnableSsl'),
  ...tab('/mailSettings/oauth2', undefined),
  field('/mailSettings/smtpTest/sender', { carry: '/mailSettings/oauth2/userName' }),
  field('/mailSettings/smtpTest/receiver'),

  field('/exchange/smtp/server', { needs: EXCHANGE }),
  field('/exchange/smtp/port', { needs: EXCHANGE }),
  field('/exchange/smtp/senderAddress', { needs: EXCHANGE }),
  field('/exchange/smtp/senderName', { needs: EXCHANGE }),
  field('/exchange/smtp/timeoutSeconds', { needs: EXCHANGE }),
  field('/exchange/smtp/useSsl', { needs: EXCHANGE }),
  ...tab('/exchange/smtp/oauth2', EXCHANGE, '/mailSettings/oauth2', '/exchange/smtp/senderAddress'),

  field('/exchange/pop3/server', { needs: EXCHANGE }),
  field('/exchange/pop3/port', { needs: EXCHANGE }),
  field('/exchange/pop3/maxMessages', { needs: EXCHANGE }),
  field('/exchange/pop3/useSsl', { needs: EXCHANGE }),
  ...tab('/exchange/pop3/oauth2', EXCHANGE, '/exchange/smtp/oauth2', '/exchange/smtp/oauth2/userName'),

  {
    pointer: FILLS_AZURE,
    label: 'Fill in the Azure facts',
    hint: 'What was registered in portal.azure.com and Exchange Online: the IDs, the API permissions, the client secret, the mailbox permission. Optional: the rules that need these facts stay silent without them.',
    kind: 'boolean',
    prescribed: true,
    group: 'Azure',
    dialog: 'portal.azure.com',
  },
  field('/azure/tenantId', { needs: AZURE }),
  field('/azure/applicationId', { needs: AZURE, carry: '/mailSettings/oauth2/clientId' }),
  field('/azure/objectId', { needs: AZURE }),
  {
    pointer: MAIL_SEND,
    label: 'Mail.Send granted',
    hint: 'API permissions: Microsoft Graph > Mail.Send, type Application, with admin consent granted (Send mail as any user).',
    kind: 'boolean',
    group: 'Azure',
    dialog: 'portal.azure.com > App registrations > TMMaster > API permissions',
    needs: AZURE,
  },
  {
    pointer: POP_ACCESS,
    label: 'POP.AccessAsApp granted',
    hint: 'API permissions: Office 365 Exchange Online > POP.AccessAsApp, type Application, with admin consent granted.',
    kind: 'boolean',
    group: 'Azure',
    dialog: 'portal.azure.com > App registrations > TMMaster > API permissions',
    needs: AZURE_EXCHANGE,
  },
  field('/azure/clientSecrets/0/description', { needs: AZURE, label: 'Client secret Description' }),
  field('/azure/clientSecrets/0/expires', { needs: AZURE, label: 'Client secret Expires' }),
  field('/azure/clientSecrets/0/secretId', { needs: AZURE }),
  field('/azure/exchangeOnline/servicePrincipalId', { needs: AZURE_EXCHANGE }),
  {
    pointer: MAILBOX_GRANT,
    label: 'Mailbox permission granted',
    hint: 'Add-MailboxPermission -Identity <the POP3 User Name> -User <Service principal ID> -AccessRights FullAccess was run for the POP3 mailbox.',
    kind: 'boolean',
    group: 'Azure',
    dialog: 'Exchange Online PowerShell > Add-MailboxPermission',
    needs: AZURE_EXCHANGE,
  },

  field('/database/version'),
  field('/client/version'),
  field('/serverService/version', { needs: EXCHANGE }),
];

/** The fields a form with these values asks for. */
export function applicableFields(values: Readonly<Record<string, FieldValue>>, fields: readonly FormField[] = FORM_FIELDS): FormField[] {
  const uses = { exchange: values[USES_EXCHANGE] !== false, azure: values[FILLS_AZURE] !== false };
  return fields.filter((f) => (f.needs ?? []).every((n) => uses[n]));
}

/** The JSON Pointer of the manifest part a heading stands for (its findings are shown under it). */
export const GROUP_BASE: Readonly<Record<string, string>> = {
  Installation: '/installation',
  'Mail Settings': '/mailSettings',
  'Mail Settings > OAuth2': '/mailSettings/oauth2',
  'Mail Settings > SMTP Test Function': '/mailSettings/smtpTest',
  'TM Exchange SMTP': '/exchange/smtp',
  'TM Exchange SMTP > OAuth2': '/exchange/smtp/oauth2',
  'TM Exchange POP3': '/exchange/pop3',
  'TM Exchange POP3 > OAuth2': '/exchange/pop3/oauth2',
  Azure: '/azure',
  Versions: '/database',
};
