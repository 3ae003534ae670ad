import { defineRule } from '../../engine/define-rule.js';
import { fieldName } from '../../engine/messages.js';
import { guidKey, isPlaceholderGuid, MICROSOFT_APPS } from '../../model/guid.js';
import type { MailSection } from '../../model/sections.js';
import { ours, showValue } from '../../secrets/show.js';
import { registration, tokenTenant, type Registration } from '../../rule-kit/azure-ids.js';

const APPLICATION_ID = '/azure/applicationId';
const WHY =
  'the guide registers TM Master once in Entra ID and every OAuth2 tab takes its Application (client) ID; enter the same Client ID in each tab, copied from the app registration\'s Overview page';

interface Configured {
  readonly section: MailSection;
  readonly pointer: string;
  /** The Client ID as written, trimmed. */
  readonly trimmed: string;
  /** For comparing: a GUID normalised (case, braces), anything else as written. */
  readonly key: string;
  /** The ID can be an application's: a GUID that is no placeholder and no other known ID. */
  readonly candidate: boolean;
}

/** Whether a Client ID can be TM Master's Application (client) ID, as far as the manifest tells. */
function couldBeApplication(key: string | undefined, section: MailSection, reg: Registration): boolean {
  return (
    key !== undefined &&
    !isPlaceholderGuid(key) &&
    MICROSOFT_APPS[key] === undefined &&
    !reg.others.has(key) &&
    key !== tokenTenant(section)
  );
}

/** The key most tabs hold; on a tie the first in the guide's order (a Map keeps insertion order). */
function majority(tabs: readonly Configured[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of tabs) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
  let best: string | undefined;
  let most = 0;
  for (const [key, n] of counts) {
    if (n > most) {
      best = key;
      most = n;
    }
  }
  return best;
}

function listLabels(sections: readonly MailSection[]): string {
  const labels = sections.map((s) => s.label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export default defineRule({
  id: 'oauth2/client-mismatch',
  severity: 'warning',
  docs: { description: 'Every OAuth2 tab uses the same Client ID: the Application (client) ID of the one TM Master app registration' },
  fixable: false,
  messages: {
    differs: `{{field}} is {{value}} but {{others}} {{verb}} {{expected}}: ${WHY}`,
    differsFromRegistered: `{{field}} is {{value}} but {{others}} {{verb}} {{expected}}, the ID registered in {{registered}}: ${WHY}`,
  },
  check(ctx) {
    const reg = registration(ctx.manifest);
    const configured: Configured[] = [];
    for (const section of ctx.sections) {
      if (!section.oauthApplies) continue;
      const trimmed = section.oauth2?.clientId?.trim();
      if (trimmed === undefined || trimmed === '') continue; // not filled in: oauth2/client-id says so
      const guid = guidKey(trimmed);
      configured.push({ section, pointer: section.tabPointer('clientId'), trimmed, key: guid ?? trimmed, candidate: couldBeApplication(guid, section, reg) });
    }
    if (new Set(configured.map((c) => c.key)).size < 2) return;
    // The ID the tabs should share: the registered one where a tab uses it; else the one most tabs use,
    // counting first those that can be an application's ID (not a placeholder, not the Object ID...).
    const registered = reg.application?.key;
    const candidates = configured.filter((c) => c.candidate);
    const reference = configured.some((c) => c.key === registered) ? registered : majority(candidates.length > 0 ? candidates : configured);
    const holders = configured.filter((c) => c.key === reference);
    const first = holders[0];
    if (!first) return;
    const common = {
      others: ours(listLabels(holders.map((h) => h.section))),
      verb: ours(holders.length === 1 ? 'uses' : 'use'),
      expected: showValue(first.pointer, first.trimmed),
    };
    for (const c of configured) {
      if (c.key === reference) continue;
      const data = { ...common, value: showValue(c.pointer, c.trimmed) };
      if (reference === registered) ctx.report({ messageId: 'differsFromRegistered', pointer: c.pointer, data: { ...data, registered: fieldName(APPLICATION_ID) } });
      else ctx.report({ messageId: 'differs', pointer: c.pointer, data });
    }
  },
});
