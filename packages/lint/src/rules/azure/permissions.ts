import { defineRule } from '../../engine/define-rule.js';
import { joinPointer } from '../../load/pointer.js';
import { arr, bool, isObj, obj, str } from '../../model/access.js';
import type { Channel, MailSection } from '../../model/sections.js';

type Api = 'Microsoft Graph' | 'Office 365 Exchange Online';

/** A permission TM Master needs, and for what. */
interface Need {
  readonly channel: Channel;
  readonly api: Api;
  readonly name: string;
  /** What the service answers when the token carries no such role. */
  readonly refusal: string;
}

const NEEDS: readonly Need[] = [
  { channel: 'graph', api: 'Microsoft Graph', name: 'Mail.Send', refusal: 'Graph answers 403 ErrorAccessDenied' },
  {
    channel: 'pop3',
    api: 'Office 365 Exchange Online',
    name: 'POP.AccessAsApp',
    refusal: 'POP3 answers "-ERR Authentication failure"',
  },
];

/** One row of "Configured permissions", as far as it is readable. */
interface Row {
  readonly index: number;
  /** Undefined when not written: then the row matches either API. */
  readonly api: string | undefined;
  /** Lower case, trimmed. */
  readonly name: string;
  readonly type: string | undefined;
  readonly adminConsent: boolean | undefined;
}

function rows(list: readonly unknown[]): Row[] {
  const out: Row[] = [];
  list.forEach((item, index) => {
    if (!isObj(item)) return;
    const name = str(item, 'name');
    if (name === undefined) return;
    // An API outside the schema's enum ("Office 365 Exchange", "Graph") is the schema's finding: the row then counts for either API.
    const api = str(item, 'api');
    const known = api === 'Microsoft Graph' || api === 'Office 365 Exchange Online' ? api : undefined;
    out.push({ index, api: known, name: name.trim().toLowerCase(), type: str(item, 'type'), adminConsent: bool(item, 'adminConsent') });
  });
  return out;
}

/** "Mail Settings sends" / "Mail Settings and TM Exchange SMTP send". */
function subject(sections: readonly MailSection[], verb: string): string {
  const labels = sections.map((s) => s.label);
  if (labels.length === 1) return `${labels[0] as string} ${verb}s`;
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] as string} ${verb}`;
}

function missingMessage(need: Need, users: readonly MailSection[], list: readonly Row[]): string {
  const wanted = `${need.api} > ${need.name}`;
  const add = `add ${wanted} (Application) and grant admin consent`;
  const why = need.channel === 'graph' ? `${subject(users, 'send')} mail through Microsoft Graph` : `${subject(users, 'download')} replication mail with POP3`;
  const lower = need.name.toLowerCase();
  const elsewhere = list.find((r) => r.name === lower && r.api !== undefined && r.api !== need.api);
  if (elsewhere) {
    return `${why}, but API permissions lists ${need.name} only under ${elsewhere.api as string}, which is not the permission ${need.channel === 'graph' ? 'Graph' : 'Exchange Online POP3'} checks: ${add}`;
  }
  if (need.channel === 'pop3' && list.some((r) => r.name === 'imap.accessasapp')) {
    return `${why}, but API permissions lists only IMAP.AccessAsApp, which does not cover POP3 (TM Exchange downloads with POP3, not IMAP): ${add}`;
  }
  return `${why}, but API permissions lists no ${wanted}: ${add}`;
}

export default defineRule({
  id: 'azure/permissions',
  severity: 'error',
  docs: {
    description:
      'The app registration has the permissions TM Master uses, as Application permissions with admin consent: Microsoft Graph Mail.Send for sending, Office 365 Exchange Online POP.AccessAsApp for POP3',
  },
  fixable: false,
  check(ctx) {
    const list = arr(obj(ctx.manifest, 'azure'), 'permissions');
    if (!list) return;
    const listed = rows(list);
    for (const need of NEEDS) {
      const users = ctx.sections.filter((s) => s.channel === need.channel && s.oauthApplies);
      if (users.length === 0) continue;
      const lower = need.name.toLowerCase();
      const matches = listed.filter((r) => r.name === lower && (r.api === undefined || r.api === need.api));
      if (matches.length === 0) {
        ctx.report({ pointer: '/azure/permissions', message: missingMessage(need, users, listed) });
        continue;
      }
      const wanted = `${need.api} > ${need.name}`;
      // consent not recorded is not known to be missing: only adminConsent: false says so
      if (matches.some((r) => r.type !== 'Delegated' && r.adminConsent !== false)) continue;
      const application = matches.find((r) => r.type !== 'Delegated');
      if (application) {
        const state = 'has no admin consent (adminConsent: false)';
        ctx.report({
          pointer: joinPointer('/azure/permissions', application.index, 'adminConsent'),
          message:
            `${wanted} ${state}: without consent the token carries no roles and ${need.refusal}; an administrator must click ` +
            '"Grant admin consent for <your organization>" in API permissions (writing adminConsent: true here does not grant it)',
        });
        continue;
      }
      const delegated = matches[0] as Row;
      const pointer = joinPointer('/azure/permissions', delegated.index, 'type');
      ctx.report({
        pointer,
        message:
          `${wanted} is a Delegated permission: app-only tokens carry Application permissions in roles, and a Delegated one never ` +
          `reaches TM Master's server-side sign-in; add ${need.name} again under Application permissions, grant admin consent, and record type: Application`,
      });
    }
  },
});
