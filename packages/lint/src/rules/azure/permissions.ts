import { defineRule } from '../../engine/define-rule.js';
import { joinPointer } from '../../load/pointer.js';
import type { Channel, MailSection } from '../../model/sections.js';
import { ours, type Shown } from '../../secrets/show.js';

type Api = 'Microsoft Graph' | 'Office 365 Exchange Online';

/** A permission TM Master needs, and for what. */
interface Need {
  readonly channel: Channel;
  readonly api: Api;
  readonly name: string;
  /** Who checks it, as messages say: `Graph`, `Exchange Online POP3`. */
  readonly checker: string;
  /** What the service answers when the token carries no such role. */
  readonly refusal: string;
}

const NEEDS: readonly Need[] = [
  { channel: 'graph', api: 'Microsoft Graph', name: 'Mail.Send', checker: 'Graph', refusal: 'Graph answers 403 ErrorAccessDenied' },
  {
    channel: 'pop3',
    api: 'Office 365 Exchange Online',
    name: 'POP.AccessAsApp',
    checker: 'Exchange Online POP3',
    refusal: 'POP3 answers "-ERR Authentication failure"',
  },
];

const APIS: readonly Api[] = ['Microsoft Graph', 'Office 365 Exchange Online'];

/** One row of "Configured permissions", as far as it is readable. */
interface Row {
  readonly index: number;
  /** Undefined when not written (or not one of the two the schema allows): then the row matches either API. */
  readonly api: Api | undefined;
  /** Lower case, trimmed. */
  readonly name: string;
  readonly type: 'Application' | 'Delegated' | undefined;
  readonly adminConsent: boolean | undefined;
}

/** "Mail Settings sends" / "Mail Settings and TM Exchange SMTP send": the sections as the catalog names them. */
function subject(sections: readonly MailSection[], verb: string): string {
  const labels = sections.map((s) => s.label);
  if (labels.length === 1) return `${labels[0] as string} ${verb}s`;
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] as string} ${verb}`;
}

const ADD = 'add {{wanted}} (Application) and grant admin consent';

export default defineRule({
  id: 'azure/permissions',
  severity: 'error',
  docs: {
    description:
      'The app registration has the permissions TM Master uses, as Application permissions with admin consent: Microsoft Graph Mail.Send for sending, Office 365 Exchange Online POP.AccessAsApp for POP3',
  },
  fixable: false,
  messages: {
    missing: `{{why}}, but {{field}} lists no {{wanted}}: ${ADD}`,
    underOtherApi: `{{why}}, but {{field}} lists {{name}} only under {{otherApi}}, which is not the permission {{checker}} checks: ${ADD}`,
    imapOnly:
      `{{why}}, but {{field}} lists only IMAP.AccessAsApp, which does not cover POP3 (TM Exchange downloads with POP3, not IMAP): ${ADD}`,
    noAdminConsent:
      '{{field}} is false for {{wanted}}: without consent the token carries no roles and {{refusal}}; an administrator must click ' +
      '"Grant admin consent for <your organization>" in API permissions (recording true here does not grant it)',
    delegated:
      '{{field}} is Delegated for {{wanted}}: app-only tokens carry Application permissions in roles, and a Delegated one never ' +
      "reaches TM Master's server-side sign-in; add {{name}} again under Application permissions, grant admin consent, and record Application here",
  },
  check(ctx) {
    const list = ctx.manifest.azure?.permissions;
    if (!list) return;
    const listed: Row[] = [];
    list.forEach((item, index) => {
      const name = item?.name;
      if (name === undefined) return;
      // An API outside the schema's enum ("Office 365 Exchange", "Graph") is absent from the view: the schema
      // reports it, and the row counts for either API.
      const api = APIS.find((a) => a === item?.api);
      listed.push({ index, api, name: name.trim().toLowerCase(), type: item?.type, adminConsent: item?.adminConsent });
    });
    for (const need of NEEDS) {
      const users = ctx.sections.filter((s) => s.channel === need.channel && s.oauthApplies);
      if (users.length === 0) continue;
      const lower = need.name.toLowerCase();
      const wanted = ours(`${need.api} > ${need.name}`);
      const name = ours(need.name);
      const matches = listed.filter((r) => r.name === lower && (r.api === undefined || r.api === need.api));
      if (matches.length === 0) {
        const why: Shown = ours(
          need.channel === 'graph' ? `${subject(users, 'send')} mail through Microsoft Graph` : `${subject(users, 'download')} replication mail with POP3`,
        );
        const data = { why, wanted, name };
        const elsewhere = listed.find((r) => r.name === lower && r.api !== undefined && r.api !== need.api);
        if (elsewhere?.api !== undefined) {
          ctx.report({ messageId: 'underOtherApi', pointer: '/azure/permissions', data: { ...data, otherApi: ours(elsewhere.api), checker: ours(need.checker) } });
        } else if (need.channel === 'pop3' && listed.some((r) => r.name === 'imap.accessasapp')) {
          ctx.report({ messageId: 'imapOnly', pointer: '/azure/permissions', data });
        } else {
          ctx.report({ messageId: 'missing', pointer: '/azure/permissions', data });
        }
        continue;
      }
      // consent not recorded is not known to be missing: only adminConsent: false says so
      if (matches.some((r) => r.type !== 'Delegated' && r.adminConsent !== false)) continue;
      const application = matches.find((r) => r.type !== 'Delegated');
      if (application) {
        ctx.report({
          messageId: 'noAdminConsent',
          pointer: joinPointer('/azure/permissions', application.index, 'adminConsent'),
          data: { wanted, refusal: ours(need.refusal) },
        });
        continue;
      }
      const delegated = matches[0] as Row;
      ctx.report({ messageId: 'delegated', pointer: joinPointer('/azure/permissions', delegated.index, 'type'), data: { wanted, name } });
    }
  },
});
