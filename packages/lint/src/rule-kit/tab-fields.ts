/**
 * The skeleton every OAuth2 rule shares: for each OAuth2 tab where OAuth2 rules apply, the value
 * of one field; a field not filled in (missing, or only spaces) is reported with the rule's
 * `notFilledIn` message, one wording everywhere. A value of the wrong type is the schema's.
 */
import type { Fix } from '../finding.js';
import type { MessageData, RuleContext } from '../engine/define-rule.js';
import type { MailSection, TabField } from '../model/sections.js';

export interface TabValue {
  readonly section: MailSection;
  readonly pointer: string;
  /** As written. */
  readonly value: string;
  /** Without surrounding white space. */
  readonly trimmed: string;
}

export interface MissingReport {
  readonly data?: MessageData;
  readonly fix?: Fix;
}

export function tabValues<M extends string>(
  ctx: RuleContext<M | 'notFilledIn'>,
  field: Exclude<TabField, 'useOAuth2'>,
  missing: (section: MailSection) => MissingReport,
): TabValue[] {
  const out: TabValue[] = [];
  for (const section of ctx.sections) {
    if (!section.oauthApplies) continue;
    const pointer = section.tabPointer(field);
    if (ctx.written(pointer) === 'invalid') continue;
    const value = section.oauth2?.[field];
    if (value === undefined || value.trim() === '') {
      if (section.reportMissing) ctx.report({ messageId: 'notFilledIn', pointer, ...missing(section) });
      continue;
    }
    out.push({ section, pointer, value, trimmed: value.trim() });
  }
  return out;
}
